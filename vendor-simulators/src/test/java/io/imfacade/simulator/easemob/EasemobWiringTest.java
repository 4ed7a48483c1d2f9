package io.imfacade.simulator.easemob;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.imfacade.simulator.Http;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WireMock wiring and the JUnit extension. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EasemobWiringTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  @Test
  @Order(1)
  void theExtensionServesOnLoopback() throws Exception {
    assertThat(SIM.baseUrl()).matches("http://localhost:\\d+");
    assertThat(SIM.server().isRunning()).isTrue();
    SIM.simulator().createUsers("carried");
    EasemobTests.token(SIM);
  }

  @Test
  @Order(2)
  void eachTestStartsFromAResetSimulator() {
    assertThat(SIM.simulator().contactsOf("carried")).isEmpty();
    assertThat(SIM.simulator().tokenRequests()).isZero();
    assertThat(SIM.server().getAllServeEvents()).isEmpty();
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() throws Exception {
    String token = EasemobTests.token(SIM);

    Http.Resp unknown = Http.get(url(SIM, "/chatgroups/1/whatever")).bearer(token).send();
    Http.Resp wrongMethod = Http.post(url(SIM, "/metadata/user/capacity")).bearer(token).json("{}").send();
    Http.Resp emptyId = Http.get(url(SIM, "/metadata/user/")).bearer(token).send();

    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("web_application");
    assertThat(wrongMethod.status).isEqualTo(405);
    assertThat(emptyId.status).isEqualTo(404);
  }

  @Test
  void anEncodedSlashStaysInsideTheId() throws Exception {
    String token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("a");

    Http.Resp resp = Http.get(url(SIM, "/metadata/user/a%2F..%2Fcapacity")).bearer(token).send();

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.json().get("data").isObject()).isTrue();
  }

  @Test
  void aTestsOwnStubsWinOverTheSimulator() throws Exception {
    SIM.server().stubFor(get(urlPathEqualTo("/org/app/metadata/user/capacity")).willReturn(aResponse().withStatus(418)));

    assertThat(Http.get(url(SIM, "/metadata/user/capacity")).send().status).isEqualTo(418);
  }

  @Test
  void pathsOutsideThePrefixAreNotTheSimulators() throws Exception {
    assertThat(Http.get(SIM.baseUrl() + "/other/app/metadata/user/capacity").send().status).isEqualTo(404);
    assertThat(SIM.simulator().requests()).isZero();
  }

  @Test
  void installNeedsTheSimulatorRegisteredAsAnExtension() {
    EasemobSimulator simulator = EasemobSimulator.builder().easemob("org", "app").build();
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    assertThatThrownBy(() -> simulator.install(server))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("extensions(simulator)");
  }

  @Test
  void twoSimulatorsShareOneServer() throws Exception {
    EasemobSimulator easemob = EasemobSimulator.builder().easemob("org", "app").clientCredentials("i", "s").build();
    EasemobSimulator shengwang = EasemobSimulator.builder().shengwang("appid1").acceptToken(t -> t.equals("007x")).build();
    WireMockServer server = new WireMockServer(
        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").extensions(easemob, shengwang));
    server.start();
    try {
      easemob.install(server);
      shengwang.install(server);
      shengwang.createUsers("u");

      Http.Resp sw = Http.get("http://localhost:" + server.port() + "/app-id/appid1/metadata/user/u").bearer("007x").send();
      Http.Resp em = Http.get("http://localhost:" + server.port() + "/org/app/metadata/user/u").bearer("007x").send();

      assertThat(sw.status).isEqualTo(200);
      assertThat(em.status).isEqualTo(401);
      assertThat(shengwang.requests()).isEqualTo(1);
      assertThat(easemob.requests()).isEqualTo(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void builderRefusesBadSettings() {
    assertThatThrownBy(() -> EasemobSimulator.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EasemobSimulator.builder().easemob("o/x", "app")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EasemobSimulator.builder().requestsPerSecond(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EasemobSimulator.builder().tokenTtl(java.time.Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(EasemobSimulator.builder().easemob("o", "a").clientCredentials("id", "topsecret").build().toString())
        .doesNotContain("topsecret");
    assertThat(List.of(SIM.simulator().getName())).allMatch(n -> n.startsWith("imfacade-easemob-simulator-"));
  }
}
