package io.imfacade.http;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-side limit of requests per second for one vendor app, shared by every client of that
 * app in the {@link ProviderContext} (so 50 clients of the same app together stay under the
 * vendor's limit). Going over is worse than waiting: NetEase blocks an app for 10 s. Thread-safe.
 *
 * <p>Permits are handed out evenly spaced, {@code 1 / requestsPerSecond} apart, in the order they
 * are asked for. No burst is stored while the app is idle: vendors count per second, and a stored
 * burst on top of the steady rate would put more than the limit into one vendor second. Waiting
 * threads sleep outside any lock.
 */
public final class AppRateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");
  private static final String KEY_PREFIX = AppRateLimiter.class.getName() + '/';

  private final String appKey;
  private final double requestsPerSecond;
  private final long intervalNanos;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  // Guarded by this. Times are on the nanoTime scale, which does not jump with the wall clock.
  private long nextFreeNanos;
  private long pausedUntilNanos = Long.MIN_VALUE;
  private boolean started;
  /** Bumped by every pause that moves the schedule, so that sleepers re-check their slot. */
  private long pauseGeneration;

  AppRateLimiter(String appKey, double requestsPerSecond, Clock clock, LongSupplier nanoTime, Sleeper sleeper) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be a positive number, was " + requestsPerSecond);
    }
    this.requestsPerSecond = requestsPerSecond;
    this.intervalNanos = (long) (1_000_000_000d / requestsPerSecond);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * The limiter of {@code appKey} (e.g. {@code easemob:org#app}) in {@code context}, created with
   * {@code requestsPerSecond} on first use. Later calls with another rate get the existing
   * limiter: the first client of an app in a context sets its rate.
   */
  public static AppRateLimiter shared(ProviderContext context, String appKey, double requestsPerSecond) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(appKey, "appKey");
    AppRateLimiter limiter = context.shared(KEY_PREFIX + appKey, AppRateLimiter.class,
        () -> new AppRateLimiter(appKey, requestsPerSecond, context.clock(), System::nanoTime, Sleeper.SYSTEM));
    if (limiter.requestsPerSecond != requestsPerSecond && LOG.isDebugEnabled()) {
      LOG.debug("rate limiter of {} keeps its first rate {}/s; {}/s ignored", appKey, limiter.requestsPerSecond, requestsPerSecond);
    }
    return limiter;
  }

  /**
   * Waits for a permit.
   *
   * @throws io.imfacade.error.RateLimitedException if the permit would come after {@code
   *     deadline}
   */
  public void acquire(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    while (true) {
      long grant;
      long generation;
      synchronized (this) {
        long now = nanoTime.getAsLong();
        if (!started) {
          nextFreeNanos = now;
          started = true;
        }
        grant = Math.max(Math.max(nextFreeNanos, pausedUntilNanos), now);
        long waitNanos = grant - now;
        long budgetNanos = nanosUntil(deadline);
        if (waitNanos > budgetNanos) {
          // Nothing reserved: a caller that gives up does not cost the others a slot.
          throw new RateLimitedException("client-side rate limit of " + requestsPerSecond + " requests/s for "
              + appKey + ": no permit before the call deadline",
              ErrorDetails.none(), Duration.ofNanos(waitNanos), null);
        }
        nextFreeNanos = grant + intervalNanos;
        generation = pauseGeneration;
        if (waitNanos <= 0) {
          return;
        }
      }
      sleepUntil(grant);
      synchronized (this) {
        // A pause that began while we slept and ends after our slot: queue again behind it.
        if (generation == pauseGeneration || pausedUntilNanos <= grant) {
          return;
        }
      }
    }
  }

  /** Holds every caller until {@code until}: the vendor said the app is blocked. */
  public void pauseUntil(Instant until) {
    Objects.requireNonNull(until, "until");
    synchronized (this) {
      long now = nanoTime.getAsLong();
      long untilNanos = now + nanosUntil(until);
      if (untilNanos <= now || untilNanos <= pausedUntilNanos) {
        return;
      }
      pausedUntilNanos = untilNanos;
      if (nextFreeNanos < untilNanos) {
        nextFreeNanos = untilNanos;
      }
      pauseGeneration++;
    }
    LOG.debug("requests for {} paused until {}", appKey, until);
  }

  /** The app key. */
  String appKey() {
    return appKey;
  }

  /** The configured rate. */
  double requestsPerSecond() {
    return requestsPerSecond;
  }

  private void sleepUntil(long grantNanos) {
    long remaining = grantNanos - nanoTime.getAsLong();
    try {
      while (remaining > 0) {
        sleeper.sleep(Duration.ofNanos(remaining));
        remaining = grantNanos - nanoTime.getAsLong();
      }
    } catch (InterruptedException e) {
      throw Failures.interrupted(ErrorDetails.none(), "waiting for a rate-limit permit of " + appKey);
    }
  }

  /** Nanoseconds from now to {@code instant} on {@link #clock}, saturated; negative when past. */
  private long nanosUntil(Instant instant) {
    Duration d = Duration.between(clock.instant(), instant);
    if (d.getSeconds() >= 100L * 365 * 86_400) {
      return Long.MAX_VALUE / 4;
    }
    if (d.getSeconds() <= -100L * 365 * 86_400) {
      return -Long.MAX_VALUE / 4;
    }
    return d.toNanos();
  }

  @Override
  public String toString() {
    return "AppRateLimiter{" + appKey + ", " + requestsPerSecond + "/s}";
  }
}
