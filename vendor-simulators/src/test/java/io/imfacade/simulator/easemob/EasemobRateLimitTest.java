package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.Http;
import io.imfacade.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EasemobRateLimitTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("org", "app")
      .clientCredentials(CLIENT_ID, CLIENT_SECRET)
      .requestsPerSecond(5)
      .clock(CLOCK)
      .build();

  @Test
  void overTheAppWideLimitRequestsGet429UntilTheNextSecond() throws Exception {
    String token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("alice");
    CLOCK.set(Instant.parse("2024-05-01T00:00:10.100Z"));

    for (int i = 0; i < 5; i++) {
      assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token).send().status).isEqualTo(200);
    }
    Http.Resp limited = Http.delete(url(SIM, "/metadata/user/alice")).bearer(token).send();
    assertError(limited, 429, "reach_limit", "This request has reached api limit");
    assertThat(limited.header("Retry-After")).isNull();
    // The token endpoint has its own quota.
    assertThat(EasemobTests.token(SIM)).isNotEmpty();

    CLOCK.advance(Duration.ofMillis(900));
    assertThat(Http.get(url(SIM, "/metadata/user/alice")).bearer(token).send().status).isEqualTo(200);
    assertThat(SIM.simulator().rateLimitedRequests()).isEqualTo(1);
  }
}
