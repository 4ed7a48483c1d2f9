package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** One client's transport wired the way a provider wires it, against a test server. */
final class Rig implements AutoCloseable {

  final ProviderContext context;
  final HttpSettings settings;
  final OkHttpClient client;
  final TestApi api;
  final TestErrorMapper mapper = new TestErrorMapper();
  final AppRateLimiter limiter;
  final RestExecutor executor;

  private Rig(Builder b) {
    this.context = b.context != null ? b.context : ProviderContext.create(b.time != null ? b.time : Clock.systemUTC());
    this.settings = HttpSettings.from(ImConfig.of(b.config), 1000);
    this.client = HttpClients.forClient(HttpClients.shared(context), "testvendor", settings, b.interceptors);
    this.api = HttpClients.retrofit(b.baseUrl, client).create(TestApi.class);
    this.limiter = b.limiter != null ? b.limiter
        : b.time != null ? new AppRateLimiter(b.appKey, settings.requestsPerSecond(), b.time, b.time::nanoTime, b.time)
        : AppRateLimiter.shared(context, b.appKey, settings.requestsPerSecond());
    RestExecutor.Builder eb = RestExecutor.builder()
        .provider("testvendor")
        .settings(settings)
        .rateLimiter(limiter)
        .tokenCache(b.tokens)
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
    if (context != ProviderContext.defaultContext()) {
      context.close();
    }
  }

  static final class Builder {
    private final String baseUrl;
    private final Map<String, String> config = new LinkedHashMap<>();
    private TokenCache tokens;
    private FakeTime time;
    private ProviderContext context;
    private AppRateLimiter limiter;
    private String appKey = "testvendor:app";
    private Interceptor[] interceptors = new Interceptor[0];

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

    Builder tokens(TokenCache tokens) {
      this.tokens = tokens;
      return this;
    }

    Builder time(FakeTime time) {
      this.time = time;
      return this;
    }

    Builder context(ProviderContext context) {
      this.context = context;
      return this;
    }

    Builder limiter(AppRateLimiter limiter) {
      this.limiter = limiter;
      return this;
    }

    Builder appKey(String appKey) {
      this.appKey = appKey;
      return this;
    }

    Builder interceptors(Interceptor... interceptors) {
      this.interceptors = interceptors;
      return this;
    }

    Rig build() {
      return new Rig(this);
    }
  }
}
