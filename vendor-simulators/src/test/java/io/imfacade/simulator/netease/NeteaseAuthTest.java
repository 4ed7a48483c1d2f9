package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static io.imfacade.simulator.netease.NeteaseTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NeteaseAuthTest {

  static final MutableClock CLOCK = new MutableClock(Instant.ofEpochSecond(1443592222));
  static final String BODY = "accids=[\"t1\"]";

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

  @BeforeEach
  void setUp() {
    CLOCK.set(Instant.ofEpochSecond(1443592222));
    SIM.simulator().createUsers("t1");
  }

  private Http.Req raw(String nonce, String curTime, String checkSum) {
    return Http.post(SIM.baseUrl() + "/nimserver/user/getUinfos.action")
        .header("AppKey", APP_KEY).header("Nonce", nonce).header("CurTime", curTime).header("CheckSum", checkSum)
        .rawBody("application/x-www-form-urlencoded", BODY);
  }

  @Test
  void checkSumIsLowerCaseHexSha1OfSecretNonceAndCurTime() {
    assertThat(NeteaseSimulator.checkSum("c1b2a3", "4tgggergigwow323t23t", "1443592222"))
        .isEqualTo("8f9a05211320f3da0776b824ac8b464b3552b379");
    assertThat(NeteaseSimulator.checkSum("secret", "nonce", "1443592222"))
        .isEqualTo("6c44195b0140d787ed24095408dfdc9ea9d83ccf");
  }

  @Test
  void theReferenceVectorIsAccepted() throws Exception {
    Http.Resp resp = raw("4tgggergigwow323t23t", "1443592222", "8f9a05211320f3da0776b824ac8b464b3552b379").send();

    assertThat(resp.status).isEqualTo(200);
    assertOk(resp.json());
    assertThat(resp.json().get("uinfos")).hasSize(1);
  }

  @Test
  void aWrongOrUpperCaseCheckSumIs414() throws Exception {
    JsonNode wrong = raw("n1", "1443592222", "0".repeat(40)).send().json();
    JsonNode upper = raw("n2", "1443592222", NeteaseSimulator.checkSum(APP_SECRET, "n2", "1443592222").toUpperCase(Locale.ROOT))
        .send().json();
    JsonNode otherSecret = raw("n3", "1443592222", NeteaseSimulator.checkSum("other", "n3", "1443592222")).send().json();

    assertCode(wrong, 414, "checksum");
    assertCode(upper, 414, "checksum");
    assertCode(otherSecret, 414, "checksum");
  }

  @Test
  void missingHeadersAndAnUnknownAppKeyAre414() throws Exception {
    JsonNode noHeaders = Http.post(SIM.baseUrl() + "/nimserver/user/getUinfos.action")
        .rawBody("application/x-www-form-urlencoded", BODY).send().json();
    JsonNode otherKey = Http.post(SIM.baseUrl() + "/nimserver/user/getUinfos.action")
        .header("AppKey", "other").header("Nonce", "n").header("CurTime", "1443592222")
        .header("CheckSum", NeteaseSimulator.checkSum(APP_SECRET, "n", "1443592222"))
        .rawBody("application/x-www-form-urlencoded", BODY).send().json();
    JsonNode badTime = raw("n", "soon", NeteaseSimulator.checkSum(APP_SECRET, "n", "soon")).send().json();
    JsonNode longNonce = raw("n".repeat(129), "1443592222", NeteaseSimulator.checkSum(APP_SECRET, "n".repeat(129), "1443592222"))
        .send().json();

    assertCode(noHeaders, 414, "AppKey is missing");
    assertCode(otherKey, 414, "AppKey");
    assertCode(badTime, 414, "CurTime");
    assertCode(longNonce, 414, "Nonce");
  }

  @Test
  void curTimeMustBeWithinFiveMinutesOfTheSimulatorClock() throws Exception {
    long t = 1443592222;
    JsonNode exactlyBehind = raw("a", Long.toString(t - 300), NeteaseSimulator.checkSum(APP_SECRET, "a", Long.toString(t - 300)))
        .send().json();
    JsonNode exactlyAhead = raw("b", Long.toString(t + 300), NeteaseSimulator.checkSum(APP_SECRET, "b", Long.toString(t + 300)))
        .send().json();
    JsonNode tooOld = raw("c", Long.toString(t - 301), NeteaseSimulator.checkSum(APP_SECRET, "c", Long.toString(t - 301)))
        .send().json();
    JsonNode tooNew = raw("d", Long.toString(t + 301), NeteaseSimulator.checkSum(APP_SECRET, "d", Long.toString(t + 301)))
        .send().json();

    assertOk(exactlyBehind);
    assertOk(exactlyAhead);
    assertCode(tooOld, 414, "checksum expired");
    assertCode(tooNew, 414, "checksum expired");
  }

  @Test
  void aSignedRequestGoesStaleWhenTheClockMoves() throws Exception {
    String sum = NeteaseSimulator.checkSum(APP_SECRET, "late", "1443592222");
    CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertCode(raw("late", "1443592222", sum).send().json(), 414, "checksum expired");
  }

  @Test
  void aReplayedNonceAndCurTimeIs431() throws Exception {
    String sum = NeteaseSimulator.checkSum(APP_SECRET, "once", "1443592222");

    assertOk(raw("once", "1443592222", sum).send().json());
    assertCode(raw("once", "1443592222", sum).send().json(), 431, "repeated");
  }

  @Test
  void theBodyMustBeAForm() throws Exception {
    JsonNode json = NeteaseTests.signed(SIM, CLOCK, "user/getUinfos.action").json("{\"accids\":[\"t1\"]}").send().json();

    assertCode(json, 414, "Content-Type");
  }

  @Test
  void unknownActionsAre404AndOtherMethods405() throws Exception {
    Http.Resp unknown = NeteaseTests.signed(SIM, CLOCK, "user/nothing.action").form(Map.of()).send();
    Http.Resp get = Http.get(SIM.baseUrl() + "/nimserver/user/getUinfos.action").send();

    assertThat(unknown.status).isEqualTo(404);
    assertThat(get.status).isEqualTo(405);
  }

  @Test
  void theExtensionResetsBetweenTests() throws Exception {
    assertOk(call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[\"t1\"]")));
    assertThat(SIM.baseUrl()).matches("http://localhost:\\d+");
    assertThat(SIM.simulator().requests()).isEqualTo(1);
    assertThat(SIM.server().getAllServeEvents()).hasSize(1);

    SIM.simulator().reset();

    assertThat(SIM.simulator().requests()).isZero();
    assertThat(SIM.server().getAllServeEvents()).isEmpty();
    assertThat(SIM.simulator().userCard("t1")).isEmpty();
  }

  @Test
  void builderNeedsKeyAndSecretAndHidesTheSecret() {
    assertThatThrownBy(() -> NeteaseSimulator.builder().appKey("k").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> NeteaseSimulator.builder().appSecret("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(NeteaseSimulator.builder().appKey("k").appSecret("topsecret").build().toString()).doesNotContain("topsecret");
  }
}
