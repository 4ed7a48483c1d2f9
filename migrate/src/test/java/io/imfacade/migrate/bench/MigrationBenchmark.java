package io.imfacade.migrate.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.migrate.Item;
import io.imfacade.migrate.Migration;
import io.imfacade.migrate.MigrationListener;
import io.imfacade.migrate.Phase;
import io.imfacade.migrate.Progress;
import io.imfacade.migrate.Summary;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.netease.NeteaseSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness, run by hand (never by the build): migrates N users, each with a profile and K
 * contacts, from the Easemob simulator to the NetEase simulator, both at their documented rate
 * (100 requests a second per app, enforced by the simulators) and 20 ms latency on every answer,
 * the clients at the same rate (100/s is their default). Prints the wall time against the floor that the slower
 * vendor's limit sets, the requests each vendor answered, the heap used, and whether everything
 * arrived. See BENCHMARKS.md, "Switching vendor".
 *
 * <pre>
 * mvn -o -q -pl migrate test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp migrate/target/test-classes:migrate/target/classes:$(cat migrate/target/cp.txt) \
 *     io.imfacade.migrate.bench.MigrationBenchmark --users 10000 --contacts 10
 * </pre>
 *
 * <p>The floor: NetEase has no batch registration, one {@code updateUinfo} per profile and one
 * {@code friend/add} per pair of contacts (a pair is two-way), so it must answer N + N + N·K/2
 * requests, at 100 a second; Easemob answers one token request, and per user one attribute read,
 * one contact list and one block list (3N + 1). The floor is the larger of the two times: no
 * client can beat the slower vendor's limit.
 */
public final class MigrationBenchmark {

