package io.imfacade;

import io.imfacade.error.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flat configuration of one client: {@code provider=easemob}, {@code easemob.appName=...}.
 * Immutable and thread-safe.
 *
 * <p>Values are trimmed; an empty value counts as absent. Keys whose last segment ends with {@code
 * Secret}, {@code Token}, {@code Certificate} or {@code Password} are secrets: {@link #toString()}
 * and every error message show {@code ****} instead of their values. The user-info of a URI in any
 * value ({@code redis://:password@host}) is a secret too: it is shown as {@code ****}, and {@link
 * #secretValues()} lists it for the redaction of everything a vendor or a server answers.
 *
 * <p>Which keys are allowed is checked when a client is opened ({@link ImFacade#open(ImConfig)}):
 * the common keys below plus the keys the chosen provider declares. Keys in other namespaces (say
 * {@code netease.*} while {@code provider=easemob}) are ignored, so that switching vendor is a
 * change of {@code provider} alone.
 */
public final class ImConfig {

  /** The provider id: {@code inmemory}, {@code easemob}, {@code shengwang}, {@code netease}. */
  public static final String PROVIDER = "provider";
  /** Optional tenant label for logs and metrics. */
  public static final String TENANT = "tenant";
  /** TCP connect timeout in milliseconds. */
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connectTimeoutMs";
  /** Socket read timeout in milliseconds. */
  public static final String HTTP_READ_TIMEOUT_MS = "http.readTimeoutMs";
  /** Deadline of one neutral call, retries included, in milliseconds. */
  public static final String HTTP_CALL_TIMEOUT_MS = "http.callTimeoutMs";
  /** Attempts per call, the first included; 1 means no retry. */
  public static final String RETRY_MAX_ATTEMPTS = "retry.maxAttempts";
  /** First backoff in milliseconds. */
  public static final String RETRY_INITIAL_BACKOFF_MS = "retry.initialBackoffMs";
  /** Largest backoff in milliseconds. */
  public static final String RETRY_MAX_BACKOFF_MS = "retry.maxBackoffMs";
  /** Client-side request rate limit per vendor app. */
  public static final String RATE_LIMIT_REQUESTS_PER_SECOND = "rateLimit.requestsPerSecond";
  /**
   * Where the per-app rate limits are kept: {@code local} (the default: one limiter per app in
   * this JVM) or {@code redis} (one limit per app shared by every instance of a service, from the
   * optional {@code imfacade-ratelimit-redis} module), or another store's id.
   */
  public static final String RATE_LIMIT_STORE = "rateLimit.store";
  /**
   * The Redis server of the {@code redis} store, {@code redis://[[user]:password@]host[:port][/db]}
   * (or {@code rediss://} for TLS). A password in it is treated as a secret: it is masked wherever
   * the configuration is shown ({@link #maskUserInfo}).
   */
  public static final String RATE_LIMIT_REDIS_URI = "rateLimit.redis.uri";
  /**
   * The share of each app's rate one instance uses on its own while Redis is unreachable, above 0
   * and at most 1 (default 0.25: four instances together stay within the limit).
   */
  public static final String RATE_LIMIT_REDIS_FALLBACK_SHARE = "rateLimit.redis.fallbackShare";
  /**
   * How long one Redis command of a permit is waited for, in milliseconds (default 100). A late
   * answer starts a probe; if Redis does not answer that either, the instance limits locally.
   */
  public static final String RATE_LIMIT_REDIS_TIMEOUT_MS = "rateLimit.redis.timeoutMs";

  /** The keys every provider accepts. */
  public static final Set<String> COMMON_KEYS = Set.of(
      PROVIDER, TENANT,
      HTTP_CONNECT_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS, HTTP_CALL_TIMEOUT_MS,
      RETRY_MAX_ATTEMPTS, RETRY_INITIAL_BACKOFF_MS, RETRY_MAX_BACKOFF_MS,
      RATE_LIMIT_REQUESTS_PER_SECOND, RATE_LIMIT_STORE,
      RATE_LIMIT_REDIS_URI, RATE_LIMIT_REDIS_FALLBACK_SHARE, RATE_LIMIT_REDIS_TIMEOUT_MS);

  /** The namespaces of the common keys; a provider id is never one of them. */
  public static final Set<String> COMMON_NAMESPACES = Set.of("http", "retry", "rateLimit");

  private static final String REDACTED = "****";

  /**
   * The user-info part of a URI ({@code scheme://user:password@}), up to the last {@code @} of the
   * word, so that a password holding an unencoded {@code /} or {@code @} is masked whole too.
   */
  private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^\\s]*)@");

  private final Map<String, String> values;

  private ImConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * A configuration from a map; keys are taken as they are.
   *
   * @throws ConfigurationException if a key is null or blank
   */
  public static ImConfig of(Map<String, String> map) {
    Objects.requireNonNull(map, "map");
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach((k, v) -> {
      if (k == null || k.isBlank()) {
        throw new ConfigurationException("configuration key must not be null or blank");
      }
      copy.put(k.trim(), v == null ? "" : v.trim());
    });
    return new ImConfig(copy);
  }

  /**
   * A configuration from {@link Properties}. With a prefix such as {@code "im."}, only keys that
   * start with it are taken, without it; a null or empty prefix takes every key.
   */
  public static ImConfig fromProperties(Properties properties, String prefix) {
    Objects.requireNonNull(properties, "properties");
    String p = prefix == null ? "" : prefix;
    TreeMap<String, String> map = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(p) && name.length() > p.length()) {
        map.put(name.substring(p.length()), properties.getProperty(name));
      }
    }
    return of(map);
  }

  /**
   * A configuration from a {@code .properties} file (UTF-8), with an optional key prefix.
   *
   * @throws ConfigurationException if the file cannot be read
   */
  public static ImConfig load(Path file, String prefix) {
    Objects.requireNonNull(file, "file");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage());
    }
    return fromProperties(properties, prefix);
  }

  /** A new empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  /** A copy with one key set (or removed, when {@code value} is null). */
  public ImConfig with(String key, String value) {
    return toBuilder().set(key, value).build();
  }

  /**
   * Whether a key holds a secret: its last segment ends with {@code Secret}, {@code Token}, {@code
   * Certificate} or {@code Password}, in any case.
   */
  public static boolean isSecretKey(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.endsWith("secret")
        || last.endsWith("token")
        || last.endsWith("certificate")
        || last.endsWith("password");
  }

  /**
   * {@code text} with the user-info part of every URI in it masked: {@code
   * redis://:pw@host:6379/0} becomes {@code redis://****@host:6379/0}. The user name goes too: a
   * URI such as {@code redis://pw@host} carries a password without a colon. Null stays null.
   */
  public static String maskUserInfo(String text) {
    if (text == null || text.indexOf("://") < 0) {
      return text;
    }
    return USER_INFO.matcher(text).replaceAll("$1" + REDACTED + "@");
  }

  /**
   * Every value that must never be shown, for redacting what servers answer: the values of the
   * secret keys, and the user-info of every URI in any value (whole, and the password after its
   * first {@code :}). Unmodifiable.
   */
  public Set<String> secretValues() {
    Set<String> secrets = new TreeSet<>();
    values.forEach((key, value) -> {
      if (value.isEmpty()) {
        return;
      }
      if (isSecretKey(key)) {
        secrets.add(value);
      }
      Matcher m = USER_INFO.matcher(value);
      while (m.find()) {
        String userInfo = m.group(2);
        if (!userInfo.isEmpty()) {
          secrets.add(userInfo);
          int colon = userInfo.indexOf(':');
          if (colon >= 0 && colon < userInfo.length() - 1) {
            secrets.add(userInfo.substring(colon + 1));
          }
        }
      }
    });
    return Collections.unmodifiableSet(secrets);
  }

  /**
   * The provider id.
   *
   * @throws ConfigurationException if {@code provider} is missing
   */
  public String provider() {
    return require(PROVIDER);
  }

  /** The tenant label, if set. */
  public Optional<String> tenant() {
    return get(TENANT);
  }

  /** Every key present, sorted, including keys with an empty value. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** The value of a key; empty when absent or empty. */
  public Optional<String> get(String key) {
    String v = values.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /**
   * The value of a required key.
   *
   * @throws ConfigurationException naming the key if it is missing or empty
   */
  public String require(String key) {
    return get(key).orElseThrow(() -> new ConfigurationException("missing required configuration key '" + key + "'"));
  }

  /**
   * An integer value, or {@code defaultValue} when absent.
   *
   * @throws ConfigurationException naming the key if the value is not an integer
   */
  public int getInt(String key, int defaultValue) {
    return (int) getLong(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * A long value within {@code [min, max]}, or {@code defaultValue} when absent.
   *
   * @throws ConfigurationException naming the key if the value is not a number in range
   */
  public long getLong(String key, long defaultValue, long min, long max) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    long v;
    try {
      v = Long.parseLong(raw.get());
    } catch (NumberFormatException e) {
      throw invalid(key, "an integer");
    }
    if (v < min || v > max) {
      throw invalid(key, "between " + min + " and " + max);
    }
    return v;
  }

  /**
   * A decimal value greater than zero, or {@code defaultValue} when absent.
   *
   * @throws ConfigurationException naming the key if the value is not a positive number
   */
  public double getPositiveDouble(String key, double defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      double v = Double.parseDouble(raw.get());
      if (v > 0 && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, "a positive number");
  }

  /** A duration given in milliseconds (at least 0), or {@code defaultValue} when absent. */
  public Duration getMillis(String key, Duration defaultValue) {
    Optional<String> raw = get(key);
    return raw.isEmpty() ? defaultValue : Duration.ofMillis(getLong(key, 0, 0, Long.MAX_VALUE));
  }

  /**
   * One of a fixed set of values (compared ignoring case), or {@code defaultValue} when absent.
   *
   * @throws ConfigurationException naming the key and the allowed values otherwise
   */
  public String getChoice(String key, String defaultValue, Set<String> allowed) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(raw.get())) {
        return a;
      }
    }
    throw invalid(key, "one of " + new TreeSet<>(allowed));
  }

  /** A {@link ConfigurationException} for a bad value: it shows the value unless it is a secret. */
  public ConfigurationException invalid(String key, String expectation) {
    String shown = isSecretKey(key) ? REDACTED : "'" + maskUserInfo(values.getOrDefault(key, "")) + "'";
    return new ConfigurationException("configuration key '" + key + "' must be " + expectation + ", was " + shown);
  }

  /** Every key and value, secrets included: handle with care. Unmodifiable. */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImConfig && values.equals(((ImConfig) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The keys and values with every secret's value, and every URI's user-info, replaced by {@code ****}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ImConfig{");
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=').append(isSecretKey(e.getKey()) ? REDACTED : maskUserInfo(e.getValue()));
    }
    return sb.append('}').toString();
  }

  /** Builds an {@link ImConfig}. Not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, String> values = new TreeMap<>();

    private Builder() {}

    /** Sets the provider id. */
    public Builder provider(String provider) {
      return set(PROVIDER, provider);
    }

    /** Sets a key; a null value removes it. */
    public Builder set(String key, String value) {
      Objects.requireNonNull(key, "key");
      if (value == null) {
        values.remove(key);
      } else {
        values.put(key, value);
      }
      return this;
    }

    /** Sets every key of the map. */
    public Builder setAll(Map<String, String> map) {
      map.forEach(this::set);
      return this;
    }

    /** The immutable configuration. */
    public ImConfig build() {
      return of(values);
    }
  }
}
