package io.imfacade.netease.internal;

import io.imfacade.ImConfig;
import io.imfacade.http.RemoteCore;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import okhttp3.HttpUrl;

/**
 * Builds the provider's side of a NetEase client: one {@link RemoteCore} over {@link NeteaseApi},
 * every request signed by a {@link Signer}, and the five services on it.
 *
 * <p><b>Rate limit.</b> NetEase counts 100 calls a second per app and blocks the app for 10 s when
 * it goes over (netease-facts §7; whether per endpoint or per category is not documented). The
 * core keeps one limiter per app key in the {@link ProviderContext}, across all endpoints: never
 * laxer than the vendor. A 416 that happens anyway carries the 10 s block ({@link
 * NeteaseErrorMapper}), which pauses the app's limiter, so that its other clients wait too instead
 * of prolonging the block.
 */
public final class NeteaseClients {

  /** Why {@link io.imfacade.Capability#ACCOUNT_DELETE} is unsupported (netease-facts §5). */
  public static final String NO_ACCOUNT_DELETION = NeteaseAccounts.NO_DELETION;

  private NeteaseClients() {}

  /** A client of one NetEase app. Does no I/O. */
  public static ProviderClient open(ProviderMetadata metadata, ImConfig config, ProviderContext context,
      HttpUrl baseUrl, String appKey, String appSecret) {
    RemoteCore<NeteaseApi> core = RemoteCore.builder(NeteaseApi.class)
        .metadata(metadata)
        .config(config)
        .context(context)
        .baseUrl(baseUrl.newBuilder().addPathSegment("nimserver").build())
        .rateLimiterKey(metadata.id() + ":" + appKey)
        .errorMapper(new NeteaseErrorMapper())
        .signer(new Signer(appKey, appSecret, context.clock()))
        .build();
    VendorLimits limits = metadata.limits();
    return ProviderClient.of("NeteaseClient{appKey=" + appKey + "}", new NeteaseProfiles(core, limits),
        new NeteaseMemberAttributes(core, limits), new NeteaseContacts(core, limits), new NeteaseAccounts(core),
        new NeteaseGroups(core, limits), () -> { });
  }
}
