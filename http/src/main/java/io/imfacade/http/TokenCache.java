package io.imfacade.http;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches a client's token: fetched on first use, refreshed ahead of expiry (after half its
 * lifetime, or {@code refreshMargin} before expiry, whichever comes first), fetched <b>once</b>
 * when many threads need it at the same moment (single flight), and after a failed fetch the
 * failure is remembered for a short {@code negativeTtl} so that a storm of callers does not hammer
 * the token endpoint. Thread-safe.
 *
 * <p>While a token is still valid but due for refresh, one caller refreshes it and the others keep
 * using the old one; only when no valid token is left do callers wait for the fetch.
 */
public final class TokenCache {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");

  private final TokenSource source;
  private final Clock clock;
  private final Duration refreshMargin;
  private final Duration negativeTtl;

  /** Held by the one thread that fetches; the others wait on it or skip it. */
  private final ReentrantLock fetchLock = new ReentrantLock();
  private final AtomicReference<Entry> entry = new AtomicReference<>();
  /** The last failed fetch, guarded by {@link #fetchLock}. */
  private volatile Failure failure;

  /**
   * A cache over {@code source}.
   *
   * @param refreshMargin refresh at the latest this long before expiry
   * @param negativeTtl how long a failed fetch is answered from memory
   */
  public TokenCache(TokenSource source, Clock clock, Duration refreshMargin, Duration negativeTtl) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
    this.negativeTtl = Objects.requireNonNull(negativeTtl, "negativeTtl");
    if (refreshMargin.isNegative() || negativeTtl.isNegative()) {
      throw new IllegalArgumentException("refreshMargin and negativeTtl must not be negative");
    }
  }

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
    // Compare the value: 50 threads that got a 401 with the same old token must not throw away the
    // fresh token the first of them already fetched.
    Entry removed = entry.getAndUpdate(e -> e != null && e.token.value().equals(rejected) ? null : e);
    if (removed != null && removed.token.value().equals(rejected)) {
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
      if (entry.get() != seen || rememberedFailure(now) != null) {
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
    try {
      fetchLock.lockInterruptibly();
    } catch (InterruptedException e) {
      throw Failures.interrupted(ErrorDetails.none(), "waiting for the token");
    }
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
      return install(fetch(now)).token.value();
    } finally {
      fetchLock.unlock();
    }
  }

  /** Calls the source; a failure is remembered for {@link #negativeTtl}. Caller holds the lock. */
  private IssuedToken fetch(Instant now) {
    try {
      IssuedToken token = source.fetch();
      if (token == null) {
        throw new ImException("the token source returned no token");
      }
      failure = null;
      return token;
    } catch (ImException e) {
      remember(e, now);
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
    if (!now.isBefore(expiresAt)) {
      refreshAt = expiresAt;
    } else {
      Instant halfLife = now.plus(Duration.between(now, expiresAt).dividedBy(2));
      Instant marginBefore = expiresAt.minus(refreshMargin);
      refreshAt = halfLife.isBefore(marginBefore) ? halfLife : marginBefore;
    }
    Entry e = new Entry(token, refreshAt);
    entry.set(e);
    LOG.debug("token fetched; expires {}", expiresAt.equals(Instant.MAX) ? "never" : expiresAt);
    return e;
  }

  private static final class Entry {
    final IssuedToken token;
    final Instant refreshAt;

    Entry(IssuedToken token, Instant refreshAt) {
      this.token = token;
      this.refreshAt = refreshAt;
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
