package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Shengwang configuration: another prefix, tokens built outside the simulator. */
class ShengwangTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.shengwang("970CA35de60c44645bbae8a215061b33")
      .acceptToken(token -> token.startsWith("007"))
      .build();

  @Test
  void servesTheSameApiUnderTheAppIdPrefix() throws Exception {
    SIM.simulator().createUsers("user1");

    Http.Resp put = Http.put(SIM.baseUrl() + "/app-id/970CA35de60c44645bbae8a215061b33/metadata/user/user1")
        .bearer("007eJxTYNDNaz3snC8hu")
        .form(Map.of("nickname", "nickname"), "application/x-www-form-urlencoded")
        .send();

    assertThat(SIM.simulator().pathPrefix()).isEqualTo("/app-id/970CA35de60c44645bbae8a215061b33");
    assertThat(put.status).as("%s", put).isEqualTo(200);
    assertThat(SIM.simulator().userMetadata("user1")).containsEntry("nickname", "nickname");
  }

  @Test
  void thePredicateDecidesAboutForeignTokens() throws Exception {
    SIM.simulator().createUsers("user1");

    assertThat(Http.get(url(SIM, "/metadata/user/user1")).bearer("YWMtnotours").send().status).isEqualTo(401);
    assertThat(Http.get(url(SIM, "/metadata/user/user1")).bearer("007abc").send().status).isEqualTo(200);
  }

  @Test
  void withoutClientCredentialsTheTokenEndpointRefusesEverything() throws Exception {
    Http.Resp resp = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", "a", "client_secret", "b"))
        .send();

    assertThat(resp.status).isEqualTo(400);
    assertThat(resp.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void expireAllTokensRevokesForeignTokensSeenSoFar() throws Exception {
    SIM.simulator().createUsers("user1");
    assertThat(Http.get(url(SIM, "/metadata/user/user1")).bearer("007old").send().status).isEqualTo(200);

    SIM.simulator().expireAllTokens();
    Http.Resp old = Http.get(url(SIM, "/metadata/user/user1")).bearer("007old").send();
    Http.Resp renewed = Http.get(url(SIM, "/metadata/user/user1")).bearer("007new").send();

    assertThat(old.status).isEqualTo(401);
    assertThat(old.json().get("error_description").asText()).isEqualTo("Unable to authenticate due to expired access token");
    assertThat(renewed.status).isEqualTo(200);
  }
}
