package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.error.RateLimitedException;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NetEase blocks an app for 10 s once it goes over 100 calls a second (code 416). The client's
 * shared limiter keeps every client of one app key under the limit, and a 416 that happens anyway
 * pauses the whole app for the block instead of hammering the vendor.
 */
class RateLimitTest {

  /** The simulator enforces the documented 100/s per endpoint, with the 10-second block. */
  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET).build();

  /**
   * 300 reads of one endpoint (the vendor counts per endpoint, so this is the worst case) from 8
   * threads through two clients of the same app: three seconds' worth at the vendor's limit, fired
   * at once. Not one is answered 416, and all succeed.
   */
  @Test
  @Timeout(120)
  void aBurstThatWouldExceed100PerSecondNeverReceivesA416() throws Exception {
    NeteaseSimulator sim = SIM.simulator();
    sim.createUsers("alice");
    sim.updateUserCard("alice", Map.of("name", "Alice"));
    try (ProviderContext context = ProviderContext.create();
        ImClient first = TestClients.to(SIM.baseUrl()).set(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, null).open(context);
        ImClient second = TestClients.to(SIM.baseUrl()).set(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, null).open(context)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Optional<UserProfile>>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          ImClient client = i % 2 == 0 ? first : second;
          calls.add(pool.submit(() -> client.profiles().get("alice")));
        }
        for (Future<Optional<UserProfile>> call : calls) {
          assertThat(call.get(60, TimeUnit.SECONDS)).hasValueSatisfying(p -> assertThat(p.nickname()).isEqualTo("Alice"));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(sim.requests()).as("each call one request: nothing retried").isEqualTo(300);
    assertThat(sim.rateLimitedRequests()).as("answers with code 416").isZero();
  }

  /**
   * A 416 with a call deadline shorter than the block: the call fails with the 10-second
   * retry-after, and another client of the same app then waits for the block to end instead of
   * sending; with its own short deadline it is refused on the client, and nothing reaches the
   * vendor.
   */
  @Test
  void a416PausesTheWholeAppForTheBlock() {
    NeteaseSimulator sim = SIM.simulator();
    sim.createUsers("alice");
    sim.faults().rateLimitNext(1, null);
    try (ProviderContext context = ProviderContext.create();
        ImClient first = TestClients.to(SIM.baseUrl()).set(ImConfig.HTTP_CALL_TIMEOUT_MS, "2000").open(context);
        ImClient second = TestClients.to(SIM.baseUrl()).set(ImConfig.HTTP_CALL_TIMEOUT_MS, "2000").open(context)) {
      assertThatThrownBy(() -> first.profiles().get("alice"))
          .isInstanceOfSatisfying(RateLimitedException.class, blocked -> {
            assertThat(blocked.retryAfter()).contains(Duration.ofSeconds(10));
            assertThat(blocked.vendorCode()).contains("416");
          });
      assertThat(sim.requests()).isEqualTo(1);

      assertThatThrownBy(() -> second.profiles().get("alice")).isInstanceOf(RateLimitedException.class);
      assertThat(sim.requests()).as("the paused app sent nothing more").isEqualTo(1);
    }
  }

  /** With a deadline longer than the block, the call waits the 10 s out once and then succeeds. */
  @Test
  @Timeout(60)
  void a416IsRetriedOnceTheBlockIsOver() {
    NeteaseSimulator sim = SIM.simulator();
    sim.createUsers("alice");
    sim.faults().rateLimitNext(1, null);
    try (ProviderContext context = ProviderContext.create();
        ImClient client = TestClients.to(SIM.baseUrl()).open(context)) {
      assertThat(client.profiles().get("alice")).isEmpty();
    }
    assertThat(sim.requests()).as("the 416, then one retry after the block").isEqualTo(2);
  }
}
