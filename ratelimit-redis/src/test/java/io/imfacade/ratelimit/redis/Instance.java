package io.imfacade.ratelimit.redis;

import io.imfacade.ImConfig;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.RateLimiterStores;
import io.imfacade.ratelimit.redis.internal.RedisRateLimiter;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of a service, inside the test JVM: its own {@link ProviderContext} (so its own
 * store, Redis connection and fallback), configured the way users do with {@code rateLimit.*}.
 */
final class Instance implements AutoCloseable {

  /** The {@code rateLimit.redis.timeoutMs} of {@link #redis} unless a test sets its own. */
  static final int PATIENT_TIMEOUT_MS = 1000;

  final ProviderContext context = ProviderContext.create();
  final ImConfig config;

  private Instance(ImConfig config) {
    this.config = config;
  }

  /**
   * An instance whose limiters live in the Redis at {@code uri}, with further keys. Unless they
   * set {@code rateLimit.redis.timeoutMs}, it is {@value #PATIENT_TIMEOUT_MS} ms, not the default
   * 100: a busy 2-core test machine can hold a thread up for longer than that, and a late answer
   * taken for an outage would put the instance on its fallback in a test about something else.
   * The tests of a slow Redis set the timeout they are about.
   */
  static Instance redis(String uri, String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(ImConfig.RATE_LIMIT_STORE, "redis");
    map.put(ImConfig.RATE_LIMIT_REDIS_URI, uri);
    map.put(ImConfig.RATE_LIMIT_REDIS_TIMEOUT_MS, Integer.toString(PATIENT_TIMEOUT_MS));
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Instance(ImConfig.of(map));
  }

  /** An instance with local limiters. */
  static Instance local() {
    return new Instance(ImConfig.of(Map.of()));
  }

  /** The limiter of {@code appKey} for a vendor limit of {@code rps}, as RemoteCore gets it. */
  AppRateLimiter limiter(String appKey, double rps) {
    return RateLimiterStores.limiterFor(context, config, appKey, rps);
  }

  /**
   * The Redis limiter of {@code appKey}, returned once it shares the limit through Redis (a permit
   * taken, the first connection made). A test that starts from a shared limiter waits for it:
   * on a busy machine the first connection may miss its deadline, and the limiter then starts on
   * its fallback until the next probe.
   */
  RedisRateLimiter onRedis(String appKey, double rps) {
    RedisRateLimiter limiter = (RedisRateLimiter) limiter(appKey, rps);
    Await.until(() -> {
      limiter.acquire(Instant.now().plusSeconds(5));
      return limiter.isShared();
    }, Duration.ofSeconds(20));
    return limiter;
  }

  @Override
  public void close() {
    context.close();
  }
}
