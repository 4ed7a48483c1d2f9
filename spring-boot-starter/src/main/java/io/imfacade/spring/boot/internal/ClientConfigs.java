package io.imfacade.spring.boot.internal;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.spring.boot.ImfacadeProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the bound {@code imfacade.*} properties into the flat {@link ImConfig} of a client: {@code
 * imfacade.easemob.base-url} becomes {@code easemob.baseUrl}, durations become the milliseconds the
 * client keys expect. Unset properties are left out, so that the provider's defaults apply.
 */
public final class ClientConfigs {

  private ClientConfigs() {}

  /**
   * The client configuration of {@code properties}.
   *
   * @throws ConfigurationException if a key is set both by its own property and in {@code
   *     imfacade.config}, or a duration is negative
   */
  public static ImConfig of(ImfacadeProperties properties) {
    Map<String, String> keys = new TreeMap<>();
    put(keys, ImConfig.PROVIDER, properties.getProvider());
    put(keys, ImConfig.TENANT, properties.getTenant());

    ImfacadeProperties.Easemob easemob = properties.getEasemob();
    put(keys, "easemob.baseUrl", easemob.getBaseUrl());
    put(keys, "easemob.orgName", easemob.getOrgName());
    put(keys, "easemob.appName", easemob.getAppName());
    put(keys, "easemob.clientId", easemob.getClientId());
    put(keys, "easemob.clientSecret", easemob.getClientSecret());
    put(keys, "easemob.appToken", easemob.getAppToken());

    ImfacadeProperties.Shengwang shengwang = properties.getShengwang();
    put(keys, "shengwang.baseUrl", shengwang.getBaseUrl());
    put(keys, "shengwang.appId", shengwang.getAppId());
    put(keys, "shengwang.appCertificate", shengwang.getAppCertificate());
    put(keys, "shengwang.appToken", shengwang.getAppToken());

    ImfacadeProperties.Netease netease = properties.getNetease();
    put(keys, "netease.baseUrl", netease.getBaseUrl());
    put(keys, "netease.appKey", netease.getAppKey());
    put(keys, "netease.appSecret", netease.getAppSecret());

    ImfacadeProperties.Inmemory inmemory = properties.getInmemory();
    put(keys, "inmemory.limits", inmemory.getLimits());
    put(keys, "inmemory.users", inmemory.getUsers());
    put(keys, "inmemory.file", inmemory.getFile());

    ImfacadeProperties.Http http = properties.getHttp();
    putMillis(keys, ImConfig.HTTP_CONNECT_TIMEOUT_MS, http.getConnectTimeout(), "imfacade.http.connect-timeout");
    putMillis(keys, ImConfig.HTTP_READ_TIMEOUT_MS, http.getReadTimeout(), "imfacade.http.read-timeout");
    putMillis(keys, ImConfig.HTTP_CALL_TIMEOUT_MS, http.getCallTimeout(), "imfacade.http.call-timeout");

    ImfacadeProperties.Retry retry = properties.getRetry();
    put(keys, ImConfig.RETRY_MAX_ATTEMPTS, retry.getMaxAttempts());
    putMillis(keys, ImConfig.RETRY_INITIAL_BACKOFF_MS, retry.getInitialBackoff(), "imfacade.retry.initial-backoff");
    putMillis(keys, ImConfig.RETRY_MAX_BACKOFF_MS, retry.getMaxBackoff(), "imfacade.retry.max-backoff");

    ImfacadeProperties.RateLimit rateLimit = properties.getRateLimit();
    put(keys, ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, rateLimit.getRequestsPerSecond());
    put(keys, ImConfig.RATE_LIMIT_STORE, rateLimit.getStore());
    put(keys, ImConfig.RATE_LIMIT_REDIS_URI, rateLimit.getRedis().getUri());
    put(keys, ImConfig.RATE_LIMIT_REDIS_FALLBACK_SHARE, rateLimit.getRedis().getFallbackShare());
    putMillis(keys, ImConfig.RATE_LIMIT_REDIS_TIMEOUT_MS, rateLimit.getRedis().getTimeout(),
        "imfacade.rate-limit.redis.timeout");

    properties.getConfig().forEach((rawKey, value) -> {
      String key = camelCase(rawKey);
      if (keys.containsKey(key)) {
        throw new ConfigurationException("configuration key '" + key + "' is set twice: by its own imfacade.* "
            + "property and as imfacade.config[" + rawKey + "]; keep one");
      }
      put(keys, key, value);
    });
    return ImConfig.of(keys);
  }

  /**
   * {@code key} with each kebab-case segment in camelCase ({@code acme.api-key} is {@code
   * acme.apiKey}); other segments are kept as they are.
   */
  static String camelCase(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    boolean upperNext = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '-') {
        upperNext = true;
      } else {
        sb.append(upperNext ? String.valueOf(c).toUpperCase(Locale.ROOT) : String.valueOf(c));
        upperNext = false;
      }
    }
    return sb.toString();
  }

  private static void put(Map<String, String> keys, String key, Object value) {
    if (value != null && !value.toString().isBlank()) {
      keys.put(key, value.toString());
    }
  }

  private static void putMillis(Map<String, String> keys, String key, Duration value, String property) {
    if (value == null) {
      return;
    }
    if (value.isNegative()) {
      throw new ConfigurationException("property " + property + " must not be negative, was " + value);
    }
    keys.put(key, Long.toString(value.toMillis()));
  }
}
