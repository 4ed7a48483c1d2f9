package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.profile.UserProfile;
import io.imfacade.tenant.RecordingProvider.Recorded;
import io.imfacade.tenant.RecordingProvider.Run;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Idle and size eviction on a hand-moved clock, with evictions run on the calling thread. */
class EvictionTest {

  private final Run run = RecordingProvider.newRun();
  private final AtomicLong nanos = new AtomicLong();

  private ImTenants.Builder registry() {
    return ImTenants.builder(id -> Optional.of(run.config("app"))).ticker(nanos::get).executor(Runnable::run);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void anIdleTenantsClientIsClosedAndItsHandleOpensItAgain() {
    try (ImTenants tenants = registry().evictAfterIdle(Duration.ofMinutes(10)).build()) {
      ImClient a = tenants.client("a");
      ImClient b = tenants.client("b");
      a.profiles().get("alice");
      b.profiles().get("alice");
      advance(Duration.ofMinutes(6));
      a.profiles().get("alice");
      advance(Duration.ofMinutes(6));
      tenants.cleanUp();

      assertThat(tenants.tenantIds()).containsExactly("a");
      assertThat(run.latest("b").closed).isTrue();
      assertThat(run.latest("a").closed).isFalse();

      // The handle of an evicted tenant still works: its next call opens the tenant again.
      assertThat(b.profiles().get("alice")).map(UserProfile::nickname).contains("client#3");
      assertThat(run.of("b")).hasSize(2);
      assertThat(tenants.tenantIds()).containsExactly("a", "b");
    }
  }

  @Test
  void tenantsBeyondTheMaximumAreClosed() {
    try (ImTenants tenants = registry().maximumTenants(2).build()) {
      for (String t : new String[] {"x", "y", "z"}) {
        tenants.client(t).profiles().get("alice");
      }
      tenants.cleanUp();

      assertThat(tenants.tenantIds()).hasSize(2);
      assertThat(run.clients).hasSize(3).filteredOn(r -> r.closed).hasSize(1)
          .allSatisfy(r -> assertThat(tenants.tenantIds()).doesNotContain(r.config.tenant().orElseThrow()));
    }
  }

  @Test
  void anEvictedClientClosesOnlyWhenItsCallInFlightEnds() throws Exception {
    run.gate = new CountDownLatch(1);
    try (ImTenants tenants = registry().build()) {
      ImClient a = tenants.client("a");
      CompletableFuture<Optional<UserProfile>> slow = CompletableFuture.supplyAsync(() -> a.profiles().get("slow"));
      assertThat(run.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Recorded first = run.latest("a");

      tenants.evict("a");
      assertThat(tenants.tenantIds()).isEmpty();
      assertThat(first.closed).isFalse();

      run.gate.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).map(UserProfile::nickname).contains("client#1");
      assertThat(first.closed).isTrue();
    }
  }

  @Test
  void withoutEvictionSettingsTenantsStayOpen() {
    try (ImTenants tenants = registry().build()) {
      tenants.client("a").profiles().get("alice");
      advance(Duration.ofDays(365));
      tenants.cleanUp();
      assertThat(tenants.tenantIds()).containsExactly("a");
      assertThat(run.latest("a").closed).isFalse();
    }
  }
}
