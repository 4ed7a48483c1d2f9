package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Gives every client the limiter of its vendor app from the right {@link RateLimiterStore}: the
 * store {@linkplain #register registered} in the client's {@link ProviderContext} if any, else the
 * one {@code rateLimit.store} names ({@code local} by default). {@link RemoteCore} calls {@link
 * #limiterFor} once per client; a provider that builds its own executor does the same.
 */
public final class RateLimiterStores {

  /**
   * The key of the registration object in a {@link ProviderContext}: use {@link #register}, which
   * is what this key holds.
   */
  public static final String CONTEXT_KEY = RateLimiterStore.class.getName();

  private static final String STORE_KEY_PREFIX = RateLimiterStore.class.getName() + '/';

  private RateLimiterStores() {}

  /**
   * Makes {@code store} the store of every client opened with {@code context} from now on, whatever
   * their {@code rateLimit.store} says, such as a Redis store built by the application. Apps whose
   * limiter exists already in the context keep it. A store that is {@link AutoCloseable} is closed
   * with the context.
   */
  public static void register(ProviderContext context, RateLimiterStore store) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(store, "store");
    context.shared(CONTEXT_KEY, Registration.class, Registration::new).set(store);
  }

  /**
   * The limiter of {@code appKey} in {@code context}: created by the store on first use with
   * {@code requestsPerSecond} (the vendor's limit; the store applies its headroom), then shared by
   * every client of that app in the context.
   *
   * @throws io.imfacade.error.ConfigurationException if {@code rateLimit.store} names no store on
   *     the classpath, or the store refuses its keys
   */
  public static AppRateLimiter limiterFor(ProviderContext context, ImConfig config, String appKey, double requestsPerSecond) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(appKey, "appKey");
    RateLimiterStore store = storeFor(context, config);
    store.check(config);
    AppRateLimiter limiter = context.shared(AppRateLimiter.contextKey(appKey), AppRateLimiter.class,
        () -> store.limiter(appKey, requestsPerSecond, config, context));
    if (limiter instanceof LocalRateLimiter) {
      ((LocalRateLimiter) limiter).logIfOtherRate(requestsPerSecond);
    }
    return limiter;
  }

  /** The store a client of {@code config} uses in {@code context}. */
  static RateLimiterStore storeFor(ProviderContext context, ImConfig config) {
    RateLimiterStore registered = context.shared(CONTEXT_KEY, Registration.class, Registration::new).get();
    if (registered != null) {
      return registered;
    }
    String id = config.get(ImConfig.RATE_LIMIT_STORE).orElse(RateLimiterStore.LOCAL).toLowerCase(Locale.ROOT);
    if (id.equals(RateLimiterStore.LOCAL)) {
      return LocalRateLimiterStore.INSTANCE;
    }
    // One store object per context: a remote store keeps its connections there, closed with it.
    return context.shared(STORE_KEY_PREFIX + id, RateLimiterStore.class, () -> load(id, config));
  }

  private static RateLimiterStore load(String id, ImConfig config) {
    List<String> found = new ArrayList<>();
    found.add(RateLimiterStore.LOCAL);
    for (RateLimiterStore store : ServiceLoader.load(RateLimiterStore.class, RateLimiterStore.class.getClassLoader())) {
      if (store.id().equals(id)) {
        return store;
      }
      found.add(store.id());
    }
    throw config.invalid(ImConfig.RATE_LIMIT_STORE, "the id of a rate-limit store on the classpath " + found
        + " (redis comes with the imfacade-ratelimit-redis module)");
  }

  /** The store an application registered in a context; none until then. */
  private static final class Registration implements AutoCloseable {
    private final AtomicReference<@Nullable RateLimiterStore> store = new AtomicReference<>();

    void set(RateLimiterStore value) {
      store.set(value);
    }

    @Nullable RateLimiterStore get() {
      return store.get();
    }

    @Override
    public void close() throws Exception {
      RateLimiterStore s = store.getAndSet(null);
      if (s instanceof AutoCloseable) {
        ((AutoCloseable) s).close();
      }
    }
  }
}
