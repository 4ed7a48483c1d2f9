package io.imfacade.netease;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.HttpClients;
import io.imfacade.http.HttpSettings;
import io.imfacade.http.InputChecks;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteImClient;
import io.imfacade.http.RestExecutor;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.VendorLimits;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;

/**
 * What the three services of one client share: the limits, the Retrofit API, the executor, and
 * the input checks that attach the provider and operation to every failure. User ids leave here
 * in lower case: NetEase accids are case-insensitive.
 *
 * <p><b>Rate limit.</b> NetEase counts 100 calls a second per app and endpoint and blocks an
 * endpoint for 10 s when an app goes over (reference §3.3). The client keeps one limiter per app
 * key in its {@link ProviderContext}, across all endpoints: stricter than the vendor when calls
 * are spread over endpoints. The shared limiter keeps a little headroom below {@code
 * rateLimit.requestsPerSecond} for network jitter (see {@code AppRateLimiter}), because one call
 * too many in a vendor second costs a 10-second block. A 416 that happens anyway pauses the limiter for
 * the 10 s block (see {@link NeteaseErrorMapper}), so the app's other clients wait too instead of
 * prolonging the block.
 */
final class NeteaseApp {

  /** Chunks of one batch call in flight at once; the shared rate limiter paces them anyway. */
  static final int PARALLELISM = 4;

  final String provider;
  final VendorLimits limits;
  final Set<Capability> capabilities;
  final NeteaseApi api;
  final ProviderContext context;
  /** The input checks, with this provider and the operation attached to their failures. */
  final InputChecks checks;
  private final RestExecutor executor;
  private volatile boolean closed;

  NeteaseApp(String provider, VendorLimits limits, Set<Capability> capabilities, NeteaseApi api,
      RestExecutor executor, ProviderContext context) {
    this.provider = provider;
    this.limits = limits;
    this.capabilities = capabilities;
    this.api = api;
    this.executor = executor;
    this.context = context;
    this.checks = new InputChecks(provider, limits);
  }

  /** Builds a client of one NetEase app. Does no I/O. */
  static ImClient open(String provider, ProviderContext context, HttpSettings settings, HttpUrl baseUrl,
      String appKey, String appSecret, Set<Capability> capabilities) {
    // A trailing '/' for Retrofit's relative paths.
    HttpUrl apiUrl = baseUrl.newBuilder().addPathSegment("nimserver").addPathSegment("").build();
    Signer signer = new Signer(appKey, appSecret, context.clock());
    OkHttpClient http = HttpClients.forClient(HttpClients.shared(context), provider, settings, signer);
    NeteaseApi api = HttpClients.retrofit(apiUrl.toString(), http).create(NeteaseApi.class);
    AppRateLimiter limiter = AppRateLimiter.shared(context, provider + ":" + appKey, settings.requestsPerSecond());
    RestExecutor executor = RestExecutor.builder()
        .provider(provider)
        .settings(settings)
        .rateLimiter(limiter)
        .errorMapper(new NeteaseErrorMapper())
        .clock(context.clock())
        .build(); // no token cache: every request is signed by the Signer instead
    NeteaseApp app = new NeteaseApp(provider, VendorLimits.NETEASE, capabilities, api, executor, context);
    return new RemoteImClient(provider, appKey, capabilities,
        new NeteaseProfiles(app), new NeteaseMemberAttributes(app), new NeteaseContacts(app), app::close);
  }

  void close() {
    closed = true;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
  }

  /** Runs one HTTP call through the executor (rate limit, retries, error mapping). */
  <T> T call(Operation op, Supplier<Call<T>> call) {
    checkOpen();
    return executor.execute(op, unusedAuthorization -> call.get());
  }

  /** The refusal of an operation of a capability NetEase does not offer, with the reason. */
  UnsupportedCapabilityException unsupported(Capability capability, String reason) {
    return new UnsupportedCapabilityException(provider, capability, reason);
  }
}
