package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.metrics.micrometer.ImMetrics;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.tenant.ImTenants;
import io.imfacade.tenant.TenantConfigSource;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Micrometer binding: with a {@code MeterRegistry} bean, every call of the single client and of
 * every tenant's client is a timer sample tagged with provider, operation, tenant and outcome.
 */
@SpringBootTest(classes = {TestApplication.class, MetricsTest.Beans.class}, properties = {
    "imfacade.provider=inmemory",
    "imfacade.tenant=main",
    "imfacade.inmemory.users=auto"})
class MetricsTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    TenantConfigSource tenantSource() {
      return TenantConfigSource.fromMaps(id -> id.equals("acme") ? Map.of("provider", "inmemory", "inmemory.users", "auto") : null);
    }
  }

  @Autowired
  SimpleMeterRegistry registry;

  @Autowired
  ImClient client;

  @Autowired
  ImTenants tenants;

  @Test
  void callsOfTheSingleClientAreTimedWithTheirOutcome() {
    client.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());
    client.profiles().get("alice");
    assertThatThrownBy(() -> client.profiles().get("")).isInstanceOf(InvalidRequestException.class);

    assertThat(calls("main", "profiles.update", "ok").count()).isEqualTo(1);
    assertThat(calls("main", "profiles.get", "ok").count()).isEqualTo(1);
    assertThat(calls("main", "profiles.get", "InvalidRequestException").count()).isEqualTo(1);
  }

  @Test
  void callsOfEveryTenantAreTimedWithTheTenant() {
    tenants.client("acme").profiles().update("bob", ProfileUpdate.builder().nickname("Bob").build());

    assertThat(calls("acme", "profiles.update", "ok").count()).isEqualTo(1);
  }

  private Timer calls(String tenant, String operation, String outcome) {
    Timer timer = registry.find(ImMetrics.CALLS)
        .tags(ImMetrics.PROVIDER, "inmemory", ImMetrics.TENANT, tenant, ImMetrics.OPERATION, operation,
            ImMetrics.OUTCOME, outcome)
        .timer();
    assertThat(timer).as("timer %s %s %s", tenant, operation, outcome).isNotNull();
    return timer;
  }
}
