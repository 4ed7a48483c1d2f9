package io.imfacade.netease;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.http.HttpSettings;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The NetEase Yunxin (网易云信) provider, id {@code netease}, over the v1 server API: form-encoded
 * {@code POST {baseUrl}/nimserver/<path>.action}, every request signed with the {@code AppKey},
 * {@code Nonce}, {@code CurTime} and {@code CheckSum} headers.
 *
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><td>{@code netease.baseUrl}</td><td>the API host with its scheme, without {@code
 *       /nimserver} (the client adds it); default {@value #DEFAULT_BASE_URL}. International apps
 *       use {@code https://api-sg.netease.im}</td></tr>
 *   <tr><td>{@code netease.appKey}</td><td>required: the app key</td></tr>
 *   <tr><td>{@code netease.appSecret}</td><td>required: the app secret the requests are signed
 *       with; it never leaves the process and is never logged</td></tr>
 * </table>
 *
 * <p>Plus the common {@code http.*}, {@code retry.*} and {@code rateLimit.requestsPerSecond}
 * (default {@value #DEFAULT_REQUESTS_PER_SECOND}: NetEase's documented limit, which it enforces by
 * blocking the app for 10 s). The limit is shared by every client of the same app key in a {@link
 * ProviderContext}, and the client stays 10% under it so that network and scheduling jitter never
 * push one vendor second over the limit.
 *
 * <p>Capabilities: {@link Capability#GROUP_MEMBER_ATTRIBUTES} (kept as a JSON object in each team
 * member's {@code custom} string, see the class comment of the service), {@link
 * Capability#CONTACT_REMARK} (the friend's {@code alias}) and {@link Capability#BLOCK_LIST}. Not
 * offered: {@link Capability#PROFILE_CUSTOM_ATTRIBUTES} (a user card has a fixed set of fields;
 * free data goes into {@code ext}) and {@link Capability#PROFILE_TOTAL_SIZE} (no API reports it).
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
  /** The vendor's documented request rate per app (per endpoint, in fact; see {@code NeteaseApp}). */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 100;

  private static final Set<String> KEYS = Set.of(BASE_URL, APP_KEY, APP_SECRET);
  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(
      EnumSet.of(Capability.GROUP_MEMBER_ATTRIBUTES, Capability.CONTACT_REMARK, Capability.BLOCK_LIST));

  /** Needed by {@link java.util.ServiceLoader}. */
  public NeteaseProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Set<String> configKeys() {
    return KEYS;
  }

  /**
   * Builds a client. Does no I/O.
   *
   * @throws io.imfacade.error.ConfigurationException naming the key of a missing or bad value
   *     (never showing the secret)
   */
  @Override
  public ImClient create(ImConfig config, ProviderContext context) {
    HttpUrl baseUrl = baseUrl(config);
    String appKey = appKey(config);
    String appSecret = config.require(APP_SECRET);
    if (!isHeaderSafe(appSecret)) {
      // Only the CheckSum derived from it travels; still, a secret with a line break is a paste error.
      throw config.invalid(APP_SECRET, "printable ASCII without spaces");
    }
    HttpSettings settings = HttpSettings.from(config, DEFAULT_REQUESTS_PER_SECOND);
    return NeteaseApp.open(ID, context, settings, baseUrl, appKey, appSecret, CAPABILITIES);
  }

  private static HttpUrl baseUrl(ImConfig config) {
    String raw = config.get(BASE_URL).orElse(DEFAULT_BASE_URL);
    HttpUrl url = HttpUrl.parse(raw);
    if (url == null || url.query() != null || url.fragment() != null) {
      throw config.invalid(BASE_URL, "an http:// or https:// URL without query or fragment");
    }
    List<String> segments = url.pathSegments();
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    if (last.isEmpty() && segments.size() > 1) {
      last = segments.get(segments.size() - 2);
    }
    if (last.equals("nimserver")) {
      // The official SDK's base URLs end with /nimserver; ours is the host: refuse the double path.
      throw config.invalid(BASE_URL, "the host without '/nimserver' (the client adds it)");
    }
    return url;
  }

  private static String appKey(ImConfig config) {
    String appKey = config.require(APP_KEY);
    if (!isHeaderSafe(appKey)) {
      throw config.invalid(APP_KEY, "printable ASCII without spaces (it is sent as the AppKey header)");
    }
    return appKey;
  }

  /** Printable ASCII without spaces: what an HTTP header value (and a sane key) is made of. */
  private static boolean isHeaderSafe(String value) {
    return value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  @Override
  public String toString() {
    return "NeteaseProvider";
  }
}
