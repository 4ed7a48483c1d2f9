package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.simulator.Fault;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A vendor that breaks connections, answers 5xx codes or gateway pages, cuts its JSON or answers
 * late: every such failure becomes a neutral exception (or is retried away when that is safe), and
 * no call hangs past its deadline.
 */
@Timeout(60)
class FaultsTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET).build();

  private ProviderContext context;
  private NeteaseSimulator sim;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    sim = SIM.simulator();
    sim.createUsers("alice", "bob");
    sim.updateUserCard("alice", Map.of("name", "Alice"));
    sim.createTeam("1001", "alice", List.of("bob"));
  }

  @AfterEach
  void close() {
    context.close();
  }

  private ImClient client(String... keysAndValues) {
    TestClients.Builder b = TestClients.to(SIM.baseUrl());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.set(keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.open(context);
  }

  @Test
  void aResetConnectionIsRetriedForAReadAndReportedWithoutRetries() {
    sim.faults().faultNext(1, Fault.CONNECTION_RESET);
    try (ImClient client = client()) {
      assertThat(client.profiles().get("alice")).isPresent();
    }
    assertThat(sim.requests()).isEqualTo(2);

    sim.faults().faultNext(1, Fault.CONNECTION_RESET);
    try (ImClient client = client(ImConfig.RETRY_MAX_ATTEMPTS, "1")) {
      assertThatThrownBy(() -> client.profiles().get("alice"))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.provider()).contains("netease"));
    }
  }

  @Test
  void a5xxCodeIsRetriedForAnIdempotentCall() {
    sim.faults().failNext(2, 500);
    try (ImClient client = client()) {
      client.profiles().update("alice", ProfileUpdate.builder().sign("retried").build());
    }
    assertThat(sim.userCard("alice")).containsEntry("sign", "retried");
    assertThat(sim.requests()).isEqualTo(3);
  }

  @Test
  void theWriteOfSetIsNotReplayedAfterA5xx() {
    try (ImClient client = client()) {
      // set() reads the team, then writes: the one-shot fault is queued for the second request.
      sim.faults().faultNext(1, Fault.delay(Duration.ZERO)).failNext(1, 503);
      assertThatThrownBy(() -> client.groupMemberAttributes().set("1001", "bob", Map.of("a", "1")))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.vendorCode()).contains("503"));

      assertThat(sim.requests()).as("one read, one write, no replay; the team read back (the write did not land)")
          .isEqualTo(3);
      assertThat(client.groupMemberAttributes().set("1001", "bob", Map.of("a", "1"))).isEqualTo(Map.of("a", "1"));
    }
  }

  @Test
  void aGatewayPageKeepsItsStatus() {
    sim.faults().failNext(3, 502);
    try (ImClient client = client()) {
      assertThatThrownBy(() -> client.profiles().get("alice"))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(502);
            assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m).contains("Bad Gateway"));
          });
    }
    assertThat(sim.requests()).as("three attempts").isEqualTo(3);
  }

  @Test
  void aMalformedBodyIsAnUnavailableVendorAndIsNotRetried() {
    sim.faults().faultNext(1, Fault.MALFORMED_JSON);
    try (ImClient client = client()) {
      assertThatThrownBy(() -> client.profiles().get("alice")).isInstanceOf(ProviderUnavailableException.class);
    }
    assertThat(sim.requests()).isEqualTo(1);
  }

  @Test
  void emptyAnswersAndGarbageAreUnavailableVendors() {
    sim.faults().faultNext(1, Fault.EMPTY_RESPONSE).faultNext(1, Fault.RANDOM_BYTES);
    try (ImClient client = client(ImConfig.RETRY_MAX_ATTEMPTS, "1")) {
      assertThatThrownBy(() -> client.profiles().get("alice")).isInstanceOf(ProviderUnavailableException.class);
      assertThatThrownBy(() -> client.profiles().get("alice")).isInstanceOf(ProviderUnavailableException.class);
      assertThat(client.profiles().get("alice")).isPresent();
    }
  }

  @Test
  void anAnswerLaterThanTheReadTimeoutIsUnavailable() {
    sim.faults().faultNext(1, Fault.delay(Duration.ofSeconds(3)));
    try (ImClient client = client(ImConfig.HTTP_READ_TIMEOUT_MS, "300", ImConfig.RETRY_MAX_ATTEMPTS, "1")) {
      assertThatThrownBy(() -> client.profiles().get("alice"))
          .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("read timeout");
    }
  }

  @Test
  void aVendorThatNeverAnswersInTimeEndsAtTheCallDeadline() {
    sim.faults().latency(Duration.ofSeconds(5));
    try (ImClient client = client(ImConfig.HTTP_READ_TIMEOUT_MS, "10000", ImConfig.HTTP_CALL_TIMEOUT_MS, "1000")) {
      assertThatThrownBy(() -> client.profiles().get("alice"))
          .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("deadline");
    } finally {
      sim.faults().clear();
    }
  }
}