  private MigrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = 10_000;
    int contacts = 10;
    int latencyMs = 20;
    int rps = 100;
    int parallelism = Migration.DEFAULT_PARALLELISM;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int v = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--users" -> users = v;
        case "--contacts" -> contacts = v;
        case "--latency-ms" -> latencyMs = v;
        case "--rps" -> rps = v;
        case "--parallelism" -> parallelism = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (contacts % 2 != 0) {
      throw new IllegalArgumentException("--contacts must be even: each user is linked to the K/2 next ones");
    }
    EasemobSimulator easemob = EasemobSimulator.builder().easemob("bench", "app")
        .clientCredentials("bench-client", "bench-secret").requestsPerSecond(rps).build();
    NeteaseSimulator netease = NeteaseSimulator.builder().appKey("benchappkey").appSecret("benchsecret")
        .requestsPerSecond(rps).build();
    List<String> ids = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      ids.add(String.format("user_%05d", i));
    }
    easemob.createUsers(ids);
    for (int i = 0; i < users; i++) {
      easemob.putUserMetadata(ids.get(i), Map.of("nickname", "User " + i + " 🌸", "avatarurl",
          "https://cdn.example.com/avatars/" + i + ".png", "gender", "2", "sign", "签名 " + i));
      for (int k = 1; k <= contacts / 2; k++) {
        easemob.addContact(ids.get(i), ids.get((i + k) % users));
      }
    }
    easemob.faults().latency(Duration.ofMillis(latencyMs));
    netease.faults().latency(Duration.ofMillis(latencyMs));
    WireMockServer easemobServer = server(easemob);
    WireMockServer neteaseServer = server(netease);
    easemob.install(easemobServer);
    netease.install(neteaseServer);
    Path dir = Files.createTempDirectory("imfacade-migrate-bench");
    int exitCode = 1;
    try (ImClient source = ImFacade.open(Map.of("provider", "easemob",
            "easemob.baseUrl", "http://127.0.0.1:" + easemobServer.port(), "easemob.orgName", "bench",
            "easemob.appName", "app", "easemob.clientId", "bench-client", "easemob.clientSecret", "bench-secret",
            "rateLimit.requestsPerSecond", Integer.toString(rps)));
        ImClient target = ImFacade.open(Map.of("provider", "netease",
            "netease.baseUrl", "http://127.0.0.1:" + neteaseServer.port(), "netease.appKey", "benchappkey",
            "netease.appSecret", "benchsecret", "rateLimit.requestsPerSecond", Integer.toString(rps)))) {
      long pairs = (long) users * contacts / 2;
      long neteaseFloorRequests = 2L * users + pairs;
      long easemobFloorRequests = 3L * users + 1;
      double floor = Math.max(neteaseFloorRequests, easemobFloorRequests) / (double) rps;
      System.out.printf(Locale.ROOT, "%d users, %d contacts each (%d pairs); simulators %d requests/s, %d ms latency;"
          + " parallelism %d%n", users, contacts, pairs, rps, latencyMs, parallelism);
      System.out.printf(Locale.ROOT, "floor: NetEase %d requests, Easemob %d requests, at %d/s: %.1f s%n",
          neteaseFloorRequests, easemobFloorRequests, rps, floor);
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(baseline);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      long easemobBefore = easemob.requests();
      long start = System.nanoTime();
      Summary s = Migration.migrate(source, target).users(ids).parallelism(parallelism)
          .checkpoint(dir.resolve("bench.checkpoint")).failures(dir.resolve("bench.failures.ndjson"))
          .listener(new MigrationListener() {
            private long last;

            @Override
            public void phaseStarted(Phase phase, long done, long total) {
              System.out.printf(Locale.ROOT, "%7.1f s  %s started (%d records)%n", (System.nanoTime() - start) / 1e9,
                  phase.label(), total);
            }

            @Override
            public void progress(Progress p) {
              long now = System.nanoTime();
              if (now - last > 30_000_000_000L) {
                last = now;
                System.out.printf(Locale.ROOT, "%7.1f s  %s %d/%d%n", (now - start) / 1e9, p.phase().label(), p.done(),
                    p.total());
              }
            }
          }).build().run();
      double elapsed = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      System.gc();
      long after = memory.getHeapMemoryUsage().getUsed();
      int k = contacts;
      boolean complete = s.complete()
          && ids.stream().allMatch(id -> netease.friendsOf(id).size() == k
              && ("User " + id.substring(5).replaceFirst("^0+(?=.)", "") + " 🌸").equals(netease.userCard(id).get("name")));
      System.out.printf(Locale.ROOT, "elapsed %.1f s = %.3f x the %.1f s floor (target <= 1.15) -> %s%n", elapsed,
          elapsed / floor, floor, elapsed / floor <= 1.15 ? "met" : "NOT met");
      System.out.printf(Locale.ROOT, "requests: NetEase %d (%d rate-limited), Easemob %d (%d rate-limited)%n",
          netease.requests(), netease.rateLimitedRequests(), easemob.requests() - easemobBefore,
          easemob.rateLimitedRequests());
      System.out.printf(Locale.ROOT, "heap used: %.1f MiB before the run (simulators seeded), peak %.1f MiB during it,"
              + " %.1f MiB after (max heap %.0f MiB)%n", baseline / 1048576.0, peak.get() / 1048576.0,
          after / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
      System.out.printf(Locale.ROOT, "summary: users %s, profile values %s, contacts %s; failures %d; everything at"
              + " NetEase: %s%n", s.of(Item.USERS), s.of(Item.PROFILE_VALUES), s.of(Item.CONTACTS), s.failures(),
          complete ? "yes" : "NO");
      exitCode = complete ? 0 : 1;
    } finally {
      easemobServer.stop();
      neteaseServer.stop();
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
    System.exit(exitCode);
  }

  private static WireMockServer server(Extension simulator) {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        // Latency sleeps in a container thread: plenty of them, so that the server never queues.
        .containerThreads(96).disableRequestJournal().stubRequestLoggingDisabled(true).extensions(simulator));
    server.start();
    return server;
  }
}
