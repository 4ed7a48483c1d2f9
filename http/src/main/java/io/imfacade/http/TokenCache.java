package io.imfacade.http;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.CallContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches a client's token: fetched on first use, refreshed ahead of expiry, fetched <b>once</b>
 * when many threads need it at the same moment (single flight). Vendors warn that frequent token
 * requests can get an account banned, so the cache never hammers the token endpoint, whatever
 * the tokens it gets:
 *
 * <ul>
 *   <li>a token is refreshed {@code min(refreshMargin, lifetime / 2)} before it expires: a
 *       120-second token at 60 s, a day-long one 5 minutes before its end;
 *   <li>no two fetches are less than {@code minFetchInterval} apart (1 s by default): the first
 *       401 of a token always gets it replaced, but a token that itself replaced a refused one is
 *       kept for that long, and the replay is not made;
 *   <li>a token that has already expired when it arrives is a failure, and any failed fetch is
 *       remembered for {@code negativeTtl}, during which callers get the same failure at once —
 *       except a fetch cut short by the deadline of the neutral call that made it (a fetch runs
 *       within its call's deadline, see {@link CallContext#deadline}), which says nothing about
 *       the token endpoint.
 * </ul>
 *
 * <p>A caller that waits for another caller's fetch waits at most until its own call's deadline.
 *
 * <p>While a token is still valid but due for refresh, one caller refreshes it and the others keep
 * using the old one; only when no valid token is left do callers wait for the fetch. Thread-safe.
 */
public final class TokenCache {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");

  private final TokenSource source;
  private final Clock clock;
  private final Duration refreshMargin;
  private final Duration negativeTtl;
  private final Duration minFetchInterval;

  /** Held by the one thread that fetches; the others wait on it or skip it. */
  private final ReentrantLock fetchLock = new ReentrantLock();
  private final AtomicReference<Entry> entry = new AtomicReference<>();
  /** The last failed fetch, guarded by {@link #fetchLock}. */
  private volatile Failure failure;
  /** Whether the last token was dropped after a 401, so that the next one replaces a rejected one. */
  private volatile boolean rejectedSinceFetch;

  /**
   * A cache over {@code source}.
   *
   * @param refreshMargin refresh at the latest this long before expiry
   * @param negativeTtl how long a failed fetch is answered from memory
   */
  public TokenCache(TokenSource source, Clock clock, Duration refreshMargin, Duration negativeTtl) {
    this(source, clock, refreshMargin, negativeTtl, DEFAULT_MIN_FETCH_INTERVAL);
  }

  /**
   * A cache over {@code source} that fetches at most once per {@code minFetchInterval}.
   *
   * @param refreshMargin refresh at the latest this long before expiry (at most half the lifetime)
   * @param negativeTtl how long a failed fetch is answered from memory
   * @param minFetchInterval the least time between two fetches
   */
  public TokenCache(TokenSource source, Clock clock, Duration refreshMargin, Duration negativeTtl,
      Duration minFetchInterval) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
    this.negativeTtl = Objects.requireNonNull(negativeTtl, "negativeTtl");
    this.minFetchInterval = Objects.requireNonNull(minFetchInterval, "minFetchInterval");
    if (refreshMargin.isNegative() || negativeTtl.isNegative() || minFetchInterval.isNegative()) {
      throw new IllegalArgumentException("refreshMargin, negativeTtl and minFetchInterval must not be negative");
    }
  }

  /** The least time between two fetches, unless configured otherwise. */
  public static final Duration DEFAULT_MIN_FETCH_INTERVAL = Duration.ofSeconds(1);

  /**
   * The token to use now, fetching it if needed.
   *
   * @throws io.imfacade.error.ImException the fetch failure (fresh or remembered)
   */
  public String current() {
    Instant now = clock.instant();
    Entry e = entry.get();
    if (e != null && now.isBefore(e.refreshAt)) {
      return e.token.value();
    }
    if (e != null && e.validAt(now)) {
      refreshAhead(e);
      Entry latest = entry.get();
      if (latest != null && latest.validAt(now)) {
        return latest.token.value();
      }
      // Invalidated in the meantime: wait for a new one like everybody else.
    }
    return fetchOrWait();
  }

  /**
   * Forgets {@code rejected} after the vendor refused it (HTTP 401), unless the cache already
   * holds a newer token. The next {@link #current()} fetches again.
   */
  public void invalidate(String rejected) {
    if (rejected == null) {
      return;
    }
    Instant now = clock.instant();
    // Compare the value: 50 threads that got a 401 with the same old token must not throw away the
    // fresh token the first of them already fetched. A token that itself replaced a rejected one
    // moments ago is kept: a vendor that refuses every fresh token must not be asked for one per call.
    Entry removed = entry.getAndUpdate(e -> e != null && e.token.value().equals(rejected)
        && !(e.replacedRejected && e.isFresh(now)) ? null : e);
    if (removed != null && removed.token.value().equals(rejected)) {
      rejectedSinceFetch = true;
      LOG.debug("token rejected by the vendor: invalidated");
    }
  }

  /** Best effort: one caller refreshes, the rest go on with the still-valid token. */
  private void refreshAhead(Entry seen) {
    if (!fetchLock.tryLock()) {
      return;
    }
    try {
      Instant now = clock.instant();
      if (entry.get() != seen || rememberedFailure(now) != null || seen.isFresh(now)) {
        return;
      }
      try {
        install(fetch(now));
      } catch (ImException e) {
        LOG.debug("refreshing the token ahead of its expiry failed; the current one stays in use: {}", e.getClass().getSimpleName());
      }
    } finally {
      fetchLock.unlock();
    }
  }

  private String fetchOrWait() {
    lockWithinTheCallsDeadline();
    try {
      Instant now = clock.instant();
      Entry e = entry.get();
      if (e != null && e.validAt(now)) {
        return e.token.value(); // fetched by the thread we waited for
      }
      Failure remembered = rememberedFailure(now);
      if (remembered != null) {
        throw Failures.sameKind(remembered.error);
      }
      if (e != null && e.isFresh(now)) {
        // Expired within minFetchInterval of its fetch: the next fetch waits for the interval too.
        throw new ProviderUnavailableException("the vendor's token expired less than " + minFetchInterval.toMillis()
            + " ms after it was fetched; not asking for another before then", ErrorDetails.builder().retryable(true).build());
      }
      return install(fetch(now)).token.value();
    } finally {
      fetchLock.unlock();
    }
  }

  /**
   * Takes the fetch lock, waiting for another caller's fetch at most until the deadline of the
   * neutral call in progress, if it has one: a call must not outlive its deadline waiting for a
   * token that another call is fetching.
   */
  private void lockWithinTheCallsDeadline() {
    Instant deadline = CallContext.currentDeadline();
    try {
      if (deadline == null) {
        fetchLock.lockInterruptibly();
      } else if (!fetchLock.tryLock(Math.max(0, Duration.between(clock.instant(), deadline).toNanos()),
          TimeUnit.NANOSECONDS)) {
        throw new ProviderUnavailableException("no token within the call deadline: another call is still fetching it",
            ErrorDetails.builder().retryable(true).build());
      }
    } catch (InterruptedException e) {
      throw Failures.interrupted(ErrorDetails.none(), "waiting for the token");
    }
  }

  /**
   * Whether the neutral call in progress has no time left: a fetch it cut short says nothing
   * about the token endpoint, so its failure is not remembered for the other calls.
   */
  private boolean outOfCallTime() {
    Instant deadline = CallContext.currentDeadline();
    return deadline != null && !clock.instant().isBefore(deadline);
  }

  /**
   * Calls the source; a failure is remembered for {@link #negativeTtl}, unless the fetch ran out
   * of its call's time ({@link #outOfCallTime}). Caller holds the lock.
   */
  private IssuedToken fetch(Instant now) {
    CallContext.recordTokenFetch();
    try {
      IssuedToken token = source.fetch();
      if (token == null) {
        throw new ImException("the token source returned no token");
      }
      if (!now.isBefore(token.expiresAt())) {
        throw new ProviderUnavailableException("the vendor issued a token that had already expired when it arrived"
            + " (expiry " + token.expiresAt() + "); not asking again for " + negativeTtl.toMillis() + " ms",
            ErrorDetails.builder().retryable(true).build());
      }
      failure = null;
      return token;
    } catch (ImException e) {
      if (!outOfCallTime()) {
        remember(e, now);
      }
      throw e;
    } catch (RuntimeException e) {
      // A bug in the source; its message may hold anything, so only the type is shown.
      ImException wrapped = new ImException("the token source failed: " + e.getClass().getName(), ErrorDetails.none(), e);
      remember(wrapped, now);
      throw wrapped;
    }
  }

  private void remember(ImException e, Instant now) {
    if (!negativeTtl.isZero()) {
      failure = new Failure(e, now.plus(negativeTtl));
    }
  }

  private Failure rememberedFailure(Instant now) {
    Failure f = failure;
    return f != null && now.isBefore(f.until) ? f : null;
  }

  private Entry install(IssuedToken token) {
    Instant now = clock.instant();
    Instant expiresAt = token.expiresAt();
    Instant refreshAt;
    if (expiresAt.equals(Instant.MAX)) {
      refreshAt = Instant.MAX;
    } else {
      Duration lifetime = Duration.between(now, expiresAt);
      Duration margin = lifetime.dividedBy(2).compareTo(refreshMargin) < 0 ? lifetime.dividedBy(2) : refreshMargin;
      refreshAt = expiresAt.minus(margin);
    }
    Entry e = new Entry(token, refreshAt, now.plus(minFetchInterval), rejectedSinceFetch);
    rejectedSinceFetch = false;
    entry.set(e);
    LOG.debug("token fetched; expires {}", expiresAt.equals(Instant.MAX) ? "never" : expiresAt);
    return e;
  }

  private static final class Entry {
    final IssuedToken token;
    final Instant refreshAt;
    /** Until then the token counts as fresh: no other fetch, no invalidation. */
    final Instant freshUntil;
    /** Fetched because the previous token was refused: while fresh, a 401 does not drop it. */
    final boolean replacedRejected;

    Entry(IssuedToken token, Instant refreshAt, Instant freshUntil, boolean replacedRejected) {
      this.replacedRejected = replacedRejected;
      this.token = token;
      this.refreshAt = refreshAt;
      this.freshUntil = freshUntil;
    }

    boolean isFresh(Instant now) {
      return now.isBefore(freshUntil);
    }

    boolean validAt(Instant now) {
      return now.isBefore(token.expiresAt());
    }
  }

  private static final class Failure {
    final ImException error;
    final Instant until;

    Failure(ImException error, Instant until) {
      this.error = error;
      this.until = until;
    }
  }
}
