package io.imfacade.netease.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.ImClient;
import io.imfacade.netease.TestClients;
import io.imfacade.netease.Wiretap;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CheckSum, and the four headers on every attempt, each attempt with its own nonce. */
class SignerTest {

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** netease-facts §9: lower-case hex SHA-1 of secret + nonce + curTime. */
  @ParameterizedTest
  @CsvSource({
      "secret, nonce, 1443592222, 6c44195b0140d787ed24095408dfdc9ea9d83ccf",
      "c1b2a3, 4tgggergigwow323t23t, 1443592222, 8f9a05211320f3da0776b824ac8b464b3552b379",
  })
  void checkSumVectors(String secret, String nonce, String curTime, String expected) {
    assertThat(Signer.checkSum(secret, nonce, curTime)).isEqualTo(expected);
  }

  @Test
  void noncesAreRandomHexWellUnderTheLimit() {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      nonces.add(Signer.newNonce());
    }
    assertThat(nonces).hasSize(1000).allMatch(n -> n.matches("[0-9a-f]{32}"));
  }

  @Test
  void toStringHidesTheSecret() {
    Signer signer = new Signer("key", "top-secret-value", Clock.systemUTC());
    assertThat(signer.toString()).contains("key").doesNotContain("top-secret-value");
  }

  @Test
  void curTimeIsTheContextClockInSeconds() {
    WM.stubFor(post(anyUrl()).willReturn(okJson("{\"code\":200,\"uinfos\":[]}")));
    Instant at = Instant.parse("2024-07-17T09:57:35.987Z");
    try (ProviderContext context = ProviderContext.create(Clock.fixed(at, ZoneOffset.UTC));
        ImClient client = TestClients.to(WM.baseUrl()).open(context)) {
      client.profiles().get("alice");
    }
    LoggedRequest request = WM.getAllServeEvents().get(0).getRequest();
    assertThat(request.getHeader("CurTime")).isEqualTo(Long.toString(at.getEpochSecond()));
    Wiretap.assertSigned(request, TestClients.APP_KEY, TestClients.APP_SECRET);
  }

  /**
   * A broken connection, then a 5xx code, then success: three attempts of one idempotent read, each
   * signed afresh (a new nonce, hence a new checksum), even though the clock stands still.
   */
  @Test
  void everyRetryCarriesAFreshNonceAndCheckSum() {
    WM.stubFor(post(anyUrl()).inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("second"));
    WM.stubFor(post(anyUrl()).inScenario("retry").whenScenarioStateIs("second")
        .willReturn(okJson("{\"code\":503,\"desc\":\"server busy\"}")).willSetStateTo("third"));
    WM.stubFor(post(anyUrl()).inScenario("retry").whenScenarioStateIs("third")
        .willReturn(okJson("{\"code\":200,\"uinfos\":[{\"accid\":\"alice\",\"name\":\"Alice\"}]}")));

    try (ProviderContext context = ProviderContext.create(Clock.fixed(Instant.ofEpochSecond(1443592222L), ZoneOffset.UTC));
        ImClient client = TestClients.to(WM.baseUrl()).open(context)) {
      assertThat(client.profiles().get("alice")).hasValueSatisfying(p -> assertThat(p.nickname()).isEqualTo("Alice"));
    }

    List<ServeEvent> events = new ArrayList<>(WM.getAllServeEvents());
    assertThat(events).hasSize(3);
    Set<String> nonces = new HashSet<>();
    Set<String> checkSums = new HashSet<>();
    for (ServeEvent event : events) {
      LoggedRequest request = event.getRequest();
      Wiretap.assertSigned(request, TestClients.APP_KEY, TestClients.APP_SECRET);
      assertThat(request.getHeader("CurTime")).isEqualTo("1443592222");
      nonces.add(request.getHeader("Nonce"));
      checkSums.add(request.getHeader("CheckSum"));
    }
    assertThat(nonces).as("one nonce per attempt").hasSize(3);
    assertThat(checkSums).as("one checksum per attempt").hasSize(3);
  }
}
