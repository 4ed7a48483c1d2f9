package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.NotFoundException;
import io.imfacade.profile.UserProfile;
import io.imfacade.tenant.RecordingProvider.Recorded;
import io.imfacade.tenant.RecordingProvider.Run;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A tenant's configuration changes: the registry swaps its client without failing a call. */
class RotationTest {

  private final Run run = RecordingProvider.newRun();
  /** The app's "database": tenant id to configuration. */
  private final Map<String, ImConfig> database = new ConcurrentHashMap<>();
  private final AtomicLong nanos = new AtomicLong();

  private ImTenants.Builder registry() {
    return ImTenants.builder(id -> Optional.ofNullable(database.get(id))).ticker(nanos::get).executor(Runnable::run);
  }

  private void rotate(String tenant, String secret) {
    database.put(tenant, run.config("app").with(RecordingProvider.SECRET, secret));
  }

  private static String servedBy(ImClient client) {
    return client.profiles().get("alice").map(UserProfile::nickname).orElseThrow();
  }

  @Test
  void aChangedConfigurationSwapsTheClientAndAnUnchangedOneDoesNot() {
    rotate("acme", "one");
    try (ImTenants tenants = registry().build()) {
      ImClient acme = tenants.client("acme");
      assertThat(servedBy(acme)).isEqualTo("client#1");

      assertThat(tenants.refresh("acme")).isFalse();
      assertThat(run.clients).hasSize(1);

      rotate("acme", "two");
      assertThat(tenants.refresh("acme")).isTrue();

      assertThat(servedBy(acme)).isEqualTo("client#2");
      assertThat(tenants.client("acme")).isSameAs(acme);
      assertThat(run.of("acme")).extracting(r -> r.closed).containsExactly(true, false);
      assertThat(run.latest("acme").config.get(RecordingProvider.SECRET)).contains("two");
      assertThat(run.latest("acme").config.tenant()).contains("acme");
    }
  }

  @Test
  void aCallInFlightFinishesOnTheOldClientWhichClosesAfterIt() throws Exception {
    rotate("acme", "one");
    run.gate = new CountDownLatch(1);
    try (ImTenants tenants = registry().build()) {
      ImClient acme = tenants.client("acme");
      CompletableFuture<String> slow = CompletableFuture.supplyAsync(
          () -> acme.profiles().get("slow").map(UserProfile::nickname).orElseThrow());
      assertThat(run.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Recorded old = run.latest("acme");

      rotate("acme", "two");
      assertThat(tenants.refresh("acme")).isTrue();

      // New calls already run on the new client while the old one still serves its call.
      assertThat(servedBy(acme)).isEqualTo("client#2");
      assertThat(old.closed).isFalse();

      run.gate.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("client#1");
      assertThat(old.closed).isTrue();
      assertThat(run.latest("acme").closed).isFalse();
    }
  }

  @Test
  void theSourceIsReadAgainAfterTheRefreshInterval() {
    rotate("acme", "one");
    try (ImTenants tenants = registry().refreshAfter(Duration.ofMinutes(5)).build()) {
      ImClient acme = tenants.client("acme");
      assertThat(servedBy(acme)).isEqualTo("client#1");

      rotate("acme", "two");
      nanos.addAndGet(Duration.ofMinutes(4).toNanos());
      assertThat(servedBy(acme)).isEqualTo("client#1");

      nanos.addAndGet(Duration.ofMinutes(2).toNanos());
      // This use finds the entry due and refreshes it (inline here; in the background normally).
      acme.profiles().get("alice");
      assertThat(servedBy(acme)).isEqualTo("client#2");
      assertThat(run.of("acme")).extracting(r -> r.closed).containsExactly(true, false);
      assertThat(tenants.client("acme")).isSameAs(acme);
    }
  }

  @Test
  void aBackgroundRefreshThatFailsKeepsTheClient() {
    rotate("acme", "one");
    try (ImTenants tenants = registry().refreshAfter(Duration.ofMinutes(5)).build()) {
      ImClient acme = tenants.client("acme");
      database.put("acme", run.config("app").with("recording.bogus", "x"));
      nanos.addAndGet(Duration.ofMinutes(6).toNanos());

      assertThat(servedBy(acme)).isEqualTo("client#1");
      assertThat(servedBy(acme)).isEqualTo("client#1");
      assertThat(run.clients).hasSize(1);
      assertThat(run.latest("acme").closed).isFalse();
    }
  }

  @Test
  void aBrokenNewConfigurationFailsTheRefreshAndKeepsTheOldClient() {
    rotate("acme", "one");
    try (ImTenants tenants = registry().build()) {
      ImClient acme = tenants.client("acme");
      database.put("acme", run.config("app").with("recording.bogus", "x"));

      assertThatThrownBy(() -> tenants.refresh("acme")).isInstanceOfSatisfying(ConfigurationException.class,
          e -> assertThat(e.details().tenant()).contains("acme"));
      assertThat(servedBy(acme)).isEqualTo("client#1");
      assertThat(run.latest("acme").closed).isFalse();
    }
  }

  @Test
  void aTenantGoneFromTheSourceIsClosedAndThenUnknown() {
    rotate("acme", "one");
    try (ImTenants tenants = registry().build()) {
      ImClient acme = tenants.client("acme");
      acme.profiles().get("alice");
      database.remove("acme");

      assertThat(tenants.refresh("acme")).isTrue();

      assertThat(run.latest("acme").closed).isTrue();
      assertThat(tenants.tenantIds()).isEmpty();
      assertThatThrownBy(() -> acme.profiles().get("alice")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> tenants.client("acme")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aTenantGoneFromTheSourceIsClosedByTheBackgroundRefresh() {
    rotate("acme", "one");
    try (ImTenants tenants = registry().refreshAfter(Duration.ofMinutes(5)).build()) {
      ImClient acme = tenants.client("acme");
      acme.profiles().get("alice");
      database.remove("acme");
      nanos.addAndGet(Duration.ofMinutes(6).toNanos());

      tenants.client("acme"); // finds the entry due: the refresh (inline here) removes it
      tenants.cleanUp();

      assertThat(run.latest("acme").closed).isTrue();
      assertThat(tenants.tenantIds()).isEmpty();
      assertThatThrownBy(() -> acme.profiles().get("alice")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void refreshingATenantThatIsNotOpenReadsNothing() {
    try (ImTenants tenants = ImTenants.builder(id -> {
      throw new AssertionError("the source must not be read");
    }).build()) {
      assertThat(tenants.refresh("acme")).isFalse();
    }
  }

  @Test
  void refreshAllSwapsTheChangedTenantsOnly() {
    rotate("a", "one");
    rotate("b", "one");
    rotate("c", "one");
    try (ImTenants tenants = registry().build()) {
      for (String t : new String[] {"a", "b", "c"}) {
        tenants.client(t).profiles().get("alice");
      }
      rotate("a", "two");
      rotate("c", "two");

      assertThat(tenants.refreshAll()).isEqualTo(2);
      assertThat(run.of("a")).hasSize(2);
      assertThat(run.of("b")).hasSize(1);
      assertThat(run.of("c")).hasSize(2);
    }
  }
}
