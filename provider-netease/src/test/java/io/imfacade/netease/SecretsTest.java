package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.account.Registration;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.ProviderContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The secret, the checksums and the nonces never reach a log line or an exception. The transport's
 * debug lines are captured through slf4j-simple's log file (see simplelogger.properties).
 */
class SecretsTest {

  private static final Path LOG_FILE = Path.of("target", "imfacade-netease-test.log");
  private static final String SECRET = "SECRET-MARK-7c1f0e";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void noSecretChecksumOrNonceInLogsOrExceptions() throws IOException {
    WM.stubFor(post(urlEqualTo("/nimserver/user/getUinfos.action")).willReturn(okJson("{\"code\":200,\"uinfos\":[]}")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/updateUinfo.action"))
        .willReturn(okJson("{\"code\":414,\"desc\":\"checksum error\"}")));
    WM.stubFor(post(urlEqualTo("/nimserver/friend/add.action")).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
    WM.stubFor(post(urlEqualTo("/nimserver/friend/delete.action")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    WM.stubFor(post(urlEqualTo("/nimserver/friend/get.action")).willReturn(okJson("{\"code\":200,\"friends\":")));

    List<Throwable> failures = new ArrayList<>();
    try (ProviderContext context = ProviderContext.create();
        ImClient client = TestClients.to(WM.baseUrl()).app(TestClients.APP_KEY, SECRET)
            .set(ImConfig.RETRY_MAX_ATTEMPTS, "1").open(context)) {
      client.profiles().get("alice");
      failures.add(catchThrowable(() -> client.profiles().update("alice", ProfileUpdate.builder().nickname("x").build())));
      failures.add(catchThrowable(() -> client.contacts().addContact("alice", "bob")));
      failures.add(catchThrowable(() -> client.contacts().removeContact("alice", "bob")));
      failures.add(catchThrowable(() -> client.contacts().allContacts("alice").count()));
      assertThat(client.toString()).doesNotContain(SECRET);
    }

    List<String> sensitive = new ArrayList<>(List.of(SECRET));
    for (ServeEvent event : WM.getAllServeEvents()) {
      sensitive.add(event.getRequest().getHeader("CheckSum"));
      sensitive.add(event.getRequest().getHeader("Nonce"));
    }
    assertThat(failures).hasSize(4).doesNotContainNull();
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      for (String s : sensitive) {
        assertThat(trace.toString()).as("stack trace of %s", failure.getClass().getSimpleName()).doesNotContain(s);
      }
    }

    String log = new String(Files.readAllBytes(LOG_FILE), StandardCharsets.UTF_8);
    assertThat(log).as("the transport logs at debug").contains("netease POST /nimserver/user/getUinfos.action -> 200");
    assertThat(log).contains("netease POST /nimserver/friend/add.action -> 502");
    for (String s : sensitive) {
      assertThat(log).doesNotContain(s);
    }
    assertThat(log).doesNotContain("CheckSum").doesNotContain("appSecret=" + SECRET);
  }

  /** Users' login tokens, sent (passwords) or received (generated, refreshed), never reach a log line or an exception. */
  @Test
  void noUserTokenInLogsOrExceptions() throws IOException {
    String sentPassword = "PASSWORD-MARK-31d9a2";
    String otherPassword = "PASSWORD-MARK-5be0c4";
    String generated = "GENERATED-MARK-8a7f6e";
    String refreshed = "REFRESHED-MARK-0c4d2b";
    WM.stubFor(post(urlEqualTo("/nimserver/user/create.action")).withRequestBody(containing("accid=alice"))
        .willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"" + sentPassword + "\",\"accid\":\"alice\",\"name\":\"\"}}")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/create.action")).withRequestBody(containing("accid=bob"))
        .willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"" + generated + "\",\"accid\":\"bob\",\"name\":\"\"}}")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/create.action")).withRequestBody(containing("accid=carol"))
        .willReturn(okJson("{\"desc\":\"already register\",\"code\":414}")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/create.action")).withRequestBody(containing("accid=dave"))
        .willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"" + generated + "\",\"accid\":\"other\"}}")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/userOnlineStatus.action"))
        .willReturn(okJson("{\"code\":200,\"data\":{\"invalidAccids\":[]}}")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/update.action")).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
    WM.stubFor(post(urlEqualTo("/nimserver/user/refreshToken.action"))
        .willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"" + refreshed + "\",\"accid\":\"alice\"}}")));

    List<Object> shown = new ArrayList<>();
    try (ProviderContext context = ProviderContext.create();
        ImClient client = TestClients.to(WM.baseUrl()).set(ImConfig.RETRY_MAX_ATTEMPTS, "1").open(context)) {
      shown.add(client.accounts().register(Registration.of("alice", sentPassword)));
      shown.add(client.accounts().register(Registration.of("bob")));
      shown.add(client.accounts().registerAll(List.of(Registration.of("carol", otherPassword), Registration.of("dave"))));
      shown.add(catchThrowable(() -> client.accounts().register(Registration.of("carol", otherPassword))));
      shown.add(catchThrowable(() -> client.accounts().setPassword("alice", otherPassword)));
      shown.add(client.accounts().issueToken("alice", Duration.ofHours(1)));
    }

    assertThat(shown).doesNotContainNull();
    List<String> tokens = List.of(sentPassword, otherPassword, generated, refreshed);
    for (Object o : shown) {
      String text = o.toString();
      if (o instanceof Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        text = trace.toString();
      }
      for (String token : tokens) {
        assertThat(text).as("%s", o.getClass().getSimpleName()).doesNotContain(token);
      }
    }
    String log = new String(Files.readAllBytes(LOG_FILE), StandardCharsets.UTF_8);
    assertThat(log).contains("netease POST /nimserver/user/create.action -> 200");
    for (String token : tokens) {
      assertThat(log).doesNotContain(token);
    }
  }

  @Test
  void theConfigurationNeverShowsTheSecret() {
    ImConfig config = ImConfig.of(Map.of("provider", "netease", "netease.appKey", "k", "netease.appSecret", SECRET));
    assertThat(config.toString()).doesNotContain(SECRET).contains("netease.appSecret=****");
    assertThat(WM.getAllServeEvents()).isEmpty();
  }
}
