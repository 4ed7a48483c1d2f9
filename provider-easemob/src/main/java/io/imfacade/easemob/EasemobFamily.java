package io.imfacade.easemob;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.ErrorMapper;
import io.imfacade.http.HttpClients;
import io.imfacade.http.HttpSettings;
import io.imfacade.http.IssuedToken;
import io.imfacade.http.RemoteImClient;
import io.imfacade.http.RestExecutor;
import io.imfacade.http.TokenCache;
import io.imfacade.http.TokenSource;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.VendorLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds clients of the Easemob REST family: Easemob under {@code /{org}/{app}}, Shengwang (Agora
 * Chat China) under {@code /app-id/{appId}}. One implementation of the three services, configured
 * by provider id, base URL and app path, token, limits and capabilities.
 *
 * <pre>{@code
 * ImClient client = EasemobFamily.builder()
 *     .provider("easemob")
 *     .context(context)
 *     .settings(HttpSettings.from(config, 100))
 *     .baseUrl(HttpUrl.get("https://a1.easemob.com"))
 *     .appPath("my-org", "my-app")
 *     .rateLimiterKey("easemob:my-org#my-app")
 *     .clientCredentials(clientId, clientSecret)
 *     .build();
 * }</pre>
 *
 * <p>What the clients do beyond the neutral Javadoc:
 *
 * <ul>
 *   <li>Every input is checked against the {@link VendorLimits} before any request; user ids are
 *       sent and returned in lower case.
 *   <li>Batch reads and writes are cut to the vendor's sizes (100 profiles, 20 member writes, 10
 *       member reads, 50 blocked users per request) and run at most 4 chunks at a time, merged in
 *       input order.
 *   <li>Every operation is safe to repeat after an ambiguous failure, so all are retried under the
 *       retry policy: reads; {@code PUT}s of the same values; {@code DELETE}s; adding a contact
 *       or blocking a user, which leave an existing relation as it is; fetching a token.
 *   <li>Removing a contact or unblocking a user that is not there succeeds: the vendor's 404 is
 *       followed by one read of the owner's list, which fails with {@link
 *       io.imfacade.error.NotFoundException} only when the owner does not exist.
 *   <li>A 401 invalidates the cached token, which is fetched (or built) once more, and the call is
 *       replayed once.
 * </ul>
 */
public final class EasemobFamily {

  /** At the latest this long before expiry a cached token is renewed. */
  static final Duration TOKEN_REFRESH_MARGIN = Duration.ofMinutes(5);
  /** How long a failed token fetch is answered from memory. */
  static final Duration TOKEN_NEGATIVE_TTL = Duration.ofSeconds(5);

  private EasemobFamily() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds one client. Not thread-safe. */
  public static final class Builder {
    private String provider;
    private ProviderContext context;
    private HttpSettings settings;
    private HttpUrl baseUrl;
    private final List<String> appPath = new ArrayList<>();
    private String rateLimiterKey;
    private VendorLimits limits = VendorLimits.EASEMOB;
    private EnumSet<Capability> capabilities = EnumSet.allOf(Capability.class);
    private TokenSource tokenSource;
    private String clientId;
    private String clientSecret;

    private Builder() {}

    /** The provider id for errors and logs, such as {@code easemob} (required). */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** The shared resources: connection pool, rate limiters, clock (required). */
    public Builder context(ProviderContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Timeouts, retries and the request rate (required). */
    public Builder settings(HttpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The REST host with its scheme, optionally with a path the app path goes below (required). */
    public Builder baseUrl(HttpUrl baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The path segments of the app below the base URL: {@code (org, app)} on Easemob, {@code
     * ("app-id", appId)} on Shengwang (required). Each is encoded as one segment.
     */
    public Builder appPath(String... segments) {
      appPath.clear();
      for (String s : segments) {
        appPath.add(Objects.requireNonNull(s, "segment"));
      }
      return this;
    }

    /**
     * The key of the app's rate limiter, shared by every client of the same app in the context,
     * such as {@code easemob:org#app} (required).
     */
    public Builder rateLimiterKey(String rateLimiterKey) {
      this.rateLimiterKey = Objects.requireNonNull(rateLimiterKey, "rateLimiterKey");
      return this;
    }

    /** The vendor's input limits (default {@link VendorLimits#EASEMOB}). */
    public Builder limits(VendorLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The optional operations the client offers (default: all). */
    public Builder capabilities(Set<Capability> capabilities) {
      this.capabilities = EnumSet.noneOf(Capability.class);
      this.capabilities.addAll(capabilities);
      return this;
    }

    /** Obtains tokens from {@code source} (Shengwang's locally built AccessToken2). */
    public Builder tokenSource(TokenSource source) {
      this.tokenSource = Objects.requireNonNull(source, "source");
      this.clientId = null;
      this.clientSecret = null;
      return this;
    }

    /** Uses a fixed app token that never expires as far as the client knows. */
    public Builder fixedToken(String token) {
      Objects.requireNonNull(token, "token");
      return tokenSource(() -> IssuedToken.of(token, Instant.MAX));
    }

    /** Fetches app tokens from {@code POST {app path}/token} with client credentials (Easemob). */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      this.tokenSource = null;
      return this;
    }

    /**
     * The client. Does no I/O: the first token is fetched by the first call.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public ImClient build() {
      require(provider, "provider");
      require(context, "context");
      require(settings, "settings");
      require(baseUrl, "baseUrl");
      require(rateLimiterKey, "rateLimiterKey");
      if (appPath.isEmpty()) {
        throw new IllegalStateException("appPath is required");
      }
      if (tokenSource == null && clientId == null) {
        throw new IllegalStateException("a token source, a fixed token or client credentials are required");
      }
      HttpUrl.Builder url = baseUrl.newBuilder();
      appPath.forEach(url::addPathSegment);
      HttpUrl appUrl = url.addPathSegment("").build(); // a trailing '/' for Retrofit's relative paths

      OkHttpClient http = HttpClients.forClient(HttpClients.shared(context), provider, settings);
      EasemobApi api = HttpClients.retrofit(appUrl.toString(), http).create(EasemobApi.class);
      AppRateLimiter limiter = AppRateLimiter.shared(context, rateLimiterKey, settings.requestsPerSecond());
      ErrorMapper errors = new EasemobErrorMapper(context.clock());

      TokenSource source = tokenSource;
      if (source == null) {
        RestExecutor tokenless = RestExecutor.builder()
            .provider(provider).settings(settings).rateLimiter(limiter).errorMapper(errors).clock(context.clock())
            .build();
        source = new ClientCredentialsTokenSource(provider, api, tokenless, context.clock(), clientId, clientSecret);
      }
      TokenCache tokens = new TokenCache(source, context.clock(), TOKEN_REFRESH_MARGIN, TOKEN_NEGATIVE_TTL);
      RestExecutor executor = RestExecutor.builder()
          .provider(provider).settings(settings).rateLimiter(limiter).tokenCache(tokens).errorMapper(errors)
          .clock(context.clock())
          .build();
      Family family = new Family(provider, limits, Collections.unmodifiableSet(EnumSet.copyOf(capabilities)),
          api, executor, context);
      return new RemoteImClient(provider, String.join("/", appPath), family.capabilities,
          new FamilyProfiles(family), new FamilyMemberAttributes(family), new FamilyContacts(family), family::close);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is required");
      }
    }
  }
}
