package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.internal.GuardedClient;
import io.imfacade.profile.ProfileUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Threads keep calling four tenants of the in-memory provider through their handles while another
 * thread rotates the tenants' configurations: no call fails, and every replaced client is closed.
 */
class RotationUnderLoadTest {

  private static final int WORKERS = 6;
  private static final int ROTATIONS = 60;
  private static final String[] TENANTS = {"t0", "t1", "t2", "t3"};

  private final Map<String, ImConfig> database = new ConcurrentHashMap<>();

  private void configure(String tenant, int version) {
    // http.callTimeoutMs is a common key the fake accepts and ignores: a change of it is a rotation.
    database.put(tenant, ImConfig.builder().provider("inmemory").set("inmemory.limits", "none")
        .set("inmemory.users", "auto").set(ImConfig.HTTP_CALL_TIMEOUT_MS, String.valueOf(1000 + version)).build());
  }

  @Test
  void aRotationUnderLoadLosesNoCall() throws Exception {
    for (String t : TENANTS) {
      configure(t, 0);
    }
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong calls = new AtomicLong();
    List<GuardedClient> replaced = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try (ImTenants tenants = ImTenants.builder(id -> Optional.ofNullable(database.get(id))).build()) {
      List<Future<?>> workers = new ArrayList<>();
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        workers.add(pool.submit(() -> {
          int i = 0;
          while (!done.get()) {
            String tenant = TENANTS[(worker + i) % TENANTS.length];
            String user = "u" + worker;
            try {
              ImClient client = tenants.client(tenant);
              client.profiles().update(user, ProfileUpdate.builder().nickname("n" + i).build());
              client.profiles().get(user);
              client.profiles().getAll(List.of(user, "other"));
              calls.addAndGet(3);
            } catch (Throwable e) {
              failures.add(e);
            }
            i++;
          }
        }));
      }

      for (int r = 1; r <= ROTATIONS; r++) {
        awaitMoreCalls(calls, 30);
        String tenant = TENANTS[r % TENANTS.length];
        GuardedClient old = tenants.client(tenant).unwrap(GuardedClient.class);
        configure(tenant, r);
        assertThat(tenants.refresh(tenant)).isTrue();
        replaced.add(old);
      }
      awaitMoreCalls(calls, 30);
      done.set(true);
      for (Future<?> f : workers) {
        f.get(20, TimeUnit.SECONDS);
      }

      assertThat(failures).isEmpty();
      assertThat(calls.get()).isGreaterThan(ROTATIONS * 30L);
      // Every replaced client was closed once its calls ended (a closed client refuses calls).
      assertThat(replaced).hasSize(ROTATIONS).doesNotHaveDuplicates().allSatisfy(old ->
          assertThatThrownBy(() -> old.profiles().get("u0")).isInstanceOf(IllegalStateException.class));
      // And the current ones serve.
      for (String t : TENANTS) {
        assertThat(tenants.client(t).profiles().get("u0")).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).isEmpty();
  }

  /** Waits (without a fixed sleep) until the workers made {@code more} calls, so that each rotation meets load. */
  private static void awaitMoreCalls(AtomicLong calls, long more) {
    long target = calls.get() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (calls.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the workers made no progress");
      }
      Thread.onSpinWait();
    }
  }
}
