package io.imfacade.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImConfig;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * What the services of one remote client share: the Retrofit API over the context's shared
 * OkHttpClient (authentication in the chain), the executor (rate limit, retries, deadline, error
 * mapping, redaction), and the order-preserving batch helpers. One per client; thread-safe. Every
 * REST provider builds its services on one of these instead of wiring the transport itself.
 *
 * <pre>{@code
 * RemoteCore<AcmeApi> core = RemoteCore.builder(AcmeApi.class)
 *     .metadata(METADATA).config(config).context(context)
 *     .baseUrl(HttpUrl.get("https://api.acme.example/v1/"))
 *     .rateLimiterKey("acme:" + appKey)
 *     .errorMapper(new AcmeErrorMapper())
 *     .bearerTokens(fetch -> new AcmeTokenSource(fetch))
 *     .build();
 * Profile p = core.call(Ops.GET, tag -> core.api().profile(tag, id));
 * }</pre>
 *
 * @param <A> the Retrofit interface of the vendor's API
 */
public final class RemoteCore<A> {

  /** Chunks of one batch call in flight at once; the shared rate limiter paces them anyway. */
  public static final int PARALLELISM = 4;

  private final String provider;
  private final ProviderContext context;
  private final A api;
  private final RestExecutor executor;
  /** The authenticated client, its credentials and the base URL the API uses, for {@link #endpoint}. */
  private final OkHttpClient http;
  private final @Nullable RequestAuth auth;
  private final HttpUrl baseUrl;
  private final ObjectMapper json;

  private RemoteCore(String provider, ProviderContext context, A api, RestExecutor executor, OkHttpClient http,
      @Nullable RequestAuth auth, HttpUrl baseUrl) {
    this.provider = provider;
    this.context = context;
    this.api = api;
    this.executor = executor;
    this.http = http;
    this.auth = auth;
    this.baseUrl = baseUrl;
    // The shared mapper itself, not a copy: endpoints only read with it, and its caches (of
    // deserializers) then serve every client in the JVM.
    this.json = HttpClients.sharedJson();
  }

  /** A builder of a core over the Retrofit interface {@code api}. */
  public static <A> Builder<A> builder(Class<A> api) {
    return new Builder<>(api);
  }

  /** The provider id. */
  public String provider() {
    return provider;
  }

  /** The vendor's API, authenticated. */
  public A api() {
    return api;
  }

