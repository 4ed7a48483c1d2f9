package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;

/** The built-in {@code local} store: a {@link LocalRateLimiter} per app and context. Stateless. */
final class LocalRateLimiterStore implements RateLimiterStore {

  static final LocalRateLimiterStore INSTANCE = new LocalRateLimiterStore();

  private LocalRateLimiterStore() {}

  @Override
  public String id() {
    return LOCAL;
  }

  @Override
  public AppRateLimiter limiter(String appKey, double requestsPerSecond, ImConfig config, ProviderContext context) {
    return LocalRateLimiter.forVendorRate(appKey, requestsPerSecond, context.clock());
  }

  @Override
  public String toString() {
    return "RateLimiterStore{local}";
  }
}
