package io.imfacade.tenant.internal;

import io.imfacade.ImConfig;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the cache holds for one tenant: its current {@link Generation} and its stable handle. A
 * changed configuration swaps the generation inside the entry, so the cache entry, and the handle
 * users hold, stay the same across rotations.
 */
final class TenantEntry {

  private final String tenantId;
  private final TenantClient handle;
  private volatile Generation current;
  private volatile boolean closed;

  TenantEntry(String tenantId, Generation first, TenantClient handle) {
    this.tenantId = tenantId;
    this.current = first;
    this.handle = handle;
  }

  String tenantId() {
    return tenantId;
  }

  TenantClient handle() {
    return handle;
  }

  /** The generation in use now (for reads that make no call). */
  Generation current() {
    return current;
  }

  /**
   * A reference to the current generation for one call, or null if this entry is closed (evicted):
   * the caller then asks the cache again.
   */
  @Nullable Generation acquire() {
    while (true) {
      Generation g = current;
      if (g.tryAcquire()) {
        return g;
      }
      if (closed) {
        return null;
      }
      // g was retired by a swap, which set the new generation before retiring g: read it again.
      Thread.onSpinWait();
    }
  }

  /**
   * Opens a client for {@code config} with {@code opener} and makes it current, unless the config
   * equals the one in use or the entry is closed; the old generation closes once its calls end. If
   * {@code opener} fails, the old generation stays in use and the exception propagates.
   *
   * @return whether a new client was swapped in
   */
  synchronized boolean swap(ImConfig config, Function<ImConfig, Generation> opener) {
    if (closed || config.equals(current.config())) {
      return false;
    }
    Generation next = opener.apply(config);
    Generation old = current;
    current = next;
    old.retire();
    return true;
  }

  /** Retires the current generation for good: evicted, removed or the registry closed. Idempotent. */
  synchronized void close() {
    if (!closed) {
      closed = true;
      current.retire();
    }
  }

  boolean isClosed() {
    return closed;
  }
}
