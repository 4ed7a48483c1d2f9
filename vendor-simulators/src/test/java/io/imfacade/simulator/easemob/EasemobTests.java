package io.imfacade.simulator.easemob;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.Http;
import java.io.IOException;
import java.util.Map;

/** Shared bits of the Easemob simulator tests. */
final class EasemobTests {

  static final String CLIENT_ID = "YXA6client";
  static final String CLIENT_SECRET = "YXA6secret";

  private EasemobTests() {}

  /** A fresh app token from the simulator's token endpoint. */
  static String token(EasemobSimulatorExtension sim) throws IOException, InterruptedException {
    Http.Resp resp = Http.post(url(sim, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
        .send();
    assertThat(resp.status).as("%s", resp).isEqualTo(200);
    return resp.json().get("access_token").asText();
  }

  /** The absolute URL of an API path below the app prefix. */
  static String url(EasemobSimulatorExtension sim, String path) {
    return sim.baseUrl() + sim.simulator().pathPrefix() + path;
  }

  /** Asserts an Easemob error body: status, error type, description. */
  static void assertError(Http.Resp resp, int status, String error, String description) {
    assertThat(resp.status).as("%s", resp).isEqualTo(status);
    var json = resp.json();
    assertThat(json.get("error").asText()).as("%s", resp).isEqualTo(error);
    assertThat(json.get("error_description").asText()).as("%s", resp).isEqualTo(description);
    assertThat(json.has("exception")).isTrue();
    assertThat(json.get("timestamp").isNumber()).isTrue();
    assertThat(json.get("duration").isNumber()).isTrue();
  }
}
