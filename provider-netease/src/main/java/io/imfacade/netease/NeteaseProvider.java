package io.imfacade.netease;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.netease.internal.NeteaseClients;
import io.imfacade.netease.internal.NeteaseLimits;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The NetEase Yunxin (网易云信) provider, id {@code netease}, over the v1 server API: form-encoded
 * {@code POST {baseUrl}/nimserver/<path>.action}, every request signed with the {@code AppKey},
 * {@code Nonce}, {@code CurTime} and {@code CheckSum} headers.
 *
 * <p>Configuration: {@value #BASE_URL} (default {@value #DEFAULT_BASE_URL}; international apps use
 * {@code https://api-sg.netease.im}), {@value #APP_KEY} and {@value #APP_SECRET} (required; the
 * secret never leaves the process and is never logged), plus the common {@code http.*}, {@code
 * retry.*} and {@code rateLimit.requestsPerSecond} (default {@value #DEFAULT_REQUESTS_PER_SECOND},
 * NetEase's documented rate, which it enforces by blocking the app for 10 s; the limit is shared
 * by every client of one app key in a {@link ProviderContext}).
 *
 * <p>Capabilities: member attributes (a JSON object in each team member's {@code custom} string),
 * contact remarks (the friend's {@code alias}), block lists, the user's password (NetEase's login
 * {@code token}, set with {@code user/update.action}) and tokens ({@code user/refreshToken.action}:
 * a new token that lasts until it is replaced). Not offered: profile custom attributes, the total
 * profile size and account deletion (NetEase has none). Groups are advanced teams. Everything is
 * declared in {@link #METADATA}.
 */
public final class NeteaseProvider implements ImProvider {

  /** The provider id. */
  public static final String ID = "netease";
  /** The API host with its scheme. */
  public static final String BASE_URL = "netease.baseUrl";
  /** The app key. */
  public static final String APP_KEY = "netease.appKey";
  /** The app secret. */
  public static final String APP_SECRET = "netease.appSecret";
  /** The default API host. */
  public static final String DEFAULT_BASE_URL = "https://api.netease.im";
  /** The vendor's documented request rate per app (netease-facts §7). */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 100;

  /** What this provider declares: keys, missing capabilities with their reasons, limits, rate. */
  public static final ProviderMetadata METADATA = ProviderMetadata.builder(ID)
      .name("NetEase Yunxin (网易云信)")
      .configKey(ConfigKey.withDefault(BASE_URL, DEFAULT_BASE_URL,
          "the API host with its scheme, without /nimserver (the client adds it)"))
      .configKey(ConfigKey.required(APP_KEY, "the app key, sent as the AppKey header"))
      .configKey(ConfigKey.required(APP_SECRET, "the app secret every request's CheckSum is computed with"))
      .unsupported(Capability.PROFILE_CUSTOM_ATTRIBUTES,
          "a NetEase user card has a fixed set of fields; put free data into ext")
      .unsupported(Capability.PROFILE_TOTAL_SIZE, "NetEase has no API that reports the storage used by user cards")
      .unsupported(Capability.ACCOUNT_DELETE, NeteaseClients.NO_ACCOUNT_DELETION)
      .limits(NeteaseLimits.LIMITS)
      .defaultRequestsPerSecond(DEFAULT_REQUESTS_PER_SECOND)
      .build();

  /** Needed by {@link java.util.ServiceLoader}. */
  public NeteaseProvider() {}

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  /**
   * Builds a client. Does no I/O.
   *
   * @throws io.imfacade.error.ConfigurationException naming the key of a bad value (never showing
   *     the secret)
   */
  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    HttpUrl baseUrl = baseUrl(config);
    String appKey = headerSafe(config, APP_KEY);
    // Only the CheckSum derived from it travels; still, a secret with a line break is a paste error.
    String appSecret = headerSafe(config, APP_SECRET);
    return NeteaseClients.open(METADATA, config, context, baseUrl, appKey, appSecret);
  }

  private static HttpUrl baseUrl(ImConfig config) {
    HttpUrl url = HttpUrl.parse(config.get(BASE_URL).orElse(DEFAULT_BASE_URL));
    if (url == null || url.query() != null || url.fragment() != null) {
      throw config.invalid(BASE_URL, "an http:// or https:// URL without query or fragment");
    }
    List<String> segments = url.pathSegments();
    String last = segments.get(segments.size() - 1);
    if (last.isEmpty() && segments.size() > 1) {
      last = segments.get(segments.size() - 2);
    }
    if (last.equals("nimserver")) {
      // The official SDK's base URLs end with /nimserver; ours is the host: refuse the double path.
      throw config.invalid(BASE_URL, "the host without '/nimserver' (the client adds it)");
    }
    return url;
  }

  /** The value of {@code key}: printable ASCII without spaces, what an HTTP header value is made of. */
  private static String headerSafe(ImConfig config, String key) {
    String value = config.require(key);
    if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw config.invalid(key, "printable ASCII without spaces");
    }
    return value;
  }

  @Override
  public String toString() {
    return "NeteaseProvider";
  }
}
