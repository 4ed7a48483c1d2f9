package io.imfacade.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before retrying: exponential backoff with full jitter, capped,
 * a vendor's {@code Retry-After} taking precedence. Immutable and thread-safe. Defaults: 3
 * attempts, 200 ms initial, 5 s max.
 */
public final class RetryPolicy {

  /** The most attempts a policy allows: more only piles load on a vendor that is already failing. */
  static final int MAX_ATTEMPTS_LIMIT = 10;

  private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * A policy; {@code maxAttempts} 1 means no retry.
   *
   * @throws IllegalArgumentException unless {@code 1 <= maxAttempts <= 10} and {@code 0 <=
   *     initialBackoff <= maxBackoff}
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", was " + maxAttempts);
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff " + maxBackoff + " must not be less than initialBackoff " + initialBackoff);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /** The default policy. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Attempts per call, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The first backoff before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The largest backoff. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The wait before the next attempt after {@code failedAttempts} failures (1 for the first
   * retry). A non-null {@code retryAfter} from the vendor is honoured as it is.
   */
  public Duration backoff(int failedAttempts, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
    }
    long cap = ceiling(failedAttempts).toNanos();
    // Full jitter (uniform in [0, cap]): spreads the retries of many clients that failed together.
    long jittered = cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    return Duration.ofNanos(jittered);
  }

  /** The exponential bound before jitter: initial × 2^(failedAttempts-1), at most maxBackoff. */
  Duration ceiling(int failedAttempts) {
    int shift = Math.min(failedAttempts - 1, 30);
    long initialNanos = initialBackoff.toNanos();
    long maxNanos = maxBackoff.toNanos();
    long exp = initialNanos > (maxNanos >> shift) ? maxNanos : initialNanos << shift;
    return Duration.ofNanos(Math.min(exp, maxNanos));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy
        && maxAttempts == ((RetryPolicy) o).maxAttempts
        && initialBackoff.equals(((RetryPolicy) o).initialBackoff)
        && maxBackoff.equals(((RetryPolicy) o).maxBackoff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff.toMillis()
        + "ms, maxBackoff=" + maxBackoff.toMillis() + "ms}";
  }
}
