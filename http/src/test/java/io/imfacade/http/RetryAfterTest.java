package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7: {@code Retry-After: 9223372036854775807} made a call throw {@link ArithmeticException},
 * and {@code Retry-After: 100000000000} paused every client of the app for decades. One capped
 * parser now: a call never waits past its deadline, an app-wide pause lasts at most {@link
 * RetryAfter#MAX_APP_PAUSE}.
 */
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final Operation CREATE = Operation.nonIdempotent("items.create");
  private static final Operation STATUS = Operation.idempotent("status");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  // ---- the parser ----

  @ParameterizedTest(name = "\"{0}\" -> {1} s")
  @CsvSource({
      "0, 0",
      "' 0 ', 0",
      "5, 5",
      "007, 7",
      "3600, 3600",
      "3601, 3600",
      "86400, 3600",
      "999999999999999999, 3600",
      "9223372036854775807, 3600",
      "9223372036854775808, 3600",
      "100000000000, 3600",
      "99999999999999999999999999999999999999999, 3600",
  })
  void digitsOfAnyLength_giveAWaitBetweenZeroAndTheCap(String header, long seconds) {
    assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(RetryAfter.MAX_WAIT).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "-3", "-9223372036854775808", "+5", "1.5", "5s", "soon", "0x10", "١٢", "Tue, 32 Jan 2030 00:00:00 GMT"})
  void absentNegativeOrGarbage_isNoValue(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isNull();
  }

  @Test
  void httpDates_giveTheTimeLeft_zeroWhenPast_cappedWhenFar() {
    assertThat(RetryAfter.parse("Tue, 01 Jan 2030 00:00:09 GMT", NOW)).isEqualTo(Duration.ofSeconds(9));
    assertThat(RetryAfter.parse("Tue, 1 Jan 2030 00:00:09 GMT", NOW)).isEqualTo(Duration.ofSeconds(9));
    assertThat(RetryAfter.parse("Mon, 31 Dec 2029 00:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW)).isEqualTo(RetryAfter.MAX_WAIT);
  }

  @Test
  void cap_clampsToZeroAndTheMaximum() {
    assertThat(RetryAfter.cap(Duration.ofSeconds(-5), RetryAfter.MAX_APP_PAUSE)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.cap(Duration.ofSeconds(30), RetryAfter.MAX_APP_PAUSE)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.cap(Duration.ofSeconds(Long.MAX_VALUE), RetryAfter.MAX_APP_PAUSE)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryAfter.MAX_APP_PAUSE).isEqualTo(Duration.ofMinutes(1));
  }

  // ---- through a client ----

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"9223372036854775807", "100000000000", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void aHugeRetryAfterOnA429_isARateLimitedException_withinTheCallDeadline(String header) {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)));
    try (ProviderContext context = ProviderContext.create()) {
      RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).set(ImConfig.HTTP_CALL_TIMEOUT_MS, "2000").build();

      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
          () -> core.call(CREATE, tag -> core.api().create(tag, Map.of())))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.httpStatus()).hasValue(429);
            assertThat(e.retryAfter()).hasValue(RetryAfter.MAX_WAIT);
          }));
    }
    // The wait is past the deadline: no retry at all.
    wm.verify(1, postRequestedFor(urlEqualTo("/items")));
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"9223372036854775807", "2147483648", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void aHugeRetryAfterOnA503_endsTheCallAsProviderUnavailable_withinTheDeadline(String header) {
    // OkHttp reads a 503's Retry-After itself, with Integer.valueOf: beyond int it threw
    // NumberFormatException, which surfaced as "request refused before sending".
    wm.stubFor(get("/status").willReturn(aResponse().withStatus(503).withHeader("Retry-After", header)));
    try (ProviderContext context = ProviderContext.create()) {
      RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).set(ImConfig.HTTP_CALL_TIMEOUT_MS, "2000").build();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> core.call(STATUS, core.api()::status))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(503);
            assertThat(e.isRetryable()).isTrue();
          }));
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/status")));
  }

  @Test
  void a503WithRetryAfterZero_isNotReplayedBehindTheExecutor() {
    // OkHttp on its own replays a 503 answered with "Retry-After: 0" at once, even a POST: a
    // blind replay of a write that is not repeatable, outside the retry policy and the limiter.
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    wm.stubFor(get("/status").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    try (ProviderContext context = ProviderContext.create()) {
      RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).build();
      assertThatThrownBy(() -> core.call(CREATE, tag -> core.api().create(tag, Map.of("n", 1))))
          .isInstanceOf(ProviderUnavailableException.class);
      wm.verify(1, postRequestedFor(urlEqualTo("/items")));

      // A read is retried, by the executor only: one request per attempt.
      assertThatThrownBy(() -> core.call(STATUS, core.api()::status)).isInstanceOf(ProviderUnavailableException.class);
      wm.verify(3, getRequestedFor(urlEqualTo("/status")));
    }
  }

  @Test
  void a503RetryAfter_hiddenFromOkHttp_stillReachesTheExecutorAndTheMapper() {
    FakeTime time = new FakeTime();
    RestExecutorTest.stubSequence(wm, "GET", "/status", aResponse().withStatus(503).withHeader("Retry-After", "0"),
        aResponse().withStatus(503).withHeader("Retry-After", "2"), okJson("{}"));
    try (Rig rig = Rig.to(wm.baseUrl()).time(time).build()) {
      rig.executor.execute(STATUS, rig.api::status);

      assertThat(rig.mapper.failures).extracting(HttpFailure::retryAfter)
          .containsExactly(Optional.of(Duration.ZERO), Optional.of(Duration.ofSeconds(2)));
      assertThat(time.sleeps()).as("backoffs, among the limiter's spacing").containsSubsequence(Duration.ZERO, Duration.ofSeconds(2));
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/status")));
  }

  @Test
  void aHugeWaitFromTheMapper_isCappedToo_neverAnArithmeticException() {
    // A mapper that reads a wait from the body (NetEase's 416 block), gone wrong: Long.MAX_VALUE s.
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(429)));
    ErrorMapper huge = failure -> new RateLimitedException("blocked",
        ErrorDetails.builder().provider(failure.provider()).operation(failure.operation().name()).httpStatus(failure.status()).build(),
        Duration.ofSeconds(Long.MAX_VALUE), null);
    try (ProviderContext context = ProviderContext.create()) {
      RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).mapper(huge).set(ImConfig.HTTP_CALL_TIMEOUT_MS, "2000").build();

      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
          () -> core.call(CREATE, tag -> core.api().create(tag, Map.of())))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.httpStatus()).hasValue(429)));
      // The app's pause was capped as well: another call of the app is held at most a minute.
      assertThatThrownBy(() -> core.call(STATUS, core.api()::status))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(RetryAfter.MAX_APP_PAUSE)));
    }
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"100000000000", "9223372036854775807", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void aHugeRetryAfter_pausesAnotherClientOfTheApp_atMostAMinute(String header) {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)));
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    FakeTime time = new FakeTime();
    try (ProviderContext context = ProviderContext.create(time)) {
      String app = "testvendor:org#app";
      AppRateLimiter limiter = Cores.fakeLimiter(context, app, time, 1000);
      RemoteCore<TestApi> blocked = Cores.to(wm.baseUrl(), context).appKey(app).build();
      // Another client of the same app (same context and limiter key) whose deadline is longer than a minute.
      RemoteCore<TestApi> other = Cores.to(wm.baseUrl(), context).appKey(app)
          .set(ImConfig.HTTP_CALL_TIMEOUT_MS, "90000").build();
      RemoteCore<TestApi> shortDeadline = Cores.to(wm.baseUrl(), context).appKey(app)
          .set(ImConfig.HTTP_CALL_TIMEOUT_MS, "30000").build();
      RemoteCore<TestApi> otherApp = Cores.to(wm.baseUrl(), context).appKey("testvendor:org#other").build();
      Cores.assertSharedIs(context, app, limiter);

      assertThatThrownBy(() -> blocked.call(CREATE, tag -> blocked.api().create(tag, Map.of())))
          .isInstanceOf(RateLimitedException.class);
      Instant pausedAt = time.instant();

      // Another app is not held at all.
      otherApp.call(STATUS, otherApp.api()::status);
      assertThat(time.instant()).isEqualTo(pausedAt);
      // A call whose deadline comes before the pause ends fails at once, naming a wait of at most a minute.
      assertThatThrownBy(() -> shortDeadline.call(STATUS, shortDeadline.api()::status))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.getMessage()).contains("client-side rate limit");
            assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d)
                .isGreaterThan(Duration.ofSeconds(30)).isLessThanOrEqualTo(RetryAfter.MAX_APP_PAUSE));
          });
      wm.verify(1, getRequestedFor(urlEqualTo("/status")));
      // One with a longer deadline waits for the end of the pause, a minute, and goes through.
      other.call(STATUS, other.api()::status);
      assertThat(Duration.between(pausedAt, time.instant()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(50))
          .isLessThanOrEqualTo(RetryAfter.MAX_APP_PAUSE);
      wm.verify(2, getRequestedFor(urlEqualTo("/status")));
    }
  }
}
