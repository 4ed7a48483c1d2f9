package io.imfacade.http;

import java.time.Instant;

/**
 * The client-side limit of requests per second of one vendor app, shared by every client of that
 * app in a {@link io.imfacade.spi.ProviderContext}: the executor takes one permit before each
 * attempt, and pauses the whole app when the vendor says it is blocked. Where the limit lives is
 * the {@link RateLimiterStore}'s business, chosen by {@code rateLimit.store}: {@link
 * LocalRateLimiter} in this JVM (the default), or a store shared by several instances of a service
 * (the {@code redis} store of {@code imfacade-ratelimit-redis}). Implementations are thread-safe.
 */
public interface AppRateLimiter {

  /**
   * The share of the vendor's rate a limiter actually uses. Vendors count requests in fixed
   * one-second windows of their own clock, and requests sent exactly {@code 1/rate} apart arrive a
   * few milliseconds apart from that: at 100% a window now and then receives one request too many
   * (seen against the NetEase simulator: one 416 and a 10-second block in a 300-call burst). Five
   * percent leaves about 50 ms of jitter per second before a window could overflow.
   */
  double JITTER_HEADROOM = 0.95;

  /**
   * Waits for a permit to send one request.
   *
   * @throws io.imfacade.error.RateLimitedException if no permit can be had before {@code deadline}
   * @throws io.imfacade.error.ImException if the thread is interrupted while it waits (the
   *     interrupt flag is kept)
   */
  void acquire(Instant deadline);

  /**
   * Holds every caller of this app until {@code until}: the vendor said the app is blocked (NetEase
   * 416, a 429 with a long {@code Retry-After}). A pause that ends earlier than the current one
   * changes nothing. Never throws for a store's trouble: a pause is advice, not a call.
   */
  void pauseUntil(Instant until);

  /**
   * The key under which the limiter of {@code appKey} is shared in a {@link
   * io.imfacade.spi.ProviderContext}, whatever its store: one limiter per app and context.
   */
  static String contextKey(String appKey) {
    return AppRateLimiter.class.getName() + '/' + appKey;
  }
}
