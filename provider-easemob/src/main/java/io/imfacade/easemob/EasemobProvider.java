package io.imfacade.easemob;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.http.HttpSettings;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.VendorLimits;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The Easemob (环信) provider, id {@code easemob}.
 *
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><td>{@code easemob.baseUrl}</td><td>required: the REST host with its scheme, such as
 *       {@code https://a1.easemob.com}</td></tr>
 *   <tr><td>{@code easemob.orgName}, {@code easemob.appName}</td><td>required: the app key
 *       {@code org#app}, the path {@code /{org}/{app}}</td></tr>
 *   <tr><td>{@code easemob.clientId}, {@code easemob.clientSecret}</td><td>the app credentials:
 *       the client fetches the app token from {@code POST /{org}/{app}/token}, caches it and renews
 *       it before it expires</td></tr>
 *   <tr><td>{@code easemob.appToken}</td><td>or a fixed app token instead of the credentials</td></tr>
 * </table>
 *
 * <p>Plus the common {@code http.*}, {@code retry.*} and {@code rateLimit.requestsPerSecond}
 * (default {@value #DEFAULT_REQUESTS_PER_SECOND}, the vendor's documented limit per app; shared by
 * every client of the same app in a {@link ProviderContext}).
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
  /** The vendor's documented request rate per app. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 100;

  private static final Set<String> KEYS = Set.of(BASE_URL, ORG_NAME, APP_NAME, CLIENT_ID, CLIENT_SECRET, APP_TOKEN);
  private static final Pattern APP_PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Needed by {@link java.util.ServiceLoader}. */
  public EasemobProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
  }

  @Override
  public Set<String> configKeys() {
    return KEYS;
  }

  @Override
  public ImClient create(ImConfig config, ProviderContext context) {
    HttpUrl baseUrl = baseUrl(config, BASE_URL);
    String org = appPathSegment(config, ORG_NAME);
    String app = appPathSegment(config, APP_NAME);
    HttpSettings settings = HttpSettings.from(config, DEFAULT_REQUESTS_PER_SECOND);
    EasemobFamily.Builder builder = EasemobFamily.builder()
        .provider(ID)
        .context(context)
        .settings(settings)
        .baseUrl(baseUrl)
        .appPath(org, app)
        .rateLimiterKey(ID + ":" + org + "#" + app)
        .limits(VendorLimits.EASEMOB)
        .capabilities(capabilities());
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

  /**
   * The base URL under {@code key}: http or https, no query or fragment.
   *
   * @throws ConfigurationException naming the key otherwise
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
   * @throws ConfigurationException naming the key otherwise
   */
  public static String appPathSegment(ImConfig config, String key) {
    String value = config.require(key);
    if (!APP_PATH_SEGMENT.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw config.invalid(key, "letters, digits, '_', '-' or '.'");
    }
    return value;
  }

  @Override
  public String toString() {
    return "EasemobProvider";
  }
}
