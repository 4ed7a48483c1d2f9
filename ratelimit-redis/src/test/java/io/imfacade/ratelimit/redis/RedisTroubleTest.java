package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.imfacade.ImConfig;
import io.imfacade.error.RateLimitedException;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.ratelimit.redis.internal.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis trouble never stops the app: killed, frozen or never there, each instance limits locally
 * at its share of the rate, logs one warning, keeps every call within its deadline, and goes back
 * to Redis by itself (one info line) once it answers again.
 */
class RedisTroubleTest {

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final String APP = "netease:trouble-test-app";
  private static final String BUCKET_KEY = RedisKeys.of(APP).bucket();
  private static final int LIMIT = 40;
  private static final long MS = 1_000_000L;
  /** The default timeout of a Redis command, for the tests of a slow Redis (see {@link Instance#redis}). */
  private static final String[] DEFAULT_TIMEOUT = {ImConfig.RATE_LIMIT_REDIS_TIMEOUT_MS, "100"};

  @Test
  @Timeout(60)
  void killed_theInstanceFallsBackAtItsShareWithOneWarning_andReturnsByItselfAfterARestart() throws Exception {
    try (Instance instance = Instance.redis(REDIS.uri(), ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, "0.5")) {
      AppRateLimiter limiter = instance.onRedis(APP, LIMIT);
      String port = ":" + REDIS.server().port();
      LogFile log = LogFile.mark();

      REDIS.server().kill();
      List<Long> releases = Load.run(List.of(limiter), 4, Duration.ofMillis(1500));
      // 0.5 x 40 x 0.95 = 19 a second on the local fallback; nothing failed (Load rethrows).
      assertThat(Windows.maxInAnyWindow(releases, 1000 * MS)).as("the fallback's rate").isBetween(15, 20);
      assertThat(log.lines("WARN", port)).as("one warning for the outage").hasSize(1)
          .allSatisfy(l -> assertThat(l).contains("unreachable").contains("0.5 of the app's rate"));

      REDIS.server().restart();
      Await.until(() -> {
        limiter.acquire(Instant.now().plusSeconds(5));
        return REDIS.admin().exists(BUCKET_KEY) == 1;
      }, Duration.ofSeconds(10));
      assertThat(log.lines("INFO", port)).as("one info line for the return").hasSize(1)
          .allSatisfy(l -> assertThat(l).contains("answers again"));
      assertThat(log.lines("WARN", port)).hasSize(1);
    }
  }

