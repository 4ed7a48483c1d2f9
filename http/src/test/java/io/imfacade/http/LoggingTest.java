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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The debug lines of the transport, captured through slf4j-simple's log file (see
 * simplelogger.properties): one line per attempt, and never a token, a signature, a header or a
 * query string; exception messages carry no token either.
 */
class LoggingTest {

  private static final Path LOG_FILE = Path.of("target", "imfacade-http-test.log");
  private static final String MARK = CountingTokenSource.SECRET_MARK;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void debugLines_nameEachAttempt_andNeverASecret() throws IOException {
    assertThat(TransportInterceptor.LOG.isDebugEnabled()).as("simplelogger.properties enables debug").isTrue();
    long before = Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;

    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo("Bearer tok-1-" + MARK))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"unauthorized\",\"error_description\":\"bad token tok-1-" + MARK + "\"}")));
    wm.stubFor(get("/items/a").withHeader("Authorization", equalTo("Bearer tok-2-" + MARK))
        .willReturn(okJson("{\"id\":\"a\"}")));
    wm.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(403)
        .withBody("{\"error\":\"forbidden_op\",\"error_description\":\"token tok-2-" + MARK + " is not allowed\"}")));
    wm.stubFor(get("/items/broken").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get("/items/garbage").willReturn(okJson("{\"id\": tok-1-" + MARK + "}")));

    // A NetEase-like signing interceptor: its header must not be logged either.
    Interceptor signing = chain -> chain.proceed(chain.request().newBuilder().header("CheckSum", "sum-" + MARK).build());
    TokenCache tokens = new TokenCache(new CountingTokenSource(), Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofSeconds(1));
    List<Throwable> failures = new ArrayList<>();
    try (Rig rig = Rig.to(wm.baseUrl()).tokens(tokens).set(ImConfig.RETRY_MAX_ATTEMPTS, "1").interceptors(signing).build()) {
      Operation op = Operation.idempotent("items.get");
      rig.executor.execute(op, auth -> rig.api.get(auth, "a"));
      failures.add(failure(() -> rig.executor.execute(op, auth -> rig.api.search(auth, "sig-" + MARK))));
      failures.add(failure(() -> rig.executor.execute(op, auth -> rig.api.get(auth, "broken"))));
      failures.add(failure(() -> rig.executor.execute(op, auth -> rig.api.get(auth, "garbage"))));
    }

    String log = new String(Files.readAllBytes(LOG_FILE), StandardCharsets.UTF_8);
    String ours = log.substring((int) Math.min(before, log.length()));
    assertThat(ours)
        .contains("testvendor GET /items/a -> 401 in ")
        .contains("[items.get, attempt 1]")
        .contains("testvendor GET /items/a -> 200 in ")
        .contains("[items.get, attempt 2]")
        .contains("testvendor GET /search -> 403 in ")
        .contains("testvendor GET /items/broken -> failed (SocketException)");
    // The whole file, every test class that ran before included.
    assertThat(log).doesNotContain(MARK, "Bearer", "Authorization", "CheckSum", "q=sig");

    assertThat(failures).hasSize(3).doesNotContainNull();
    for (Throwable t : failures) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(c.getMessage()).as(c.getClass().getName()).doesNotContain(MARK);
        assertThat(c.toString()).doesNotContain(MARK);
      }
    }
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
