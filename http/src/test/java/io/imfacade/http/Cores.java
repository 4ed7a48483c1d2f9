package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;

/**
 * {@link RemoteCore}s over {@link TestApi}, built as a provider builds them, against a test server.
 * Tests that need fake time give the context a {@link FakeTime} clock (the token cache and the
 * executor's deadlines read it) and, where a limiter must wait on that time line, register a
 * {@link #fakeLimiter} before the first core of the app is built.
 */
final class Cores {

  static final String PROVIDER = "testvendor";
  static final ProviderMetadata METADATA = ProviderMetadata.builder(PROVIDER).defaultRequestsPerSecond(1000).build();
  static final Operation TOKEN = Operation.nonIdempotent("token.fetch");

  private Cores() {}

  static Builder to(String baseUrl, ProviderContext context) {
    return new Builder(baseUrl, context);
  }

  /**
   * Registers, in {@code context}, a limiter of {@code appKey} that waits on {@code time}, so that
   * cores built afterwards share it. The key is {@link AppRateLimiter#contextKey}, the one every
   * store's limiter is shared under; {@link #assertSharedIs} checks that it was picked up.
   */
  static AppRateLimiter fakeLimiter(ProviderContext context, String appKey, FakeTime time, double rps) {
    return context.shared(AppRateLimiter.contextKey(appKey), AppRateLimiter.class,
        () -> new LocalRateLimiter(appKey, rps, time, time::nanoTime, time));
  }

  /** Fails unless the context's shared limiter of {@code appKey} is {@code expected}. */
  static void assertSharedIs(ProviderContext context, String appKey, AppRateLimiter expected) {
    if (LocalRateLimiter.shared(context, appKey, 1) != expected) {
      throw new AssertionError("the fake limiter of " + appKey + " is not the one the cores share");
    }
  }

  /**
   * A token source over the test server's {@code POST /token}, as a provider writes one: through
   * the {@link RemoteCore.TokenFetch} (no bearer token, the executor's retries and redaction), the
   * configured client secret in the body, the expiry from {@code expires_in} on {@code clock}.
   * Each token's value gets the fetch number appended, so that every fetch gives a new value.
   */
  static final class EndpointTokens implements TokenSource {
    final AtomicInteger fetches = new AtomicInteger();
    private final RemoteCore.TokenFetch fetch;
    private final TestApi api;
    private final Clock clock;
    private final String secret;

    EndpointTokens(RemoteCore.TokenFetch fetch, Clock clock, String secret) {
      this.fetch = fetch;
      this.api = fetch.api(TestApi.class);
      this.clock = clock;
      this.secret = secret;
    }

    @Override
    public IssuedToken fetch() {
      int n = fetches.incrementAndGet();
      TestApi.TokenAnswer answer = fetch.call(TOKEN,
          tag -> api.token(tag, Map.of("grant_type", "client_credentials", "client_id", "cid", "client_secret", secret)));
      return IssuedToken.of(answer.access_token + "-" + n, clock.instant().plusSeconds(answer.expires_in));
    }
  }

  static final class Builder {
    private final String baseUrl;
    private final ProviderContext context;
    private final Map<String, String> config = new LinkedHashMap<>();
    private String appKey = PROVIDER + ":app";
    private ErrorMapper mapper = new TestErrorMapper();
    private Function<RemoteCore.TokenFetch, TokenSource> tokens;
    private Interceptor signer;

    private Builder(String baseUrl, ProviderContext context) {
      this.baseUrl = baseUrl;
      this.context = Objects.requireNonNull(context);
      config.put(ImConfig.PROVIDER, PROVIDER);
      config.put(ImConfig.RETRY_INITIAL_BACKOFF_MS, "10");
      config.put(ImConfig.RETRY_MAX_BACKOFF_MS, "50");
    }

    Builder set(String key, String value) {
      config.put(key, value);
      return this;
    }

    Builder appKey(String appKey) {
      this.appKey = appKey;
      return this;
    }

    Builder mapper(ErrorMapper mapper) {
      this.mapper = mapper;
      return this;
    }

    Builder tokens(Function<RemoteCore.TokenFetch, TokenSource> tokens) {
      this.tokens = tokens;
      return this;
    }

    /** A fixed source, fetched through nothing. */
    Builder tokens(TokenSource source) {
      return tokens(fetch -> source);
    }

    Builder signer(Interceptor signer) {
      this.signer = signer;
      return this;
    }

    RemoteCore<TestApi> build() {
      RemoteCore.Builder<TestApi> b = RemoteCore.builder(TestApi.class)
          .metadata(METADATA)
          .config(ImConfig.of(config))
          .context(context)
          .baseUrl(HttpUrl.get(baseUrl))
          .rateLimiterKey(appKey)
          .errorMapper(mapper);
      if (signer != null) {
        b.signer(signer);
      } else {
        b.bearerTokens(tokens != null ? tokens : fetch -> new CountingTokenSource());
      }
      return b.build();
    }
  }
}
