package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static io.imfacade.simulator.netease.NeteaseTests.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NeteaseRateLimitTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
  static final Map<String, String> GET = Map.of("accids", "[\"a\"]");

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM =
      NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).requestsPerSecond(100).build();

  @BeforeEach
  void setUp() {
    CLOCK.set(Instant.parse("2024-05-01T00:00:00.500Z"));
    SIM.simulator().createUsers("a", "b");
  }

  @Test
  void overOneHundredInASecondBlocksTheEndpointForTenSeconds() throws Exception {
    for (int i = 0; i < 100; i++) {
      assertOk(call(SIM, CLOCK, "user/getUinfos.action", GET));
    }
    assertCode(call(SIM, CLOCK, "user/getUinfos.action", GET), 416, "frequency");

    // Other endpoints have their own quota.
    assertOk(call(SIM, CLOCK, "user/listBlackAndMuteList.action", Map.of("accid", "a")));

    CLOCK.advance(Duration.ofSeconds(1));
    assertCode(call(SIM, CLOCK, "user/getUinfos.action", GET), 416, "blocked for 10 seconds");
    CLOCK.advance(Duration.ofMillis(8_999));
    assertCode(call(SIM, CLOCK, "user/getUinfos.action", GET), 416, "frequency");
    CLOCK.advance(Duration.ofMillis(1));
    assertOk(call(SIM, CLOCK, "user/getUinfos.action", GET));
    assertThat(SIM.simulator().rateLimitedRequests()).isEqualTo(3);
  }

  @Test
  void oneHundredASecondForeverIsFine() throws Exception {
    for (int second = 0; second < 3; second++) {
      for (int i = 0; i < 100; i++) {
        assertOk(call(SIM, CLOCK, "friend/get.action", Map.of("accid", "a", "updatetime", "0")));
      }
      CLOCK.advance(Duration.ofSeconds(1));
    }
    assertThat(SIM.simulator().rateLimitedRequests()).isZero();
  }

  @Test
  void resetLiftsABlock() throws Exception {
    for (int i = 0; i < 101; i++) {
      call(SIM, CLOCK, "user/getUinfos.action", GET);
    }
    SIM.simulator().reset();
    SIM.simulator().createUsers("a");

    assertOk(call(SIM, CLOCK, "user/getUinfos.action", GET));
  }
}
