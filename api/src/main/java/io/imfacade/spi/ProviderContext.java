package io.imfacade.spi;

import io.imfacade.event.ImListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resources that many clients share: a clock, the {@link ImListener}s that hear every call, and any
 * object a provider wants one of per context, such as the HTTP connection pool or the rate limiter
 * of a vendor app. Thread-safe.
 *
 * <p>{@link #defaultContext()} is shared by every client opened without an explicit context and
 * lives as long as the JVM. A context from {@link #create} belongs to its creator, who closes it
 * after the clients that use it.
 */
public final class ProviderContext implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderContext.class);

  private static final class DefaultHolder {
    static final ProviderContext INSTANCE = new ProviderContext(Clock.systemUTC());
  }

  private final Clock clock;
  private final Map<String, Object> shared = new ConcurrentHashMap<>();
  private final List<AutoCloseable> closeables = Collections.synchronizedList(new ArrayList<>());
  private final List<ImListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ProviderContext(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The JVM-wide context, created on first use. */
  public static ProviderContext defaultContext() {
    return DefaultHolder.INSTANCE;
  }

  /** A new context with the system clock. */
  public static ProviderContext create() {
    return new ProviderContext(Clock.systemUTC());
  }

  /** A new context with the given clock (tests use a fixed or stepping clock). */
  public static ProviderContext create(Clock clock) {
    return new ProviderContext(clock);
  }

  /** The clock providers read time from. */
  public Clock clock() {
    return clock;
  }

  /**
   * The shared object for {@code key}, created by {@code factory} on first request. An object that
   * is {@link AutoCloseable} is closed with this context.
   *
   * @throws ClassCastException if the object stored under {@code key} is not a {@code type}
   * @throws IllegalStateException if the context is closed
   */
  public <T> T shared(String key, Class<T> type, Supplier<? extends T> factory) {
    if (closed) {
      throw new IllegalStateException("provider context is closed");
    }
    Object value = shared.computeIfAbsent(key, k -> {
      T created = Objects.requireNonNull(factory.get(), "factory returned null for " + k);
      if (created instanceof AutoCloseable) {
        closeables.add((AutoCloseable) created);
      }
      return created;
    });
    return type.cast(value);
  }

  /** Shorthand for {@code shared(type.getName(), type, factory)}. */
  public <T> T shared(Class<T> type, Supplier<? extends T> factory) {
    return shared(type.getName(), type, factory);
  }

  /**
   * Adds a listener that hears every call of every client opened with this context from now on
   * (metrics, auditing). A listener that throws is logged and never fails a call.
   */
  public void addListener(ImListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before; unknown listeners are ignored. */
  public void removeListener(ImListener listener) {
    listeners.remove(listener);
  }

  /** The listeners, in the order they were added. Unmodifiable snapshot. */
  public List<ImListener> listeners() {
    return List.copyOf(listeners);
  }

  /** Whether any listener is registered (lets callers skip building events). */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /**
   * Closes the shared objects that are {@link AutoCloseable}, newest first. The default context
   * cannot be closed.
   */
  @Override
  public void close() {
    if (this == DefaultHolder.INSTANCE) {
      throw new UnsupportedOperationException("the default provider context lives as long as the JVM");
    }
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> toClose;
    synchronized (closeables) {
      toClose = new ArrayList<>(closeables);
    }
    Collections.reverse(toClose);
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("failed to close shared resource {}", c.getClass().getName(), e);
      }
    }
    shared.clear();
  }
}
