package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ImException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the per-app limiter comes from: {@code rateLimit.store} ({@code local} by default, other
 * stores through ServiceLoader), or a store registered in the context, which wins; one limiter per
 * app and context whatever the store; and the transport takes its permits and pauses there.
 */
class RateLimiterStoresTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Operation GET = Operation.idempotent("items.get");
  private static final ImConfig NONE = ImConfig.of(Map.of());
  private static final ImConfig RECORDING = ImConfig.of(Map.of(ImConfig.RATE_LIMIT_STORE, "Recording"));

  private final FakeTime time = new FakeTime();
  private final ProviderContext context = ProviderContext.create(time);

  @BeforeEach
  void forget() {
    RecordingStore.CREATED.clear();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void theDefaultStoreIsLocal_oneLimiterPerAppAndContext() {
    AppRateLimiter a = RateLimiterStores.limiterFor(context, NONE, "p:app", 100);
    assertThat(a).isInstanceOf(LocalRateLimiter.class).hasToString("LocalRateLimiter{p:app, 95.0/s}");
    assertThat(RateLimiterStores.limiterFor(context, ImConfig.of(Map.of(ImConfig.RATE_LIMIT_STORE, "LOCAL")), "p:app", 50))
        .as("the first client of an app sets its rate").isSameAs(a);
    assertThat(LocalRateLimiter.shared(context, "p:app", 100)).isSameAs(a);
    assertThat(RateLimiterStores.limiterFor(context, NONE, "p:other", 100)).isNotSameAs(a);
    try (ProviderContext other = ProviderContext.create()) {
      assertThat(RateLimiterStores.limiterFor(other, NONE, "p:app", 100)).isNotSameAs(a);
    }
    assertThat(RecordingStore.CREATED).as("no other store is loaded for local").isEmpty();
  }

  @Test
  void aStoreOnTheClasspathIsFoundByItsId_oncePerContext_andClosedWithIt() {
    AppRateLimiter a = RateLimiterStores.limiterFor(context, RECORDING, "p:app", 40);
    AppRateLimiter b = RateLimiterStores.limiterFor(context, RECORDING, "p:app", 40);
    AppRateLimiter c = RateLimiterStores.limiterFor(context, RECORDING, "p:other", 40);
    assertThat(a).isInstanceOf(RecordingStore.Recorder.class).isSameAs(b).isNotSameAs(c);
    assertThat(((RecordingStore.Recorder) a).requestsPerSecond).as("the vendor's rate: the store applies its headroom").isEqualTo(40);
    assertThat(RecordingStore.CREATED).hasSize(1);
    RecordingStore store = RecordingStore.CREATED.get(0);
    assertThat(store.limiters).hasSize(2);
    assertThat(store.checks).as("the store checks the keys of every client").hasValue(3);
    context.close();
    assertThat(store.closes).hasValue(1);
  }

  @Test
  void theStoreChecksItsKeysForEveryClient_evenWhenTheAppsLimiterExists() {
    RateLimiterStores.limiterFor(context, RECORDING, "p:app", 40);
    ImConfig bad = RECORDING.with("rateLimit.recording.level", "high");
    assertThatThrownBy(() -> RateLimiterStores.limiterFor(context, bad, "p:app", 40))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'rateLimit.recording.level'");
  }

  @Test
  void anUnknownStoreIsAConfigurationErrorNamingTheKeyAndTheKnownStores() {
    ImConfig config = ImConfig.of(Map.of(ImConfig.RATE_LIMIT_STORE, "redis"));
    assertThatThrownBy(() -> RateLimiterStores.limiterFor(context, config, "p:app", 100))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'rateLimit.store'")
        .hasMessageContaining("'redis'")
        .hasMessageContaining("[local, recording]")
        .hasMessageContaining("imfacade-ratelimit-redis");
  }

  @Test
  void aRegisteredStoreWinsOverTheConfiguration_andIsClosedWithTheContext() {
    RecordingStore registered = new RecordingStore();
    RateLimiterStores.register(context, registered);
    AppRateLimiter limiter = RateLimiterStores.limiterFor(context, NONE, "p:app", 100);
    assertThat(registered.limiters).containsExactly((RecordingStore.Recorder) limiter);
    assertThat(RateLimiterStores.limiterFor(context, ImConfig.of(Map.of(ImConfig.RATE_LIMIT_STORE, "local")), "p:b", 100))
        .isInstanceOf(RecordingStore.Recorder.class);
    assertThat(RecordingStore.CREATED).as("nothing loaded besides the registered store").containsExactly(registered);
    context.close();
    assertThat(registered.closes).hasValue(1);
  }

  @Test
  void theTransportTakesItsPermitsFromTheStore_andPausesTheAppThere() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "10")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context)
        .set(ImConfig.RATE_LIMIT_STORE, "recording")
        .set(ImConfig.RETRY_MAX_ATTEMPTS, "1")
        .build();
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a"))).isInstanceOf(RateLimitedException.class);
    RecordingStore.Recorder limiter = RecordingStore.CREATED.get(0).limiters.get(0);
    assertThat(limiter.appKey).isEqualTo("testvendor:app");
    assertThat(limiter.acquired).hasValue(1);
    assertThat(limiter.pauses).containsExactly(time.instant().plus(Duration.ofSeconds(10)));
  }

  @Test
  void aPasswordInTheRedisUriIsMaskedInWhatTheVendorEchoes() {
    String uri = "redis://app:Redis-pw-4711@redis.internal:6379/0";
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"bad\",\"error_description\":\"you sent " + uri + " and Redis-pw-4711\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).set(ImConfig.RATE_LIMIT_REDIS_URI, uri).build();
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOfSatisfying(ImException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("Redis-pw-4711").contains("redis://****@redis.internal:6379/0 and ****");
          assertThat(e.vendorMessage()).hasValue("you sent redis://****@redis.internal:6379/0 and ****");
        });
  }
}
