package io.imfacade.spring.boot;

import io.imfacade.ImClient;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spring.boot.internal.NeutralErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of one {@link ImClient}: whether the vendor answers and accepts the credentials,
 * from one cheap read ({@code profiles().get} of a probe user id that need not exist), at most once
 * per {@code cacheTtl} however often health is asked. Between probes, the last result is answered;
 * while a probe runs, other callers get the previous result instead of waiting. The probe goes
 * through the client's own rate limiter, so it can never push the application over the vendor's
 * rate.
 *
 * <ul>
 *   <li><b>UP</b>: the read succeeded, the user is unknown ({@link NotFoundException}), or the vendor
 *       rate-limited it (detail {@code rateLimited: true}: reachable and throttled is not down, and
 *       taking instances out of service would not lower the load).
 *   <li><b>DOWN</b>: any other failure, with the neutral exception's type as the {@code error} detail
 *       ({@code AuthenticationException}, {@code ProviderUnavailableException}, ...), and the
 *       vendor's code and HTTP status when there are. Never the exception's message, so never a
 *       secret, a host name or a vendor's free text.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ImfacadeHealthIndicator implements HealthIndicator {

  private final ImClient client;
  private final String probeUserId;
  private final Duration cacheTtl;
  private final Clock clock;
  private final ReentrantLock probing = new ReentrantLock();
  private volatile Checked last;

  /**
   * An indicator of {@code client}.
   *
   * @param client the client to probe
   * @param probeUserId the user id to read; it need not exist
   * @param cacheTtl how long a result is reused, positive
   * @param clock the time source of the cache
   */
  public ImfacadeHealthIndicator(ImClient client, String probeUserId, Duration cacheTtl, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.probeUserId = Objects.requireNonNull(probeUserId, "probeUserId");
    this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (cacheTtl.isNegative() || cacheTtl.isZero()) {
      throw new IllegalArgumentException("imfacade.health.cache-ttl must be positive, was " + cacheTtl);
    }
  }

  @Override
  public Health health() {
    Checked previous = last;
    if (previous != null && previous.freshAt(clock.instant(), cacheTtl)) {
      return previous.health();
    }
    if (previous != null) {
      if (!probing.tryLock()) {
        return previous.health(); // another thread is probing: no second request, no waiting
      }
    } else {
      probing.lock(); // nothing to answer yet: wait for the first probe
    }
    try {
      Checked current = last;
      if (current != null && current.freshAt(clock.instant(), cacheTtl)) {
        return current.health();
      }
      Instant at = clock.instant();
      current = new Checked(probe(at), at);
      last = current;
      return current.health();
    } finally {
      probing.unlock();
    }
  }

  private Health probe(Instant at) {
    Health.Builder health;
    try {
      client.profiles().get(probeUserId);
      health = Health.up();
    } catch (NotFoundException e) {
      health = Health.up();
    } catch (RateLimitedException e) {
      health = Health.up().withDetail("rateLimited", true);
    } catch (ImException e) {
      Health.Builder down = Health.down().withDetail("error", NeutralErrors.typeOf(e));
      e.vendorCode().ifPresent(code -> down.withDetail("vendorCode", code));
      e.httpStatus().ifPresent(status -> down.withDetail("httpStatus", status));
      health = down;
    } catch (RuntimeException e) {
      health = Health.down().withDetail("error", NeutralErrors.typeOf(e));
    }
    return health.withDetail("provider", client.provider()).withDetail("checkedAt", at.toString()).build();
  }

  private record Checked(Health health, Instant at) {
    boolean freshAt(Instant now, Duration ttl) {
      return !now.isBefore(at) && now.isBefore(at.plus(ttl));
    }
  }
}
