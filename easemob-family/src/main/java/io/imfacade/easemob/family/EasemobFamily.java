package io.imfacade.easemob.family;

import io.imfacade.ImConfig;
import io.imfacade.easemob.family.internal.FamilyClients;
import io.imfacade.http.RemoteCore;
import io.imfacade.http.TokenSource;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Builds a provider's client of the Easemob REST family: Easemob under {@code /{org}/{app}},
 * Shengwang (Agora Chat China) under {@code /app-id/{appId}}. One implementation of the five
 * services for every vendor of the family; the provider brings its metadata (id, limits,
 * capabilities, rate), the app's URL, how app tokens are obtained and how user tokens are made.
 *
 * <pre>{@code
 * ProviderClient client = EasemobFamily.builder(METADATA)
 *     .config(config)
 *     .context(context)
 *     .baseUrl(HttpUrl.get("https://a1.easemob.com"))
 *     .appPath("my-org", "my-app")
 *     .rateLimiterKey("easemob:my-org#my-app")
 *     .clientCredentials(clientId, clientSecret)
 *     .build();
 * }</pre>
 *
 * <p>The client is meant to run behind the neutral guard of {@link io.imfacade.ImFacade#open}: it
 * takes its input as clean and checks none of it. What it does beyond the neutral Javadoc:
 *
 * <ul>
 *   <li>Batch reads and writes are cut to the vendor's sizes from the metadata's limits (100
 *       profiles, 20 member writes, 10 member reads) and merged in input order; users are blocked
 *       50 per request, in order.
 *   <li>A batch write of member attributes reports every member's outcome, whatever happens to
 *       other chunks; it throws only when the group does not exist.
 *   <li>A success answer whose shape contradicts the documented one is a {@link
 *       io.imfacade.error.ProviderUnavailableException}, never "no data" or "all fine".
 *   <li>Every operation is safe to repeat after an ambiguous failure, so all are retried under the
 *       retry policy (reads, {@code PUT}s of the same values, {@code DELETE}s, adding a contact or
 *       blocking a user, fetching a token). Where the vendor's answer to a repeat is not
 *       documented and may be a refusal (adding a contact twice, blocking a blocked user), the
 *       refusal is followed by one read of the owner's list, and the call succeeds when the effect
 *       is in place.
 *   <li>Removing a contact or unblocking a user that is not there succeeds: a 404 or a refusal is
 *       followed by one read of the owner's list, which fails with {@link
 *       io.imfacade.error.NotFoundException} only when the owner does not exist.
 *   <li>Blocking users some of whom do not exist blocks every user that does, then throws a
 *       {@link io.imfacade.error.NotFoundException} naming the others, whether the vendor refuses a
 *       request with an unknown user as a whole, applies it in part, or skips the unknown user.
 *   <li>A profile update first reads the user's account ({@code GET users/{u}}), so that an
 *       unknown user is a {@link io.imfacade.error.NotFoundException} even if the vendor's
 *       attribute store would accept the write.
 *   <li>A remark for a non-contact (400 "updateRemark they are not friends, ...") is a {@link
 *       io.imfacade.error.NotFoundException}.
 *   <li>Registration reports every user whether the vendor fails an existing user alone or
 *       refuses the whole batch; a user registered without a password gets a generated one where
 *       the vendor requires it, returned once. Deleting an unknown user succeeds.
 *   <li>Adding and removing group members read the group first and after any unexplained answer,
 *       so every user's outcome is known ({@code ADDED}, {@code ALREADY_MEMBER}, {@code REMOVED},
 *       {@code NOT_A_MEMBER}, or the reason).
 * </ul>
 */
public final class EasemobFamily {

  private static final Pattern APP_PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");

  private EasemobFamily() {}

  /** A builder of a client that declares {@code metadata}. */
  public static Builder builder(ProviderMetadata metadata) {
    return new Builder(metadata);
  }

  /**
   * The base URL under {@code key}: http or https, no query or fragment.
   *
   * @throws io.imfacade.error.ConfigurationException naming the key otherwise
   */
  public static HttpUrl baseUrl(ImConfig config, String key) {
    HttpUrl url = HttpUrl.parse(config.require(key));
    if (url == null || url.query() != null || url.fragment() != null) {
      throw config.invalid(key, "an http:// or https:// URL without query or fragment");
    }
    return url;
  }

