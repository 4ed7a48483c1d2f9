package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The debug lines of the transport, captured through slf4j-simple's log file (see
 * simplelogger.properties): one line per request on the wire, the authenticator's replay included,
 * each naming the operation and attempt of its {@link CallTag}; and never a token, a configured
 * secret, a signature, a header or a query string. Exception messages carry none of them either.
 */
class LoggingTest {

  private static final Path LOG_FILE = Path.of("target", "imfacade-http-test.log");
  private static final String MARK = CountingTokenSource.SECRET_MARK;
  private static final String CLIENT_SECRET = "cs-" + MARK + "-0123456789";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void debugLines_nameEachRequestOnTheWire_theReplayIncluded_andNeverASecret() throws IOException {
    assertThat(TransportInterceptor.LOG.isDebugEnabled()).as("simplelogger.properties enables debug").isTrue();
    long before = Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
    String token1 = CountingTokenSource.token("tok", 1);
    String token2 = CountingTokenSource.token("tok", 2);

    wm.stubFor(get("/status").willReturn(okJson("{}")));
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo("Bearer " + token1))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"unauthorized\",\"error_description\":\"bad token "
            + token1 + " for secret " + CLIENT_SECRET + "\"}")));
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo("Bearer " + token2))
        .willReturn(okJson("{\"id\":\"a\"}")));
    RestExecutorTest.stubSequence(wm, "GET", "/items/flaky", aResponse().withStatus(503), okJson("{\"id\":\"flaky\"}"));
    wm.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(403)
        .withBody("{\"error\":\"forbidden_op\",\"error_description\":\"token " + token2 + " and " + CLIENT_SECRET + " are not allowed\"}")));
    wm.stubFor(get("/items/broken").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get("/items/garbage").willReturn(okJson("{\"id\": " + token1 + "}")));

    FakeTime time = new FakeTime();
    List<Throwable> failures = new ArrayList<>();
    try (ProviderContext context = ProviderContext.create(time)) {
      RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context)
          .set("testvendor.clientSecret", CLIENT_SECRET)
          .set(ImConfig.RETRY_MAX_ATTEMPTS, "2")
          .build();
      core.call(Operation.idempotent("logging.prime"), core.api()::status); // fetches tok-1
      time.advance(Duration.ofSeconds(2)); // tok-1 is no longer fresh: a 401 for it is replayed

      TestApi.Item replayed = core.call(Operation.idempotent("logging.replay"), tag -> core.api().get(tag, "a"));
      assertThat(replayed.id).isEqualTo("a");
      TestApi.Item retried = core.call(Operation.idempotent("logging.retry"), tag -> core.api().get(tag, "flaky"));
      assertThat(retried.id).isEqualTo("flaky");
      Operation op = Operation.nonIdempotent("logging.fail");
      failures.add(failure(() -> core.call(op, tag -> core.api().search(tag, "sig-" + MARK))));
      failures.add(failure(() -> core.call(op, tag -> core.api().get(tag, "broken"))));
      failures.add(failure(() -> core.call(op, tag -> core.api().get(tag, "garbage"))));

      // A NetEase-like signing interceptor: its header must not be logged either.
      Interceptor signing = chain -> chain.proceed(chain.request().newBuilder().header("CheckSum", "sum-" + MARK).build());
      RemoteCore<TestApi> signed = Cores.to(wm.baseUrl(), context).appKey("testvendor:signed").signer(signing).build();
      signed.call(Operation.idempotent("logging.signed"), signed.api()::status);
    }

    String log = new String(Files.readAllBytes(LOG_FILE), StandardCharsets.UTF_8);
    String ours = log.substring((int) Math.min(before, log.length()));
    // The 401 and the authenticator's replay: two requests on the wire, one call attempt.
    assertThat(lines(ours, "[logging.replay, attempt 1]")).satisfiesExactlyInAnyOrder(
        l -> assertThat(l).contains("testvendor GET /items/a -> 401 in "),
        l -> assertThat(l).contains("testvendor GET /items/a -> 200 in "));
    assertThat(ours).contains("logging.replay, attempt 1: token refused (HTTP 401); replaying once with a fresh token");
    // A retry is a new attempt.
    assertThat(lines(ours, "[logging.retry, attempt 1]")).singleElement().asString().contains("GET /items/flaky -> 503 in ");
    assertThat(lines(ours, "[logging.retry, attempt 2]")).singleElement().asString().contains("GET /items/flaky -> 200 in ");
    assertThat(lines(ours, "[logging.fail, attempt 1]")).hasSize(3).anySatisfy(l -> assertThat(l).contains("GET /search -> 403 in "))
        .anySatisfy(l -> assertThat(l).contains("GET /items/broken -> failed (SocketException)"));
    assertThat(lines(ours, "[logging.signed, attempt 1]")).singleElement().asString().contains("GET /status -> 200 in ");
    // The whole file, every test class that ran before included.
    assertThat(log).doesNotContain(MARK, "Bearer", "Authorization", "CheckSum", "q=sig", "?q", CLIENT_SECRET);

    assertThat(failures).hasSize(3).doesNotContainNull();
    for (Throwable t : failures) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(c.getMessage()).as(c.getClass().getName()).doesNotContain(MARK);
        assertThat(c.toString()).doesNotContain(MARK);
      }
    }
    assertThat(failures.get(0).getMessage()).contains("token **** and **** are not allowed");
  }

  private static List<String> lines(String log, String marker) {
    return log.lines().filter(l -> l.contains(marker)).collect(Collectors.toList());
  }

  private static Throwable failure(Supplier<?> call) {
    try {
      call.get();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
