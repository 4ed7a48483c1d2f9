package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * One client's transport wired piece by piece the way {@link RemoteCore} wires it (shared client,
 * {@link HttpClients#forClient}, {@link BearerTokenAuth} over a {@link TokenCache} when given one,
 * {@link RestExecutor}), against a test server, with the seams a core does not open: a fake time
 * line for the executor and the limiter, a hand-made token cache.
 */
final class Rig implements AutoCloseable {

  private static final String APP_KEY = "testvendor:app";

  final ProviderContext context;
  final HttpSettings settings;
  final OkHttpClient client;
  final TestApi api;
  final TestErrorMapper mapper = new TestErrorMapper();
  final AppRateLimiter limiter;
  final RestExecutor executor;

  private Rig(Builder b) {
    this.context = ProviderContext.create(b.time != null ? b.time : Clock.systemUTC());
    this.settings = HttpSettings.from(ImConfig.of(b.config), 1000);
    this.limiter = b.time != null ? new LocalRateLimiter(APP_KEY, settings.requestsPerSecond(), b.time, b.time::nanoTime, b.time)
        : LocalRateLimiter.shared(context, APP_KEY, settings.requestsPerSecond());
    OkHttpClient shared = HttpClients.shared(context);
    if (b.tokens != null && b.interceptor != null) {
      throw new IllegalStateException("a client has one authentication interceptor: tokens or a signer");
    }
    BearerTokenAuth auth = b.tokens == null ? null : new BearerTokenAuth(b.tokens, limiter);
    this.client = auth != null
        ? HttpClients.forClient(shared, "testvendor", settings, auth, auth)
        : HttpClients.forClient(shared, "testvendor", settings, b.interceptor, null);
    this.api = HttpClients.retrofit(b.baseUrl, client).create(TestApi.class);
    RestExecutor.Builder eb = RestExecutor.builder()
        .provider("testvendor")
        .settings(settings)
        .rateLimiter(limiter)
        .errorMapper(mapper);
    if (b.time != null) {
      eb.clock(b.time).sleeper(b.time);
    }
    this.executor = eb.build();
  }

  static Builder to(String baseUrl) {
    return new Builder(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /** Connections of the shared pool that are checked out right now: must be 0 between calls. */
  int connectionsInUse() {
    return client.connectionPool().connectionCount() - client.connectionPool().idleConnectionCount();
  }

  @Override
  public void close() {
    context.close();
  }

  static final class Builder {
    private final String baseUrl;
    private final Map<String, String> config = new LinkedHashMap<>();
    private TokenCache tokens;
    private FakeTime time;
    private Interceptor interceptor;

    private Builder(String baseUrl) {
      this.baseUrl = baseUrl;
      config.put(ImConfig.PROVIDER, "testvendor");
      config.put(ImConfig.RETRY_INITIAL_BACKOFF_MS, "10");
      config.put(ImConfig.RETRY_MAX_BACKOFF_MS, "50");
    }

    Builder set(String key, String value) {
      config.put(key, value);
      return this;
    }

    /** Bearer-token authentication in the chain, over this cache. */
    Builder tokens(TokenCache tokens) {
      this.tokens = tokens;
      return this;
    }

    /** The executor's clock and sleeper, and the limiter's time line. */
    Builder time(FakeTime time) {
      this.time = time;
      return this;
    }

    /** An application interceptor in the slot of a signer (exclusive with {@link #tokens}). */
    Builder interceptor(Interceptor interceptor) {
      this.interceptor = interceptor;
      return this;
    }

    Rig build() {
      return new Rig(this);
    }
  }
}
