package io.imfacade.internal;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import io.imfacade.event.CallEvent;
import io.imfacade.event.ImListener;
import io.imfacade.spi.CallContext;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The neutral guard around a provider's client: what users hold. It checks every argument against
 * the limits the provider declares, normalises and de-duplicates ids, enforces the neutral
 * preconditions and the declared capabilities, refuses calls after {@link #close()}, and turns
 * anything but an {@link ImException} escaping a provider into one. The provider then sees clean
 * input only, so the same mistake raises the same exception on every provider. Every call runs in
 * a {@link CallContext} (its tenant on every exception and in the MDC) and is reported to the
 * context's {@link ImListener}s.
 */
public final class GuardedClient implements ImClient {

  private static final Logger LOG = LoggerFactory.getLogger(ImClient.class);

  private final ProviderMetadata metadata;
  private final ProviderClient raw;
  private final @Nullable String tenant;
  private final ProviderContext context;
  private final Inputs inputs;
  private final UserProfileService profiles;
  private final GroupMemberAttributes members;
  private final ContactGraph contacts;
  private final UserAccounts accounts;
  private final Groups groups;
  private volatile boolean closed;
  /** Listener classes that failed once: logged once, never again. */
  private final Set<Class<?>> failedListeners = ConcurrentHashMap.newKeySet();

  /**
   * Guards {@code raw} with what {@code metadata} declares for this client; every call is reported
   * to the listeners of {@code context} and carries {@code tenant} (may be null).
   */
  public GuardedClient(ProviderMetadata metadata, ProviderClient raw, @Nullable String tenant, ProviderContext context) {
    this.metadata = metadata;
    this.raw = raw;
    this.tenant = tenant;
    this.context = context;
    this.inputs = new Inputs(metadata.id(), metadata.limits());
    this.profiles = new GuardedProfiles(this, raw.profiles());
    this.members = new GuardedMemberAttributes(this, raw.groupMemberAttributes());
    this.contacts = new GuardedContacts(this, raw.contacts());
    // Asked for on each call, not here: a provider built before these services existed still opens,
    // and fails only when they are used (see call()).
    this.accounts = new GuardedAccounts(this, raw::accounts);
    this.groups = new GuardedGroups(this, raw::groups);
  }

  Inputs inputs() {
    return inputs;
  }

  /** Refuses a call on a closed client. */
  void begin() {
    if (closed) {
      throw new IllegalStateException("the " + metadata.id() + " client is closed");
    }
  }

  /** Refuses a call of a capability this client lacks, with the provider's reason. */
  void require(Capability capability) {
    String reason = metadata.unsupported().get(capability);
    if (reason != null) {
      throw new UnsupportedCapabilityException(metadata.id(), capability, reason);
    }
  }

  /**
   * Runs one neutral call: refuses it on a closed client, then runs {@code call} (the checks and
   * the provider's work) in a {@link CallContext} (tenant on every exception, MDC for every log
   * line), turns anything but an {@link ImException} into one without its message, and reports the
   * call to the listeners.
   */
  <T> T call(String op, Supplier<T> call) {
    begin();
    CallContext ctx = CallContext.of(metadata.id(), op, tenant);
    long start = System.nanoTime();
    ImException failure = null;
    try (CallContext.Scope ignored = ctx.enter()) {
      return call.get();
    } catch (ImException e) {
      failure = e;
      throw e;
    } catch (RuntimeException e) {
      // Its message may quote anything the provider held, a secret included: only the type is shown.
      failure = new ImException("the provider failed unexpectedly (" + e.getClass().getName() + ")",
          inputs.details(op), e);
      throw failure;
    } catch (AbstractMethodError e) {
      failure = new ImException("the " + metadata.id() + " provider was built for an older imfacade and does not"
          + " implement " + op, inputs.details(op), e);
      throw failure;
    } finally {
      if (context.hasListeners()) {
        report(ctx, System.nanoTime() - start, failure);
      }
    }
  }

  /**
   * Runs only checks (no provider call, no report): on a closed client it fails like {@link
   * #call}, and its exceptions carry the tenant. For methods that return a lazy stream.
   */
  <T> T check(String op, Supplier<T> checks) {
    begin();
    try (CallContext.Scope ignored = CallContext.of(metadata.id(), op, tenant).enter()) {
      return checks.get();
    }
  }

  void run(String op, Runnable call) {
    call(op, () -> {
      call.run();
      return null;
    });
  }

  private void report(CallContext ctx, long nanos, @Nullable ImException failure) {
    CallEvent event = new CallEvent(ctx.provider(), ctx.operation(), ctx.tenant(),
        failure == null ? CallEvent.OK : failure.getClass().getSimpleName(), Duration.ofNanos(nanos),
        ctx.attempts(), ctx.rateLimitWait(), ctx.tokenFetches(), failure);
    for (ImListener listener : context.listeners()) {
      try {
        listener.onCall(event);
      } catch (RuntimeException | LinkageError e) {
        if (failedListeners.add(listener.getClass())) {
          LOG.warn("listener {} failed; calls go on, and further failures of it are not logged",
              listener.getClass().getName(), e);
        }
      }
    }
  }

  @Override
  public String provider() {
    return metadata.id();
  }

  @Override
  public Set<Capability> capabilities() {
    return metadata.capabilities();
  }

  @Override
  public UserProfileService profiles() {
    return profiles;
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return members;
  }

  @Override
  public ContactGraph contacts() {
    return contacts;
  }

  @Override
  public UserAccounts accounts() {
    return accounts;
  }

  @Override
  public Groups groups() {
    return groups;
  }

  @Override
  public ProviderMetadata metadata() {
    return metadata;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(raw)) {
      return type.cast(raw);
    }
    throw new InvalidRequestException("type", "this " + metadata.id() + " client is not a " + type.getName(),
        inputs.details("unwrap"), null);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      raw.close();
    } catch (ImException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("closing the {} client failed", metadata.id(), e);
    }
  }

  @Override
  public String toString() {
    return "ImClient{provider=" + metadata.id() + (tenant == null ? "" : ", tenant=" + tenant)
        + (closed ? ", closed" : "") + ", " + raw + '}';
  }
}
