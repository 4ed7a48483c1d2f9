package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.error.ProviderUnavailableException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken answers: each one ends as a neutral exception, within bounded time, with no connection
 * left checked out of the shared pool.
 */
class TransportFaultsTest {

  private static final Duration NO_HANG = Duration.ofSeconds(30);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true),
        Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), true),
        Arguments.of("random bytes", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), true),
        Arguments.of("broken chunked body", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), true),
        Arguments.of("delay past the read timeout", aResponse().withFixedDelay(1_500).withBody("{}"), true),
        Arguments.of("malformed 2xx body", aResponse().withStatus(200).withBody("{\"id\": \"a\", oops"), false),
        Arguments.of("empty 2xx body", aResponse().withStatus(200), false),
        Arguments.of("random 2xx body", aResponse().withStatus(200).withBody(new byte[] {0, (byte) 0xff, 17, 42}), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void idempotentCall_endsAsProviderUnavailable_withoutHangOrLeak(String name, ResponseDefinitionBuilder answer, boolean retried) {
    wm.stubFor(get("/items/a").willReturn(answer));
    try (Rig rig = Rig.to(wm.baseUrl()).set(ImConfig.HTTP_READ_TIMEOUT_MS, "300").build()) {
      assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
          () -> rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.provider()).hasValue("testvendor");
            assertThat(e.operation()).hasValue("items.get");
            assertThat(e.isRetryable()).isEqualTo(retried);
          }));

      // Transport failures of a repeatable read are retried; an unreadable 2xx body is not.
      wm.verify(retried ? 3 : 1, getRequestedFor(urlEqualTo("/items/a")));
      assertThat(rig.connectionsInUse()).isZero();
      rig.client.connectionPool().evictAll();
      assertThat(rig.client.connectionPool().connectionCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void nonIdempotentCall_isNotRepeated(String name, ResponseDefinitionBuilder answer, boolean retriedIfIdempotent) {
    wm.stubFor(post("/items").willReturn(answer));
    try (Rig rig = Rig.to(wm.baseUrl()).set(ImConfig.HTTP_READ_TIMEOUT_MS, "300").build()) {
      assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
          () -> rig.executor.execute(Operation.nonIdempotent("items.create"), tag -> rig.api.create(tag, Map.of("n", 1))))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            // As retryable as for a read (a later call may succeed), but never repeated by the transport.
            assertThat(e.isRetryable()).isEqualTo(retriedIfIdempotent);
            assertThat(e.getMessage()).satisfiesAnyOf(
                m -> assertThat(m).contains("may or may not have applied it"),
                m -> assertThat(m).contains("unreadable response body"),
                m -> assertThat(m).contains("read timeout"));
          }));
      wm.verify(1, postRequestedFor(urlEqualTo("/items")));
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void theCallDeadline_cutsAnAttemptThatOutlivesIt() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withFixedDelay(3_000).withBody("{}")));
    try (Rig rig = Rig.to(wm.baseUrl())
        .set(ImConfig.HTTP_READ_TIMEOUT_MS, "10000")
        .set(ImConfig.HTTP_CALL_TIMEOUT_MS, "400")
        .build()) {
      assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
          () -> rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.getMessage()).contains("call deadline of 400 ms");
            assertThat(e.isRetryable()).isTrue();
            assertThat(e).cause().isInstanceOf(InterruptedIOException.class);
          }));
      wm.verify(1, getRequestedFor(urlEqualTo("/items/a")));
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void theCallDeadline_coversRetries() {
    // Every attempt times out on its read timeout; the deadline leaves room for two at most.
    wm.stubFor(get("/items/a").willReturn(aResponse().withFixedDelay(1_500).withBody("{}")));
    try (Rig rig = Rig.to(wm.baseUrl())
        .set(ImConfig.HTTP_READ_TIMEOUT_MS, "400")
        .set(ImConfig.HTTP_CALL_TIMEOUT_MS, "700")
        .set(ImConfig.RETRY_MAX_ATTEMPTS, "10")
        .build()) {
      assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
          () -> rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, "a")))
          .isInstanceOf(ProviderUnavailableException.class));

      assertThat(wm.countRequestsMatching(getRequestedFor(urlEqualTo("/items/a")).build()).getCount()).isBetween(1, 2);
      assertThat(rig.connectionsInUse()).isZero();
    }
  }

  @Test
  void theCallDeadline_cutsAConnectionThatHangsBeforeTheRequest() throws Exception {
    // A server that accepts TCP and never answers the TLS handshake: the request never leaves.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Rig rig = Rig.to("https://127.0.0.1:" + silent.getLocalPort())
            .set(ImConfig.HTTP_CONNECT_TIMEOUT_MS, "10000")
            .set(ImConfig.HTTP_READ_TIMEOUT_MS, "10000")
            .set(ImConfig.HTTP_CALL_TIMEOUT_MS, "400")
            .set(ImConfig.RETRY_MAX_ATTEMPTS, "10")
            .build()) {
      long start = System.nanoTime();
      assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
          () -> rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, "a")))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.getMessage()).contains("call deadline of 400 ms");
            assertThat(e).cause().isInstanceOf(InterruptedIOException.class);
          }));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(rig.connectionsInUse()).isZero();
    }
  }
}
