package io.imfacade.ratelimit.redis;

import io.imfacade.ImConfig;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.RateLimiterStore;
import io.imfacade.ratelimit.redis.internal.RedisLinks;
import io.imfacade.ratelimit.redis.internal.RedisRateLimiter;
import io.imfacade.ratelimit.redis.internal.RedisSettings;
import io.imfacade.spi.ProviderContext;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code redis} rate-limit store: every instance of a service that calls a vendor with the
 * same app key shares one request rate for that app, and a vendor pause seen by one instance
 * (NetEase 416, a 429 with a long {@code Retry-After}) pauses them all, once, for the vendor's time.
 *
 * <p>Chosen by configuration, with no code change:
 *
 * <pre>
 * rateLimit.store=redis
 * rateLimit.redis.uri=redis://:password@redis.internal:6379/0
 * </pre>
 *
 * or registered by the application in its context, which then wins over {@code rateLimit.store}:
 * {@code RateLimiterStores.register(context, RedisRateLimiterStore.forUri("redis://..."))}.
 *
 * <p>Optional keys: {@code rateLimit.redis.fallbackShare} (default 0.25) is the share of each
 * app's rate one instance uses on its own while Redis is unreachable; {@code
 * rateLimit.redis.timeoutMs} (default 100) is how long a permit waits for Redis before that
 * fallback. Redis trouble never stops the app: the instance logs one warning, limits locally,
 * keeps every call within its deadline, and goes back to Redis by itself (one info line).
 *
 * <p>Per app the store keeps one token bucket, {@code imfacade:rl:{<hash of the app key>}}, and
 * while paused {@code imfacade:rl:{<hash>}:pause}; both expire on their own. No token, secret or
 * app key is written to Redis. One connection per Redis server and context. Thread-safe; closed
 * with the {@link ProviderContext} it was created for.
 */
public final class RedisRateLimiterStore implements RateLimiterStore, AutoCloseable {

  /** The value of {@code rateLimit.store} that selects this store. */
  public static final String ID = "redis";

  private final @Nullable String uri;
  private final RedisLinks links = new RedisLinks();

  /** The store {@link java.util.ServiceLoader} creates: the URI comes from each client's {@code rateLimit.redis.uri}. */
  public RedisRateLimiterStore() {
    this.uri = null;
  }

  private RedisRateLimiterStore(String uri) {
    this.uri = uri;
  }

  /**
   * A store on the Redis server at {@code uri}, whatever {@code rateLimit.redis.uri} says, for
   * {@link io.imfacade.http.RateLimiterStores#register}. Connects on first use.
   *
   * @throws IllegalArgumentException if {@code uri} is not a Redis URI
   */
  public static RedisRateLimiterStore forUri(String uri) {
    Objects.requireNonNull(uri, "uri");
    RedisSettings.from(ImConfig.of(Map.of()), uri);
    return new RedisRateLimiterStore(uri);
  }

  @Override
  public String id() {
    return ID;
  }

  /** Checks {@code rateLimit.redis.*}: the URI present and valid, the share and timeout in range. */
  @Override
  public void check(ImConfig config) {
    RedisSettings.from(config, uri);
  }

  @Override
  public AppRateLimiter limiter(String appKey, double requestsPerSecond, ImConfig config, ProviderContext context) {
    RedisSettings settings = RedisSettings.from(config, uri);
    return new RedisRateLimiter(appKey, requestsPerSecond, links.linkFor(settings), context.clock());
  }

  /** Closes the connections; limiters made by this store limit locally from then on. */
  @Override
  public void close() {
    links.close();
  }

  @Override
  public String toString() {
    return "RedisRateLimiterStore{" + (uri == null ? "rateLimit.redis.uri" : ImConfig.maskUserInfo(uri)) + '}';
  }
}