  /**
   * A prepared endpoint for a hot call, which skips Retrofit's per-call request building (see
   * {@link Endpoint}) and goes through the same authenticated client.
   *
   * @param relativePath the path relative to the base URL, as in a Retrofit annotation (such as
   *     {@code metadata/user/get}); end it with {@code /} to append a path segment per call
   * @param answer the type a 2xx answer is read into, with the client's Jackson configuration
   * @param headers {@code "Name: value"} headers as in Retrofit's {@code @Headers}; as there, a
   *     {@code Content-Type} is the media type of the request body (of a form) rather than a header
   */
  public <T> Endpoint<T> endpoint(String relativePath, Class<T> answer, String... headers) {
    HttpUrl url = baseUrl.resolve(Objects.requireNonNull(relativePath, "relativePath"));
    if (url == null) {
      throw new IllegalArgumentException("not a relative path: " + relativePath);
    }
    Headers.Builder fixed = new Headers.Builder();
    MediaType formType = null;
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("a header is \"Name: value\", was " + header);
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Type")) {
        formType = MediaType.get(value);
      } else {
        fixed.add(name, value);
      }
    }
    return new Endpoint<>(http, auth, url, fixed.build(), formType, json, Objects.requireNonNull(answer, "answer"));
  }

  /** The shared resources of the client. */
  public ProviderContext context() {
    return context;
  }

  /** The clock of the context. */
  public Clock clock() {
    return context.clock();
  }

  /**
   * Runs one HTTP call of {@code op}.
   *
   * @param call builds the Retrofit call for one attempt, passing the tag to its {@code @Tag} parameter
   */
  public <T> T call(Operation op, Function<CallTag, Call<T>> call) {
    return executor.execute(op, call);
  }

  /** A batch read of {@code ids} in chunks of {@code chunkSize}, merged in the order of {@code ids}. */
  public <K, V> Map<K, V> readInOrder(List<K> ids, int chunkSize, Function<List<K>, Map<K, V>> read) {
    return Batches.readInOrder(context, ids, chunkSize, PARALLELISM, read);
  }

  /** Work on {@code items} in chunks of {@code chunkSize}; the first failure fails the call. */
  public <T, R> List<R> inChunks(List<T> items, int chunkSize, Function<List<T>, R> work) {
    return Batches.inChunks(context, items, chunkSize, PARALLELISM, work);
  }

  /** A batch write in chunks; every chunk runs, and each chunk's outcome comes back in order. */
  public <T, R> List<Batches.Settled<T, R>> writeSettled(List<T> items, int chunkSize, Function<List<T>, R> write) {
    return Batches.inChunksSettled(context, items, chunkSize, PARALLELISM, write);
  }

  /** Details naming this provider and {@code op}. */
  public ErrorDetails.Builder details(Operation op) {
    return ErrorDetails.builder().provider(provider).operation(op.name());
  }

  /** A {@link NotFoundException} of {@code op}. */
  public NotFoundException notFound(Operation op, String message) {
    return new NotFoundException(message, details(op).build());
  }

  /**
   * The failure for a success answer whose shape contradicts the documented one ({@code
   * {"data":"oops"}} where an object is documented): never "no data", never "all fine".
   */
  public ProviderUnavailableException malformed(Operation op, String what) {
    return new ProviderUnavailableException("the vendor's answer does not have the documented shape: " + what,
        details(op).retryable(false).build());
  }

  @Override
  public String toString() {
    return "RemoteCore{" + provider + '}';
  }

  /** What a token source may use to fetch tokens: the vendor's API without authentication. */
  public static final class TokenFetch {
    private final Retrofit retrofit;
    private final RestExecutor executor;

    private TokenFetch(Retrofit retrofit, RestExecutor executor) {
      this.retrofit = retrofit;
      this.executor = executor;
    }

    /** A Retrofit interface over the same base URL, without the bearer token. */
    public <B> B api(Class<B> type) {
      return retrofit.create(type);
    }

    /** Runs a token call with the client's rate limit, retries and error mapping. */
    public <T> T call(Operation op, Function<CallTag, Call<T>> call) {
      return executor.execute(op, call);
    }
  }

  /** Builds a {@link RemoteCore}. Not thread-safe. */
  public static final class Builder<A> {
    private final Class<A> apiType;
    private @Nullable ProviderMetadata metadata;
    private @Nullable ImConfig config;
    private @Nullable ProviderContext context;
    private @Nullable HttpUrl baseUrl;
    private @Nullable String rateLimiterKey;
    private @Nullable ErrorMapper errorMapper;
    private @Nullable Function<TokenFetch, TokenSource> tokens;
    private @Nullable Interceptor signer;
    private Duration refreshMargin = Duration.ofMinutes(5);
    private Duration negativeTtl = Duration.ofSeconds(5);
    private final List<String> secrets = new ArrayList<>();

    private Builder(Class<A> apiType) {
      this.apiType = Objects.requireNonNull(apiType, "api");
    }

    /** The provider's metadata: its id and default request rate (required). */
    public Builder<A> metadata(ProviderMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * The client's configuration (required): timeouts, retries, rate and rate-limit store from the
     * common keys, and its secrets ({@link ImConfig#secretValues()}), which are masked in
     * everything the vendor answers.
     */
    public Builder<A> config(ImConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      // The secret keys' values and the passwords inside URIs (rateLimit.redis.uri).
      secrets.addAll(config.secretValues());
      return this;
    }

    /** The shared resources: connection pool, rate limiters, clock (required). */
    public Builder<A> context(ProviderContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /** The base URL the API's relative paths resolve against; a trailing '/' is added (required). */
    public Builder<A> baseUrl(HttpUrl baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      this.baseUrl = baseUrl.encodedPath().endsWith("/") ? baseUrl : baseUrl.newBuilder().addPathSegment("").build();
      return this;
    }

    /**
     * The key of the app's rate limiter, shared by every client of that app, such as {@code
     * easemob:org#app} (required). It names the vendor app, never a secret: a shared store may keep
     * a hash of it.
     */
    public Builder<A> rateLimiterKey(String key) {
      this.rateLimiterKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The vendor's error mapper (required). */
    public Builder<A> errorMapper(ErrorMapper errorMapper) {
      this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
      return this;
    }

    /**
     * Bearer-token authentication with tokens from the source {@code tokens} builds (it may call
     * the vendor without authentication through the {@link TokenFetch}); cached by a {@link
     * TokenCache}. Exclusive with {@link #signer}.
     */
    public Builder<A> bearerTokens(Function<TokenFetch, TokenSource> tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      this.signer = null;
      return this;
    }

    /** How early before expiry a cached token is renewed, at most (default 5 minutes). */
    public Builder<A> tokenRefreshMargin(Duration margin) {
      this.refreshMargin = Objects.requireNonNull(margin, "margin");
      return this;
    }

    /**
     * An interceptor that signs every request (NetEase). When it is a {@link RequestAuth}, the
     * core's {@linkplain #endpoint endpoints} sign their requests with it directly. Exclusive with
     * {@link #bearerTokens}.
     */
    public Builder<A> signer(Interceptor signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      this.tokens = null;
      return this;
    }

    /** Further values to mask in answers (the configuration's secrets are masked already). */
    public Builder<A> secret(String value) {
      secrets.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The core. Does no I/O: the first token is fetched by the first call.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public RemoteCore<A> build() {
      ProviderMetadata m = require(metadata, "metadata");
      ImConfig c = require(config, "config");
      ProviderContext ctx = require(context, "context");
      HttpUrl url = require(baseUrl, "baseUrl");
      String limiterKey = require(rateLimiterKey, "rateLimiterKey");
      ErrorMapper mapper = require(errorMapper, "errorMapper");
      if (tokens == null && signer == null) {
        throw new IllegalStateException("RemoteCore needs bearerTokens or a signer");
      }
      String provider = m.id();
      HttpSettings settings = HttpSettings.from(c, m.defaultRequestsPerSecond().orElse(100));
      AppRateLimiter limiter = RateLimiterStores.limiterFor(ctx, c, limiterKey, settings.requestsPerSecond());
      RestExecutor executor = RestExecutor.builder()
          .provider(provider).settings(settings).rateLimiter(limiter).errorMapper(mapper)
          .redactor(Redactor.of(secrets)).clock(ctx.clock())
          .build();
      OkHttpClient shared = HttpClients.shared(ctx);
      OkHttpClient http;
      RequestAuth auth;
      if (tokens != null) {
        OkHttpClient plain = HttpClients.forClient(shared, provider, settings, null, null);
        TokenSource source = tokens.apply(new TokenFetch(HttpClients.retrofit(url.toString(), plain), executor));
        TokenCache cache = new TokenCache(source, ctx.clock(), refreshMargin, negativeTtl);
        BearerTokenAuth bearer = new BearerTokenAuth(cache, limiter);
        http = HttpClients.forClient(shared, provider, settings, bearer, bearer);
        auth = bearer;
      } else {
        http = HttpClients.forClient(shared, provider, settings, signer, null);
        auth = signer instanceof RequestAuth ? (RequestAuth) signer : null;
      }
      A api = HttpClients.retrofit(url.toString(), http).create(apiType);
      return new RemoteCore<>(provider, ctx, api, executor, http, auth, url);
    }

    private static <T> T require(@Nullable T value, String name) {
      if (value == null) {
        throw new IllegalStateException("RemoteCore needs " + name);
      }
      return value;
    }
  }

  /** A token that never expires, for a configured fixed token. */
  public static TokenSource fixedToken(String token) {
    IssuedToken issued = IssuedToken.of(token, Instant.MAX);
    return () -> issued;
  }
}
