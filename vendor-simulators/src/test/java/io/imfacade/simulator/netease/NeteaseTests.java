package io.imfacade.simulator.netease;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Shared bits of the NetEase simulator tests: signed calls. */
final class NeteaseTests {

  static final String APP_KEY = "go9dnk49bkd9jd9vmel1kglw0803mgq3";
  static final String APP_SECRET = "c1b2a3";

  private NeteaseTests() {}

  /** A request to an action with valid headers for the clock's current time. */
  static Http.Req signed(NeteaseSimulatorExtension sim, Clock clock, String action) {
    String nonce = UUID.randomUUID().toString().replace("-", "");
    String curTime = Long.toString(clock.millis() / 1000);
    return Http.post(sim.baseUrl() + "/nimserver/" + action)
        .header("AppKey", APP_KEY)
        .header("Nonce", nonce)
        .header("CurTime", curTime)
        .header("CheckSum", NeteaseSimulator.checkSum(APP_SECRET, nonce, curTime));
  }

  /** A signed form call; returns the body, asserting HTTP 200. */
  static JsonNode call(NeteaseSimulatorExtension sim, Clock clock, String action, Map<String, String> form) throws Exception {
    Http.Resp resp = signed(sim, clock, action).form(form).send();
    assertThat(resp.status).as("%s", resp).isEqualTo(200);
    assertThat(resp.header("Content-Type")).startsWith("application/json");
    return resp.json();
  }

  static void assertCode(JsonNode body, int code, String descPart) {
    assertThat(body.get("code").asInt()).as("%s", body).isEqualTo(code);
    assertThat(body.get("desc").asText()).as("%s", body).contains(descPart);
  }

  static void assertOk(JsonNode body) {
    assertThat(body.get("code").asInt()).as("%s", body).isEqualTo(200);
  }
}
