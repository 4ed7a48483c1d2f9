package io.imfacade.shengwang;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Shengwang provider: discovery, configuration, the {@code /app-id/{appId}} prefix, and the
 * locally built AccessToken2 — valid, renewed before it expires, rebuilt after a 401.
 */
class ShengwangProviderTest {

  static final String APP_ID = ChatAppTokenBuilderTest.APP_ID;
  static final String CERTIFICATE = ChatAppTokenBuilderTest.APP_CERTIFICATE;
  private static final String FIXED = "007fixed-token-value";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MutableClock clock;
  private ProviderContext context;

  @BeforeEach
  void openContext() {
    clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    context = ProviderContext.create(clock);
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  private static Map<String, String> config() {
    Map<String, String> config = new HashMap<>();
    config.put("provider", "shengwang");
    config.put("shengwang.baseUrl", WM.baseUrl());
    config.put("shengwang.appId", APP_ID);
    config.put("shengwang.appCertificate", CERTIFICATE);
    config.put("retry.maxAttempts", "1");
    return config;
  }

  private ImClient open(Map<String, String> config) {
    return ImFacade.open(ImConfig.of(config), context);
  }

  private static List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent e : WM.getAllServeEvents()) {
      requests.add(e.getRequest());
    }
    Collections.reverse(requests);
    return requests;
  }

  private static String token(LoggedRequest r) {
    String header = r.getHeader("Authorization");
    assertThat(header).startsWith("Bearer 007");
    return header.substring("Bearer ".length());
  }

  @Test
  void isFoundThroughTheServiceLoader() {
    assertThat(ImFacade.providers()).contains("shengwang");
    assertThat(ImFacade.metadata("shengwang")).containsSame(ShengwangProvider.METADATA);
    try (ImClient client = open(config())) {
      assertThat(client.provider()).isEqualTo("shengwang");
      assertThat(client.capabilities()).containsExactlyInAnyOrder(Capability.values());
      assertThat(client.toString()).doesNotContain(CERTIFICATE);
    }
  }

  @Test
  void callsGoUnderTheAppIdPrefixWithAValidChatAppToken() {
    WM.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":{\"nickname\":\"N\"}}")));

    try (ImClient client = open(config())) {
      assertThat(client.profiles().get("User1")).contains(UserProfile.builder("user1").nickname("N").build());
    }

    LoggedRequest r = requests().get(0);
    assertThat(r.getUrl()).isEqualTo("/app-id/" + APP_ID + "/metadata/user/user1");
    String token = token(r);
    assertThat(AccessToken2.isValidChatAppToken(token, APP_ID, CERTIFICATE, clock.instant().getEpochSecond())).isTrue();
    AccessToken2 parsed = AccessToken2.parse(token);
    assertThat(parsed.issueTs).isEqualTo(clock.instant().getEpochSecond());
    assertThat(parsed.expire).isEqualTo(Duration.ofHours(ShengwangProvider.TOKEN_LIFETIME_HOURS).getSeconds());
  }

  @Test
  void theTokenIsReusedThenRenewedBeforeItExpires() {
    WM.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":{}}")));

    try (ImClient client = open(config())) {
      client.profiles().get("u1");
      clock.advance(Duration.ofMinutes(10));
      client.profiles().get("u1");
      clock.advance(Duration.ofMinutes(45)); // 55 minutes into a 60-minute token
      client.profiles().get("u1");
    }

    List<LoggedRequest> requests = requests();
    assertThat(token(requests.get(1))).as("reused while fresh").isEqualTo(token(requests.get(0)));
    String renewed = token(requests.get(2));
    assertThat(renewed).as("renewed before expiry").isNotEqualTo(token(requests.get(0)));
    assertThat(AccessToken2.parse(renewed).issueTs).isEqualTo(clock.instant().getEpochSecond());
    assertThat(AccessToken2.isValidChatAppToken(renewed, APP_ID, CERTIFICATE, clock.instant().getEpochSecond())).isTrue();
  }

  /**
   * A token refused a few seconds after it was built (the transport keeps a token built a moment
   * ago, so that a vendor refusing fresh tokens is not asked for one per call): rebuilt once, and
   * the call replayed with it.
   */
  @Test
  void aRefusedTokenIsRebuiltAndTheCallReplayedOnce() {
    WM.stubFor(any(anyUrl()).inScenario("auth").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"data\":{}}")).willSetStateTo("revoked"));
    WM.stubFor(any(anyUrl()).inScenario("auth").whenScenarioStateIs("revoked")
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"unauthorized\",\"error_description\":\"Unable to authenticate (OAuth)\"}"))
        .willSetStateTo("accepted"));
    WM.stubFor(any(anyUrl()).inScenario("auth").whenScenarioStateIs("accepted")
        .willReturn(okJson("{\"data\":{\"sign\":\"ok\"}}")));

    try (ImClient client = open(config())) {
      assertThat(client.profiles().get("u1")).isEmpty();
      clock.advance(Duration.ofSeconds(5));
      assertThat(client.profiles().get("u1")).contains(UserProfile.builder("u1").sign("ok").build());
    }

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(3);
    assertThat(token(requests.get(1))).isEqualTo(token(requests.get(0)));
    assertThat(token(requests.get(2))).isNotEqualTo(token(requests.get(1)));
    assertThat(AccessToken2.isValidChatAppToken(token(requests.get(2)), APP_ID, CERTIFICATE,
        clock.instant().getEpochSecond())).isTrue();
  }

  @Test
  void aFixedTokenIsSentAsItIs() {
    WM.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":{}}")));
    Map<String, String> config = config();
    config.remove("shengwang.appCertificate");
    config.put("shengwang.appToken", FIXED);
    config.put("shengwang.appId", "any-app-id");

    try (ImClient client = open(config)) {
      assertThat(client.profiles().get("u1")).isEmpty();
    }

    LoggedRequest r = requests().get(0);
    assertThat(r.getUrl()).isEqualTo("/app-id/any-app-id/metadata/user/u1");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + FIXED);
  }

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of("no baseUrl", edit(c -> c.remove("shengwang.baseUrl")), "shengwang.baseUrl"),
        Arguments.of("no appId", edit(c -> c.remove("shengwang.appId")), "shengwang.appId"),
        Arguments.of("no certificate nor token", edit(c -> c.remove("shengwang.appCertificate")), "shengwang.appCertificate"),
        Arguments.of("certificate and token", edit(c -> c.put("shengwang.appToken", FIXED)), "shengwang.appToken"),
        Arguments.of("certificate not hex", edit(c -> c.put("shengwang.appCertificate", "zz" + CERTIFICATE.substring(2))),
            "shengwang.appCertificate"),
        Arguments.of("app id not hex with a certificate", edit(c -> c.put("shengwang.appId", "my-app")), "shengwang.appId"),
        Arguments.of("app id with slash", edit(c -> c.put("shengwang.appId", "a/b")), "shengwang.appId"),
        Arguments.of("unknown key", edit(c -> c.put("shengwang.region", "cn")), "shengwang.region"));
  }

  private static Map<String, String> edit(Consumer<Map<String, String>> change) {
    Map<String, String> config = config();
    change.accept(config);
    return config;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void aBadConfigurationNamesTheKeyAndNoSecret(String name, Map<String, String> config, String key) {
    assertThatThrownBy(() -> open(config).close())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(key)
        .hasMessageNotContaining(CERTIFICATE.substring(2))
        .hasMessageNotContaining(FIXED);
    assertThat(WM.getAllServeEvents()).isEmpty();
  }
}
