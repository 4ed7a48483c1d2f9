package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ratelimit.redis.internal.RedisKeys;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four instances of a service as four JVMs, four threads each, doing bulk profile reads with the
 * same NetEase app key against one simulator that enforces the app's limit (code 416 and a
 * 10-second block beyond). With the Redis store the vendor never sees more than the limit in any
 * sliding second and rejects nothing; with local limiters (95% of the limit each) it blocks the
 * app. Redis killed and restarted mid-run costs no hang and no error but the neutral ones, every
 * call ends within its deadline, and every instance returns to Redis.
 *
 * <p>The app's limit here is 40 calls a second, set on both sides (the simulator and {@code
 * rateLimit.requestsPerSecond}), not NetEase's default of 100: the local run must send more than
 * the limit to show the problem, and four JVMs plus the simulator on a busy 2-core machine were
 * seen to manage only 93 requests a second. The property is as strict at 40 as at 100: the bucket
 * spaces permits 1/(0.95 limit) apart, so a vendor second overflows at either rate only when
 * permits are delayed unevenly by more than about 50 ms. The documented 100 a second is measured
 * by the load harness (BENCHMARKS.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {

  private static final String APP_KEY = "multiinstance0app0key000000000001";
  private static final String APP_SECRET = "multi-instance-secret";
  private static final int LIMIT = 40;
  /** How late a request may reach the simulator after its permit, at most, on a loaded machine. */
  private static final int ARRIVAL_JITTER_MS = 50;
  private static final int INSTANCES = 4;
  private static final int USERS = 300;
  /**
   * The call deadline: long enough for a busy test machine that holds a worker's thread for
   * seconds (calls of 5 s were seen at a load of 24), and short enough that a call made in the
   * first three seconds of NetEase's 10-second block fails at once instead of waiting for its end:
   * the local run (2.5 s, blocked within its first second) then ends when its time is up.
   */
  private static final int CALL_TIMEOUT_MS = 7_000;
  /** Ids per getAll: one request each; small answers keep the machine's CPU out of the measurement. */
  private static final int BATCH = 20;

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).requestsPerSecond(LIMIT).build();

  /** Quick JVMs: the workers wait on the network, C1 code is plenty and starts sooner. */
  private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m");

  /**
   * The four instances, each with a client per store (local and redis), started once for the
   * three runs: starting four JVMs is the slow part on a busy machine. The runs go in a fixed
   * order because a vendor block seen in one run pauses that client's limiter beyond it: the
   * local run's blocks pause only the local clients, and the run that kills Redis, where the
   * switch-over may cost a block, comes last.
   */
  private static Fleet fleet;

  @BeforeAll
  static void startFleet() throws Exception {
    seed(); // for the warm-up calls
    fleet = Fleet.start(INSTANCES, List.of(
        "baseUrl=" + SIM.baseUrl(), "appKey=" + APP_KEY, "appSecret=" + APP_SECRET, "rps=" + LIMIT,
        "stores=local,redis", "redisUri=" + REDIS.uri(),
        // The patient Redis timeout of the in-JVM tests (Instance#redis): these runs are about
        // sharing and a killed Redis, not a slow one (RedisTroubleTest).
        "redisTimeoutMs=" + Instance.PATIENT_TIMEOUT_MS,
        "threads=4", "users=" + USERS, "batch=" + BATCH, "callTimeoutMs=" + CALL_TIMEOUT_MS,
        // A vendor rejection fails the call at once, counted, instead of being waited out (10 s).
        "maxAttempts=1"), JVM, Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @BeforeEach
  void seedAgain() {
    seed(); // the simulator is reset before each test
  }

  private static void seed() {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add("u" + i);
    }
    SIM.simulator().createUsers(users);
  }

  @Test
  @Order(1)
  @Timeout(120)
  void withRedis_noSlidingSecondOverTheLimit_andNoRejection() throws Exception {
    SIM.server().resetRequests(); // nothing but the run in the record
    fleet.go("redis", 4000);
    List<Fleet.Result> results = fleet.results(Duration.ofSeconds(60));

    NeteaseSimulator sim = SIM.simulator();
    List<Long> arrivals = VendorRecord.arrivals(SIM.server());
    assertThat(sim.rateLimitedRequests()).as("answers with code 416").isZero();
    // The limiter spaces the permits; the simulator records arrivals, which also carry each worker's
    // scheduling and the loopback's delays: on a loaded 2-core machine tens of ms (one CI run saw 41
    // requests in a full sliding second, no 416). So no window shorter by that jitter may hold more
    // than the limit, and the vendor's own count (per second of its clock) refused nothing above.
    int tight = Windows.maxInAnyWindow(arrivals, 1000 - ARRIVAL_JITTER_MS);
    assertThat(tight).as("requests in the busiest sliding %d ms", 1000 - ARRIVAL_JITTER_MS).isLessThanOrEqualTo(LIMIT);
    int busiest = Windows.maxInAnyWindow(arrivals, 1000);
    // Not vacuous: calls flowed (the same fleet sends far more with local limiters, below). Seen:
    // 38-40 on a quiet machine, 24 with a load of 20 and 18 with the build niced under a benchmark
    // on both cores, when most threads wake up late and give their slots up (RedisRateLimiter.MAX_LATE).
    // The share of the limit is a performance figure, measured by the load harness, not here.
    assertThat(busiest).as("requests in the vendor's busiest sliding second").isGreaterThanOrEqualTo(LIMIT / 4);
    for (Fleet.Result r : results) {
      assertThat(r.get("ok")).as("calls of %s", r).isPositive();
      assertThat(r.get("rateLimited") + r.get("unavailable") + r.get("otherIm") + r.get("unexpected")).as("failures of %s", r).isZero();
    }
    // The share of the limit a busy fleet gets (target 90%) is measured by the load harness at the
    // vendor's 100/s (BENCHMARKS.md) and, in one JVM, by SharedLimitTest.
  }

  @Test
  @Order(2)
  @Timeout(120)
  void withLocalLimiters_theSameFleetGoesOverTheLimitAndIsBlocked() throws Exception {
    SIM.server().resetRequests(); // nothing but the run in the record
    fleet.go("local", 2500);
    List<Fleet.Result> results = fleet.results(Duration.ofSeconds(60));

    List<Long> arrivals = VendorRecord.arrivals(SIM.server());
    int busiest = Windows.maxInAnyWindow(arrivals, 1000);
    assertThat(busiest).as("requests in the vendor's busiest sliding second; workers: %s; log of the first: %s",
        results, results.get(0).log()).isGreaterThan(LIMIT);
    assertThat(SIM.simulator().rateLimitedRequests())
        .as("answers with code 416 (%d requests, %d in the busiest second)", arrivals.size(), busiest).isPositive();
    assertThat(results.stream().mapToLong(r -> r.get("rateLimited")).sum()).as("calls refused: %s", results).isPositive();
  }

  @Test
  @Order(3)
  @Timeout(120)
  void redisKilledMidRunAndRestarted_noHang_onlyNeutralErrors_andEveryInstanceReturnsToRedis() throws Exception {
    NeteaseSimulator sim = SIM.simulator();
    SIM.server().resetRequests();
    long atGo = sim.requests();
    // The run lasts until STOP: each step waits for what the fleet did, not for a time.
    fleet.go("redis", 120_000);
    Await.until(() -> sim.requests() >= atGo + LIMIT, Duration.ofSeconds(30)); // about a second on Redis
    REDIS.server().kill();
    long atKill = sim.requests();
    Await.until(() -> sim.requests() >= atKill + LIMIT, Duration.ofSeconds(30)); // going on, on the fallbacks
    REDIS.server().restart();
    Await.until(() -> fleet.logsSoFar().stream().allMatch(MultiInstanceTest::backOnRedis), Duration.ofSeconds(30));
    long atReturn = sim.requests();
    Await.until(() -> sim.requests() >= atReturn + LIMIT, Duration.ofSeconds(30)); // going on, on Redis
    // A busy machine may hold up one answer long enough for a short fallback of its own: it ends
    // by itself too, and the run ends with every instance on Redis.
    Await.until(() -> fleet.logsSoFar().stream().allMatch(MultiInstanceTest::backOnRedis), Duration.ofSeconds(30));
    fleet.stop();
    List<Fleet.Result> results = fleet.results(Duration.ofSeconds(60));

    // While the instances switch over, some on their fallback and some on Redis, the fleet may
    // briefly go over the limit and be blocked (README): those calls fail with the neutral
    // RateLimitedException, counted, not asserted away.
    for (Fleet.Result r : results) {
      assertThat(r.get("unexpected")).as("anything but an ImException, in %s", r).isZero();
      // No call hung on the dead Redis: each ended within its deadline (the rest is a busy
      // machine's scheduling; RedisTroubleTest measures the limiter's own lateness).
      assertThat(r.get("maxCallMs")).as("the longest call of %s; log: %s", r, r.log()).isLessThanOrEqualTo(CALL_TIMEOUT_MS + 500);
      assertThat(r.get("ok")).isPositive();
      // One warning for the outage, not one per call (hundreds); on a busy machine a late answer
      // may add a short fallback of its own. Every fallback ends with one info line: back on Redis.
      List<String> warnings = r.lines("WARN");
      assertThat(warnings).as("warnings: %s", r.log()).hasSizeBetween(1, 2);
      assertThat(r.lines("INFO")).as("info lines: %s", r.log()).hasSameSizeAs(warnings)
          .allSatisfy(l -> assertThat(l).contains("answers again"));
    }
    assertThat(REDIS.admin().exists(RedisKeys.of("netease:" + APP_KEY).bucket())).as("the shared bucket, used again").isEqualTo(1);
  }

  /** Whether a worker's log of the run shows it back on Redis after its last warning. */
  private static boolean backOnRedis(String log) {
    int warn = log.lastIndexOf(" WARN io.imfacade.ratelimit.redis ");
    return warn >= 0 && log.indexOf("answers again", warn) > 0;
  }
}
