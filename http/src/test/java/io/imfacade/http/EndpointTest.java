package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.ProviderContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A prepared {@link Endpoint} makes the request its Retrofit method would make (URL, encoding,
 * headers, body, tag, authentication), and its answers fare in the executor as Retrofit's do.
 */
class EndpointTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Operation GET = Operation.idempotent("items.get");

  private final ProviderContext context = ProviderContext.create();

  @AfterEach
  void close() {
    context.close();
  }

  private RemoteCore<TestApi> core(String base) {
    return Cores.to(base, context).build();
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a/../b?x#y%2F | /items/a%2F..%2Fb%3Fx%23y%252F",
      "../admin      | /items/..%2Fadmin",
      "a/b           | /items/a%2Fb",
      "%2e%2e        | /items/%252e%252e",
      "ü id          | /items/%C3%BC%20id",
      "user_0        | /items/user_0",
  })
  void aSegmentIsEncodedAsRetrofitEncodesAPath(String id, String expectedPath) {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"x\"}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);
    core.call(GET, tag -> items.get(tag, id));
    String direct = onlyRequest().getUrl();
    wm.resetRequests();
    core.call(GET, tag -> core.api().get(tag, id));
    assertThat(direct).isEqualTo(onlyRequest().getUrl()).isEqualTo(expectedPath);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void aDotSegment_isRefusedBeforeSending(String id) {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);
    assertThatThrownBy(() -> core.call(GET, tag -> items.get(tag, id)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.provider()).hasValue(Cores.PROVIDER);
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aGet_isAuthenticated_tagged_andReadWithTheClientsJackson() {
    // An unknown field and a timestamp beyond int, as vendors send them.
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"u1\",\"timestamp\":1700000000000,\"extra\":[1]}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/app-id/abc/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class, "Accept: application/json");
    CallTag[] seen = new CallTag[1];
    TestApi.Item item = core.call(GET, tag -> {
      seen[0] = tag;
      retrofit2.Call<TestApi.Item> call = items.get(tag, "u1");
      assertThat(call.request().tag(CallTag.class)).isSameAs(tag);
      return call;
    });
    assertThat(item.id).isEqualTo("u1");
    assertThat(item.timestamp).isEqualTo(1_700_000_000_000L);
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(request.getUrl()).isEqualTo("/app-id/abc/items/u1");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
    assertThat(seen[0].operation()).isEqualTo(GET);
  }

  @Test
  void aJsonPost_sendsWhatRetrofitsConverterSends() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"n\"}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> create = core.endpoint("items", TestApi.Item.class);
    Map<String, Object> body = Map.of("targets", List.of("a", "b"));
    core.call(GET, tag -> create.postJson(tag, body));
    LoggedRequest direct = onlyRequest();
    wm.resetRequests();
    core.call(GET, tag -> core.api().create(tag, body));
    LoggedRequest retrofit = onlyRequest();
    assertThat(direct.getMethod().getName()).isEqualTo("POST");
    assertThat(direct.getUrl()).isEqualTo(retrofit.getUrl()).isEqualTo("/items");
    assertThat(direct.getBodyAsString()).isEqualTo(retrofit.getBodyAsString()).isEqualTo("{\"targets\":[\"a\",\"b\"]}");
    assertThat(direct.getHeader("Content-Type")).isEqualTo(retrofit.getHeader("Content-Type"));
  }

  @Test
  void aFormPost_sendsWhatARetrofitFormSends() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"n\"}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> form = core.endpoint("form", TestApi.Item.class,
        "Content-Type: application/x-www-form-urlencoded;charset=utf-8", "Accept: application/json");
    String accids = "[\"t1\",\"t 2+\",\"ü&=\"]";
    core.call(GET, tag -> form.postForm(tag, "accids", accids));
    LoggedRequest direct = onlyRequest();
    wm.resetRequests();
    core.call(GET, tag -> core.api().form(tag, accids));
    LoggedRequest retrofit = onlyRequest();
    assertThat(direct.getUrl()).isEqualTo(retrofit.getUrl()).isEqualTo("/form");
    assertThat(direct.getBodyAsString()).isEqualTo(retrofit.getBodyAsString()).startsWith("accids=%5B%22t1%22");
    // Jetty reports the charset upper-cased; the header sent is the declared one either way.
    assertThat(direct.getHeader("Content-Type")).isEqualTo(retrofit.getHeader("Content-Type"))
        .isEqualToIgnoringCase("application/x-www-form-urlencoded;charset=utf-8");
    assertThat(direct.getHeader("Accept")).isEqualTo(retrofit.getHeader("Accept")).isEqualTo("application/json");
    assertThatThrownBy(() -> core.endpoint("items", TestApi.Item.class).postForm(null, "a", "b"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anErrorAnswer_reachesTheErrorMapper_withItsBody() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"user_not_found\",\"error_description\":\"no such user\"}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);
    assertThatThrownBy(() -> core.call(GET, tag -> items.get(tag, "u1")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.httpStatus()).hasValue(404);
          assertThat(e.vendorCode()).hasValue("user_not_found");
          assertThat(e.vendorMessage()).hasValue("no such user");
        });
  }

  @Test
  void aBrokenSuccessBody_isUnreadable_notRetried() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);
    assertThatThrownBy(() -> core.call(GET, tag -> items.get(tag, "u1")))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e).hasMessageContaining("unreadable response body");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void noContent_isASuccessWithoutBody() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);
    List<retrofit2.Call<TestApi.Item>> made = new java.util.ArrayList<>();
    TestApi.Item answer = core.call(GET, tag -> {
      retrofit2.Call<TestApi.Item> call = items.get(tag, "u1");
      made.add(call);
      return call;
    });
    assertThat(answer).isNull();
    assertThat(made).hasSize(1);
    assertThat(made.get(0).isExecuted()).isTrue();
    assertThatThrownBy(() -> made.get(0).execute()).isInstanceOf(IllegalStateException.class);
  }

  /** Signs each request with a counter, as NetEase's signer signs with a fresh nonce, and counts its work. */
  private static final class CountingSigner implements RequestAuth {
    final java.util.concurrent.atomic.AtomicInteger signed = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public okhttp3.Request.Builder authorize(okhttp3.Request.Builder request) {
      return request.header("CheckSum", "sum-" + signed.incrementAndGet());
    }

    @Override
    public boolean isAuthorized(okhttp3.Request request) {
      return request.header("CheckSum") != null;
    }
  }

  /**
   * A signing RequestAuth signs each attempt of an endpoint's call exactly once, while the endpoint
   * builds the request (the chain finds it signed and does not copy it), and each retry afresh.
   */
  @Test
  void aRequestAuth_signsEachAttemptOnce_whenTheEndpointBuildsIt() {
    RestExecutorTest.stubSequence(wm, "GET", "/items/u1", aResponse().withStatus(503), okJson("{\"id\":\"u1\"}"));
    CountingSigner signer = new CountingSigner();
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl() + "/", context).signer(signer).build();
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);

    assertThat(core.call(GET, tag -> items.get(tag, "u1")).id).isEqualTo("u1");

    assertThat(signer.signed).as("one signature per attempt, none added by the chain").hasValue(2);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).extracting(r -> r.getHeader("CheckSum"))
        .containsExactly("sum-1", "sum-2");
  }

  /** The same signer on a Retrofit method: the chain signs each attempt, once. */
  @Test
  void aRequestAuth_signsEachAttemptOnce_inTheChain() {
    RestExecutorTest.stubSequence(wm, "GET", "/items/u1", aResponse().withStatus(503), okJson("{\"id\":\"u1\"}"));
    CountingSigner signer = new CountingSigner();
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl() + "/", context).signer(signer).build();

    assertThat(core.call(GET, tag -> core.api().get(tag, "u1")).id).isEqualTo("u1");

    assertThat(signer.signed).hasValue(2);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).extracting(r -> r.getHeader("CheckSum"))
        .containsExactly("sum-1", "sum-2");
  }

  /** A signer that is only an interceptor still signs an endpoint's requests, in the chain. */
  @Test
  void aPlainSigningInterceptor_signsTheEndpointsRequestsInTheChain() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"u1\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl() + "/", context)
        .signer(chain -> chain.proceed(chain.request().newBuilder().header("CheckSum", "chain").build())).build();
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);

    assertThat(core.call(GET, tag -> items.get(tag, "u1")).id).isEqualTo("u1");

    assertThat(onlyRequest().getHeader("CheckSum")).isEqualTo("chain");
  }

  /** What a caller inspects of a call is the request without credentials, as with Retrofit, before and after it ran. */
  @Test
  void theRequestOfACall_carriesNoCredentials() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"u1\"}")));
    RemoteCore<TestApi> core = core(wm.baseUrl() + "/");
    Endpoint<TestApi.Item> items = core.endpoint("items/", TestApi.Item.class);
    retrofit2.Call<TestApi.Item> call = items.get(new CallTag(GET, 1, java.time.Instant.now().plusSeconds(5)), "u1");
    assertThat(call.request().header("Authorization")).isNull();
    assertThat(call.request().url().encodedPath()).isEqualTo("/items/u1");

    assertThat(call.execute().body().id).isEqualTo("u1");

    assertThat(onlyRequest().getHeader("Authorization")).startsWith("Bearer ");
    assertThat(call.request().header("Authorization")).isNull();
    assertThat(call.request().tag(CallTag.class)).isNotNull();
  }
}
