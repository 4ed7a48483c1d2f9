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
 * The {@code local} {@link AppRateLimiter}: a client-side limit of requests per second for one
 * vendor app in this JVM, shared by every client of that app in the {@link ProviderContext} (so 50
 * clients of the same app together stay under the vendor's limit). Going over is worse than
 * waiting: NetEase blocks an app for 10 s. Several instances of a service each have their own: for
 * one limit across them use the {@code redis} store ({@code rateLimit.store}). Thread-safe.
 *
 * <p>Permits are handed out evenly spaced, {@code 1 / requestsPerSecond} apart, in the order they
 * are asked for. No burst is stored while the app is idle: vendors count per second, and a stored
 * burst on top of the steady rate would put more than the limit into one vendor second. Waiting
 * threads sleep outside any lock.
 */
public final class LocalRateLimiter implements AppRateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");

  private static final long WINDOW_NANOS = 1_000_000_000L;
  /** Above this rate the sliding-window record would cost more memory than it is worth. */
  private static final int MAX_WINDOW_RECORD = 10_000;

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
  /**
   * When the last permits were actually released (a ring, oldest at {@code releaseNext} once
   * full). Evenly spaced slots alone do not bound a second: a thread that wakes late releases
   * next to the ones that woke on time. The record keeps every sliding second at most {@code
   * floor(rate)} releases whatever the wake-up jitter; empty (disabled) for very high rates.
   */
  private final long[] releases;
  private int releaseNext;
  private int releaseCount;

  LocalRateLimiter(String appKey, double requestsPerSecond, Clock clock, LongSupplier nanoTime, Sleeper sleeper) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be a positive number, was " + requestsPerSecond);
    }
    this.requestsPerSecond = requestsPerSecond;
    this.intervalNanos = (long) (1_000_000_000d / requestsPerSecond);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.releases = new long[requestsPerSecond > MAX_WINDOW_RECORD ? 0 : Math.max(1, (int) requestsPerSecond)];
  }

  /**
   * A new limiter of {@code appKey} for a vendor that admits {@code vendorRequestsPerSecond}, of
   * which it uses {@link #JITTER_HEADROOM}; deadlines are read on {@code clock}. Not shared: other
   * stores use it as their fallback ({@code redis} while Redis is unreachable).
   */
  public static LocalRateLimiter forVendorRate(String appKey, double vendorRequestsPerSecond, Clock clock) {
    return new LocalRateLimiter(appKey, vendorRequestsPerSecond * JITTER_HEADROOM, clock, System::nanoTime, Sleeper.SYSTEM);
  }

  /**
   * The local limiter of {@code appKey} (e.g. {@code easemob:org#app}) in {@code context},
   * whatever {@code rateLimit.store} says, created with {@code requestsPerSecond} on first use, of
   * which it uses 95% (see {@link #JITTER_HEADROOM}). Later calls with another rate get the
   * existing limiter: the first client of an app in a context sets its rate.
   *
   * @throws ClassCastException if the app's limiter in {@code context} is another store's
   */
  public static LocalRateLimiter shared(ProviderContext context, String appKey, double requestsPerSecond) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(appKey, "appKey");
    AppRateLimiter limiter = context.shared(AppRateLimiter.contextKey(appKey), AppRateLimiter.class,
        () -> forVendorRate(appKey, requestsPerSecond, context.clock()));
    LocalRateLimiter local = (LocalRateLimiter) limiter;
    local.logIfOtherRate(requestsPerSecond);
    return local;
  }

  /** Notes (at debug level) a client that asked for another rate than the one this limiter keeps. */
  void logIfOtherRate(double vendorRequestsPerSecond) {
    if (requestsPerSecond != vendorRequestsPerSecond * JITTER_HEADROOM && LOG.isDebugEnabled()) {
      LOG.debug("rate limiter of {} keeps its first rate {}/s; {}/s ignored", appKey,
          requestsPerSecond / JITTER_HEADROOM, vendorRequestsPerSecond);
    }
  }

  /**
   * Waits for a permit, in the order permits are asked for.
   *
   * @throws io.imfacade.error.RateLimitedException if the permit would come after {@code
   *     deadline}
   */
  @Override
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
      }
      sleepUntil(grant);
      if (releaseWhenTheWindowAllows(generation, grant)) {
        return;
      }
      // A pause began while we slept and ends after our slot: queue again behind it.
    }
  }

  /**
   * Releases the caller of the slot at {@code grant} once the last second holds fewer than {@code
   * floor(rate)} releases, waiting for that if needed (at most a second, only after late
   * wake-ups). False when a pause that began after the slot was given requires queueing again.
   */
  private boolean releaseWhenTheWindowAllows(long generation, long grant) {
    while (true) {
      long windowOpens;
      synchronized (this) {
        if (generation != pauseGeneration && pausedUntilNanos > grant) {
          return false;
        }
        long now = nanoTime.getAsLong();
        windowOpens = releases.length == 0 || releaseCount < releases.length
            ? now
            : releases[releaseNext] + WINDOW_NANOS;
        if (windowOpens <= now) {
          if (releases.length > 0) {
            releases[releaseNext] = now;
            releaseNext = (releaseNext + 1) % releases.length;
            releaseCount = Math.min(releaseCount + 1, releases.length);
          }
          return true;
        }
      }
      sleepUntil(windowOpens);
    }
  }

  /** Holds every caller until {@code until}: the vendor said the app is blocked. */
  @Override
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
    return "LocalRateLimiter{" + appKey + ", " + requestsPerSecond + "/s}";
  }
}
