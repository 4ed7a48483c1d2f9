package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.spi.CallContext;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Response;

/**
 * Authentication in the OkHttp chain, through {@link RemoteCore} as providers use it: the bearer
 * token is added by {@link BearerTokenAuth}, and a 401 is replayed once by its Authenticator with a
 * fresh token, whatever the retry policy. A token fetched less than a second ago is not replaced
 * on a 401 (a vendor refusing fresh tokens must not be asked for one per call), so the tests first
 * let the token age on the context's fake clock, as a token that has been in use for a while.
 */
class BearerTokenAuthTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(60))
      .build();

  private static final Operation GET = Operation.idempotent("items.get");
  private static final Operation CREATE = Operation.nonIdempotent("items.create");

  private final FakeTime time = new FakeTime();
  private final ProviderContext context = ProviderContext.create(time);
  private final CountingTokenSource source = new CountingTokenSource();
  private final TestErrorMapper mapper = new TestErrorMapper();

  @AfterEach
  void close() {
    context.close();
  }

  private static String bearer(int n) {
    return "Bearer " + CountingTokenSource.token("tok", n);
  }

  private RemoteCore<TestApi> core(String... keysAndValues) {
    Cores.Builder b = Cores.to(wm.baseUrl(), context).tokens(source).mapper(mapper);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.set(keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }

  /** Fetches tok-1 with a first call, then lets it age past the least fetch interval. */
  private void primeWithAgedToken(RemoteCore<TestApi> core) {
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    core.call(Operation.idempotent("status"), core.api()::status);
    assertThat(source.fetches).hasValue(1);
    time.advance(TokenCache.DEFAULT_MIN_FETCH_INTERVAL.multipliedBy(2));
  }

  /** How a call is made: through a Retrofit method, or a prepared endpoint that authorises its request itself. */
  enum Path { RETROFIT, ENDPOINT }

  private static retrofit2.Call<TestApi.Item> getA(RemoteCore<TestApi> core, Path path, CallTag tag) {
    return path == Path.RETROFIT ? core.api().get(tag, "a") : core.endpoint("items/", TestApi.Item.class).get(tag, "a");
  }

  private int connectionsInUse() {
    OkHttpClient shared = HttpClients.shared(context);
    return shared.connectionPool().connectionCount() - shared.connectionPool().idleConnectionCount();
  }

  @ParameterizedTest(name = "retry.maxAttempts={0}")
  @ValueSource(ints = {1, 3})
  void unauthorized_fetchesOnceAndReplaysOnce_whateverTheRetryPolicy(int maxAttempts) {
    wm.stubFor(post("/items").withHeader("Authorization", equalTo(bearer(1)))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"unauthorized\"}")));
    wm.stubFor(post("/items").withHeader("Authorization", equalTo(bearer(2)))
        .willReturn(okJson("{\"id\":\"new\"}")));
    RemoteCore<TestApi> core = core(ImConfig.RETRY_MAX_ATTEMPTS, Integer.toString(maxAttempts));
    primeWithAgedToken(core);

    // Not idempotent, and yet replayed: the vendor refused it before doing anything.
    TestApi.Item item = core.call(CREATE, tag -> core.api().create(tag, Map.of("name", "x")));

    assertThat(item.id).isEqualTo("new");
    assertThat(source.fetches).hasValue(2);
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
    wm.verify(1, postRequestedFor(urlEqualTo("/items")).withHeader("Authorization", equalTo(bearer(2))));
    assertThat(mapper.failures).as("the replayed 401 never reaches the executor").isEmpty();
    assertThat(connectionsInUse()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Path.class)
  void theReplay_doesNotConsumeARetryAttempt(Path path) {
    RemoteCore<TestApi> core = core(ImConfig.RETRY_MAX_ATTEMPTS, "2");
    primeWithAgedToken(core);
    RestExecutorTest.stubSequence(wm, "GET", "/items/a", aResponse().withStatus(401), aResponse().withStatus(503),
        okJson("{\"id\":\"a\"}"));

    TestApi.Item item = core.call(GET, tag -> getA(core, path, tag));

    assertThat(item.id).isEqualTo("a");
    assertThat(source.fetches).hasValue(2);
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
    wm.verify(2, getRequestedFor(urlEqualTo("/items/a")).withHeader("Authorization", equalTo(bearer(2))));
  }

  @ParameterizedTest(name = "retry.maxAttempts={0}")
  @ValueSource(ints = {1, 3})
  void aSecondUnauthorized_isAnAuthenticationException_withoutLoop(int maxAttempts) {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"auth_bad_access_token\",\"error_description\":\"corrupt access token\"}")));
    RemoteCore<TestApi> core = core(ImConfig.RETRY_MAX_ATTEMPTS, Integer.toString(maxAttempts));
    primeWithAgedToken(core);

    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).hasValue(401);
          assertThat(e.vendorCode()).hasValue("auth_bad_access_token");
          assertThat(e.provider()).hasValue("testvendor");
          assertThat(e.operation()).hasValue("items.get");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(source.fetches).hasValue(2);
    wm.verify(2, getRequestedFor(urlEqualTo("/items/a")));
    assertThat(mapper.failures).hasSize(1);
    assertThat(connectionsInUse()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Path.class)
  void aTokenRefusedRightAfterItsFetch_isReplacedAndReplayedOnce(Path path) {
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo(bearer(1))).willReturn(aResponse().withStatus(401)));
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo(bearer(2))).willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = core();

    assertThat(core.call(GET, tag -> getA(core, path, tag)).id).isEqualTo("a");
    assertThat(source.fetches).hasValue(2);
    wm.verify(2, getRequestedFor(urlEqualTo("/items/a")));
  }

  /** What listeners and metrics see of a call: each HTTP attempt, the replay included, and each token fetch. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Path.class)
  void theCallContext_countsTheAttempts_theReplay_andTheTokenFetches(Path path) {
    RestExecutorTest.stubSequence(wm, "GET", "/items/a", aResponse().withStatus(503), aResponse().withStatus(401),
        okJson("{\"id\":\"a\"}"));
    RemoteCore<TestApi> core = core(ImConfig.RETRY_MAX_ATTEMPTS, "3");
    CallContext call = CallContext.of(Cores.PROVIDER, "items.get", null);

    try (CallContext.Scope scope = call.enter()) {
      assertThat(core.call(GET, tag -> getA(core, path, tag)).id).isEqualTo("a");
    }

    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
    assertThat(call.attempts()).as("the 503, its retry (401) and the replay").isEqualTo(3);
    assertThat(call.tokenFetches()).as("the first token and the one after the 401").isEqualTo(2);
    assertThat(source.fetches).hasValue(2);
    assertThat(call.rateLimitWait()).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void aTokenThatReplacedARefusedOneMomentsAgo_isNeitherReplacedNorReplayed() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401)));
    RemoteCore<TestApi> core = core();

    // First call: token 1 refused, token 2 fetched, the replay refused too.
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a"))).isInstanceOf(AuthenticationException.class);
    // Second call, still within a second: token 2 is kept, no fetch, no replay.
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a"))).isInstanceOf(AuthenticationException.class);
    assertThat(source.fetches).hasValue(2);
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void fiftyConcurrent401s_withTheSameOldToken_causeOneFetch() throws Exception {
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo(bearer(1))).willReturn(aResponse().withStatus(401)));
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo(bearer(2))).willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = core();
    primeWithAgedToken(core);

    int callers = 50;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TestApi.Item>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return core.call(GET, tag -> core.api().get(tag, "a"));
        }));
      }
      go.countDown();
      for (Future<TestApi.Item> f : calls) {
        assertThat(f.get(30, TimeUnit.SECONDS).id).isEqualTo("a");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(source.fetches).as("the priming fetch and one after the 401s").hasValue(2);
    wm.verify(callers, getRequestedFor(urlEqualTo("/items/a")).withHeader("Authorization", equalTo(bearer(2))));
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void aFailedFetchForTheReplay_reachesTheCaller_andReleasesTheConnection() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource failingSecond = () -> {
      if (fetches.incrementAndGet() == 2) {
        throw new AuthenticationException("client secret revoked");
      }
      return IssuedToken.of(CountingTokenSource.token("tok", fetches.get()), Instant.MAX);
    };
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401).withBody("{\"error\":\"expired\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).tokens(failingSecond).build();
    core.call(Operation.idempotent("status"), core.api()::status);
    time.advance(Duration.ofSeconds(2));

    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("client secret revoked");
    assertThat(fetches).hasValue(2);
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
    assertThat(connectionsInUse()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Path.class)
  void aFailedFirstFetch_failsTheCall_withoutARequest(Path path) {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context)
        .tokens(() -> {
          throw new ProviderUnavailableException("token endpoint down");
        }).build();

    assertThatThrownBy(() -> core.call(GET, tag -> getA(core, path, tag)))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("token endpoint down");
    wm.verify(0, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void aSignedClient_isNeverReplayed() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401)));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context)
        .signer(chain -> chain.proceed(chain.request().newBuilder().header("CheckSum", "sum").build())).build();
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a"))).isInstanceOf(AuthenticationException.class);
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")).withHeader("CheckSum", equalTo("sum")).withoutHeader("Authorization"));
  }

  @Test
  void inThePlainOkHttpChain_theAuthenticatorReplaysOnce_withoutAnyExecutor() throws Exception {
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo(bearer(1))).willReturn(aResponse().withStatus(401)));
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo(bearer(2))).willReturn(okJson("{\"id\":\"a\"}")));
    wm.stubFor(get("/items/b").willReturn(aResponse().withStatus(401)));
    HttpSettings settings = HttpSettings.from(ImConfig.builder().provider("testvendor").build(), 1000);
    TokenCache tokens = new TokenCache(source, time, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ZERO);
    BearerTokenAuth auth = new BearerTokenAuth(tokens, LocalRateLimiter.shared(context, "testvendor:plain", 1000));
    OkHttpClient client = HttpClients.forClient(HttpClients.shared(context), "testvendor", settings, auth, auth);
    TestApi api = HttpClients.retrofit(wm.baseUrl() + "/", client).create(TestApi.class);
    CallTag tag = new CallTag(GET, 1, time.instant().plusSeconds(30));

    Response<TestApi.Item> replayed = api.get(tag, "a").execute();
    assertThat(replayed.code()).isEqualTo(200);
    assertThat(replayed.raw().priorResponse()).isNotNull().satisfies(prior -> assertThat(prior.code()).isEqualTo(401));
    assertThat(replayed.raw().request().tag(CallTag.class)).as("the replay keeps the call's tag").isSameAs(tag);

    Response<TestApi.Item> refused = api.get(tag, "b").execute();
    assertThat(refused.code()).as("refused twice: handed on, not replayed again").isEqualTo(401);
    refused.errorBody().close();
    assertThat(source.fetches).hasValue(3);
    wm.verify(2, getRequestedFor(urlEqualTo("/items/b")));
  }
}
