package io.imfacade.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; a seam so that tests can replace wall-clock sleeps with a fake clock. */
@FunctionalInterface
interface Sleeper {

  /** Sleeps on the calling thread, interruptibly. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      long nanos = duration.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : duration.toNanos();
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  };

  /** Waits {@code duration}; zero or negative returns at once. */
  void sleep(Duration duration) throws InterruptedException;
}
