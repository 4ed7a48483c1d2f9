package io.imfacade.ratelimit.redis.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.LocalRateLimiter;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The limiter of one vendor app shared by every instance through one token bucket in Redis
 * (bucket4j), with the app's vendor pause in Redis too. Thread-safe.
 *
 * <p><b>The bucket.</b> A token bucket of capacity {@code c} refilled at {@code r} per second
 * admits at most {@code c + r·T} permits in any interval of {@code T} seconds. The vendor counts
 * what arrives in one second, and arrivals are the permits shifted by a delay that varies by up to
 * {@code J} (waking up, the HTTP client, the network; between hosts, clock skew, which {@link
 * RedisClock} removes): one vendor second holds permits from {@code 1 + J} seconds. So {@code c +
 * r·(1 + J) < L + 1} must hold for the vendor's limit {@code L}, and a busy fleet gets {@code r}.
 * With {@code c = 1} (no stored burst: a burst on top of the steady rate is exactly what overflows
 * a vendor second) and {@code r = 0.95·L} ({@link AppRateLimiter#JITTER_HEADROOM}, as the local
 * limiter), that is {@code J < 1/0.95 − 1 ≈ 5.3%}: about 50 ms of jitter per second, the same
 * margin the local limiter has, while the fleet gets 95% of the limit (the target is 90%). For
 * NetEase ({@code L = 100}): permits 10.5 ms apart, at most 1 + 95 × 1.05 = 100.75, so 100 in any
 * second with up to 52 ms of jitter.
 *
 * <p><b>Keeping the jitter inside that margin.</b> A permit is reserved in Redis (bucket4j's
 * compare-and-swap, batched: the reservations asked for while one is in flight go together in the
 * next, so an instance has one write in flight whatever its number of threads; a tokens debt
 * queues the instances in order), then waited for here. A thread that wakes more than {@link
 * #MAX_LATE} after its slot does not use it (a late permit lands next to its successors) but
 * reserves again, at most {@link #MAX_LATE_RETRIES} times.
 *
 * <p><b>Pauses.</b> A vendor pause seen here is written to Redis as a key whose TTL is the pause
 * (extended only when the new pause ends later, in one script), so every instance waits once, for
 * the vendor's time, and the key disappears with the pause. Every reservation sends {@code PTTL}
 * of that key on the same connection just before it: pipelined, so the check costs no round trip.
 * A permit reserved before a pause is not used during it: when this instance's knowledge of the
 * pause would be older than {@link #PAUSE_VIEW_MAX_AGE} at the slot, the thread asks Redis once
 * more {@link #PAUSE_CHECK_LEAD} before its slot, so that the round trip does not make the permit
 * late (on a busy machine it can take longer than {@link #MAX_LATE}).
 *
 * <p><b>Redis trouble.</b> When the {@link RedisLink} is away, permits come from a local limiter
 * at the configured share of the rate. A command slower than the timeout, or than the caller's
 * deadline, is never waited for longer; after a late answer the permit is asked of Redis again
 * until the link's probe says Redis is away, not taken from the fallback at once: a fallback
 * permit on top of the shared rate of the other instances is how a vendor second overflows. For
 * the same reason the switch-overs avoid running both at once: the fallback starts after the last
 * slot this instance reserved from the bucket, and when Redis is back the permits still queued in
 * the fallback are first taken from the bucket ({@link #settleFallbackBacklog}). Instances that
 * notice the return at different moments can still overlap for that long.
 */
public final class RedisRateLimiter implements AppRateLimiter {

  /** A permit used later than this after its slot is given up and reserved again. */
  static final Duration MAX_LATE = Duration.ofMillis(20);
  /** After this many late wake-ups in one acquire, the permit is used anyway: no starvation. */
  static final int MAX_LATE_RETRIES = 3;
  /**
   * How old this instance's knowledge of the app's pause may be when a permit is used. Every
   * reservation refreshes it for free; a permit that waited longer for its slot asks Redis once
   * more ({@code PTTL}), so that another instance's pause stops this one within this much time.
   */
  static final Duration PAUSE_VIEW_MAX_AGE = Duration.ofMillis(25);
  /** How long before its slot a thread asks Redis about the pause, when it must. */
  static final Duration PAUSE_CHECK_LEAD = Duration.ofMillis(10);

  /** Sets the pause to {@code ARGV[1]} ms unless the current one lasts longer; answers what is left. */
  private static final String PAUSE_SCRIPT =
      "local left = redis.call('PTTL', KEYS[1]) "
          + "local want = tonumber(ARGV[1]) "
          + "if left < want then redis.call('SET', KEYS[1], '1', 'PX', want) return want end "
          + "return left";

  private final String appKey;
  private final double requestsPerSecond;
  private final RedisKeys keys;
  private final RedisLink link;
  private final AsyncBucketProxy bucket;
  private final LocalRateLimiter fallback;
  private final Clock clock;
  /** The end of the pause this instance knows of, on the nanoTime scale. */
  private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
  /** The latest slot this instance reserved from the bucket, on the nanoTime scale. */
  private final AtomicLong lastSlotNanos = new AtomicLong(System.nanoTime());
  /** The threads waiting in the fallback for a permit: its backlog. */
  private final AtomicInteger inFallback = new AtomicInteger();
  /** The {@link RedisLink#returns()} whose fallback backlog has been taken from the bucket. */
  private volatile long returnsSettled;
  /** When Redis last told this instance about the pause, on the nanoTime scale. */
  private volatile long pauseCheckedNanos = System.nanoTime();

  /**
   * A limiter of {@code appKey} for a vendor that admits {@code vendorRequestsPerSecond}.
   *
   * @param clock the clock the callers' deadlines are read on
   */
  public RedisRateLimiter(String appKey, double vendorRequestsPerSecond, RedisLink link, Clock clock) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    if (!(vendorRequestsPerSecond > 0) || Double.isInfinite(vendorRequestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be a positive number, was " + vendorRequestsPerSecond);
    }
    this.requestsPerSecond = vendorRequestsPerSecond * JITTER_HEADROOM;
    this.link = Objects.requireNonNull(link, "link");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keys = RedisKeys.of(appKey);
    long intervalNanos = Math.max(1, Math.round(1e9 / requestsPerSecond));
    BucketConfiguration configuration = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(intervalNanos)).build())
        .build();
    this.bucket = link.bucket(keys.bucket(), configuration);
    this.fallback = LocalRateLimiter.forVendorRate(appKey, vendorRequestsPerSecond * link.settings().fallbackShare(), clock);
  }

  @Override
  public void acquire(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    long deadlineNanos = System.nanoTime() + nanosUntil(deadline);
    int late = 0;
    while (true) {
      long now = System.nanoTime();
      long paused = pausedUntilNanos.get();
      if (paused - now > 0) {
        if (paused - deadlineNanos > 0) {
          throw refused("the vendor paused the app beyond the call deadline", Duration.ofNanos(paused - now));
        }
        sleepUntil(paused);
        continue;
      }
      if (!link.usable(deadlineNanos)) {
        long lastSlot = lastSlotNanos.get();
        if (lastSlot - now > 0) {
          // The permits reserved before Redis went away are still used at their slots: the
          // fallback takes over after the last one, not on top of them.
          if (lastSlot - deadlineNanos > 0) {
            throw refused("no permit before the call deadline", null);
          }
          sleepUntil(lastSlot);
          continue;
        }
        inFallback.incrementAndGet();
        try {
          fallback.acquire(deadline);
        } finally {
          inFallback.decrementAndGet();
        }
        return;
      }
      settleFallbackBacklog();
      Grant grant = reserve(deadlineNanos);
      if (grant.kind == Grant.Kind.FAILED) {
        continue; // the link decides: away (the fallback serves) or only late (Redis once more)
      }
      if (grant.kind == Grant.Kind.PAUSED) {
        notePause(grant.nanos);
        continue; // the token is lost: it was taken during a pause anyway
      }
      if (grant.kind == Grant.Kind.REFUSED) {
        throw refused("no permit before the call deadline", null);
      }
      lastSlotNanos.accumulateAndGet(grant.nanos, (a, b) -> b - a > 0 ? b : a);
      if (grant.nanos - pauseCheckedNanos > PAUSE_VIEW_MAX_AGE.toNanos()) {
        sleepUntil(grant.nanos - PAUSE_CHECK_LEAD.toNanos());
        checkPause(deadlineNanos);
      }
      sleepUntil(grant.nanos);
      long released = System.nanoTime();
      if (released - pauseCheckedNanos > PAUSE_VIEW_MAX_AGE.toNanos()) {
        checkPause(deadlineNanos); // the check before the slot was late, or the thread was
        released = System.nanoTime();
      }
      if (pausedUntilNanos.get() - released > 0) {
        continue; // a pause began while this thread waited for its slot
      }
      if (released - grant.nanos > MAX_LATE.toNanos() && late++ < MAX_LATE_RETRIES) {
        continue;
      }
      return;
    }
  }

  /**
   * Once per return of Redis: the permits still queued in this instance's fallback will be
   * released at the fallback's rate after the fleet shares the bucket again, so they are taken
   * from the bucket first (a debt that delays the next slots of every instance), instead of
   * landing on top of the shared rate. Best effort: Redis trouble is the next permit's to notice.
   */
  private void settleFallbackBacklog() {
    long returns = link.returns();
    if (returns == returnsSettled) {
      return;
    }
    synchronized (this) {
      if (returnsSettled == returns) {
        return;
      }
      returnsSettled = returns;
    }
    int backlog = inFallback.get();
    if (backlog > 0) {
      try {
        bucket.consumeIgnoringRateLimits(backlog).exceptionally(e -> null);
      } catch (RuntimeException e) {
        // best effort, as above
      }
    }
  }

  /**
   * The slot, a pause found in Redis, no permit in time, or a failure (reported to the link). The
   * threads of this instance reserve concurrently: the bucket batches them ({@link
   * RedisLink#bucket}), one compare-and-swap for all that wait.
   */
  private Grant reserve(long deadlineNanos) {
    long budget = deadlineNanos - System.nanoTime();
    if (budget <= 0) {
      return Grant.REFUSED;
    }
    long wait = Math.min(link.settings().timeout().toNanos(), budget);
    SlotCapture slot = new SlotCapture();
    RedisFuture<Long> pause;
    CompletableFuture<VerboseResult<Boolean>> reserved;
    try {
      // Same connection, sent first: the pause's answer arrives before the reservation's.
      pause = link.commands().pttl(keys.pause());
      reserved = bucket.asScheduler().asVerbose().tryConsume(1, budget, slot);
    } catch (RuntimeException e) {
      link.failed(e);
      return Grant.FAILED;
    }
    try {
      VerboseResult<Boolean> result = reserved.get(wait, TimeUnit.NANOSECONDS);
      long left = pause.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      long now = System.nanoTime();
      pauseCheckedNanos = now;
      if (left > 0) {
        return new Grant(Grant.Kind.PAUSED, now + TimeUnit.MILLISECONDS.toNanos(left));
      }
      if (!result.getValue()) {
        return Grant.REFUSED;
      }
      // The slot on the bucket's timeline, moved to this JVM's: not from when the answer arrived,
      // which would add the compare-and-swap round trip and its variation to every slot.
      long due = result.getOperationTimeNanos() + slot.delayNanos();
      return new Grant(Grant.Kind.RESERVED, now + (due - link.clockNanos()));
    } catch (TimeoutException e) {
      if (wait < link.settings().timeout().toNanos()) {
        return Grant.REFUSED; // the caller's deadline came first: not Redis's fault
      }
      link.failed(e);
      return Grant.FAILED;
    } catch (ExecutionException e) {
      link.failed(e.getCause() != null ? e.getCause() : e);
      return Grant.FAILED;
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  /**
   * Asks Redis whether the app is paused, waiting at most the timeout and never past the deadline;
   * Redis trouble is reported to the link and otherwise ignored: the permit was granted.
   */
  private void checkPause(long deadlineNanos) {
    long wait = Math.min(link.settings().timeout().toNanos(), deadlineNanos - System.nanoTime());
    if (wait <= 0 || !link.usable(deadlineNanos)) {
      return;
    }
    try {
      long left = link.commands().pttl(keys.pause()).get(wait, TimeUnit.NANOSECONDS);
      long now = System.nanoTime();
      pauseCheckedNanos = now;
      if (left > 0) {
        notePause(now + TimeUnit.MILLISECONDS.toNanos(left));
      }
    } catch (TimeoutException e) {
      if (wait >= link.settings().timeout().toNanos()) {
        link.failed(e);
      }
    } catch (ExecutionException e) {
      link.failed(e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) {
      link.failed(e);
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  /**
   * Holds every instance's callers of this app until {@code until}: here at once, and in Redis
   * before it returns (it waits at most the timeout for that; Redis trouble is only reported).
   */
  @Override
  public void pauseUntil(Instant until) {
    Objects.requireNonNull(until, "until");
    long millis = Duration.between(clock.instant(), until).toMillis();
    if (millis <= 0) {
      return;
    }
    notePause(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    fallback.pauseUntil(until);
    if (!link.usable(System.nanoTime())) {
      return; // this instance pauses; the others learn from the vendor themselves
    }
    try {
      link.commands()
          .<Long>eval(PAUSE_SCRIPT, ScriptOutputType.INTEGER, new String[] {keys.pause()},
              Long.toString(millis).getBytes(StandardCharsets.US_ASCII))
          .get(link.settings().timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      link.failed(e.getCause() != null ? e.getCause() : e);
    } catch (TimeoutException | RuntimeException e) {
      link.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the pause holds here; the interrupt is the caller's to see
    }
  }

  private void notePause(long untilNanos) {
    pausedUntilNanos.accumulateAndGet(untilNanos, (a, b) -> b - a > 0 ? b : a);
  }

  private RateLimitedException refused(String why, @Nullable Duration retryAfter) {
    return new RateLimitedException("shared rate limit of " + requestsPerSecond + " requests/s for " + appKey + ": " + why,
        ErrorDetails.none(), retryAfter, null);
  }

  private void sleepUntil(long nanos) {
    long remaining = nanos - System.nanoTime();
    try {
      while (remaining > 0) {
        TimeUnit.NANOSECONDS.sleep(remaining);
        remaining = nanos - System.nanoTime();
      }
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  private ImException interrupted() {
    Thread.currentThread().interrupt();
    return new ImException("interrupted while waiting for a rate-limit permit of " + appKey, ErrorDetails.none());
  }

  /** Nanoseconds from now to {@code instant} on {@link #clock}, saturated; negative when past. */
  private long nanosUntil(Instant instant) {
    Duration d = Duration.between(clock.instant(), instant);
    long years100 = 100L * 365 * 86_400;
    if (d.getSeconds() >= years100) {
      return Long.MAX_VALUE / 4;
    }
    if (d.getSeconds() <= -years100) {
      return -Long.MAX_VALUE / 4;
    }
    return d.toNanos();
  }

  /**
   * Whether this limiter shares its app's rate through Redis right now, false while it limits on
   * its local fallback (Redis unreachable, or the first connection not made yet). For health
   * checks and tests; does no I/O.
   */
  public boolean isShared() {
    return link.isShared();
  }

  /** The app key, for tests. */
  String appKey() {
    return appKey;
  }

  @Override
  public String toString() {
    return "RedisRateLimiter{" + appKey + ", " + requestsPerSecond + "/s, " + link + '}';
  }

  /**
   * What a reservation gave: a permit due at {@code nanos}, a pause in Redis until {@code nanos}, no
   * permit before the deadline, or a Redis failure.
   */
  private record Grant(Kind kind, long nanos) {
    static final Grant REFUSED = new Grant(Kind.REFUSED, 0);
    static final Grant FAILED = new Grant(Kind.FAILED, 0);

    enum Kind { RESERVED, PAUSED, REFUSED, FAILED }
  }
}
