package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.simulator.Fault;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.MutableClock;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NeteaseFaultsTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

  @BeforeEach
  void setUp() {
    SIM.simulator().createUsers("a");
  }

  private Http.Resp update(String name) throws Exception {
    return NeteaseTests.signed(SIM, CLOCK, "user/updateUinfo.action").form(Map.of("accid", "a", "name", name)).send();
  }

  @Test
  void failNextPutsBusinessCodesInAnHttp200() throws Exception {
    SIM.simulator().faults().failNext(1, 500).failNext(1, 503);

    Http.Resp first = update("x");
    Http.Resp second = update("x");

    assertThat(first.status).isEqualTo(200);
    assertCode(first.json(), 500, "server error");
    assertCode(second.json(), 503, "busy");
    assertThat(SIM.simulator().userCard("a")).doesNotContainKey("name");
    assertOk(update("x").json());
  }

  @Test
  void gatewayFailuresAreRealHttpStatuses() throws Exception {
    SIM.simulator().faults().failNext(1, 502).failNext(1, 504);

    Http.Resp badGateway = update("x");
    Http.Resp timeout = update("x");

    assertThat(badGateway.status).isEqualTo(502);
    assertThat(badGateway.body).isEqualTo("<html>Bad Gateway</html>");
    assertThat(timeout.status).isEqualTo(504);
  }

  @Test
  void rateLimitNextAnswersCode416() throws Exception {
    SIM.simulator().faults().rateLimitNext(1, Duration.ofSeconds(10)).rateLimitNext(1, null);

    Http.Resp first = update("x");
    Http.Resp second = update("x");

    assertCode(first.json(), 416, "frequency");
    assertThat(first.header("Retry-After")).isEqualTo("10");
    assertCode(second.json(), 416, "frequency");
    assertThat(second.header("Retry-After")).isNull();
    assertOk(update("x").json());
    assertThat(SIM.simulator().rateLimitedRequests()).isZero();
  }

  @Test
  void transportFaultsBreakTheCall() {
    SIM.simulator().faults()
        .faultNext(1, Fault.CONNECTION_RESET)
        .faultNext(1, Fault.EMPTY_RESPONSE)
        .faultNext(1, Fault.RANDOM_BYTES);

    assertThatThrownBy(() -> update("x")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> update("x")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> update("x")).isInstanceOf(IOException.class);
    assertThat(SIM.simulator().userCard("a")).doesNotContainKey("name");
    assertThat(SIM.simulator().requests()).isEqualTo(3);
  }

  @Test
  void malformedJsonIsATruncatedHttp200() throws Exception {
    SIM.simulator().faults().faultNext(1, Fault.MALFORMED_JSON);

    Http.Resp resp = update("x");

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.body).isEqualTo("{\"code\":200,");
  }

  @Test
  void aDelayedCallIsCarriedOut() {
    SIM.simulator().faults().faultNext(1, Fault.delay(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> NeteaseTests.signed(SIM, CLOCK, "user/updateUinfo.action")
        .form(Map.of("accid", "a", "name", "late")).timeout(Duration.ofMillis(300)).send())
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(SIM.simulator().userCard("a")).containsEntry("name", "late");
  }

  @Test
  void latencyAppliesToEveryAnswer() {
    SIM.simulator().faults().latency(Duration.ofSeconds(3));

    assertThatThrownBy(() -> NeteaseTests.signed(SIM, CLOCK, "user/getUinfos.action")
        .form(Map.of("accids", "[\"a\"]")).timeout(Duration.ofMillis(300)).send())
        .isInstanceOf(HttpTimeoutException.class);
  }
}
