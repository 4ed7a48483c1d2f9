package io.imfacade.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.LocalRateLimiter;
import io.imfacade.http.RateLimiterStores;
import io.imfacade.netease.NeteaseProvider;
import io.imfacade.ratelimit.redis.internal.RedisRateLimiter;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Choosing the store: two configuration lines and no code change, or a store registered in the
 * context; the keys are known common keys, checked when the client is opened.
 */
class StoreSelectionTest {

  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final String APP_KEY = "store-selection-app";

  private static Map<String, String> netease() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put(ImConfig.PROVIDER, NeteaseProvider.ID);
    config.put(NeteaseProvider.BASE_URL, "http://127.0.0.1:9");
    config.put(NeteaseProvider.APP_KEY, APP_KEY);
    config.put(NeteaseProvider.APP_SECRET, "store-selection-secret");
    return config;
  }

  private static AppRateLimiter limiterOf(ProviderContext context, Map<String, String> config) {
    return RateLimiterStores.limiterFor(context, ImConfig.of(config), "netease:" + APP_KEY, 100);
  }

  @Test
  void twoConfigurationLinesGiveAClientTheSharedLimiter() {
    Map<String, String> config = netease();
    config.put(ImConfig.RATE_LIMIT_STORE, "redis");
    config.put(ImConfig.RATE_LIMIT_REDIS_URI, REDIS.uri());
    try (ProviderContext context = ProviderContext.create(); ImClient client = ImFacade.open(ImConfig.of(config), context)) {
      assertThat(client).isNotNull();
      assertThat(limiterOf(context, config)).as("the one the client got").isInstanceOf(RedisRateLimiter.class);
    }
  }

  @Test
  void withoutTheKeyTheLimiterStaysLocal() {
    try (ProviderContext context = ProviderContext.create(); ImClient client = ImFacade.open(ImConfig.of(netease()), context)) {
      assertThat(client).isNotNull();
      assertThat(limiterOf(context, netease())).isInstanceOf(LocalRateLimiter.class);
    }
  }

  @Test
  void aStoreRegisteredInTheContextWinsOverTheConfiguration_andIsClosedWithIt() {
    try (ProviderContext context = ProviderContext.create()) {
      RateLimiterStores.register(context, RedisRateLimiterStore.forUri(REDIS.uri()));
      try (ImClient client = ImFacade.open(ImConfig.of(netease()), context)) {
        assertThat(client).isNotNull();
        AppRateLimiter limiter = limiterOf(context, netease());
        assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
        limiter.acquire(Instant.now().plusSeconds(5));
        assertThat(clients()).as("the store's connection and the test's own").isEqualTo(2);
      }
    }
    Await.until(() -> clients() == 1, Duration.ofSeconds(5));
  }

  @Test
  void aMissingUriIsAConfigurationErrorWhenTheClientIsOpened() {
    Map<String, String> config = netease();
    config.put(ImConfig.RATE_LIMIT_STORE, "redis");
    try (ProviderContext context = ProviderContext.create()) {
      assertThatThrownBy(() -> ImFacade.open(ImConfig.of(config), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'rateLimit.redis.uri'");
    }
  }

  @ParameterizedTest
  @CsvSource({
      "rateLimit.redis.fallbackShare, 0",
      "rateLimit.redis.fallbackShare, 1.01",
      "rateLimit.redis.fallbackShare, most",
      "rateLimit.redis.timeoutMs, 0",
      "rateLimit.redis.timeoutMs, 100ms",
      "rateLimit.redis.uri, not a uri",
      "rateLimit.redis.limit, 5"})
  void aBadValueIsAConfigurationErrorNamingItsKey(String key, String value) {
    Map<String, String> config = netease();
    config.put(ImConfig.RATE_LIMIT_STORE, "redis");
    config.put(ImConfig.RATE_LIMIT_REDIS_URI, REDIS.uri());
    config.put(key, value);
    try (ProviderContext context = ProviderContext.create()) {
      assertThatThrownBy(() -> ImFacade.open(ImConfig.of(config), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'" + key + "'");
    }
  }

  @Test
  void theStoreIsFoundByItsId() {
    assertThat(new RedisRateLimiterStore().id()).isEqualTo("redis");
    assertThat(RedisRateLimiterStore.forUri("redis://:pw-secret-1@h:6379/0")).hasToString("RedisRateLimiterStore{redis://****@h:6379/0}");
    assertThatThrownBy(() -> RedisRateLimiterStore.forUri("redis://:pw-secret-1@"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw-secret-1");
  }

  private static int clients() {
    return (int) REDIS.admin().clientList().lines().filter(l -> !l.isBlank()).count();
  }
}
