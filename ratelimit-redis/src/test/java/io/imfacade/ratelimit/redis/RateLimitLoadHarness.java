package io.imfacade.ratelimit.redis;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.imfacade.ImConfig;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.RateLimiterStores;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.spi.ProviderContext;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load harness of BENCHMARKS.md ("Running many instances: Redis"); a main class, never run by
 * {@code mvn verify}. In one run: four instances (JVMs, four threads each) doing bulk {@code
 * getAll} against one NetEase simulator at the documented 100 calls a second with 20 ms latency,
 * first with local limiters, then with the Redis store (the same JVMs: each has a client per
 * store); then the cost of one permit in a timed loop, next to one bare Redis round trip ({@code
 * PING}) and a local permit. Needs {@code redis-server} on the PATH (it starts its own).
 *
 * <pre>
 * mvn -B -q -o install -pl bom,api,http,vendor-simulators,provider-netease,ratelimit-redis -am -DskipTests
 * mvn -B -q -o -pl ratelimit-redis test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd ratelimit-redis   # its logs and redis-server's go to target/
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.imfacade.ratelimit.redis.RateLimitLoadHarness [seconds per mode, default 10]
 * </pre>
 *
 * The table goes to stdout; what each instance saw (its counts, the store's warnings, its first
 * failures) to stderr.
 */
public final class RateLimitLoadHarness {

  private static final String APP_KEY = "harness0app0key00000000000000001";
  private static final String APP_SECRET = "harness-secret";
  private static final int LIMIT = 100;
  private static final int INSTANCES = 4;
  private static final int USERS = 2000;
  private static final int BATCH = 1000;
  /** The 1-minute load average before each measured mode: the machine may be shared. */
  private static final List<String> LOAD_BEFORE = new ArrayList<>();

  private RateLimitLoadHarness() {}

