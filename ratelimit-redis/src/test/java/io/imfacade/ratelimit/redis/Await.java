package io.imfacade.ratelimit.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition, polled every 10 ms, instead of sleeping a fixed time. */
final class Await {

  private Await() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError if it does not within {@code timeout}
   */
  static void until(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
