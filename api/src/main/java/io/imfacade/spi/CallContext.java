package io.imfacade.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The neutral call in progress on this thread: which provider, operation and tenant, and what the
 * transport spent on it (attempts, rate-limit wait, token fetches). The guard opens it around every
 * call; the transport adds to it; {@link io.imfacade.error.ErrorDetails} takes the tenant from it,
 * so that every exception of a call names its tenant; and it puts the provider, operation and
 * tenant into the SLF4J {@link MDC} under {@link #MDC_PROVIDER}, {@link #MDC_OPERATION} and {@link
 * #MDC_TENANT} for every log line of the call.
 *
 * <p>It is bound to a thread: code that hands work of a call to another thread (the batch helper
 * does) carries it over with {@link #wrap(Supplier)}. Thread-safe counters; everything else
 * immutable.
 */
public final class CallContext {

  /** The MDC key of the tenant label (absent when the client has none). */
  public static final String MDC_TENANT = "imfacade.tenant";
  /** The MDC key of the provider id. */
  public static final String MDC_PROVIDER = "imfacade.provider";
  /** The MDC key of the neutral operation. */
  public static final String MDC_OPERATION = "imfacade.operation";

  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final String provider;
  private final String operation;
  private final @Nullable String tenant;
  // Counters updated in place (field updaters): one object per call instead of four.
  private static final AtomicIntegerFieldUpdater<CallContext> ATTEMPTS =
      AtomicIntegerFieldUpdater.newUpdater(CallContext.class, "attempts");
  private static final AtomicLongFieldUpdater<CallContext> RATE_LIMIT_WAIT_NANOS =
      AtomicLongFieldUpdater.newUpdater(CallContext.class, "rateLimitWaitNanos");
  private static final AtomicIntegerFieldUpdater<CallContext> TOKEN_FETCHES =
      AtomicIntegerFieldUpdater.newUpdater(CallContext.class, "tokenFetches");
  private volatile int attempts;
  private volatile long rateLimitWaitNanos;
  private volatile int tokenFetches;
  private static final AtomicReferenceFieldUpdater<CallContext, Instant> DEADLINE =
      AtomicReferenceFieldUpdater.newUpdater(CallContext.class, Instant.class, "deadline");
  /** Fixed by the call's first request (see {@link #deadline(Instant)}). */
  private volatile @Nullable Instant deadline;

  private CallContext(String provider, String operation, @Nullable String tenant) {
    this.provider = provider;
    this.operation = operation;
    this.tenant = tenant;
  }

  /** A new context, not yet entered. */
  public static CallContext of(String provider, String operation, @Nullable String tenant) {
    return new CallContext(provider, operation, tenant);
  }

  /** The call in progress on this thread, or null outside a call. */
  public static @Nullable CallContext current() {
    return CURRENT.get();
  }

  /** The tenant of the call in progress on this thread, or null. */
  public static @Nullable String currentTenant() {
    CallContext c = CURRENT.get();
    return c == null ? null : c.tenant;
  }

  /**
   * Makes this the current call on this thread until the scope is closed, which restores what was
   * there before (nested calls are fine).
   */
  public Scope enter() {
    CallContext previous = CURRENT.get();
    String previousProvider = MDC.get(MDC_PROVIDER);
    String previousOperation = MDC.get(MDC_OPERATION);
    String previousTenant = MDC.get(MDC_TENANT);
    CURRENT.set(this);
    MDC.put(MDC_PROVIDER, provider);
    MDC.put(MDC_OPERATION, operation);
    putOrRemove(MDC_TENANT, tenant);
    return () -> {
      // set(null), not remove(): the thread's next call then finds its entry instead of recreating it.
      CURRENT.set(previous);
      putOrRemove(MDC_PROVIDER, previousProvider);
      putOrRemove(MDC_OPERATION, previousOperation);
      putOrRemove(MDC_TENANT, previousTenant);
    };
  }

  private static void putOrRemove(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /** {@code work} made to run in the current call (if any) on whatever thread runs it. */
  public static <T> Callable<T> wrap(Callable<T> work) {
    CallContext captured = CURRENT.get();
    if (captured == null) {
      return work;
    }
    return () -> {
      try (Scope ignored = captured.enter()) {
        return work.call();
      }
    };
  }

  /** {@code work} made to run in the current call (if any) on whatever thread runs it. */
  public static <T> Supplier<T> wrap(Supplier<T> work) {
    CallContext captured = CURRENT.get();
    if (captured == null) {
      return work;
    }
    return () -> {
      try (Scope ignored = captured.enter()) {
        return work.get();
      }
    };
  }

  /**
   * The deadline of the call in progress on this thread: the one the call already has, or else
   * {@code proposed}, which becomes it. The transport proposes its first request's start plus the
   * client's call timeout, so that every request of one neutral call — the chunks of a batch on
   * other threads, the reads before and after a write, the retries — ends by one deadline, and no
   * call outlasts its timeout however many requests it makes. Outside a call: {@code proposed}.
   */
  public static Instant deadline(Instant proposed) {
    CallContext c = CURRENT.get();
    if (c == null) {
      return proposed;
    }
    if (DEADLINE.compareAndSet(c, null, proposed)) {
      return proposed;
    }
    return c.deadline;
  }

  /** The deadline of the call in progress on this thread, once its first request fixed it; else null. */
  public static @Nullable Instant currentDeadline() {
    CallContext c = CURRENT.get();
    return c == null ? null : c.deadline;
  }

  /** Counts one HTTP attempt of the call in progress, if any. */
  public static void recordAttempt() {
    CallContext c = CURRENT.get();
    if (c != null) {
      ATTEMPTS.incrementAndGet(c);
    }
  }

  /** Adds time spent waiting for a rate-limit permit to the call in progress, if any. */
  public static void recordRateLimitWait(Duration wait) {
    CallContext c = CURRENT.get();
    if (c != null && !wait.isNegative()) {
      RATE_LIMIT_WAIT_NANOS.addAndGet(c, wait.toNanos());
    }
  }

  /** Counts one token fetch for the call in progress, if any. */
  public static void recordTokenFetch() {
    CallContext c = CURRENT.get();
    if (c != null) {
      TOKEN_FETCHES.incrementAndGet(c);
    }
  }

  /** The provider id. */
  public String provider() {
    return provider;
  }

  /** The neutral operation, such as {@code profiles.getAll}. */
  public String operation() {
    return operation;
  }

  /** The tenant label, or null. */
  public @Nullable String tenant() {
    return tenant;
  }

  /** HTTP requests so far: attempts, retries, the authenticator's replay and token requests (0 for the in-memory provider). */
  public int attempts() {
    return attempts;
  }

  /** Time spent waiting for rate-limit permits so far. */
  public Duration rateLimitWait() {
    return Duration.ofNanos(rateLimitWaitNanos);
  }

  /** Token fetches this call caused so far. */
  public int tokenFetches() {
    return tokenFetches;
  }

  /** Ends what {@link #enter()} began. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
