package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.ratelimit.redis.internal.RedisKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Redis with a password: the password in {@code rateLimit.redis.uri} works, and never shows in
 * a log line, an exception or a {@code toString}.
 */
class SecretUriTest {

  private static final String PASSWORD = "S3cret-redis-pw-77";

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension("--requirepass", PASSWORD);

  private static final String APP = "netease:secret-uri-app";

  @Test
  @Timeout(60)
  void thePasswordConnects_andNeverShowsInLogsOrToString_evenWhenRedisFails() {
    assertThat(REDIS.uri()).contains(PASSWORD);
    LogFile log = LogFile.mark();
    try (Instance instance = Instance.redis(REDIS.uri())) {
      AppRateLimiter limiter = instance.onRedis(APP, 100);
      assertThat(REDIS.admin().exists(RedisKeys.of(APP).bucket())).as("authenticated and shared").isEqualTo(1);

      REDIS.server().kill();
      limiter.acquire(Instant.now().plusSeconds(5));
      String port = ":" + REDIS.server().port();
      assertThat(log.lines("WARN", port)).hasSize(1)
          .allSatisfy(l -> assertThat(l).contains("redis://****@127.0.0.1" + port));

      assertThat(limiter.toString()).doesNotContain(PASSWORD).contains("****");
      assertThat(instance.config.toString()).doesNotContain(PASSWORD);
    }
    assertThat(log.text()).doesNotContain(PASSWORD);
  }

  @Test
  @Timeout(60)
  void aWrongPasswordIsOneWarningWithoutIt() {
    String wrong = "Wr0ng-pw-for-redis";
    LogFile log = LogFile.mark();
    String uri = "redis://:" + wrong + "@127.0.0.1:" + REDIS.server().port();
    try (Instance instance = Instance.redis(uri)) {
      AppRateLimiter limiter = instance.limiter(APP, 100);
      limiter.acquire(Instant.now().plusSeconds(5));
      limiter.acquire(Instant.now().plusSeconds(5));
    }
    assertThat(log.lines("WARN", ":" + REDIS.server().port())).hasSize(1);
    assertThat(log.text()).doesNotContain(wrong);
  }

  @Test
  void aBadValueNextToTheUriIsRefusedWithoutShowingThePassword() {
    try (Instance instance = Instance.redis(REDIS.uri(), ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, "1.5")) {
      assertThatThrownBy(() -> instance.limiter(APP, 100))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'rateLimit.redis.fallbackShare'")
          .hasMessageNotContaining(PASSWORD);
    }
    try (Instance instance = Instance.redis("redis://:" + PASSWORD + "@")) {
      assertThatThrownBy(() -> instance.limiter(APP, 100))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'rateLimit.redis.uri'")
          .hasMessageNotContaining(PASSWORD);
    }
  }
}