  /**
   * A value under {@code key} that becomes one path segment of the app's URL: letters, digits,
   * {@code _}, {@code -} and {@code .}, never {@code .} or {@code ..}.
   *
   * @throws io.imfacade.error.ConfigurationException naming the key otherwise
   */
  public static String appPathSegment(ImConfig config, String key) {
    String value = config.require(key);
    if (!APP_PATH_SEGMENT.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw config.invalid(key, "letters, digits, '_', '-' or '.'");
    }
    return value;
  }

  /** Builds one client. Not thread-safe. */
  public static final class Builder {
    private final ProviderMetadata metadata;
    private @Nullable ImConfig config;
    private @Nullable ProviderContext context;
    private @Nullable HttpUrl baseUrl;
    private final List<String> appPath = new ArrayList<>();
    private @Nullable String rateLimiterKey;
    private @Nullable TokenSource tokenSource;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private boolean passwordOptional;
    private @Nullable LocalUserTokens localUserTokens;
    private @Nullable String userTokensUnsupported;

    private Builder(ProviderMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** The client's configuration: transport settings and the secrets to mask (required). */
    public Builder config(ImConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The shared resources: connection pool, rate limiters, clock (required). */
    public Builder context(ProviderContext context) {
      this.context = Objects.requireNonNull(context, "context");
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

    /** Obtains tokens from {@code source}, such as Shengwang's locally built AccessToken2. */
    public Builder tokenSource(TokenSource source) {
      this.tokenSource = Objects.requireNonNull(source, "source");
      this.clientId = null;
      this.clientSecret = null;
      return this;
    }

    /** Uses a fixed app token that never expires as far as the client knows. */
    public Builder fixedToken(String token) {
      return tokenSource(RemoteCore.fixedToken(Objects.requireNonNull(token, "token")));
    }

    /** Fetches app tokens from {@code POST {app path}/token} with client credentials (Easemob). */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      this.tokenSource = null;
      return this;
    }

    /**
     * Registration may leave the password out, as Shengwang documents it (its body lists only
     * {@code username}): a user registered without a password is sent without one, and gets a
     * generated one only if the server insists. By default (Easemob) a missing password is
     * generated and returned.
     */
    public Builder passwordOptional() {
      this.passwordOptional = true;
      return this;
    }

    /**
     * User tokens are built locally by {@code tokens} (Shengwang's AccessToken2), after checking
     * that the user exists, instead of asking the vendor's token endpoint (Easemob, the default).
     */
    public Builder localUserTokens(LocalUserTokens tokens) {
      this.localUserTokens = Objects.requireNonNull(tokens, "tokens");
      this.userTokensUnsupported = null;
      return this;
    }

    /**
     * User tokens cannot be issued, for {@code reason}: the provider declares {@link
     * io.imfacade.Capability#ACCOUNT_TOKEN} unsupported with the same reason, so the guard never
     * asks.
     */
    public Builder userTokensUnsupported(String reason) {
      this.userTokensUnsupported = Objects.requireNonNull(reason, "reason");
      this.localUserTokens = null;
      return this;
    }

    /**
     * The client. Does no I/O: the first token is obtained by the first call.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public ProviderClient build() {
      ImConfig c = require(config, "config");
      ProviderContext ctx = require(context, "context");
      HttpUrl url = require(baseUrl, "baseUrl");
      String limiterKey = require(rateLimiterKey, "rateLimiterKey");
      if (appPath.isEmpty()) {
        throw new IllegalStateException("EasemobFamily needs the appPath");
      }
      Function<RemoteCore.TokenFetch, TokenSource> tokens;
      TokenSource source = tokenSource;
      if (source != null) {
        tokens = fetch -> source;
      } else if (clientId != null && clientSecret != null) {
        tokens = FamilyClients.clientCredentials(metadata, ctx, clientId, clientSecret);
      } else {
        throw new IllegalStateException("EasemobFamily needs a token source, a fixed token or client credentials");
      }
      HttpUrl.Builder appUrl = url.newBuilder();
      appPath.forEach(appUrl::addPathSegment);
      String label = metadata.id() + " " + String.join("/", appPath);
      return FamilyClients.open(metadata, c, ctx, appUrl.build(), limiterKey, tokens, label,
          new FamilyClients.AccountOptions(passwordOptional, localUserTokens, userTokensUnsupported));
    }

    private static <T> T require(@Nullable T value, String name) {
      if (value == null) {
        throw new IllegalStateException("EasemobFamily needs the " + name);
      }
      return value;
    }
  }
}
