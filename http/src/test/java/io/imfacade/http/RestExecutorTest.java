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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.imfacade.ImConfig;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestExecutorTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Operation GET = Operation.idempotent("items.get");
  private static final Operation CREATE = Operation.nonIdempotent("items.create");

  private static TokenCache tokens(CountingTokenSource source) {
    return new TokenCache(source, java.time.Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofSeconds(5));
  }

  private static String bearer(int n) {
    return "Bearer " + CountingTokenSource.token("tok", n);
  }

  @Test
  void success_parsesUnknownFieldsAndTimestampsBeyondInt() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\",\"timestamp\":1542350943210,\"unknown\":{\"x\":[1,2]}}")));
    CountingTokenSource source = new CountingTokenSource();
    try (Rig rig = Rig.to(wm.baseUrl()).tokens(tokens(source)).build()) {
      TestApi.Item item = rig.executor.execute(GET, auth -> rig.api.get(auth, "a"));

      assertThat(item.id).isEqualTo("a");
      assertThat(item.timestamp).isEqualTo(1542350943210L);
      wm.verify(1, getRequestedFor(urlEqualTo("/items/a")).withHeader("Authorization", equalTo(bearer(1))));
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void withoutTokenCache_noAuthorizationHeaderIsSent() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      rig.executor.execute(GET, auth -> rig.api.get(auth, "a"));
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")).withoutHeader("Authorization"));
  }

  @ParameterizedTest(name = "retry.maxAttempts={0}")
  @ValueSource(ints = {1, 3})
  void unauthorized_invalidatesFetchesOnceAndReplaysOnce(int maxAttempts) {
    wm.stubFor(post("/items").withHeader("Authorization", equalTo(bearer(1)))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"unauthorized\"}")));
    wm.stubFor(post("/items").withHeader("Authorization", equalTo(bearer(2)))
        .willReturn(okJson("{\"id\":\"new\"}")));
    CountingTokenSource source = new CountingTokenSource();
    try (Rig rig = Rig.to(wm.baseUrl()).set(ImConfig.RETRY_MAX_ATTEMPTS, Integer.toString(maxAttempts))
        .tokens(tokens(source)).build()) {
      TestApi.Item item = rig.executor.execute(CREATE, auth -> rig.api.create(auth, Map.of("name", "x")));

      assertThat(item.id).isEqualTo("new");
      assertThat(source.fetches).hasValue(2);
      wm.verify(2, postRequestedFor(urlEqualTo("/items")));
      wm.verify(1, postRequestedFor(urlEqualTo("/items")).withHeader("Authorization", equalTo(bearer(2))));
      assertThat(rig.mapper.failures).hasSize(1);
    }
  }

  @Test
  void theReplay_doesNotConsumeARetryAttempt() {
    stubSequence("GET", "/items/a", aResponse().withStatus(401), aResponse().withStatus(503), okJson("{\"id\":\"a\"}"));
    CountingTokenSource source = new CountingTokenSource();
    try (Rig rig = Rig.to(wm.baseUrl()).set(ImConfig.RETRY_MAX_ATTEMPTS, "2").tokens(tokens(source)).build()) {
      TestApi.Item item = rig.executor.execute(GET, auth -> rig.api.get(auth, "a"));
      assertThat(item.id).isEqualTo("a");
      assertThat(source.fetches).hasValue(2);
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void secondUnauthorized_isAuthenticationException_withoutLoop() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"auth_bad_access_token\",\"error_description\":\"corrupt access token\"}")));
    CountingTokenSource source = new CountingTokenSource();
    try (Rig rig = Rig.to(wm.baseUrl()).tokens(tokens(source)).build()) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")));

      assertThat(e.httpStatus()).hasValue(401);
      assertThat(e.vendorCode()).hasValue("auth_bad_access_token");
      assertThat(e.provider()).hasValue("testvendor");
      assertThat(e.operation()).hasValue("items.get");
      assertThat(source.fetches).hasValue(2);
      wm.verify(2, getRequestedFor(urlEqualTo("/items/a")));
    }
  }

  @Test
  void unauthorizedWithoutTokenCache_isNotReplayed() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401)));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")))
          .isInstanceOf(AuthenticationException.class);
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void idempotent5xx_isRetriedUntilSuccess() {
    stubSequence("GET", "/items/a", aResponse().withStatus(503), aResponse().withStatus(500),
        okJson("{\"id\":\"a\"}"));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      TestApi.Item item = rig.executor.execute(GET, auth -> rig.api.get(auth, "a"));
      assertThat(item.id).isEqualTo("a");
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void idempotent5xx_isBoundedByMaxAttempts() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(503)));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
          () -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")));
      assertThat(e.httpStatus()).hasValue(503);
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void nonIdempotent5xx_isNotRetried() {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(503)));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(CREATE, auth -> rig.api.create(auth, Map.of())))
          .isInstanceOf(ProviderUnavailableException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void nonIdempotent429_isRetried_theVendorDidNotProcessIt() {
    stubSequence("POST", "/items", aResponse().withStatus(429).withBody("{\"error\":\"reach_limit\"}"),
        okJson("{\"id\":\"new\"}"));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      TestApi.Item item = rig.executor.execute(CREATE, auth -> rig.api.create(auth, Map.of()));
      assertThat(item.id).isEqualTo("new");
    }
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void clientErrors_areNeverRetried() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"illegal_argument\",\"error_description\":\"bad id\"}")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
          () -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")));
      assertThat(e.httpStatus()).hasValue(400);
      assertThat(e.vendorCode()).hasValue("illegal_argument");
      assertThat(e.vendorMessage()).hasValue("bad id");
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void connectFailure_isRetriedEvenForNonIdempotentOperations() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    AtomicInteger attempts = new AtomicInteger();
    try (Rig rig = Rig.to("http://127.0.0.1:" + closedPort + "/").build()) {
      ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
          () -> rig.executor.execute(CREATE, auth -> {
            attempts.incrementAndGet();
            return rig.api.create(auth, Map.of());
          }));
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("cannot connect");
      assertThat(attempts).hasValue(3);
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void retryAfterInSeconds_isHonoured() {
    stubSequence("POST", "/items", aResponse().withStatus(429).withHeader("Retry-After", "7"),
        okJson("{\"id\":\"new\"}"));
    FakeTime time = new FakeTime();
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).build()) {
      rig.executor.execute(CREATE, auth -> rig.api.create(auth, Map.of()));
    }
    assertThat(time.sleeps()).contains(Duration.ofSeconds(7));
    assertThat(time.sleeps()).allMatch(d -> d.compareTo(Duration.ofSeconds(7)) <= 0);
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void retryAfterAsHttpDate_isHonoured() {
    FakeTime time = new FakeTime();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(3).atZone(ZoneOffset.UTC));
    stubSequence("GET", "/items/a", aResponse().withStatus(503).withHeader("Retry-After", date),
        okJson("{\"id\":\"a\"}"));
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).build()) {
      rig.executor.execute(GET, auth -> rig.api.get(auth, "a"));
    }
    assertThat(time.sleeps()).contains(Duration.ofSeconds(3));
    wm.verify(2, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void retryAfterBeyondTheDeadline_failsAtOnce_andHoldsTheWholeApp() {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    FakeTime time = new FakeTime();
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).build()) {
      RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
          () -> rig.executor.execute(CREATE, auth -> rig.api.create(auth, Map.of())));
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(time.sleeps()).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) < 0);
      wm.verify(1, postRequestedFor(urlEqualTo("/items")));

      // The vendor blocked the app for 60 s: the next call of any client of the app does not
      // even reach the vendor before its 30 s deadline.
      assertThatThrownBy(() -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")))
          .isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("client-side rate limit");
      wm.verify(0, getRequestedFor(urlEqualTo("/items/a")));
    }
  }

  @Test
  void vendorBlockReportedInA200Body_pausesTheAppAndRetries() {
    stubSequence("GET", "/status", okJson("{\"code\":416,\"desc\":\"blocked\"}"), okJson("{\"code\":200}"));
    FakeTime time = new FakeTime();
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).build()) {
      Instant start = time.instant();
      Map<String, Object> body = rig.executor.execute(GET, rig.api::status);
      assertThat(body).containsEntry("code", 200);
      assertThat(time.sleeps()).contains(Duration.ofSeconds(10));
      assertThat(Duration.between(start, time.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }
    wm.verify(2, getRequestedFor(urlEqualTo("/status")));
  }

  @Test
  void nonJsonErrorBody_keepsItsStatus_andHeadersReachTheMapper() {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withHeader("X-Request-Id", "req-42").withHeader("Retry-After", "1")
        .withBody("<html><body>Bad Gateway</body></html>")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
          () -> rig.executor.execute(CREATE, auth -> rig.api.create(auth, Map.of())));

      assertThat(e.httpStatus()).hasValue(502);
      assertThat(e.details().requestId()).hasValue("req-42");
      HttpFailure failure = rig.mapper.failures.get(0);
      assertThat(failure.status()).isEqualTo(502);
      assertThat(failure.body()).isEqualTo("<html><body>Bad Gateway</body></html>");
      assertThat(failure.requestId()).hasValue("req-42");
      assertThat(failure.retryAfterHeader()).hasValue("1");
      assertThat(failure.operation()).isSameAs(CREATE);
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void hugeErrorBody_isCapped() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400).withBody("x".repeat(200_000))));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(rig.mapper.failures.get(0).body()).hasSize(TransportInterceptor.MAX_ERROR_BODY_BYTES);
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void tokenEchoedByTheVendor_isRedactedBeforeTheMapperSeesIt() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(403)
        .withBody("{\"error\":\"forbidden_op\",\"error_description\":\"token " + CountingTokenSource.token("tok", 1) + " lacks rights\"}")));
    CountingTokenSource source = new CountingTokenSource();
    try (Rig rig = Rig.to(wm.baseUrl()).tokens(tokens(source)).build()) {
      ImException e = catchThrowableOfType(ImException.class, () -> rig.executor.execute(GET, auth -> rig.api.get(auth, "a")));
      assertThat(rig.mapper.failures.get(0).body()).contains("token **** lacks rights");
      assertThat(e.getMessage()).doesNotContain(CountingTokenSource.SECRET_MARK).contains("****");
    }
  }

  @Test
  void mapperReturningNull_fallsBackOnTheStatus() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(429)));
    ErrorMapper silent = failure -> null;
    try (Rig rig = Rig.to(wm.baseUrl()).set(ImConfig.RETRY_MAX_ATTEMPTS, "1").build()) {
      RestExecutor executor = RestExecutor.builder().provider("testvendor").settings(rig.settings)
          .rateLimiter(rig.limiter).errorMapper(silent).build();
      RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
          () -> executor.execute(GET, auth -> rig.api.get(auth, "a")));
      assertThat(e.httpStatus()).hasValue(429);
    }
  }

  @Test
  void builder_requiresItsParts() {
    assertThatThrownBy(() -> RestExecutor.builder().provider("p").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("settings");
  }

  @Test
  void parseRetryAfter_acceptsSecondsAndDates_andIgnoresGarbage() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(RestExecutor.parseRetryAfter("5", now)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RestExecutor.parseRetryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
    assertThat(RestExecutor.parseRetryAfter("99999999999999999999", now)).isEqualTo(Duration.ofDays(1));
    assertThat(RestExecutor.parseRetryAfter("Tue, 01 Jan 2030 00:00:09 GMT", now)).isEqualTo(Duration.ofSeconds(9));
    assertThat(RestExecutor.parseRetryAfter("Mon, 31 Dec 2029 00:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RestExecutor.parseRetryAfter("soon", now)).isNull();
    assertThat(RestExecutor.parseRetryAfter("-3", now)).isNull();
    assertThat(RestExecutor.parseRetryAfter(null, now)).isNull();
  }

  /** Answers {@code responses} one after the other, then the last one forever. */
  static void stubSequence(String method, String url, ResponseDefinitionBuilder... responses) {
    String scenario = method + " " + url;
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder b = WireMock.request(method, urlEqualTo(url)).inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i < responses.length - 1) {
        b.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(b.willReturn(responses[i]));
    }
  }
}
