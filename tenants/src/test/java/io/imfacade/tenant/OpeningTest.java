package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.tenant.RecordingProvider.Recorded;
import io.imfacade.tenant.RecordingProvider.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpeningTest {

  private static final int TENANTS = 200;
  private static final int APPS = 4;

  private final Run run = RecordingProvider.newRun();

  /** Tenants t0..t199 spread over four vendor apps; any other id is unknown. */
  private TenantConfigSource source() {
    return id -> id.matches("t\\d+")
        ? Optional.of(run.config("app" + Integer.parseInt(id.substring(1)) % APPS))
        : Optional.empty();
  }

  @Test
  void twoHundredTenantsOpenedConcurrentlyGetTheirOwnClientsInOneContext() throws Exception {
    try (ImTenants tenants = ImTenants.builder(source()).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CountDownLatch start = new CountDownLatch(1);
      Map<String, ImClient> handles = new ConcurrentHashMap<>();
      List<Future<String>> nicknames = new ArrayList<>();
      try {
        for (int i = 0; i < TENANTS; i++) {
          String tenant = "t" + i;
          nicknames.add(pool.submit(() -> {
            start.await();
            ImClient client = tenants.client(tenant);
            handles.put(tenant, client);
            return client.profiles().get("alice").orElseThrow().nickname();
          }));
        }
        start.countDown();
        for (Future<String> f : nicknames) {
          assertThat(f.get(20, TimeUnit.SECONDS)).startsWith("client#");
        }
      } finally {
        pool.shutdownNow();
      }

      // One client per tenant: none opened twice by racing threads.
      assertThat(run.clients).hasSize(TENANTS);
      assertThat(tenants.tenantIds()).hasSize(TENANTS);
      // Each in the registry's one context...
      assertThat(run.clients.stream().map(r -> r.context).collect(Collectors.toSet()))
          .containsExactly(tenants.context());
      // ... so tenants of one vendor app share its resources, and other apps have their own.
      Map<String, Set<RecordingProvider.Pool>> poolsByApp = run.clients.stream().collect(Collectors.groupingBy(
          r -> r.config.require(RecordingProvider.APP_KEY), Collectors.mapping(r -> r.pool, Collectors.toSet())));
      assertThat(poolsByApp).hasSize(APPS).allSatisfy((app, pools) -> assertThat(pools).hasSize(1));
      assertThat(poolsByApp.values().stream().flatMap(Set::stream).distinct()).hasSize(APPS);

      for (int i = 0; i < TENANTS; i++) {
        String tenant = "t" + i;
        Recorded r = run.latest(tenant);
        assertThat(r.config.tenant()).contains(tenant);
        assertThat(r.config.require(RecordingProvider.APP_KEY)).isEqualTo("app" + i % APPS);
        assertThat(r.seenTenants).containsExactly(tenant);
        assertThat(r.seenMdcTenants).containsExactly(tenant);
        ImClient handle = handles.get(tenant);
        assertThat(handle.provider()).isEqualTo(RecordingProvider.ID);
        assertThat(handle.toString()).contains(tenant);
        assertThat(tenants.client(tenant)).isSameAs(handle);
      }
    }
  }

  @Test
  void closeClosesEveryClientAndTheContextTheRegistryCreated() {
    ImTenants tenants = ImTenants.builder(source()).build();
    ImClient t1 = tenants.client("t1");
    tenants.client("t2").profiles().get("alice");
    RecordingProvider.Pool pool = run.latest("t1").pool;

    tenants.close();

    assertThat(run.clients).hasSize(2).allSatisfy(r -> assertThat(r.closed).isTrue());
    assertThat(pool.closed).isTrue();
    assertThatThrownBy(() -> t1.profiles().get("alice")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> tenants.client("t3")).isInstanceOf(IllegalStateException.class);
    tenants.close(); // twice is harmless
  }

  @Test
  void closingDuringACallClosesThatClientAndTheContextWhenTheCallEnds() throws Exception {
    run.gate = new CountDownLatch(1);
    ImTenants tenants = ImTenants.builder(source()).build();
    ImClient t1 = tenants.client("t1");
    tenants.client("t2").profiles().get("alice");
    CompletableFuture<String> slow = CompletableFuture.supplyAsync(
        () -> t1.profiles().get("slow").orElseThrow().nickname());
    assertThat(run.entered.await(10, TimeUnit.SECONDS)).isTrue();

    tenants.close();

    assertThat(run.latest("t2").closed).isTrue();
    assertThat(run.latest("t1").closed).isFalse();
    assertThat(run.latest("t1").pool.closed).isFalse();
    assertThatThrownBy(() -> t1.profiles().get("alice")).isInstanceOf(IllegalStateException.class);

    run.gate.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("client#1");
    assertThat(run.latest("t1").closed).isTrue();
    assertThat(run.latest("t1").pool.closed).isTrue();
  }

  @Test
  void theBuilderRefusesMeaninglessSettings() {
    ImTenants.Builder b = ImTenants.builder(source());
    assertThatThrownBy(() -> b.evictAfterIdle(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.refreshAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maximumTenants(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImTenants.builder(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theAppsOwnContextIsSharedAndLeftOpen() {
    try (ProviderContext appContext = ProviderContext.create()) {
      try (ImTenants tenants = ImTenants.builder(source()).context(appContext).build()) {
        assertThat(tenants.context()).isSameAs(appContext);
        tenants.client("t1").profiles().get("alice");
        assertThat(run.latest("t1").context).isSameAs(appContext);
      }
      assertThat(run.latest("t1").closed).isTrue();
      assertThat(run.latest("t1").pool.closed).isFalse();
      assertThat(appContext.shared("still-open", String.class, () -> "yes")).isEqualTo("yes");
    }
  }

  @Test
  void closingAHandleLeavesTheTenantOpen() {
    try (ImTenants tenants = ImTenants.builder(source()).build()) {
      try (ImClient client = tenants.client("t1")) {
        client.profiles().get("alice");
      }
      assertThat(run.latest("t1").closed).isFalse();
      assertThat(tenants.client("t1").profiles().get("bob")).isPresent();
      assertThat(run.clients).hasSize(1);
    }
  }

  @Test
  void unwrapGivesTheHandleOrTheCurrentClientsObject() {
    try (ImTenants tenants = ImTenants.builder(source()).build()) {
      ImClient handle = tenants.client("t1");
      assertThat(handle.unwrap(ImClient.class)).isSameAs(handle);
      assertThat(handle.unwrap(io.imfacade.internal.GuardedClient.class)).isNotSameAs(handle)
          .extracting(ImClient::provider).isEqualTo(RecordingProvider.ID);
    }
  }
}
