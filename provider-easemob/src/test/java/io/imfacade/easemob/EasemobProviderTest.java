package io.imfacade.easemob;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider through {@code ImFacade.open}: discovery, configuration checks, secrets kept out of
 * messages, the app token, and its declared limits enforced by the guard.
 */
class EasemobProviderTest {

  private static final String SECRET = "s3cr3t-CLIENT-secret-value";
  private static final String FIXED = "fixed-APP-token-value";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static ProviderContext context;

  @BeforeAll
  static void openContext() {
    context = ProviderContext.create();
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  private static Map<String, String> credentials() {
    Map<String, String> config = new HashMap<>();
    config.put("provider", "easemob");
    config.put("easemob.baseUrl", WM.baseUrl());
    config.put("easemob.orgName", "demo-org");
    config.put("easemob.appName", "demo-app");
    config.put("easemob.clientId", "YXA6client");
    config.put("easemob.clientSecret", SECRET);
    config.put("retry.maxAttempts", "1");
    return config;
  }

  private static ImClient open(Map<String, String> config) {
    return ImFacade.open(ImConfig.of(config), context);
  }

  @Test
  void isFoundThroughTheServiceLoader() {
    assertThat(ImFacade.providers()).contains("easemob");
    assertThat(ImFacade.metadata("easemob")).containsSame(EasemobProvider.METADATA);
    try (ImClient client = open(credentials())) {
      assertThat(client.provider()).isEqualTo("easemob");
      assertThat(client.capabilities()).containsExactlyInAnyOrder(Capability.values());
      assertThat(client.toString()).doesNotContain(SECRET);
    }
    assertThat(WM.getAllServeEvents()).as("opening does no I/O").isEmpty();
  }

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of("no baseUrl", edit(c -> c.remove("easemob.baseUrl")), "easemob.baseUrl"),
        Arguments.of("no orgName", edit(c -> c.remove("easemob.orgName")), "easemob.orgName"),
        Arguments.of("no appName", edit(c -> c.remove("easemob.appName")), "easemob.appName"),
        Arguments.of("no credentials", edit(c -> {
          c.remove("easemob.clientId");
          c.remove("easemob.clientSecret");
        }), "easemob.clientId"),
        Arguments.of("no secret", edit(c -> c.remove("easemob.clientSecret")), "easemob.clientSecret"),
        Arguments.of("no client id", edit(c -> c.remove("easemob.clientId")), "easemob.clientId"),
        Arguments.of("token and credentials", edit(c -> c.put("easemob.appToken", FIXED)), "easemob.appToken"),
        Arguments.of("unknown key", edit(c -> c.put("easemob.region", "cn")), "easemob.region"),
        Arguments.of("not a URL", edit(c -> c.put("easemob.baseUrl", "ftp://host")), "easemob.baseUrl"),
        Arguments.of("URL with query", edit(c -> c.put("easemob.baseUrl", "https://host/?x=1")), "easemob.baseUrl"),
        Arguments.of("org with slash", edit(c -> c.put("easemob.orgName", "a/b")), "easemob.orgName"),
        Arguments.of("app dots", edit(c -> c.put("easemob.appName", "..")), "easemob.appName"),
        Arguments.of("bad rate", edit(c -> c.put("rateLimit.requestsPerSecond", "-1")), "rateLimit.requestsPerSecond"));
  }

  private static Map<String, String> edit(java.util.function.Consumer<Map<String, String>> change) {
    Map<String, String> config = credentials();
    change.accept(config);
    return config;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void aBadConfigurationNamesTheKeyAndNoSecret(String name, Map<String, String> config, String key) {
    assertThatThrownBy(() -> open(config).close())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(key)
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(FIXED);
    assertThat(WM.getAllServeEvents()).isEmpty();
  }

  @Test
  void aFixedTokenIsSentAsItIs() {
    Map<String, String> config = credentials();
    config.remove("easemob.clientId");
    config.remove("easemob.clientSecret");
    config.put("easemob.appToken", FIXED);
    WM.stubFor(get("/demo-org/demo-app/metadata/user/u1").willReturn(okJson("{\"data\":{\"nickname\":\"U\"}}")));

    try (ImClient client = open(config)) {
      assertThat(client.profiles().get("u1")).contains(UserProfile.builder("u1").nickname("U").build());
      assertThat(client.toString()).doesNotContain(FIXED);
    }
    WM.verify(getRequestedFor(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1"))
        .withHeader("Authorization", equalTo("Bearer " + FIXED)));
  }

  @Test
  void theAppTokenIsFetchedWithClientCredentialsAndCached() throws Exception {
    WM.stubFor(post("/demo-org/demo-app/token").willReturn(okJson(
        "{\"access_token\":\"YWMt-first\",\"expires_in\":5184000,\"application\":\"8be024f0-e978-11e8-b697-5d598d5f8402\"}")));
    WM.stubFor(get(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1")).willReturn(okJson("{\"data\":{}}")));

    try (ImClient client = open(credentials())) {
      client.profiles().get("u1");
      client.profiles().get("u1");
    }

    WM.verify(1, postRequestedFor(urlPathEqualTo("/demo-org/demo-app/token"))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
        .withHeader("Accept", equalTo("application/json")));
    WM.verify(2, getRequestedFor(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1"))
        .withHeader("Authorization", equalTo("Bearer YWMt-first")));
    JsonNode body = new ObjectMapper().readTree(WM.findAll(postRequestedFor(urlPathEqualTo("/demo-org/demo-app/token")))
        .get(0).getBodyAsString());
    assertThat(body.get("grant_type").asText()).isEqualTo("client_credentials");
    assertThat(body.get("client_id").asText()).isEqualTo("YXA6client");
    assertThat(body.get("client_secret").asText()).isEqualTo(SECRET);
  }

  /**
   * A 401 on a cached token: the token is fetched once more and the call replayed once. The token
   * is a few seconds old by then (the transport keeps a token fetched a moment ago, so that a
   * vendor refusing fresh tokens is not asked for one per call).
   */
  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallReplayed() {
    WM.stubFor(post("/demo-org/demo-app/token").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"access_token\":\"old-token\",\"expires_in\":3600}")).willSetStateTo("renewed"));
    WM.stubFor(post("/demo-org/demo-app/token").inScenario("token").whenScenarioStateIs("renewed")
        .willReturn(okJson("{\"access_token\":\"new-token\",\"expires_in\":3600}")));
    WM.stubFor(get(urlPathEqualTo("/demo-org/demo-app/metadata/user/u0")).willReturn(okJson("{\"data\":{}}")));
    WM.stubFor(get(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1"))
        .withHeader("Authorization", equalTo("Bearer old-token"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"unauthorized\",\"error_description\":\"Unable to authenticate due to expired access token\"}")));
    WM.stubFor(get(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1"))
        .withHeader("Authorization", equalTo("Bearer new-token"))
        .willReturn(okJson("{\"data\":{\"nickname\":\"fresh\"}}")));
    MutableClock clock = new MutableClock(Instant.now());

    try (ProviderContext own = ProviderContext.create(clock); ImClient client = ImFacade.open(ImConfig.of(credentials()), own)) {
      assertThat(client.profiles().get("u0")).isEmpty();
      clock.advance(Duration.ofSeconds(5));
      assertThat(client.profiles().get("u1")).contains(UserProfile.builder("u1").nickname("fresh").build());
    }

    WM.verify(2, postRequestedFor(urlPathEqualTo("/demo-org/demo-app/token")));
    WM.verify(2, getRequestedFor(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1")));
  }

  /** Issue 9: the vendor's error body quoting the secret must not leak it into the exception. */
  @Test
  void badCredentialsAreAnAuthenticationFailureWithoutTheSecret() {
    WM.stubFor(post("/demo-org/demo-app/token").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"client_secret " + SECRET + " does not match\"}")));

    try (ImClient client = open(credentials())) {
      assertThatThrownBy(() -> client.profiles().get("u1"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.httpStatus()).hasValue(400);
            assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m).contains("does not match"));
          })
          .hasMessageContaining("does not match")
          .hasMessageNotContaining(SECRET);
    }
    WM.verify(0, getRequestedFor(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1")));
  }

  /**
   * The Easemob limits of the metadata are what the guard enforces: a nickname is measured in
   * UTF-16 units (64 CJK characters pass, 65 letters do not), before any request.
   */
  @Test
  void theDeclaredLimitsAreEnforcedBeforeAnyRequest() {
    Map<String, String> config = credentials();
    config.remove("easemob.clientId");
    config.remove("easemob.clientSecret");
    config.put("easemob.appToken", FIXED);
    WM.stubFor(put(urlPathEqualTo("/demo-org/demo-app/metadata/user/u1"))
        .willReturn(okJson("{\"data\":{}}")));
    WM.stubFor(get(urlPathEqualTo("/demo-org/demo-app/users/u1"))
        .willReturn(okJson("{\"entities\":[{\"username\":\"u1\"}]}")));

    try (ImClient client = open(config)) {
      assertThatThrownBy(() -> client.profiles().update("u1", ProfileUpdate.builder().nickname("n".repeat(65)).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("nickname"));
      // "64 个字符" counted in no documented unit: 22 CJK characters are 66 bytes, over under a byte reading.
      assertThatThrownBy(() -> client.profiles().update("u1", ProfileUpdate.builder().nickname("环".repeat(22)).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e).hasMessageContaining("66 bytes"));
      assertThatThrownBy(() -> client.contacts().setRemark("u1", "u2", "r".repeat(101)))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> client.profiles().get("u".repeat(65))).isInstanceOf(InvalidRequestException.class);
      assertThat(WM.getAllServeEvents()).isEmpty();

      client.profiles().update("u1", ProfileUpdate.builder().nickname("环".repeat(21)).build());
    }
    assertThat(WM.getAllServeEvents()).as("the account read and the write").hasSize(2);
  }
}
