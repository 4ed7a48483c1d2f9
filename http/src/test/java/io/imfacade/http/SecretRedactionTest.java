package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.spi.ProviderContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 item 4: a vendor echoing a secret must not put it into an exception or a log. Every
 * configured secret (the value of a key ending in Secret, Token, Certificate or Password in the
 * client's {@link ImConfig}) and the live bearer token are replaced by {@code ****}.
 */
class SecretRedactionTest {

  private static final Path LOG_FILE = Path.of("target", "imfacade-http-test.log");
  private static final Operation GET = Operation.idempotent("items.get");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final FakeTime time = new FakeTime();
  private final ProviderContext context = ProviderContext.create(time);

  @AfterEach
  void close() {
    context.close();
  }

  private static String secretFor(String key) {
    return "v4lue-of-" + key.substring(key.indexOf('.') + 1) + "-Zq81";
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"testvendor.clientSecret", "testvendor.appToken", "testvendor.appCertificate", "testvendor.password"})
  void aTokenEndpointQuotingTheSecret_givesAnExceptionAndLogsWithoutIt(String key) throws IOException {
    String secret = secretFor(key);
    long logBefore = Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
    wm.stubFor(post("/token").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"client_secret " + secret + " does not match\"}")));
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context)
        .set(key, secret)
        .set("testvendor.clientId", "cid-visible-0001")
        .tokens(fetch -> new Cores.EndpointTokens(fetch, time, secret))
        .build();

    List<Throwable> thrown = new ArrayList<>();
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          thrown.add(e);
          assertThat(e.getMessage()).doesNotContain(secret).contains("client_secret **** does not match");
          assertThat(e.vendorMessage()).hasValue("client_secret **** does not match");
          assertThat(e.vendorCode()).hasValue("invalid_client");
          assertThat(e.operation()).hasValue(Cores.TOKEN.name());
        });
    // The remembered failure handed to the next caller is clean as well.
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOfSatisfying(AuthenticationException.class, thrown::add);

    for (Throwable t : thrown) {
      assertNoSecretIn(t, secret);
    }
    String log = new String(Files.readAllBytes(LOG_FILE), StandardCharsets.UTF_8);
    assertThat(log.substring((int) Math.min(logBefore, log.length()))).contains("POST /token -> 401");
    assertThat(log).doesNotContain(secret);
  }

  @Test
  void anyEndpointQuotingASecret_orTheBearerToken_givesMaskedMessages_andLeavesOtherValuesAlone() {
    String secret = "s3cret-Appl1cation-Key";
    String token = CountingTokenSource.token("tok", 1);
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"illegal_argument\","
        + "\"error_description\":\"app cid-visible-0001 with secret " + secret + " and token " + token + " refused\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context)
        .set("testvendor.appSecret", secret)
        .set("testvendor.clientId", "cid-visible-0001")
        .build();

    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.vendorMessage()).hasValue("app cid-visible-0001 with secret **** and token **** refused");
          assertThat(e.getMessage()).contains("app cid-visible-0001 with secret **** and token **** refused");
          assertNoSecretIn(e, secret);
          assertNoSecretIn(e, CountingTokenSource.SECRET_MARK);
        });
  }

  @Test
  void aSuccessAnswerReportingAFailure_thatQuotesASecret_givesMaskedMessages() {
    // NetEase style: HTTP 200 with {"code":414,"desc":...}; the mapper reads the parsed body, which
    // the transport cannot redact as text, so the exception it builds is redacted instead.
    String secret = "n3tease-App-Secret-42";
    String token = CountingTokenSource.token("tok", 1);
    wm.stubFor(get("/status").willReturn(okJson("{\"code\":414,\"desc\":\"checksum with " + secret
        + " and " + token + " is wrong\"}")));
    RemoteCore<TestApi> core = Cores.to(wm.baseUrl(), context).set("testvendor.appSecret", secret).build();

    assertThatThrownBy(() -> core.call(GET, core.api()::status))
        .isInstanceOfSatisfying(ImException.class, e -> {
          assertThat(e.vendorCode()).hasValue("414");
          assertThat(e.vendorMessage()).hasValue("checksum with **** and **** is wrong");
          assertThat(e.getMessage()).contains("vendor code 414: checksum with **** and **** is wrong");
          assertThat(e.operation()).hasValue(GET.name());
          assertNoSecretIn(e, secret);
          assertNoSecretIn(e, CountingTokenSource.SECRET_MARK);
        });
  }

  @Test
  void aSecretAddedByTheProvider_isMaskedToo() {
    String derived = "derived-signing-key-9876";
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(403)
        .withBody("{\"error\":\"forbidden\",\"error_description\":\"key " + derived + "\"}")));
    RemoteCore<TestApi> core = RemoteCore.builder(TestApi.class)
        .metadata(Cores.METADATA)
        .config(ImConfig.builder().provider(Cores.PROVIDER).build())
        .context(context)
        .baseUrl(okhttp3.HttpUrl.get(wm.baseUrl()))
        .rateLimiterKey("testvendor:app")
        .errorMapper(new TestErrorMapper())
        .bearerTokens(fetch -> new CountingTokenSource())
        .secret(derived)
        .build();
    assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a")))
        .isInstanceOfSatisfying(ImException.class, e -> assertThat(e.vendorMessage()).hasValue("key ****"));
  }

  // ---- the Redactor itself ----

  @Test
  void redactor_masksEverySecret_longestFirst_andTheExtraValue() {
    Redactor r = Redactor.of(Arrays.asList("abcd", "abcdefgh", null, "xyz", "abcd"));
    assertThat(r.redact("abcdefgh abcd xyz tok-123", "tok-123")).isEqualTo("**** **** xyz ****");
    assertThat(r.redact("plain")).isEqualTo("plain");
    assertThat(r.redact(null)).isNull();
    assertThat(r.redact("")).isEmpty();
    assertThat(r.redact("short tok", "tok")).as("values under 4 characters are no secrets").isEqualTo("short tok");
    assertThat(r.toString()).isEqualTo("Redactor{2 secrets}").doesNotContain("abcd");
    assertThat(Redactor.none().redact("abcd", null)).isEqualTo("abcd");
  }

  private static void assertNoSecretIn(Throwable t, String secret) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertThat(c.getMessage()).as(c.getClass().getName()).doesNotContain(secret);
      assertThat(c.toString()).doesNotContain(secret);
      if (c instanceof ImException im) {
        assertThat(im.details().toString()).doesNotContain(secret);
      }
      for (Throwable s : c.getSuppressed()) {
        assertNoSecretIn(s, secret);
      }
    }
  }
}
