package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpClientsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static HttpSettings settings(String... kv) {
    ImConfig.Builder b = ImConfig.builder().provider("p");
    for (int i = 0; i < kv.length; i += 2) {
      b.set(kv[i], kv[i + 1]);
    }
    return HttpSettings.from(b.build(), 100);
  }

  @Test
  void oneSharedClientPerContext() {
    try (ProviderContext one = ProviderContext.create(); ProviderContext two = ProviderContext.create()) {
      OkHttpClient a = HttpClients.shared(one);
      assertThat(HttpClients.shared(one)).isSameAs(a);
      assertThat(HttpClients.shared(two)).isNotSameAs(a);
      assertThat(a.retryOnConnectionFailure()).isFalse();
    }
  }

  @Test
  void clientsShareThePoolAndDispatcher_butHaveTheirOwnTimeouts() {
    try (ProviderContext context = ProviderContext.create()) {
      OkHttpClient shared = HttpClients.shared(context);
      Interceptor signing = chain -> chain.proceed(chain.request().newBuilder().header("X-Sig", "1").build());
      OkHttpClient a = HttpClients.forClient(shared, "p", settings("http.connectTimeoutMs", "1234", "http.readTimeoutMs", "2345"), signing, null);
      OkHttpClient b = HttpClients.forClient(shared, "p", settings(), null, null);

      assertThat(a.connectionPool()).isSameAs(shared.connectionPool()).isSameAs(b.connectionPool());
      assertThat(a.dispatcher()).isSameAs(shared.dispatcher()).isSameAs(b.dispatcher());
      assertThat(a.connectTimeoutMillis()).isEqualTo(1234);
      assertThat(a.readTimeoutMillis()).isEqualTo(2345);
      assertThat(a.writeTimeoutMillis()).isEqualTo(2345);
      assertThat(a.callTimeoutMillis()).as("the executor enforces the deadline").isZero();
      assertThat(b.readTimeoutMillis()).isEqualTo(10_000);
      assertThat(a.retryOnConnectionFailure()).isFalse();
      // The credentials first, the error-body cap innermost; the wire log on the network side.
      assertThat(a.interceptors()).hasSize(2).startsWith(signing);
      assertThat(b.interceptors()).hasSize(1);
      assertThat(a.networkInterceptors()).hasSize(2);
      assertThat(a.authenticator()).isSameAs(Authenticator.NONE);
    }
  }

  @Test
  void bearerTokenAuth_isTheInterceptorAndTheAuthenticator_andTheWireLogIsANetworkInterceptor() {
    try (ProviderContext context = ProviderContext.create()) {
      OkHttpClient shared = HttpClients.shared(context);
      TokenCache tokens = new TokenCache(new CountingTokenSource(), context.clock(), Duration.ofMinutes(5), Duration.ofSeconds(5));
      BearerTokenAuth auth = new BearerTokenAuth(tokens, LocalRateLimiter.shared(context, "p:app", 10));
      OkHttpClient client = HttpClients.forClient(shared, "p", settings(), auth, auth);

      assertThat(client.interceptors()).hasSize(2).startsWith(auth);
      assertThat(client.authenticator()).isSameAs(auth);
      // A network interceptor sees every request on the wire, the authenticator's replay included.
      assertThat(client.networkInterceptors()).hasSize(2);
      assertThat(shared.networkInterceptors()).isEmpty();
      assertThat(shared.interceptors()).isEmpty();
    }
  }

  @Test
  void closingTheContext_releasesThePoolAndTheDispatcher() throws Exception {
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    ProviderContext context = ProviderContext.create();
    OkHttpClient shared = HttpClients.shared(context);
    OkHttpClient client = HttpClients.forClient(shared, "p", settings(), null, null);
    TestApi api = HttpClients.retrofit(wm.baseUrl() + "/", client).create(TestApi.class);
    api.status(new CallTag(Operation.idempotent("status"), 1, Instant.now().plusSeconds(30))).execute();
    assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);

    context.close();

    assertThat(shared.connectionPool().connectionCount()).isZero();
    assertThat(shared.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void aClientTheUserRegistered_isUsed_andStaysTheirs() {
    OkHttpClient mine = new OkHttpClient();
    try (ProviderContext context = ProviderContext.create()) {
      context.shared(HttpClients.SHARED_CLIENT_KEY, OkHttpClient.class, () -> mine);
      assertThat(HttpClients.shared(context)).isSameAs(mine);
    }
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    mine.dispatcher().executorService().shutdown();
  }

  @Test
  void json_toleratesUnknownFields_andLongNumbers() throws Exception {
    ObjectMapper json = HttpClients.json();
    TestApi.Item item = json.readValue("{\"id\":\"u1\",\"timestamp\":1700000000123,\"new_field\":true}", TestApi.Item.class);
    assertThat(item.id).isEqualTo("u1");
    assertThat(item.timestamp).isEqualTo(1_700_000_000_123L);

    Map<String, Object> untyped = json.readValue("{\"timestamp\":1700000000123,\"count\":3}", new TypeReference<Map<String, Object>>() {});
    assertThat(untyped.get("timestamp")).isEqualTo(1_700_000_000_123L);

    assertThat(json.writeValueAsString(new Object())).isEqualTo("{}");
  }

  @Test
  void json_isACopy_thatCallersCannotBreakForOthers() {
    ObjectMapper mine = HttpClients.json();
    mine.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    assertThat(HttpClients.json().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
  }

  @Test
  void retrofit_needsABaseUrlEndingWithASlash() {
    assertThatThrownBy(() -> HttpClients.retrofit("http://localhost/api", new OkHttpClient()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(HttpClients.retrofit("http://localhost/api/", new OkHttpClient()).baseUrl().toString())
        .isEqualTo("http://localhost/api/");
  }
}
