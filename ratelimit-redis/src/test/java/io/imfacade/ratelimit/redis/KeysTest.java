package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.http.AppRateLimiter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the store writes to Redis: small keys that name the app by a hash, each with a TTL, no secret. */
class KeysTest {

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final String APP_KEY = "go9dnk49bkd9jd9vmel1kglw0803mgq3";
  private static final String APP_SECRET = "c1b2a3-test-secret-5f0e";

  @Test
  @Timeout(30)
  void anAppHasABucketKey_andAPauseKeyWhilePaused_eachWithATtl_namedByAHash_withoutTheAppKeyOrASecret() {
    try (Instance instance = Instance.redis(REDIS.uri(), "netease.appKey", APP_KEY, "netease.appSecret", APP_SECRET)) {
      AppRateLimiter limiter = instance.onRedis("netease:" + APP_KEY, 100);
      limiter.pauseUntil(Instant.now().plusSeconds(2));

      List<String> keys = REDIS.admin().keys("*");
      assertThat(keys).hasSize(2).allMatch(k -> k.matches("imfacade:rl:\\{[0-9a-f]{24}\\}(:pause)?"));
      String bucket = keys.stream().filter(k -> !k.endsWith(":pause")).findFirst().orElseThrow();
      assertThat(keys).contains(bucket + ":pause");
      assertThat(REDIS.admin().pttl(bucket)).as("the bucket's TTL: refill plus 10 s idle").isBetween(1L, 11_000L);
      assertThat(REDIS.admin().pttl(bucket + ":pause")).as("the pause's TTL").isBetween(1L, 2_000L);
      for (String key : keys) {
        String value = REDIS.admin().get(key);
        for (String secretOrName : List.of(APP_KEY, APP_SECRET, "netease")) {
          assertThat(key).doesNotContain(secretOrName);
          assertThat(value).doesNotContain(secretOrName);
        }
      }
      assertThat(REDIS.admin().get(bucket + ":pause")).isEqualTo("1");
    }
  }

  @Test
  @Timeout(60)
  void fiveHundredTenantsCostFiveHundredSmallKeysThatExpire() {
    try (Instance instance = Instance.redis(REDIS.uri())) {
      instance.onRedis("easemob:org#tenant-0", 100); // the one connection made
      for (int i = 0; i < 500; i++) {
        instance.limiter("easemob:org#tenant-" + i, 100).acquire(Instant.now().plusSeconds(5));
      }
      List<String> keys = REDIS.admin().keys("*");
      assertThat(keys).hasSize(500);
      long bytes = 0;
      for (String key : keys) {
        assertThat(REDIS.admin().pttl(key)).as(key).isBetween(1L, 11_000L);
        bytes += REDIS.admin().memoryUsage(key);
      }
      assertThat(bytes / 500).as("bytes per tenant in Redis").isLessThan(300);
    }
  }
}
