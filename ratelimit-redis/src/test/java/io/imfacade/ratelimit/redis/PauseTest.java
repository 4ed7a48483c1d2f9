package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A vendor pause (NetEase 416, a long Retry-After) seen by one instance pauses every instance of
 * the app, once, for the vendor's time: it lives in Redis as a key whose TTL is the pause.
 */
class PauseTest {

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final String APP = "netease:pause-test-app";
  private static final String PAUSE_KEY = RedisKeys.of(APP).pause();
  private static final long MS = 1_000_000L;

  @Test
  @Timeout(30)
  void aPauseSeenByOneInstanceHoldsTheOtherForTheVendorsTime() {
    try (Instance a = Instance.redis(REDIS.uri()); Instance b = Instance.redis(REDIS.uri())) {
      AppRateLimiter first = a.onRedis(APP, 100);
      AppRateLimiter second = b.onRedis(APP, 100);

      long pausedAt = System.nanoTime();
      first.pauseUntil(Instant.now().plusMillis(1200));
      assertThat(REDIS.admin().pttl(PAUSE_KEY)).as("the pause in Redis: its TTL is the pause").isBetween(900L, 1200L);
      assertThat(REDIS.admin().get(PAUSE_KEY)).isEqualTo("1");

      second.acquire(Instant.now().plusSeconds(5));
      long waited = System.nanoTime() - pausedAt;
      assertThat(waited).as("the other instance waited out the vendor's pause").isBetween(1190 * MS, 1700 * MS);
      assertThat(REDIS.admin().exists(PAUSE_KEY)).as("the key went with the pause").isZero();
    }
  }

  @Test
  @Timeout(30)
  void aPauseIsOnlyExtendedByOneThatEndsLater_soTheAppPausesOnce() {
    try (Instance a = Instance.redis(REDIS.uri()); Instance b = Instance.redis(REDIS.uri())) {
      AppRateLimiter first = a.onRedis(APP, 100);
      AppRateLimiter second = b.onRedis(APP, 100);

      first.pauseUntil(Instant.now().plusMillis(3000));
      second.pauseUntil(Instant.now().plusMillis(500)); // the same 416 seen later, or a shorter one
      assertThat(REDIS.admin().pttl(PAUSE_KEY)).as("not shortened").isGreaterThan(2000L);
      second.pauseUntil(Instant.now().plusMillis(6000));
      assertThat(REDIS.admin().pttl(PAUSE_KEY)).as("extended to the later end").isBetween(5000L, 6000L);
    }
  }

  @Test
  @Timeout(30)
  void aCallerWhoseDeadlineComesBeforeThePausesEndIsRefusedAtOnce() {
    try (Instance a = Instance.redis(REDIS.uri()); Instance b = Instance.redis(REDIS.uri())) {
      AppRateLimiter first = a.onRedis(APP, 100);
      AppRateLimiter second = b.onRedis(APP, 100);
      first.pauseUntil(Instant.now().plusSeconds(2));

      long start = System.nanoTime();
      assertThatThrownBy(() -> second.acquire(Instant.now().plusMillis(500)))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMillis(1500))));
      assertThat(System.nanoTime() - start).as("refused without waiting").isLessThan(400 * MS);
    }
  }

  /**
   * Five threads of the second instance hold reservations up to half a second ahead when the first
   * instance sees the pause: none of them is used during it.
   */
  @Test
  @Timeout(30)
  void permitsReservedBeforeThePauseAreNotUsedDuringIt() throws Exception {
    try (Instance a = Instance.redis(REDIS.uri()); Instance b = Instance.redis(REDIS.uri())) {
      AppRateLimiter first = a.onRedis(APP, 10);
      AppRateLimiter second = b.onRedis(APP, 10);

      ConcurrentLinkedQueue<Long> releases = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(5);
      try {
        List<Future<?>> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          threads.add(pool.submit(() -> {
            for (int n = 0; n < 3; n++) {
              second.acquire(Instant.now().plusSeconds(10));
              releases.add(System.nanoTime());
            }
            return null;
          }));
        }
        // Two permits used: every thread has asked, the others hold reservations 100 to 400 ms ahead.
        Await.until(() -> releases.size() >= 2, Duration.ofSeconds(10));
        long pausedAt = System.nanoTime();
        first.pauseUntil(Instant.now().plusMillis(1000));
        for (Future<?> f : threads) {
          f.get(20, TimeUnit.SECONDS);
        }
        long pauseEnd = pausedAt + 1000 * MS;
        assertThat(releases).as("permits used during the pause (after the 25 ms it may take to learn of it)")
            .noneMatch(t -> t > pausedAt + 30 * MS && t < pauseEnd - 10 * MS);
        assertThat(releases).hasSize(15);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
