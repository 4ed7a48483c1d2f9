package io.imfacade.tenant;

import io.imfacade.ImConfig;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.CallContext;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * A provider for tests that records every client it opens (its configuration, its context, the
 * pool it shares per vendor app, whether it was closed, what its calls saw) and can hold a call
 * until the test lets it go. Each test uses its own {@link Run}, named by {@code recording.run}.
 */
public final class RecordingProvider implements ImProvider {

  static final String ID = "recording";
  static final String RUN = "recording.run";
  static final String APP_KEY = "recording.appKey";
  static final String SECRET = "recording.clientSecret";

  private static final ProviderMetadata METADATA = ProviderMetadata.builder(ID)
      .configKey(ConfigKey.required(RUN, "the test run that records the clients"))
      .configKey(ConfigKey.optional(APP_KEY, "the vendor app: clients of one app share a pool"))
      .configKey(ConfigKey.optional(SECRET, "a secret that rotates"))
      .build();

  private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

  /** Called by ServiceLoader. */
  public RecordingProvider() {}

  /** A new run; configure clients with {@link Run#config(String)}. */
  static Run newRun() {
    Run run = new Run(UUID.randomUUID().toString());
    RUNS.put(run.id, run);
    return run;
  }

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    Run run = RUNS.get(config.require(RUN));
    Pool pool = context.shared("recording-pool:" + config.get(APP_KEY).orElse(""), Pool.class, Pool::new);
    Recorded client = new Recorded(run, run.serial.incrementAndGet(), config, context, pool);
    run.clients.add(client);
    return ProviderClient.of("recording#" + client.serial, client.profiles(), unsupported(GroupMemberAttributes.class),
        unsupported(ContactGraph.class), unsupported(UserAccounts.class), unsupported(Groups.class),
        () -> client.closed = true);
  }

  private static <T> T unsupported(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw new UnsupportedOperationException(method.getName());
    }));
  }

  /** What one test opened. */
  static final class Run {
    final String id;
    final AtomicInteger serial = new AtomicInteger();
    final List<Recorded> clients = new CopyOnWriteArrayList<>();
    /** When set, calls of user "slow" wait for it. */
    volatile CountDownLatch gate;
    /** Counted down when a call of user "slow" is waiting at the gate. */
    volatile CountDownLatch entered = new CountDownLatch(1);

    Run(String id) {
      this.id = id;
    }

    /** A configuration of this run's provider. */
    ImConfig config(String appKey) {
      return ImConfig.builder().provider(ID).set(RUN, id).set(APP_KEY, appKey).build();
    }

    /** The client opened for {@code tenant}, the latest if several were. */
    Recorded latest(String tenant) {
      Recorded found = null;
      for (Recorded r : clients) {
        if (tenant.equals(r.config.tenant().orElse(null))) {
          found = r;
        }
      }
      if (found == null) {
        throw new AssertionError("no client of tenant " + tenant);
      }
      return found;
    }

    /** Every client opened for {@code tenant}, oldest first. */
    List<Recorded> of(String tenant) {
      return clients.stream().filter(r -> tenant.equals(r.config.tenant().orElse(null))).toList();
    }
  }

  /** A resource that clients of one vendor app share, like a rate limiter. */
  static final class Pool implements AutoCloseable {
    volatile boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  /** One client opened by the provider. */
  static final class Recorded {
    final Run run;
    final int serial;
    final ImConfig config;
    final ProviderContext context;
    final Pool pool;
    volatile boolean closed;
    /** The tenant of the call context and of the MDC, as the provider's code saw them. */
    final List<String> seenTenants = new CopyOnWriteArrayList<>();
    final List<String> seenMdcTenants = new CopyOnWriteArrayList<>();

    Recorded(Run run, int serial, ImConfig config, ProviderContext context, Pool pool) {
      this.run = run;
      this.serial = serial;
      this.config = config;
      this.context = context;
      this.pool = pool;
    }

    UserProfileService profiles() {
      return new UserProfileService() {
        @Override
        public Optional<UserProfile> get(String userId) {
          if (closed) {
            throw new IllegalStateException("called on a closed client");
          }
          seenTenants.add(String.valueOf(CallContext.currentTenant()));
          seenMdcTenants.add(String.valueOf(MDC.get(CallContext.MDC_TENANT)));
          if (userId.equals("slow")) {
            run.entered.countDown();
            await(run.gate);
          }
          return Optional.of(UserProfile.builder(userId).nickname("client#" + serial).build());
        }

        @Override
        public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> keys) {
          return Map.of();
        }

        @Override
        public void update(String userId, ProfileUpdate update) {
          if (userId.equals("missing")) {
            throw new NotFoundException("user missing does not exist",
                ErrorDetails.builder().provider(ID).operation("profiles.update").build());
          }
        }

        @Override
        public void delete(String userId) {}

        @Override
        public long totalSizeBytes() {
          return serial;
        }
      };
    }

    private static void await(CountDownLatch latch) {
      try {
        if (latch != null && !latch.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
