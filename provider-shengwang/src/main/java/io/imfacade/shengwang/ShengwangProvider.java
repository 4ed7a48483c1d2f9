package io.imfacade.shengwang;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.easemob.family.EasemobFamily;
import io.imfacade.easemob.family.EasemobFamilyLimits;
import io.imfacade.error.ConfigurationException;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Shengwang (声网, Agora Chat China) provider, id {@code shengwang}: the Easemob REST family
 * under {@code /app-id/{appId}}, authenticated with an AccessToken2 chat app token built locally
 * from the App Certificate (valid {@value #TOKEN_LIFETIME_HOURS} hour, rebuilt before it expires),
 * or a fixed app token.
 *
 * <p>Configuration: {@value #BASE_URL} and {@value #APP_ID} (required); {@value #APP_CERTIFICATE}
 * or {@value #APP_TOKEN}; plus the common {@code http.*}, {@code retry.*} and {@code
 * rateLimit.requestsPerSecond} (default 100 per App ID). Everything is declared in {@link
 * #METADATA}; every capability is offered, except that {@code accounts().issueToken} needs the
 * certificate: a client opened with a fixed app token only declares {@link
 * Capability#ACCOUNT_TOKEN} unsupported ({@link #metadata(ImConfig)}).
 *
 * <p>Accounts: Shengwang's registration body lists only {@code username} (facts §11), so a user
 * registered without a password is sent without one (a password is generated and returned only if
 * the server still asks for one); user tokens are AccessToken2 chat user tokens built locally
 * ({@link ChatAppTokenBuilder#buildUserToken}), at most 24 hours.
 */
public final class ShengwangProvider implements ImProvider {

  /** The provider id. */
  public static final String ID = "shengwang";
  /** The REST host with its scheme. */
  public static final String BASE_URL = "shengwang.baseUrl";
  /** The App ID. */
  public static final String APP_ID = "shengwang.appId";
  /** The App Certificate, to build tokens locally. */
  public static final String APP_CERTIFICATE = "shengwang.appCertificate";
  /** A fixed app token, instead of the certificate. */
  public static final String APP_TOKEN = "shengwang.appToken";
  /** Lifetime of the tokens built locally, in hours (the vendor allows up to 24, facts §13). */
  public static final int TOKEN_LIFETIME_HOURS = 1;

  /** What this provider declares: keys, capabilities (all; see {@link #metadata(ImConfig)}), limits, rate. */
  public static final ProviderMetadata METADATA = ProviderMetadata.builder(ID)
      .name("Shengwang (声网 Agora Chat)")
      .configKey(ConfigKey.required(BASE_URL, "the REST host with its scheme, from the console (访问域名)"))
      .configKey(ConfigKey.required(APP_ID, "the App ID (the path /app-id/{appId}); 32 hex characters to build tokens"))
      .configKey(ConfigKey.optional(APP_CERTIFICATE,
          "the App Certificate (32 hex characters): AccessToken2 app tokens are built from it locally"))
      .configKey(ConfigKey.optional(APP_TOKEN, "a fixed app token, instead of " + APP_CERTIFICATE))
      .limits(EasemobFamilyLimits.SHENGWANG)
      .defaultRequestsPerSecond(EasemobFamilyLimits.REQUESTS_PER_SECOND)
      .build();

  /** Why a client without the certificate cannot issue user tokens. */
  static final String NO_CERTIFICATE_REASON = "Shengwang user tokens are AccessToken2 tokens built from the App "
      + "Certificate, and this client was configured with a fixed app token ('" + APP_TOKEN + "') instead of '"
      + APP_CERTIFICATE + "'";

  private static final ProviderMetadata WITHOUT_CERTIFICATE = METADATA.toBuilder()
      .unsupported(Capability.ACCOUNT_TOKEN, NO_CERTIFICATE_REASON)
      .build();

  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  /** Needed by {@link java.util.ServiceLoader}. */
  public ShengwangProvider() {}

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  /**
   * {@link #METADATA}, without {@link Capability#ACCOUNT_TOKEN} when the configuration gives a
   * fixed app token and no certificate: user tokens are built from the certificate.
   */
  @Override
  public ProviderMetadata metadata(ImConfig config) {
    boolean certificate = config.get(APP_CERTIFICATE).isPresent();
    return !certificate && config.get(APP_TOKEN).isPresent() ? WITHOUT_CERTIFICATE : METADATA;
  }

  /**
   * Builds a client. Does no I/O.
   *
   * @throws ConfigurationException naming the key of a bad value or a missing combination (never
   *     showing a secret)
   */
  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    String appId = EasemobFamily.appPathSegment(config, APP_ID);
    EasemobFamily.Builder builder = EasemobFamily.builder(metadata(config))
        .config(config)
        .context(context)
        .baseUrl(EasemobFamily.baseUrl(config, BASE_URL))
        .appPath("app-id", appId)
        .rateLimiterKey(ID + ":" + appId)
        .passwordOptional();
    Optional<String> token = config.get(APP_TOKEN);
    Optional<String> certificate = config.get(APP_CERTIFICATE);
    if (token.isPresent() && certificate.isPresent()) {
      throw new ConfigurationException("set either '" + APP_TOKEN + "' or '" + APP_CERTIFICATE + "', not both");
    }
    if (token.isPresent()) {
      builder.fixedToken(token.get()).userTokensUnsupported(NO_CERTIFICATE_REASON);
    } else if (certificate.isPresent()) {
      if (!HEX32.matcher(appId).matches()) {
        throw config.invalid(APP_ID, "32 hex characters to build tokens from '" + APP_CERTIFICATE + "'");
      }
      if (!HEX32.matcher(certificate.get()).matches()) {
        throw config.invalid(APP_CERTIFICATE, "32 hex characters");
      }
      builder.tokenSource(new LocalTokenSource(appId, certificate.get(), Duration.ofHours(TOKEN_LIFETIME_HOURS),
          context.clock()))
          .localUserTokens(new ChatUserTokens(appId, certificate.get(), context.clock()));
    } else {
      throw new ConfigurationException("missing required configuration key '" + APP_CERTIFICATE + "', or set '"
          + APP_TOKEN + "'");
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "ShengwangProvider";
  }
}
