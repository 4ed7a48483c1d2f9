package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;

/**
 * Where the per-app rate limiters keep their state: the service behind {@code rateLimit.store}.
 * {@code local} (a {@link LocalRateLimiter} in this JVM) is built in; other stores are found with
 * {@link java.util.ServiceLoader} (a jar lists its class in {@code
 * META-INF/services/io.imfacade.http.RateLimiterStore}), such as {@code redis} from {@code
 * imfacade-ratelimit-redis}, which shares one limit per app among every instance of a service.
 *
 * <p>{@link RateLimiterStores} creates one store object per {@link ProviderContext} and store id
 * (a public no-argument constructor), closes it with the context when it is {@link AutoCloseable},
 * and shares each limiter per context and app key: 50 clients of one app in one context share one
 * limiter, and the first client of an app in a context sets its rate. An application can also
 * {@linkplain RateLimiterStores#register register} a store object in a context, which then wins
 * over {@code rateLimit.store} for every client of that context.
 *
 * <p>Implementations are thread-safe.
 */
public interface RateLimiterStore {

  /** The id of the built-in store, the default of {@code rateLimit.store}. */
  String LOCAL = "local";

  /** The value of {@code rateLimit.store} that selects this store, in lower case. */
  String id();

  /**
   * Checks this store's configuration keys ({@code rateLimit.<id>.*}) of a client, for every client
   * opened, so that a mistake surfaces when the client is opened even if the app's limiter exists
   * already. Does no I/O. The default accepts everything.
   *
   * @throws io.imfacade.error.ConfigurationException naming the key of a bad or missing value
   */
  default void check(ImConfig config) {}

  /**
   * A new limiter of the vendor app {@code appKey} (such as {@code netease:<appKey>}), whose vendor
   * admits {@code requestsPerSecond}; the limiter keeps under it with the headroom of {@link
   * AppRateLimiter#JITTER_HEADROOM}. Called once per app key and context, from inside {@link
   * ProviderContext#shared}: it must not call {@code context.shared} itself, and must not block on
   * I/O (a remote store connects in the background and limits locally until it can).
   *
   * @param config the configuration of the first client of the app in the context
   * @throws io.imfacade.error.ConfigurationException naming the key of a bad or missing value
   */
  AppRateLimiter limiter(String appKey, double requestsPerSecond, ImConfig config, ProviderContext context);
}