  /** Runs everything and prints the figures. */
  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
    NeteaseSimulator sim = NeteaseSimulator.builder().appKey(APP_KEY).appSecret(APP_SECRET).build();
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(64).extensions(sim));
    server.start();
    sim.install(server);
    try (RedisServer redis = RedisServer.start()) {
      seed(sim);
      List<String> workerArgs = List.of("baseUrl=http://127.0.0.1:" + server.port(), "appKey=" + APP_KEY,
          "appSecret=" + APP_SECRET, "stores=local,redis", "redisUri=" + redis.uri(), "threads=4", "users=" + USERS,
          "batch=" + BATCH, "callTimeoutMs=5000");
      // One fleet for both modes: the same four JVMs, each with a client per store.
      try (Fleet fleet = Fleet.start(INSTANCES, workerArgs, List.of("-Xmx512m"), Duration.ofSeconds(120))) {
        System.out.printf(Locale.ROOT, "%d instances x 4 threads, getAll(%d ids) = 5 requests of 200, vendor limit %d/s,"
            + " 20 ms latency, %d s per mode%n%n", INSTANCES, BATCH, LIMIT, seconds);
        System.out.println("| limiter | requests/s reaching the vendor | busiest second: sliding / of the vendor's clock"
            + " | answered (not 416) per s | share of the limit: whole run / without its first and last second | 416 answers"
            + " | calls ok / failed |");
        System.out.println("|---|---|---|---|---|---|---|");
        // Unmeasured: the JIT compiles the call path (the same for both stores but the limiter)
        // on the shared limit, so neither measured mode runs on colder code than the other, and
        // no vendor block (a local mode's) pauses a client into the next mode.
        sim.faults().latency(Duration.ofMillis(20));
        fleet.go("redis", 5000);
        fleet.results(Duration.ofSeconds(120));
        for (String store : List.of("local", "redis")) {
          runMode(store, seconds, sim, server, fleet);
        }
        System.out.println();
        System.out.println("load average (1 min) before each mode: " + LOAD_BEFORE);
      }
      System.out.println();
      permitCost(redis);
    } finally {
      server.stop();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static void seed(NeteaseSimulator sim) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add("u" + i);
    }
    sim.createUsers(users);
  }

  private static void runMode(String store, long seconds, NeteaseSimulator sim, WireMockServer server, Fleet fleet)
      throws Exception {
    LOAD_BEFORE.add(loadAverage());
    sim.reset(); // state, the 10-second block and the journal of the previous mode
    seed(sim);
    sim.faults().latency(Duration.ofMillis(20));
    long rejectedBefore = sim.rateLimitedRequests();
    fleet.go(store, seconds * 1000);
    List<Fleet.Result> results = fleet.results(Duration.ofSeconds(seconds + 120));
    for (Fleet.Result r : results) {
      // On stderr, apart from the table: what each instance saw and logged (fallbacks, failures).
      System.err.println(store + " instance: " + r);
      r.log().lines().filter(l -> l.contains(" WARN ") || l.contains(" INFO ") || l.startsWith("first ") || l.startsWith("SLOW "))
          .limit(20).forEach(l -> System.err.println("  " + l));
    }
    List<Long> arrivals = VendorRecord.arrivals(server);
    long rejected = sim.rateLimitedRequests() - rejectedBefore;
    // The run's time: from the first request to the last.
    double span = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1000.0;
    double answered = (arrivals.size() - rejected) / span;
    long ok = results.stream().mapToLong(r -> r.get("ok")).sum();
    long failed = results.stream().mapToLong(r -> r.get("rateLimited") + r.get("unavailable") + r.get("otherIm") + r.get("unexpected")).sum();
    // Steady state: every instance running, none winding down (rejections are counted for the whole run).
    long from = arrivals.get(0) + 1000;
    long to = arrivals.get(arrivals.size() - 1) - 1000;
    double steady = arrivals.stream().filter(t -> t >= from && t < to).count() * 1000.0 / (to - from);
    // With rejections the steady share of answered requests is not known per instant: not shown.
    double steadyAnswered = rejected == 0 ? steady : Double.NaN;
    System.out.printf(Locale.ROOT, "| %s | %.1f | %d / %d | %.1f | **%.1f %%** / %s | %d | %d / %d |%n", store,
        arrivals.size() / span, Windows.maxInAnyWindow(arrivals, 1000), Windows.maxInFixedWindows(arrivals, 1000), answered,
        100.0 * answered / LIMIT,
        Double.isNaN(steadyAnswered) ? "–" : String.format(Locale.ROOT, "**%.1f %%**", 100.0 * steadyAnswered / LIMIT),
        rejected, ok, failed);
  }

  /** The cost of one permit: a rate no one reaches, so that every permit is one reservation in Redis. */
  private static void permitCost(RedisServer redis) throws Exception {
    ImConfig redisConfig = ImConfig.of(Map.of(ImConfig.RATE_LIMIT_STORE, "redis", ImConfig.RATE_LIMIT_REDIS_URI, redis.uri()));
    ImConfig localConfig = ImConfig.of(Map.of());
    System.out.println("| permit (rate 10^9/s: never waits) | threads | median | p99 | mean | permits/s |");
    System.out.println("|---|---|---|---|---|---|");
    pingCost(redis);
    for (ImConfig config : List.of(localConfig, redisConfig)) {
      for (int threads : new int[] {1, 4}) {
        try (ProviderContext context = ProviderContext.create()) {
          AppRateLimiter limiter = RateLimiterStores.limiterFor(context, config, "bench:permit-cost-" + threads, 1e9);
          timed(limiter, threads, 2_000); // warm-up
          long[] nanos = timed(limiter, threads, 20_000);
          Arrays.sort(nanos);
          double mean = Arrays.stream(nanos).average().orElse(0);
          System.out.printf(Locale.ROOT, "| %s | %d | %.1f µs | %.1f µs | %.1f µs | %.0f |%n",
              config.get(ImConfig.RATE_LIMIT_STORE).orElse("local"), threads, nanos[nanos.length / 2] / 1000.0,
              nanos[(int) (nanos.length * 0.99)] / 1000.0, mean / 1000.0, threads * 1e9 / mean);
        }
      }
    }
  }

  /** One bare round trip to the same Redis ({@code PING}, Lettuce, synchronous), for scale. */
  private static void pingCost(RedisServer redis) {
    RedisClient client = RedisClient.create(RedisURI.create(redis.uri()));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> commands = connection.sync();
      for (int i = 0; i < 2_000; i++) {
        commands.ping(); // warm-up
      }
      long[] nanos = new long[20_000];
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        commands.ping();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      double mean = Arrays.stream(nanos).average().orElse(0);
      System.out.printf(Locale.ROOT, "| Redis PING (one round trip) | 1 | %.1f µs | %.1f µs | %.1f µs | %.0f |%n",
          nanos[nanos.length / 2] / 1000.0, nanos[(int) (nanos.length * 0.99)] / 1000.0, mean / 1000.0, 1e9 / mean);
    } finally {
      client.shutdown();
    }
  }

  /** {@code count} permits per thread; the time of each. */
  private static long[] timed(AppRateLimiter limiter, int threads, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(pool.submit(() -> {
          long[] times = new long[count];
          Instant deadline = Instant.now().plusSeconds(60);
          for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            limiter.acquire(deadline);
            times[i] = System.nanoTime() - start;
          }
          return times;
        }));
      }
      long[] all = new long[0];
      for (Future<long[]> run : runs) {
        long[] times = run.get();
        long[] merged = Arrays.copyOf(all, all.length + times.length);
        System.arraycopy(times, 0, merged, all.length, times.length);
        all = merged;
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
