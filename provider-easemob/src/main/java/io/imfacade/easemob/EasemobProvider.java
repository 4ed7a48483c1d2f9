package io.imfacade.easemob;

import io.imfacade.ImConfig;
import io.imfacade.easemob.family.EasemobFamily;
import io.imfacade.easemob.family.EasemobFamilyLimits;
import io.imfacade.error.ConfigurationException;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.util.Optional;

/**
 * The Easemob (环信) provider, id {@code easemob}: the Easemob REST family under {@code
 * /{org}/{app}}, with an app token fetched from {@code POST /{org}/{app}/token} with the client
 * credentials (cached and renewed before it expires), or a fixed app token.
 *
 * <p>Configuration: {@value #BASE_URL}, {@value #ORG_NAME} and {@value #APP_NAME} (required);
 * {@value #CLIENT_ID} with {@value #CLIENT_SECRET}, or {@value #APP_TOKEN}; plus the common {@code
 * http.*}, {@code retry.*} and {@code rateLimit.requestsPerSecond} (default 100, the vendor's
 * documented limit per app, shared by every client of the same app in a {@link ProviderContext}).
 * Every capability is offered. Everything is declared in {@link #METADATA}.
 */
public final class EasemobProvider implements ImProvider {

  /** The provider id. */
  public static final String ID = "easemob";
  /** The REST host with its scheme. */
  public static final String BASE_URL = "easemob.baseUrl";
  /** The organisation part of the app key. */
  public static final String ORG_NAME = "easemob.orgName";
  /** The application part of the app key. */
  public static final String APP_NAME = "easemob.appName";
  /** The app's client id. */
  public static final String CLIENT_ID = "easemob.clientId";
  /** The app's client secret. */
  public static final String CLIENT_SECRET = "easemob.clientSecret";
  /** A fixed app token, instead of the client credentials. */
  public static final String APP_TOKEN = "easemob.appToken";

  /** What this provider declares: keys, capabilities (all), limits, rate. */
  public static final ProviderMetadata METADATA = ProviderMetadata.builder(ID)
      .name("Easemob (环信)")
      .configKey(ConfigKey.required(BASE_URL, "the REST host with its scheme, such as https://a1.easemob.com"))
      .configKey(ConfigKey.required(ORG_NAME, "the organisation part of the app key org#app (first path segment)"))
      .configKey(ConfigKey.required(APP_NAME, "the application part of the app key org#app (second path segment)"))
      .configKey(ConfigKey.optional(CLIENT_ID, "the app's client id, to fetch app tokens (with " + CLIENT_SECRET + ")"))
      .configKey(ConfigKey.optional(CLIENT_SECRET, "the app's client secret, to fetch app tokens (with " + CLIENT_ID + ")"))
      .configKey(ConfigKey.optional(APP_TOKEN, "a fixed app token, instead of " + CLIENT_ID + " and " + CLIENT_SECRET))
      .limits(EasemobFamilyLimits.EASEMOB)
      .defaultRequestsPerSecond(EasemobFamilyLimits.REQUESTS_PER_SECOND)
      .build();

  /** Needed by {@link java.util.ServiceLoader}. */
  public EasemobProvider() {}

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  /**
   * Builds a client. Does no I/O.
   *
   * @throws ConfigurationException naming the key of a bad value or a missing combination (never
   *     showing a secret)
   */
  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    String org = EasemobFamily.appPathSegment(config, ORG_NAME);
    String app = EasemobFamily.appPathSegment(config, APP_NAME);
    EasemobFamily.Builder builder = EasemobFamily.builder(METADATA)
        .config(config)
        .context(context)
        .baseUrl(EasemobFamily.baseUrl(config, BASE_URL))
        .appPath(org, app)
        .rateLimiterKey(ID + ":" + org + "#" + app);
    Optional<String> token = config.get(APP_TOKEN);
    Optional<String> clientId = config.get(CLIENT_ID);
    Optional<String> clientSecret = config.get(CLIENT_SECRET);
    if (token.isPresent()) {
      if (clientId.isPresent() || clientSecret.isPresent()) {
        throw new ConfigurationException("set either '" + APP_TOKEN + "' or '" + CLIENT_ID + "' and '"
            + CLIENT_SECRET + "', not both");
      }
      builder.fixedToken(token.get());
    } else {
      if (clientId.isEmpty() && clientSecret.isEmpty()) {
        throw new ConfigurationException("missing required configuration key '" + CLIENT_ID + "' (with '"
            + CLIENT_SECRET + "'), or set '" + APP_TOKEN + "'");
      }
      builder.clientCredentials(config.require(CLIENT_ID), config.require(CLIENT_SECRET));
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "EasemobProvider";
  }
}