  @Test
  @Timeout(60)
  void frozen_aCallWaitsUntilTheOutageIsConfirmed_neverPastItsDeadline_andTheInstanceReturnsWhenItThaws() {
    try (Instance one = Instance.redis(REDIS.uri(), ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, "1", DEFAULT_TIMEOUT[0], DEFAULT_TIMEOUT[1]);
        Instance two = Instance.redis(REDIS.uri(), ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, "1", DEFAULT_TIMEOUT[0], DEFAULT_TIMEOUT[1])) {
      AppRateLimiter first = one.onRedis(APP, LIMIT);
      AppRateLimiter second = two.onRedis(APP, LIMIT);
      LogFile log = LogFile.mark();

      REDIS.server().freeze(); // connections stay open; nothing is answered
      long start = System.nanoTime();
      first.acquire(Instant.now().plusSeconds(5));
      // A late answer (100 ms) starts a probe; Redis is asked again until the probe gives up
      // (500 ms more), then the fallback serves.
      assertThat(System.nanoTime() - start).as("the time to confirm the outage").isBetween(500 * MS, 1500 * MS);
      String port = ":" + REDIS.server().port();
      // The probe that gave up logs it on its own thread, maybe just after the fallback served.
      Await.until(() -> !log.lines("WARN", port).isEmpty(), Duration.ofSeconds(2));
      assertThat(log.lines("WARN", port)).hasSize(1);
      start = System.nanoTime();
      first.acquire(Instant.now().plusSeconds(5));
      assertThat(System.nanoTime() - start).as("away now: no Redis wait at all").isLessThan(90 * MS);

      // A deadline shorter than the timeout: the call ends by its deadline, refused or granted.
      start = System.nanoTime();
      Throwable thrown = catchThrowable(() -> second.acquire(Instant.now().plusMillis(40)));
      assertThat(System.nanoTime() - start).isLessThan(140 * MS);
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(RateLimitedException.class);
      }

      REDIS.server().resume();
      Await.until(() -> {
        first.acquire(Instant.now().plusSeconds(5));
        return !log.lines("INFO", port).isEmpty();
      }, Duration.ofSeconds(10));
      assertThat(log.lines("WARN", port)).as("one warning per instance").hasSizeLessThanOrEqualTo(2);
    }
  }

  /**
   * Whatever Redis does (answers, freezes, thaws, dies, comes back), every permit ends by its
   * deadline: granted, or refused with a {@link RateLimitedException}, never later and never with
   * anything else. Deadlines from 50 to 400 ms, shorter than the time it takes to confirm that a
   * frozen Redis is away, so that every wait of the limiter meets one.
   */
  @Test
  @Timeout(60)
  void whateverRedisDoes_everyPermitEndsByItsDeadline() throws Exception {
    try (Instance instance = Instance.redis(REDIS.uri(), DEFAULT_TIMEOUT)) {
      AppRateLimiter limiter = instance.onRedis(APP, LIMIT);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong latestNanos = new AtomicLong(Long.MIN_VALUE);
      LongAdder granted = new LongAdder();
      LongAdder refused = new LongAdder();
      ConcurrentLinkedQueue<Throwable> other = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          threads.add(pool.submit(() -> {
            while (running.get()) {
              long millis = ThreadLocalRandom.current().nextLong(50, 401);
              long end = System.nanoTime() + millis * MS;
              try {
                limiter.acquire(Instant.now().plusMillis(millis));
                granted.increment();
              } catch (RateLimitedException e) {
                refused.increment();
              } catch (RuntimeException e) {
                other.add(e);
              }
              latestNanos.accumulateAndGet(System.nanoTime() - end, Math::max);
              // A caller does something with its permit or refusal: eight threads spinning on
              // refusals would starve the machine, and the figure would measure that.
              Thread.sleep(5);
            }
            return null;
          }));
        }
        // Each phase in which Redis answers lasts until every thread has ended a few more permits
        // in it. The freeze and the death last a fixed time on purpose: longer than the limiter
        // needs to confirm that Redis is away (its probe, 0.6 s), so every way of waiting is met.
        Runnable permitsFlow = () -> {
          long before = granted.sum() + refused.sum();
          Await.until(() -> granted.sum() + refused.sum() >= before + 3 * 8, Duration.ofSeconds(20));
        };
        permitsFlow.run();
        REDIS.server().freeze();
        Thread.sleep(1200);
        REDIS.server().resume();
        permitsFlow.run();
        REDIS.server().kill();
        Thread.sleep(800);
        REDIS.server().restart();
        permitsFlow.run();
        running.set(false);
        for (Future<?> f : threads) {
          f.get(10, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(other).as("anything but a grant or a RateLimitedException").isEmpty();
      assertThat(granted.sum()).isPositive();
      assertThat(refused.sum()).isPositive();
      // Seen: 50 to 115 ms, once 310 ms, on two cores shared with a load of 12 to 25 (thread
      // scheduling). A wait of the limiter bounded by anything but the deadline would show as
      // 500 ms or more: the probe (0.6 s), a connection attempt (1 s), the handshake (2 s), a
      // command's own timeout in Lettuce (1.1 s).
      assertThat(latestNanos.get()).as("the latest end of a permit after its deadline, ns").isLessThan(400 * MS);
    }
  }

  @Test
  @Timeout(30)
  void nothingListening_theFirstCallFallsBackAtOnce_withOneWarning() {
    int port = RedisServer.freePort();
    LogFile log = LogFile.mark();
    try (Instance instance = Instance.redis("redis://127.0.0.1:" + port, ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, "1")) {
      AppRateLimiter limiter = instance.limiter(APP, LIMIT);
      long start = System.nanoTime();
      limiter.acquire(Instant.now().plusSeconds(5));
      assertThat(System.nanoTime() - start).as("a refused connection fails at once").isLessThan(500 * MS);
      for (int i = 0; i < 10; i++) {
        limiter.acquire(Instant.now().plusSeconds(5));
      }
      assertThat(log.lines("WARN", ":" + port)).hasSize(1);
    }
  }
}
