package io.imfacade.simulator.internal;

/**
 * A request counter over fixed one-second windows aligned to the clock's whole seconds, the way a
 * per-second vendor quota is usually counted: at most {@code max(1, floor(limit))} requests are
 * admitted per window. Thread-safe. Internal.
 */
public final class RateWindow {

  private final int capacity;
  private long window = Long.MIN_VALUE;
  private int used;

  /** A window admitting {@code requestsPerSecond} a second; 0 admits everything. */
  public RateWindow(double requestsPerSecond) {
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be finite and >= 0: " + requestsPerSecond);
    }
    this.capacity = requestsPerSecond == 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(requestsPerSecond)));
  }

  /** Whether this window limits anything. */
  public boolean enabled() {
    return capacity > 0;
  }

  /** Counts one request at {@code nowMillis}; false when the current window is already full. */
  public synchronized boolean tryAcquire(long nowMillis) {
    if (capacity == 0) {
      return true;
    }
    long second = Math.floorDiv(nowMillis, 1000L);
    if (second != window) {
      window = second;
      used = 0;
    }
    if (used >= capacity) {
      return false;
    }
    used++;
    return true;
  }

  /** Forgets the requests counted so far. */
  public synchronized void reset() {
    window = Long.MIN_VALUE;
    used = 0;
  }
}
