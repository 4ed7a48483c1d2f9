package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ratelimit.redis.internal.RedisRateLimiter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances (each its own context, store and connection) of one app on one Redis: together
 * they never go over the vendor's limit in any sliding second, and together they get close to it
 * (90% in their busiest second, 80% over the run even on a busy machine). The same load on two
 * local limiters goes over, which shows what the test measures.
 */
class SharedLimitTest {

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final String APP = "netease:shared-limit-app";
  private static final int LIMIT = 40;
  private static final long SECOND = 1_000_000_000L;

  @Test
  @Timeout(60)
  void twoInstancesStayWithinTheLimitInEverySlidingSecond_andGetCloseToIt() throws Exception {
    try (Instance a = Instance.redis(REDIS.uri()); Instance b = Instance.redis(REDIS.uri())) {
      assertThat(a.limiter(APP, LIMIT)).isInstanceOf(RedisRateLimiter.class);
      Duration run = Duration.ofSeconds(3);
      List<Long> releases = Load.run(List.of(a.onRedis(APP, LIMIT), b.onRedis(APP, LIMIT)), 4, run);

      int busiest = Windows.maxInAnyWindow(releases, SECOND);
      assertThat(busiest).as("permits in the busiest sliding second").isLessThanOrEqualTo(LIMIT);
      assertThat(busiest).as("permits in the busiest sliding second").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * LIMIT));
      // 0.95 x 40 = 38 a second, 114 in 3 s. A thread that wakes more than 20 ms after its slot
      // gives the slot up (RedisRateLimiter.MAX_LATE): safety first. On a quiet machine that is
      // rare and two instances get 37-38 a second (the load harness measures the 90% target at
      // the vendor's 100/s, BENCHMARKS.md); on a 2-core machine shared with a load of 15 one
      // wake-up in twenty was that late. 80% of the limit (96) is what sharing must give even then.
      assertThat(releases.size()).as("permits in 3 s").isGreaterThanOrEqualTo((int) Math.ceil(0.8 * LIMIT * 3));
    }
  }

  @Test
  @Timeout(60)
  void theSameLoadOnTwoLocalLimitersGoesOverTheLimit() throws Exception {
    try (Instance a = Instance.local(); Instance b = Instance.local()) {
      List<Long> releases = Load.run(List.of(a.limiter(APP, LIMIT), b.limiter(APP, LIMIT)), 4, Duration.ofMillis(1500));
      assertThat(Windows.maxInAnyWindow(releases, SECOND)).isGreaterThan(LIMIT + LIMIT / 2);
    }
  }
}
