package io.imfacade.shengwang;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.easemob.EasemobFamily;
import io.imfacade.easemob.EasemobProvider;
import io.imfacade.error.ConfigurationException;
import io.imfacade.http.HttpSettings;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.VendorLimits;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Shengwang (声网, Agora Chat China) provider, id {@code shengwang}: the Easemob REST family
 * under {@code /app-id/{appId}}.
 *
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><td>{@code shengwang.baseUrl}</td><td>required: the REST host with its scheme, from the
 *       console</td></tr>
 *   <tr><td>{@code shengwang.appId}</td><td>required: the App ID</td></tr>
 *   <tr><td>{@code shengwang.appCertificate}</td><td>the App Certificate (32 hex characters):
 *       the client builds an AccessToken2 chat app token locally, valid {@value #TOKEN_LIFETIME_HOURS}
 *       hour, and builds a new one before it expires</td></tr>
 *   <tr><td>{@code shengwang.appToken}</td><td>or a fixed app token instead of the certificate</td></tr>
 * </table>
 *
 * <p>Plus the common {@code http.*}, {@code retry.*} and {@code rateLimit.requestsPerSecond}
 * (default {@value #DEFAULT_REQUESTS_PER_SECOND} per App ID).
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
  /** The vendor's documented request rate per App ID. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 100;
  /** Lifetime of the tokens built locally, in hours (the vendor allows up to 24). */
  public static final int TOKEN_LIFETIME_HOURS = 1;

  private static final Set<String> KEYS = Set.of(BASE_URL, APP_ID, APP_CERTIFICATE, APP_TOKEN);
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  /** Needed by {@link java.util.ServiceLoader}. */
  public ShengwangProvider() {}

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
    EasemobFamily.Builder builder = EasemobFamily.builder()
        .provider(ID)
        .context(context)
        .baseUrl(EasemobProvider.baseUrl(config, BASE_URL));
    String appId = EasemobProvider.appPathSegment(config, APP_ID);
    builder.appPath("app-id", appId)
        .settings(HttpSettings.from(config, DEFAULT_REQUESTS_PER_SECOND))
        .rateLimiterKey(ID + ":" + appId)
        .limits(VendorLimits.SHENGWANG)
        .capabilities(capabilities());
    Optional<String> token = config.get(APP_TOKEN);
    Optional<String> certificate = config.get(APP_CERTIFICATE);
    if (token.isPresent() && certificate.isPresent()) {
      throw new ConfigurationException("set either '" + APP_TOKEN + "' or '" + APP_CERTIFICATE + "', not both");
    }
    if (token.isPresent()) {
      builder.fixedToken(token.get());
    } else if (certificate.isPresent()) {
      if (!HEX32.matcher(appId).matches()) {
        throw config.invalid(APP_ID, "32 hex characters to build tokens from '" + APP_CERTIFICATE + "'");
      }
      if (!HEX32.matcher(certificate.get()).matches()) {
        throw config.invalid(APP_CERTIFICATE, "32 hex characters");
      }
      builder.tokenSource(new LocalTokenSource(appId, certificate.get(),
          Duration.ofHours(TOKEN_LIFETIME_HOURS), context.clock()));
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
