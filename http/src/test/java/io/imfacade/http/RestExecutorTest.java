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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.imfacade.ImConfig;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.CallContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The executor: retries, Retry-After, deadlines, error mapping; authentication is tested in {@link BearerTokenAuthTest}. */
class RestExecutorTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Operation GET = Operation.idempotent("items.get");
  private static final Operation CREATE = Operation.nonIdempotent("items.create");

  @Test
  void success_parsesUnknownFieldsAndTimestampsBeyondInt() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\",\"timestamp\":1542350943210,\"unknown\":{\"x\":[1,2]}}")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      TestApi.Item item = rig.executor.execute(GET, tag -> rig.api.get(tag, "a"));

      assertThat(item.id).isEqualTo("a");
      assertThat(item.timestamp).isEqualTo(1542350943210L);
      assertThat(rig.connectionsInUse()).isZero();
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void eachAttempt_carriesItsCallTag_asTheRequestTag() {
    stubSequence("GET", "/items/a", aResponse().withStatus(503), okJson("{\"id\":\"a\"}"));
    List<CallTag> seen = new CopyOnWriteArrayList<>();
    try (Rig rig = Rig.to(wm.baseUrl()).interceptor(chain -> {
      seen.add(chain.request().tag(CallTag.class));
      return chain.proceed(chain.request());
    }).build()) {
      Instant before = Instant.now();
      rig.executor.execute(GET, tag -> rig.api.get(tag, "a"));

      assertThat(seen).hasSize(2);
      assertThat(seen).extracting(CallTag::operation).containsOnly(GET);
      assertThat(seen).extracting(CallTag::attempt).containsExactly(1, 2);
      // One deadline for the whole call, retries included.
      assertThat(seen.get(0).deadline()).isEqualTo(seen.get(1).deadline())
          .isAfterOrEqualTo(before.plus(rig.settings.callTimeout()));
    }
  }

  @Test
  void theRequestsOfOneNeutralCall_shareOneDeadline_andNoneIsSentOnceItPassed() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    FakeTime time = new FakeTime();
    List<CallTag> seen = new CopyOnWriteArrayList<>();
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).set(ImConfig.HTTP_CALL_TIMEOUT_MS, "1000").interceptor(chain -> {
      seen.add(chain.request().tag(CallTag.class));
      return chain.proceed(chain.request());
    }).build(); CallContext.Scope call = CallContext.of("testvendor", "items.sync", null).enter()) {
      rig.executor.execute(GET, tag -> rig.api.get(tag, "a"));
      time.advance(Duration.ofMillis(600));
      rig.executor.execute(GET, tag -> rig.api.get(tag, "a")); // a later request of the same call

      assertThat(seen).hasSize(2);
      assertThat(seen.get(1).deadline()).isEqualTo(seen.get(0).deadline());
      time.advance(Duration.ofMillis(400));
      // The call's time is spent: a third request fails at once, as the deadline, not as a rate limit.
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("call deadline of 1000 ms");
    }
    assertThat(seen).hasSize(2);
    wm.verify(2, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void withoutAuthentication_noAuthorizationHeaderIsSent() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      rig.executor.execute(GET, tag -> rig.api.get(tag, "a"));
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")).withoutHeader("Authorization"));
  }

  @Test
  void unauthorizedWithoutTokens_isNotReplayed() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401)));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.httpStatus()).hasValue(401));
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void idempotent5xx_isRetriedUntilSuccess() {
    stubSequence("GET", "/items/a", aResponse().withStatus(503), aResponse().withStatus(500),
        okJson("{\"id\":\"a\"}"));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      TestApi.Item item = rig.executor.execute(GET, tag -> rig.api.get(tag, "a"));
      assertThat(item.id).isEqualTo("a");
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void idempotent5xx_isBoundedByMaxAttempts() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(503)));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.httpStatus()).hasValue(503));
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void nonIdempotent5xx_isNotRetried() {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(503)));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(CREATE, tag -> rig.api.create(tag, Map.of())))
          .isInstanceOf(ProviderUnavailableException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void nonIdempotent429_isRetried_theVendorDidNotProcessIt() {
    stubSequence("POST", "/items", aResponse().withStatus(429).withBody("{\"error\":\"reach_limit\"}"),
        okJson("{\"id\":\"new\"}"));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      TestApi.Item item = rig.executor.execute(CREATE, tag -> rig.api.create(tag, Map.of()));
      assertThat(item.id).isEqualTo("new");
    }
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void clientErrors_areNeverRetried() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"illegal_argument\",\"error_description\":\"bad id\"}")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.httpStatus()).hasValue(400);
            assertThat(e.vendorCode()).hasValue("illegal_argument");
            assertThat(e.vendorMessage()).hasValue("bad id");
          });
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void connectFailure_isRetriedEvenForNonIdempotentOperations() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    AtomicInteger attempts = new AtomicInteger();
    try (Rig rig = Rig.to("http://127.0.0.1:" + closedPort + "/").build()) {
      assertThatThrownBy(() -> rig.executor.execute(CREATE, tag -> {
        attempts.incrementAndGet();
        return rig.api.create(tag, Map.of());
      })).isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("cannot connect");
      });
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
      rig.executor.execute(CREATE, tag -> rig.api.create(tag, Map.of()));
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
      rig.executor.execute(GET, tag -> rig.api.get(tag, "a"));
    }
    assertThat(time.sleeps()).contains(Duration.ofSeconds(3));
    wm.verify(2, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void retryAfterBeyondTheDeadline_failsAtOnce_andHoldsTheWholeApp() {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    FakeTime time = new FakeTime();
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).build()) {
      assertThatThrownBy(() -> rig.executor.execute(CREATE, tag -> rig.api.create(tag, Map.of())))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.httpStatus()).hasValue(429);
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(60));
          });
      assertThat(time.sleeps()).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) < 0);
      wm.verify(1, postRequestedFor(urlEqualTo("/items")));

      // The vendor blocked the app for 60 s: the next call of any client of the app does not
      // even reach the vendor before its 30 s deadline.
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
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
      assertThatThrownBy(() -> rig.executor.execute(CREATE, tag -> rig.api.create(tag, Map.of())))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(502);
            assertThat(e.details().requestId()).hasValue("req-42");
          });

      HttpFailure failure = rig.mapper.failures.get(0);
      assertThat(failure.status()).isEqualTo(502);
      assertThat(failure.body()).isEqualTo("<html><body>Bad Gateway</body></html>");
      assertThat(failure.requestId()).hasValue("req-42");
      assertThat(failure.retryAfter()).as("parsed once by the transport").hasValue(Duration.ofSeconds(1));
      assertThat(failure.operation()).isSameAs(CREATE);
      assertThat(failure.toString()).doesNotContain("Bad Gateway");
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void aBadRetryAfter_reachesTheMapperAsAbsent() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400).withHeader("Retry-After", "soon")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(rig.mapper.failures.get(0).retryAfter()).isEmpty();
    }
  }

  @Test
  void hugeErrorBody_isCapped() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400).withBody("x".repeat(200_000))));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(rig.mapper.failures.get(0).body()).hasSize(TransportInterceptor.MAX_ERROR_BODY_BYTES);
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void tokenEchoedByTheVendor_isRedactedBeforeTheMapperSeesIt() {
    TokenCache tokens = new TokenCache(new CountingTokenSource(), Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofSeconds(5));
    String token = CountingTokenSource.token("tok", 1);
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(403)
        .withBody("{\"error\":\"forbidden_op\",\"error_description\":\"token " + token + " lacks rights\"}")));
    try (Rig rig = Rig.to(wm.baseUrl()).tokens(tokens).build()) {
      assertThatThrownBy(() -> rig.executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(ImException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(CountingTokenSource.SECRET_MARK).contains("token **** lacks rights");
            assertThat(e.vendorMessage()).hasValue("token **** lacks rights");
          });
      assertThat(rig.mapper.failures.get(0).body()).contains("token **** lacks rights");
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/items/a")).withHeader("Authorization", equalTo("Bearer " + token)));
  }

  @Test
  void mapperReturningNull_fallsBackOnTheStatus() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
    ErrorMapper silent = failure -> null;
    try (Rig rig = Rig.to(wm.baseUrl()).set(ImConfig.RETRY_MAX_ATTEMPTS, "1").build()) {
      RestExecutor executor = RestExecutor.builder().provider("testvendor").settings(rig.settings)
          .rateLimiter(rig.limiter).errorMapper(silent).build();
      assertThatThrownBy(() -> executor.execute(GET, tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.httpStatus()).hasValue(429);
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
          });
    }
  }

  @Test
  void builder_requiresItsParts() {
    assertThatThrownBy(() -> RestExecutor.builder().provider("p").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("settings");
    assertThatThrownBy(() -> RestExecutor.builder().redactor(null)).isInstanceOf(NullPointerException.class);
  }

  /** Answers {@code responses} one after the other, then the last one forever. */
  static void stubSequence(String method, String url, ResponseDefinitionBuilder... responses) {
    stubSequence(wm, method, url, responses);
  }

  static void stubSequence(WireMockExtension server, String method, String url, ResponseDefinitionBuilder... responses) {
    String scenario = method + " " + url;
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder b = WireMock.request(method, urlEqualTo(url)).inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i < responses.length - 1) {
        b.willSetStateTo("step-" + (i + 1));
      }
      server.stubFor(b.willReturn(responses[i]));
    }
  }
}
