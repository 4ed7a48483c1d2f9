package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.http.HttpClients;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the examples of seed 003 (user cards), kept verbatim under {@code
 * golden/003-user-cards/}: the request the client sends for each documented curl command (method,
 * path, content type, form fields, the four signature headers) and the neutral result of each
 * documented answer.
 *
 * <p>The answers are hand-edited in the doc and not JSON as printed. The test parses them after the
 * minimal fix of {@link Wiretap#fixDocJson}, the only edits: the {@code //} comments are removed,
 * the comma missing between the two {@code uinfos} items is added (both success examples), and so
 * is the comma missing after {@code "code":414} (the error example). The provider's parser stays
 * strict.
 *
 * <p>The clock is fixed at the examples' {@code CurTime} 1443592222. The examples' {@code
 * AppKey}, {@code Nonce} and {@code CheckSum} are masked in the doc ({@code go9***mgq3}) and the
 * secret is not published, so the headers are checked by recomputing the CheckSum from the captured
 * nonce and the test's secret. Deliberate difference: the example asks {@code muteStatus=true};
 * the client never sends {@code muteStatus} (the neutral profile has no mute fields; the default is
 * false), and both documented answers must parse the same.
 */
class GoldenWireTest {

  private static final String DIR = "golden/003-user-cards/";
  private static final long DOC_CUR_TIME = 1443592222L;
  private static final ObjectMapper STRICT = new ObjectMapper();
  /** The content type of seed 003's URL sections. */
  private static final String FORM_UTF8 = "application/x-www-form-urlencoded;charset=utf-8";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create(Clock.fixed(Instant.ofEpochSecond(DOC_CUR_TIME), ZoneOffset.UTC));
    client = TestClients.to(WM.baseUrl()).open(context);
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  /** One documented curl command: method, URL, headers, body. */
  private static final class Curl {
    final String method;
    final String path;
    final String contentType;
    final String data;

    Curl(String command) {
      method = group(command, "-X (\\S+)");
      path = group(command, "'https://api\\.netease\\.im(/[^']*)'");
      contentType = group(command, "-H \"Content-Type: ([^\"]+)\"");
      data = group(command, "-d '([^']*)'");
    }

    private static String group(String s, String regex) {
      Matcher m = Pattern.compile(regex).matcher(s);
      assertThat(m.find()).as("%s in %s", regex, s).isTrue();
      return m.group(1);
    }
  }

  private static String answer(String file) {
    Wiretap.Fixed fixed = Wiretap.fixDocJson(Wiretap.resource(DIR + file));
    return fixed.json;
  }

  @Test
  void theExamplesNeedExactlyTheDocumentedFixes() {
    for (String file : List.of("getUinfos.response.json", "getUinfos-muteStatus.response.json", "getUinfos-error.response.json")) {
      String raw = Wiretap.resource(DIR + file);
      assertThat(parses(raw)).as("%s as printed is not JSON", file).isFalse();
      Wiretap.Fixed fixed = Wiretap.fixDocJson(raw);
      assertThat(fixed.commasAdded).as("commas added to %s", file).isEqualTo(1);
      assertThat(parses(fixed.json)).as("%s after the fix", file).isTrue();
    }
    String ok = Wiretap.resource(DIR + "updateUinfo.response.json");
    assertThat(parses(ok)).as("updateUinfo's answer needs no fix").isTrue();
  }

  private static boolean parses(String json) {
    try {
      STRICT.readTree(json);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * What OkHttp puts on the wire, exactly: the seed's spelling, before any server normalizes it.
   * Captured by a network interceptor of a shared OkHttpClient registered in the context, which
   * every client of the context derives its own from.
   */
  @Test
  void contentTypeIsTheSeeds() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor capture = chain -> {
      seen.add(chain.request().header("Content-Type"));
      return chain.proceed(chain.request());
    };
    WM.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"code\":200}")));
    try (ProviderContext capturing = ProviderContext.create()) {
      capturing.shared(HttpClients.SHARED_CLIENT_KEY, Object.class,
          () -> new OkHttpClient.Builder().addNetworkInterceptor(capture).build());
      try (ImClient c = TestClients.to(WM.baseUrl()).open(capturing)) {
        c.profiles().update("zhangsan", ProfileUpdate.builder().nickname("Jack").build());
      }
    }

    assertThat(seen).containsExactly(FORM_UTF8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"getUinfos.response.json", "getUinfos-muteStatus.response.json"})
  void getUinfos_requestAndBothDocumentedAnswers(String answerFile) {
    WM.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(answer(answerFile))));

    Map<String, UserProfile> profiles = client.profiles().getAll(List.of("t1", "t2"));

    // The request of the curl example.
    Curl curl = new Curl(Wiretap.resource(DIR + "getUinfos.curl"));
    List<LoggedRequest> sent = WM.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(1);
    LoggedRequest request = sent.get(0);
    assertThat(request.getMethod().getName()).isEqualTo(curl.method);
    assertThat(request.getUrl()).isEqualTo(curl.path).isEqualTo("/nimserver/user/getUinfos.action");
    assertThat(request.getHeader("Content-Type"))
        .as("the seed's content type (the curl line abbreviates it without the charset;"
            + " WireMock's Jetty reports the charset name upper-cased, see contentTypeIsTheSeeds)")
        .isEqualToIgnoringCase(FORM_UTF8)
        .startsWith(curl.contentType);
    Map<String, String> form = Wiretap.form(request);
    Map<String, String> documented = Wiretap.form(curl.data);
    assertThat(form.get("accids")).as("accids, a JSON array in a form field").isEqualTo("[\"t1\",\"t2\"]")
        .isEqualTo(documented.get("accids"));
    assertThat(form).as("muteStatus is deliberately not sent").containsOnlyKeys("accids");
    Wiretap.assertSigned(request, TestClients.APP_KEY, TestClients.APP_SECRET);
    assertThat(request.getHeader("CurTime")).isEqualTo(Long.toString(DOC_CUR_TIME));

    // The neutral reading of the answer: "ex" is empty, so absent; the mute fields are ignored.
    assertThat(profiles).containsOnlyKeys("t1", "t2");
    assertThat(profiles.get("t1")).isEqualTo(UserProfile.builder("t1")
        .nickname("小明")
        .avatarUrl("https://nim-nosdn.netease.im/MTAxMTAwMg==/bmltYV8xMDU5Njk3XzE1NzMwMjgxNTYyMTRfNGExMmY5ZGUtMWU2Ni00ZTAwLWIyZjgtZmFiM2E0YzAxYTEw")
        .sign("hello")
        .email("t1@163.com")
        .birth("2015-12-23")
        .phone("18645454545")
        .gender(Gender.MALE)
        .build());
    assertThat(profiles.get("t1").ext()).isNull();
    assertThat(profiles.get("t2")).isEqualTo(UserProfile.builder("t2").nickname("def").gender(Gender.UNKNOWN).build());
  }

  @Test
  void getUinfos_documentedErrorKeepsCodeAndDesc() {
    WM.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(answer("getUinfos-error.response.json"))));

    assertThatThrownBy(() -> client.profiles().getAll(List.of("t1", "t2")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.vendorCode()).contains("414");
          assertThat(e.vendorMessage()).contains("limit max accids size: 200");
          assertThat(e.provider()).contains("netease");
          assertThat(e.operation()).contains("profiles.getAll");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(WM.getAllServeEvents()).as("a parameter error is not retried").hasSize(1);
  }

  @Test
  void updateUinfo_requestAndDocumentedAnswer() {
    WM.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(answer("updateUinfo.response.json"))));

    client.profiles().update("zhangsan", ProfileUpdate.builder().nickname("Jack").build());

    Curl curl = new Curl(Wiretap.resource(DIR + "updateUinfo.curl"));
    LoggedRequest request = WM.getAllServeEvents().get(0).getRequest();
    assertThat(WM.getAllServeEvents()).hasSize(1);
    assertThat(request.getMethod().getName()).isEqualTo(curl.method);
    assertThat(request.getUrl()).isEqualTo(curl.path).isEqualTo("/nimserver/user/updateUinfo.action");
    assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase(FORM_UTF8);
    assertThat(request.getBodyAsString()).as("the body of the curl example, byte for byte").isEqualTo(curl.data)
        .isEqualTo("accid=zhangsan&name=Jack");
    Wiretap.assertSigned(request, TestClients.APP_KEY, TestClients.APP_SECRET);
  }

  /**
   * The one recorded answer of {@code updateUinfo} refusing an email (netease-facts §3, §8: an
   * application's comment "网易云接口返回结果 == {"desc":"邮件 not email","code":414}", code-id
   * 2732878997; OBSERVED, not in a doc page), kept verbatim under {@code golden/observed/}: an
   * {@link InvalidRequestException} naming the field {@code email}, with the vendor's code and desc,
   * neither retried nor followed by the existence probe of other 414 answers.
   */
  @Test
  void updateUinfo_observedEmailRefusalNamesTheField() {
    String body = Wiretap.resource("golden/observed/updateUinfo-not-email.response.json");
    assertThat(body).isEqualTo("{\"desc\":\"邮件 not email\",\"code\":414}");
    WM.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));

    assertThatThrownBy(() -> client.profiles().update("zhangsan", ProfileUpdate.builder().email("邮件").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains("email");
          assertThat(e.vendorCode()).contains("414");
          assertThat(e.vendorMessage()).contains("邮件 not email");
          assertThat(e.httpStatus()).hasValue(200);
          assertThat(e.provider()).contains("netease");
          assertThat(e.operation()).contains("profiles.update");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(WM.getAllServeEvents()).hasSize(1);
    assertThat(Wiretap.form(WM.getAllServeEvents().get(0).getRequest()))
        .containsExactly(Map.entry("accid", "zhangsan"), Map.entry("email", "邮件"));
  }
}
