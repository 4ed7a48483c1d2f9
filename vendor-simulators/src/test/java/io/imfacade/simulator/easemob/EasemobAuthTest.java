package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.token;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import io.imfacade.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EasemobAuthTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("org", "app")
      .clientCredentials(CLIENT_ID, CLIENT_SECRET)
      .tokenTtl(Duration.ofHours(1))
      .clock(CLOCK)
      .build();

  @Test
  void tokenEndpointAnswersTheDocumentedShape() throws Exception {
    Http.Resp resp = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
        .send();

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(
        "{\"access_token\":\"YWMte3bG...\",\"expires_in\":1024000,\"application\":\"8be024f0-e978-11e8-b697-5d598d5f8402\"}",
        resp.json());
    assertThat(resp.json().get("expires_in").asLong()).isEqualTo(3600);
    assertThat(resp.json().get("access_token").asText()).startsWith("YWMt");
    assertThat(SIM.simulator().tokenRequests()).isEqualTo(1);
    assertThat(SIM.simulator().requests()).isZero();
  }

  @Test
  void requestedTtlWinsAsNumberOrAsStringLikeTheDocExample() throws Exception {
    Http.Resp asString = Http.post(url(SIM, "/token"))
        .json("{\"grant_type\":\"client_credentials\",\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\""
            + CLIENT_SECRET + "\",\"ttl\":\"1024000\"}")
        .send();
    Http.Resp asNumber = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "ttl", 60))
        .send();

    assertThat(asString.json().get("expires_in").asLong()).isEqualTo(1024000);
    assertThat(asNumber.json().get("expires_in").asLong()).isEqualTo(60);
  }

  @Test
  void wrongCredentialsGetInvalidGrant() throws Exception {
    Http.Resp wrongSecret = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", "nope"))
        .send();
    Http.Resp wrongId = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", "nope", "client_secret", CLIENT_SECRET))
        .send();
    Http.Resp wrongGrant = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "password", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
        .send();

    assertError(wrongSecret, 400, "invalid_grant", "client_id does not match");
    assertError(wrongId, 400, "invalid_grant", "client_id does not match");
    assertThat(wrongGrant.status).isEqualTo(400);
    assertThat(wrongGrant.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(wrongSecret.body).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void malformedTokenRequestsAreRefused() throws Exception {
    Http.Resp badJson = Http.post(url(SIM, "/token")).json("{\"grant_type\":").send();
    Http.Resp notJson = Http.post(url(SIM, "/token")).form(Map.of("grant_type", "client_credentials")).send();
    Http.Resp badTtl = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "ttl", "soon"))
        .send();
    Http.Resp get = Http.get(url(SIM, "/token")).send();

    assertThat(badJson.status).isEqualTo(400);
    assertThat(badJson.json().get("error").asText()).isEqualTo("json_parse");
    assertThat(notJson.status).isEqualTo(415);
    assertThat(badTtl.status).isEqualTo(400);
    assertThat(get.status).isEqualTo(405);
  }

  @Test
  void apiRequestsWithoutAValidTokenGet401() throws Exception {
    SIM.simulator().createUsers("alice");

    Http.Resp none = Http.get(url(SIM, "/metadata/user/alice")).send();
    Http.Resp unknown = Http.get(url(SIM, "/metadata/user/alice")).bearer("YWMtforged").send();
    Http.Resp basic = Http.get(url(SIM, "/metadata/user/alice")).header("Authorization", "Basic abc").send();

    assertError(none, 401, "unauthorized", "Unable to authenticate (OAuth)");
    assertError(unknown, 401, "unauthorized", "Unable to authenticate (OAuth)");
    assertThat(basic.status).isEqualTo(401);
    assertThat(SIM.simulator().requests()).isEqualTo(3);
  }

  @Test
  void tokensExpireWithTheClock() throws Exception {
    SIM.simulator().createUsers("alice");
    String token = token(SIM);

    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token).send().status).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(59));
    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token).send().status).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(1));
    Http.Resp expired = Http.get(url(SIM, "/metadata/user/alice")).bearer(token).send();

    assertError(expired, 401, "unauthorized", "Unable to authenticate due to expired access token");
    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token(SIM)).send().status).isEqualTo(200);
  }

  @Test
  void expireAllTokensRevokesEveryIssuedTokenButNotLaterOnes() throws Exception {
    SIM.simulator().createUsers("alice");
    String first = token(SIM);
    String second = token(SIM);

    SIM.simulator().expireAllTokens();

    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(first).send().status).isEqualTo(401);
    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(second).send().status).isEqualTo(401);
    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token(SIM)).send().status).isEqualTo(200);
    assertThat(SIM.simulator().tokenRequests()).isEqualTo(3);
  }

  @Test
  void issuedTokensSurviveReset() throws Exception {
    String token = token(SIM);
    SIM.simulator().reset();
    SIM.simulator().createUsers("alice");

    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token).send().status).isEqualTo(200);
    assertThat(SIM.simulator().tokenRequests()).isZero();
  }
}
