package io.imfacade.ratelimit.redis.internal;

import io.imfacade.ImConfig;
import io.imfacade.http.Redactor;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code rateLimit.redis.*} settings of one client, checked without I/O. The URI keeps its
 * password; everything printed uses {@link #shownUri()} and {@link #redactor()}.
 *
 * @param uri the Redis URI as configured (may hold a password: never print it)
 * @param shownUri the URI with its user-info masked, for logs and messages
 * @param fallbackShare the share of an app's rate each instance uses while Redis is unreachable
 * @param timeout how long a permit waits for Redis before the instance falls back
 * @param redactor masks the URI's password in anything Redis or Lettuce says
 */
public record RedisSettings(String uri, String shownUri, double fallbackShare, Duration timeout, Redactor redactor) {

  /** Four instances at 0.25 each stay within the vendor's limit together. */
  public static final double DEFAULT_FALLBACK_SHARE = 0.25;
  /** Two round trips (GET and compare-and-swap) take well under a millisecond on a LAN. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);
  private static final long MAX_TIMEOUT_MS = 60_000;

  /** Validates. */
  public RedisSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(shownUri, "shownUri");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(redactor, "redactor");
    if (!(fallbackShare > 0 && fallbackShare <= 1)) {
      throw new IllegalArgumentException("fallbackShare must be above 0 and at most 1, was " + fallbackShare);
    }
  }

  /**
   * Reads the settings of {@code config}; {@code fixedUri}, when not null, replaces {@code
   * rateLimit.redis.uri} (a store the application built for one server).
   *
   * @throws io.imfacade.error.ConfigurationException naming the key of a bad or missing value
   */
  public static RedisSettings from(ImConfig config, @Nullable String fixedUri) {
    String uri = fixedUri != null ? fixedUri : config.require(ImConfig.RATE_LIMIT_REDIS_URI);
    try {
      RedisURI.create(uri);
    } catch (RuntimeException e) {
      // Lettuce's message may quote the URI: not kept, the masked value is shown instead.
      if (fixedUri != null) {
        throw new IllegalArgumentException("not a Redis URI: " + ImConfig.maskUserInfo(uri));
      }
      throw config.invalid(ImConfig.RATE_LIMIT_REDIS_URI, "a Redis URI such as redis://host:6379/0");
    }
    double share = config.getPositiveDouble(ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, DEFAULT_FALLBACK_SHARE);
    if (share > 1) {
      throw config.invalid(ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, "above 0 and at most 1");
    }
    long timeoutMs = config.getLong(ImConfig.RATE_LIMIT_REDIS_TIMEOUT_MS, DEFAULT_TIMEOUT.toMillis(), 1, MAX_TIMEOUT_MS);
    ImConfig secrets = ImConfig.of(Map.of("uri", uri));
    return new RedisSettings(uri, ImConfig.maskUserInfo(uri), share, Duration.ofMillis(timeoutMs),
        Redactor.of(secrets.secretValues()));
  }

  /** What links with these settings share: one connection per server and timeout. */
  public String linkKey() {
    return timeout.toMillis() + " " + uri;
  }

  @Override
  public String toString() {
    return "RedisSettings{" + shownUri + ", fallbackShare=" + fallbackShare + ", timeout=" + timeout.toMillis() + "ms}";
  }
}
