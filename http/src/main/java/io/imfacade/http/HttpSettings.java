package io.imfacade.http;

import io.imfacade.ImConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The transport settings of one client, read from the common configuration keys ({@code http.*},
 * {@code retry.*}, {@code rateLimit.*}). Immutable.
 */
public final class HttpSettings {

  /** Default TCP connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Default socket read timeout. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  /** Default deadline of one neutral call, retries included. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  /** OkHttp takes timeouts as int milliseconds. */
  private static final long MAX_TIMEOUT_MS = Integer.MAX_VALUE;
  /** A backoff longer than ten minutes is a configuration mistake, not a policy. */
  private static final long MAX_BACKOFF_MS = 600_000;

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final double requestsPerSecond;

  private HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retryPolicy, double requestsPerSecond) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.retryPolicy = retryPolicy;
    this.requestsPerSecond = requestsPerSecond;
  }

  /**
   * Reads the settings; absent keys take the defaults, and {@code rateLimit.requestsPerSecond}
   * defaults to {@code defaultRequestsPerSecond} (the vendor's documented limit).
   *
   * @throws io.imfacade.error.ConfigurationException naming the key of a bad value
   */
  public static HttpSettings from(ImConfig config, double defaultRequestsPerSecond) {
    Objects.requireNonNull(config, "config");
    if (!(defaultRequestsPerSecond > 0) || Double.isInfinite(defaultRequestsPerSecond)) {
      throw new IllegalArgumentException("defaultRequestsPerSecond must be a positive number, was " + defaultRequestsPerSecond);
    }
    Duration connect = millis(config, ImConfig.HTTP_CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT);
    Duration read = millis(config, ImConfig.HTTP_READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT);
    Duration call = millis(config, ImConfig.HTTP_CALL_TIMEOUT_MS, DEFAULT_CALL_TIMEOUT);

    RetryPolicy defaults = RetryPolicy.defaults();
    int maxAttempts = (int) config.getLong(ImConfig.RETRY_MAX_ATTEMPTS, defaults.maxAttempts(), 1, RetryPolicy.MAX_ATTEMPTS_LIMIT);
    long initialMs = config.getLong(ImConfig.RETRY_INITIAL_BACKOFF_MS, defaults.initialBackoff().toMillis(), 0, MAX_BACKOFF_MS);
    long maxMs = config.getLong(ImConfig.RETRY_MAX_BACKOFF_MS, Math.max(initialMs, defaults.maxBackoff().toMillis()), 0, MAX_BACKOFF_MS);
    if (maxMs < initialMs) {
      throw config.invalid(ImConfig.RETRY_MAX_BACKOFF_MS, "at least " + ImConfig.RETRY_INITIAL_BACKOFF_MS + " (" + initialMs + ")");
    }
    RetryPolicy retry = RetryPolicy.of(maxAttempts, Duration.ofMillis(initialMs), Duration.ofMillis(maxMs));

    double rps = config.getPositiveDouble(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, defaultRequestsPerSecond);
    return new HttpSettings(connect, read, call, retry, rps);
  }

  private static Duration millis(ImConfig config, String key, Duration defaultValue) {
    // At least 1 ms: OkHttp reads 0 as "no timeout", which is never what a typo of 0 meant.
    return Duration.ofMillis(config.getLong(key, defaultValue.toMillis(), 1, MAX_TIMEOUT_MS));
  }

  /** TCP connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Socket read timeout of one attempt. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Deadline of one neutral call, all attempts and waits included. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** The retry policy. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The client-side request rate per vendor app. */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  @Override
  public String toString() {
    return "HttpSettings{connectTimeout=" + connectTimeout.toMillis() + "ms, readTimeout=" + readTimeout.toMillis()
        + "ms, callTimeout=" + callTimeout.toMillis() + "ms, " + retryPolicy + ", requestsPerSecond=" + requestsPerSecond + '}';
  }
}
