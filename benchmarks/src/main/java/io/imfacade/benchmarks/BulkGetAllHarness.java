package io.imfacade.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.profile.Gender;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Load harness: one {@code profiles().getAll(10,000 ids)} against a stateful vendor simulator that
 * answers every request 20 ms late and admits 100 requests a second, with the client at its default
 * rate. Prints each run's elapsed time, the floor no client can beat, the share of the floor
 * reached, the simulator's count of rate-limited answers, and whether every profile came back.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.BulkGetAllHarness easemob
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.BulkGetAllHarness netease --runs 9
 * </pre>
 *
 * <p>Floor = max(requests / rate, requests &times; latency / parallelism): the client may not send
 * faster than its rate limit, and with {@link #PARALLELISM} requests in flight each 20 ms answer
 * can only overlap so much. The exit status is 0 when every run brought back every profile, 1
 * otherwise (the figures themselves are judged in BENCHMARKS.md, not here).
 */
public final class BulkGetAllHarness {

  /**
   * The chunks a provider keeps in flight for one batch call ({@code Family.PARALLELISM} and
   * {@code NeteaseApp.PARALLELISM}, package-private in the providers). Only the latency term of the
   * floor uses it, and at 20 ms that term is half the rate term or less.
   */
  static final int PARALLELISM = 4;

  private static final String ORG = "bench";
  private static final String APP = "app";
  private static final String CLIENT_ID = "bench-client-id";
  private static final String CLIENT_SECRET = "bench-client-secret";
  private static final String NETEASE_APP_KEY = "benchappkey";
  private static final String NETEASE_APP_SECRET = "benchappsecret";

  private BulkGetAllHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code easemob} or {@code netease}, then optionally {@code --runs N} (default 9),
   *     {@code --ids N} (default 10000), {@code --latency-ms N} (default 20), {@code
   *     --simulator-rps N} (default 100)
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("easemob") || args[0].equals("netease"))) {
      System.err.println("usage: BulkGetAllHarness easemob|netease [--runs N] [--ids N] [--latency-ms N] [--simulator-rps N]");
      System.exit(2);
    }
    String vendor = args[0];
    int runs = 9;
    int users = 10_000;
    int latencyMs = 20;
    int simulatorRps = 100;
    Iterator<String> rest = Arrays.asList(args).subList(1, args.length).iterator();
    while (rest.hasNext()) {
      String flag = rest.next();
      if (!rest.hasNext()) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      int value = Integer.parseInt(rest.next());
      switch (flag) {
        case "--runs":
          runs = value;
          break;
        case "--ids":
          users = value;
          break;
        case "--latency-ms":
          latencyMs = value;
          break;
        case "--simulator-rps":
          simulatorRps = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    System.exit(new BulkGetAllHarness().run(vendor, runs, users, latencyMs, simulatorRps) ? 0 : 1);
  }

  /** The simulator side of one vendor: how to seed it and read its counters. */
  private static final class Target {
    Extension extension;
    Runnable install;
    LongSupplier requests;
    LongSupplier rateLimited;
    String rateLimitAnswer;
    int chunkSize;
    Map<String, String> clientConfig;
  }

  /** The limits a provider declares, as its clients enforce them: the batch size is one of them. */
  private static VendorLimits declaredLimits(String provider) {
    return ImFacade.metadata(provider).map(ProviderMetadata::limits)
        .orElseThrow(() -> new IllegalStateException("provider " + provider + " is not on the class path"));
  }

  private boolean run(String vendor, int runs, int users, int latencyMs, int simulatorRps) throws InterruptedException {
    List<String> ids = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      ids.add("user_" + i);
    }
    Target target = new Target();
    WireMockServer[] server = new WireMockServer[1];
    if (vendor.equals("easemob")) {
      EasemobSimulator sim = EasemobSimulator.builder().easemob(ORG, APP)
          .clientCredentials(CLIENT_ID, CLIENT_SECRET).requestsPerSecond(simulatorRps).build();
      sim.createUsers(ids);
      for (int i = 0; i < users; i++) {
        sim.putUserMetadata(ids.get(i), Map.of("nickname", nickname(i), "avatarurl", avatar(i), "gender", "2"));
      }
      sim.faults().latency(Duration.ofMillis(latencyMs));
      target.extension = sim;
      target.install = () -> sim.install(server[0]);
      target.requests = sim::requests;
      target.rateLimited = sim::rateLimitedRequests;
      target.rateLimitAnswer = "HTTP 429";
      target.chunkSize = declaredLimits("easemob").profileBatchGet();
      target.clientConfig = Map.of("provider", "easemob", "easemob.orgName", ORG, "easemob.appName", APP,
          "easemob.clientId", CLIENT_ID, "easemob.clientSecret", CLIENT_SECRET);
    } else {
      NeteaseSimulator sim = NeteaseSimulator.builder().appKey(NETEASE_APP_KEY).appSecret(NETEASE_APP_SECRET)
          .requestsPerSecond(simulatorRps).build();
      sim.createUsers(ids);
      for (int i = 0; i < users; i++) {
        sim.updateUserCard(ids.get(i), Map.of("name", nickname(i), "icon", avatar(i), "gender", "2"));
      }
      sim.faults().latency(Duration.ofMillis(latencyMs));
      target.extension = sim;
      target.install = () -> sim.install(server[0]);
      target.requests = sim::requests;
      target.rateLimited = sim::rateLimitedRequests;
      target.rateLimitAnswer = "code 416";
      target.chunkSize = declaredLimits("netease").profileBatchGet();
      target.clientConfig = Map.of("provider", "netease", "netease.appKey", NETEASE_APP_KEY,
          "netease.appSecret", NETEASE_APP_SECRET);
    }

    server[0] = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        // Fixed delays sleep in a container thread: plenty, so the server never queues requests.
        .containerThreads(64)
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .extensions(target.extension));
    server[0].start();
    try {
      target.install.run();
      Map<String, String> config = new HashMap<>(target.clientConfig);
      config.put(vendor + ".baseUrl", "http://127.0.0.1:" + server[0].port());
      // No rateLimit.requestsPerSecond: the client runs at its default, the vendor's documented 100/s.
      try (ImClient client = ImFacade.open(config)) {
        return measure(vendor, client, target, ids, runs, latencyMs, simulatorRps);
      }
    } finally {
      server[0].stop();
    }
  }

  private boolean measure(String vendor, ImClient client, Target target, List<String> ids, int runs, int latencyMs,
      int simulatorRps) throws InterruptedException {
    int requests = (ids.size() + target.chunkSize - 1) / target.chunkSize;
    double rate = 100; // the providers' default rateLimit.requestsPerSecond
    double rateFloor = requests / rate;
    double latencyFloor = requests * (latencyMs / 1000d) / PARALLELISM;
    double floor = Math.max(rateFloor, latencyFloor);
    System.out.printf(Locale.ROOT, "%s: getAll(%d ids) = %d requests of <= %d ids; client %.0f requests/s, "
            + "parallelism %d; simulator %d requests/s, %d ms latency%n",
        vendor, ids.size(), requests, target.chunkSize, rate, PARALLELISM, simulatorRps, latencyMs);
    System.out.printf(Locale.ROOT, "floor = max(%d / %.0f s, %d x %d ms / %d) = max(%.3f s, %.3f s) = %.3f s%n",
        requests, rate, requests, latencyMs, PARALLELISM, rateFloor, latencyFloor, floor);

    // Warm-up: one call on a cold JVM, left out of the median (class loading, JIT, the connection
    // pool and, for Easemob, the token). Printed, because a batch job's first call is a cold one.
    long limitedBefore = target.rateLimited.getAsLong();
    long coldStart = System.nanoTime();
    Map<String, UserProfile> cold = client.profiles().getAll(ids);
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
    long warmUpLimited = target.rateLimited.getAsLong() - limitedBefore;
    System.out.printf(Locale.ROOT, "warm-up (cold JVM%s): %.3f s, %d rate-limited, %d profiles, complete: %s%n",
        vendor.equals("easemob") ? ", token request included" : "", coldSeconds, warmUpLimited, cold.size(), complete(ids, cold) ? "yes" : "NO");
    Thread.sleep(1_500);

    boolean allComplete = complete(ids, cold);
    double[] elapsed = new double[runs];
    long totalLimited = 0;
    System.out.println("run  elapsed_s  %_of_floor  requests  rate_limited(" + target.rateLimitAnswer + ")  profiles  complete");
    for (int run = 0; run < runs; run++) {
      long requestsBefore = target.requests.getAsLong();
      long limited = target.rateLimited.getAsLong();
      long start = System.nanoTime();
      Map<String, UserProfile> profiles = client.profiles().getAll(ids);
      long nanos = System.nanoTime() - start;
      long sent = target.requests.getAsLong() - requestsBefore;
      long limitedNow = target.rateLimited.getAsLong() - limited;
      totalLimited += limitedNow;
      boolean complete = complete(ids, profiles);
      allComplete &= complete;
      elapsed[run] = nanos / 1e9;
      System.out.printf(Locale.ROOT, "%3d  %9.3f  %9.1f%%  %8d  %24d  %8d  %s%n", run + 1, elapsed[run],
          100 * floor / elapsed[run], sent, limitedNow, profiles.size(), complete ? "yes" : "NO");
      // Start each run from an idle app, as a batch job would.
      Thread.sleep(1_500);
    }
    double[] sorted = elapsed.clone();
    Arrays.sort(sorted);
    double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    System.out.printf(Locale.ROOT, "median %.3f s (min %.3f, max %.3f) over %d runs = %.1f%% of the %.3f s floor "
            + "(target >= 90%%: elapsed <= %.3f s) -> %s%n",
        median, sorted[0], sorted[runs - 1], runs, 100 * floor / median, floor, floor / 0.9,
        median <= floor / 0.9 ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "rate-limited answers (%s): %d in the measured runs, %d in the warm-up (target 0) -> %s%n",
        target.rateLimitAnswer, totalLimited, warmUpLimited, totalLimited + warmUpLimited == 0 ? "met" : "NOT met");
    System.out.println("every profile back in every run: " + (allComplete ? "yes" : "NO"));
    return allComplete;
  }

  /** Whether every id came back, in input order, with the profile the simulator was seeded with. */
  private static boolean complete(List<String> ids, Map<String, UserProfile> profiles) {
    if (profiles.size() != ids.size()) {
      return false;
    }
    Iterator<Map.Entry<String, UserProfile>> it = profiles.entrySet().iterator();
    for (int i = 0; i < ids.size(); i++) {
      Map.Entry<String, UserProfile> e = it.next();
      UserProfile p = e.getValue();
      if (!e.getKey().equals(ids.get(i)) || !nickname(i).equals(p.nickname()) || !avatar(i).equals(p.avatarUrl())
          || p.gender() != Gender.FEMALE) {
        return false;
      }
    }
    return true;
  }

  private static String nickname(int i) {
    return "User " + i;
  }

  private static String avatar(int i) {
    return "https://cdn.example.com/avatars/" + i + ".png";
  }
}
