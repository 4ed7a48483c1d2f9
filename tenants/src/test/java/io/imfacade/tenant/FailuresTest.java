package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.event.CallEvent;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.tenant.RecordingProvider.Run;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Unknown tenants, bad configurations, a failing source; and the tenant on every failure and event. */
class FailuresTest {

  private final Run run = RecordingProvider.newRun();

  @Test
  void anUnknownTenantIsNotFoundNamingIt() {
    try (ImTenants tenants = ImTenants.builder(id -> Optional.empty()).build()) {
      assertThatThrownBy(() -> tenants.client("ghost"))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.getMessage()).contains("unknown tenant 'ghost'");
            assertThat(e.details().tenant()).contains("ghost");
            assertThat(e.details().operation()).contains("tenants.open");
          });
      assertThat(tenants.tenantIds()).isEmpty();
    }
  }

  @Test
  void aBlankTenantIdIsAnInvalidRequest() {
    try (ImTenants tenants = ImTenants.builder(id -> Optional.of(run.config("a"))).build()) {
      assertThatThrownBy(() -> tenants.client(" "))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("tenantId"));
      assertThatThrownBy(() -> tenants.client(null)).isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void anInvalidConfigurationNamesTheTenantAndNoSecret() {
    ImConfig bad = run.config("a").toBuilder()
        .set(RecordingProvider.SECRET, "s3cr3t-value").set("recording.bogus", "x").build();
    try (ImTenants tenants = ImTenants.builder(id -> Optional.of(bad)).build()) {
      assertThatThrownBy(() -> tenants.client("acme"))
          .isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.getMessage()).contains("tenant 'acme'").contains("recording.bogus")
                .doesNotContain("s3cr3t-value");
            assertThat(e.details().tenant()).contains("acme");
            assertThat(e.details().provider()).contains(RecordingProvider.ID);
            assertThat(e.getCause()).isInstanceOf(ConfigurationException.class);
          });
    }
  }

  @Test
  void aFailingSourceIsAConfigurationFailureWithoutItsMessage() {
    IllegalStateException down = new IllegalStateException("jdbc:postgresql://db/im?password=hunter2 refused");
    try (ImTenants tenants = ImTenants.builder(id -> {
      throw down;
    }).build()) {
      assertThatThrownBy(() -> tenants.client("acme"))
          .isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.getMessage()).contains("tenant 'acme'").contains(IllegalStateException.class.getName())
                .doesNotContain("hunter2");
            assertThat(e.details().tenant()).contains("acme");
            assertThat(e.getCause()).isSameAs(down);
          });
    }
  }

  @Test
  void failuresAndEventsOfATenantsCallsNameTheTenant() {
    List<CallEvent> events = new CopyOnWriteArrayList<>();
    try (ImTenants tenants = ImTenants.builder(id -> Optional.of(run.config("a"))).build()) {
      tenants.context().addListener(events::add);
      ImClient acme = tenants.client("acme");

      acme.profiles().get("alice");
      assertThatThrownBy(() -> acme.profiles().update("missing", ProfileUpdate.builder().nickname("x").build()))
          .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.details().tenant()).contains("acme"));
      assertThatThrownBy(() -> acme.profiles().get(" "))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.details().tenant()).contains("acme"));
      tenants.client("globex").profiles().get("bob");

      assertThat(events).extracting(CallEvent::tenant, CallEvent::operation, CallEvent::outcome).containsExactly(
          org.assertj.core.groups.Tuple.tuple("acme", "profiles.get", "ok"),
          org.assertj.core.groups.Tuple.tuple("acme", "profiles.update", "NotFoundException"),
          org.assertj.core.groups.Tuple.tuple("acme", "profiles.get", "InvalidRequestException"),
          org.assertj.core.groups.Tuple.tuple("globex", "profiles.get", "ok"));
      assertThat(events.get(1).failure()).isInstanceOf(ImException.class);
    }
  }

  @Test
  void theInMemoryProvidersFailuresNameTheTenant() {
    Map<String, String> fake = Map.of("provider", "inmemory", "inmemory.limits", "none");
    try (ImTenants tenants = ImTenants.builder(TenantConfigSource.fromMaps(id -> fake)).build()) {
      assertThatThrownBy(() -> tenants.client("acme").profiles().update("nobody",
          ProfileUpdate.builder().nickname("x").build()))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.details().tenant()).contains("acme");
            assertThat(e.getMessage()).contains("tenant=acme");
          });
    }
  }
}
