package io.imfacade.tenant.internal;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One underlying client of a tenant, opened from one configuration, and the calls running on it.
 *
 * <p>Reference counted: the tenant's entry holds one reference while this is its current
 * generation, and every call holds one while it runs. {@link #retire()} drops the entry's
 * reference when a newer generation replaces this one (or the tenant is evicted); the client is
 * closed when the last reference goes, that is when the last call that started on it has ended. A
 * retired generation takes no new call, so it cannot be kept open forever by a steady load.
 */
final class Generation {

  private static final Logger LOG = LoggerFactory.getLogger(Generation.class);

  private final String tenantId;
  private final ImConfig config;
  private final ImClient client;
  private final Consumer<Generation> onClosed;
  /** The entry's reference (until retired) plus one per call in flight; 0 means closed. */
  private final AtomicInteger refs = new AtomicInteger(1);
  private final AtomicBoolean retired = new AtomicBoolean();

  Generation(String tenantId, ImConfig config, ImClient client, Consumer<Generation> onClosed) {
    this.tenantId = tenantId;
    this.config = config;
    this.client = client;
    this.onClosed = onClosed;
  }

  ImConfig config() {
    return config;
  }

  ImClient client() {
    return client;
  }

  /**
   * Takes a reference for one call; false when this generation is retired (the caller then reads
   * the entry's current generation again).
   */
  boolean tryAcquire() {
    while (true) {
      int r = refs.get();
      if (r == 0) {
        return false;
      }
      if (refs.compareAndSet(r, r + 1)) {
        break;
      }
    }
    // Checked after taking the reference: retire() sets the flag before it lets go of the entry's
    // reference, so either this sees the flag or the client is still open under this reference.
    if (retired.get()) {
      release();
      return false;
    }
    return true;
  }

  /** Gives back a reference taken by {@link #tryAcquire()}; the last one closes the client. */
  void release() {
    int left = refs.decrementAndGet();
    if (left == 0) {
      closeClient();
    } else if (left < 0) {
      throw new IllegalStateException("a generation of tenant " + tenantId + " was released too often");
    }
  }

  /** No new call from now on; the client closes once the calls in flight have ended. Idempotent. */
  void retire() {
    if (retired.compareAndSet(false, true)) {
      release();
    }
  }

  boolean isRetired() {
    return retired.get();
  }

  private void closeClient() {
    try {
      client.close();
      LOG.debug("closed a {} client of tenant {}", client.provider(), tenantId);
    } catch (RuntimeException e) {
      LOG.warn("closing a {} client of tenant {} failed", client.provider(), tenantId, e);
    } finally {
      onClosed.accept(this);
    }
  }

  @Override
  public String toString() {
    return "Generation{tenant=" + tenantId + ", refs=" + refs.get() + (retired.get() ? ", retired" : "") + '}';
  }
}
