package io.imfacade.easemob.family.internal;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.easemob.family.LocalUserTokens;
import io.imfacade.http.RemoteCore;
import io.imfacade.http.TokenSource;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Wires one client of the family: the core and the five services on it. For {@code EasemobFamily}. */
public final class FamilyClients {

  private FamilyClients() {}

  /**
   * The client of the app at {@code appUrl} ({@code .../{org}/{app}} or {@code .../app-id/{appId}}).
   *
   * @param label a non-secret description, such as the app path
   */
  public static ProviderClient open(ProviderMetadata metadata, ImConfig config, ProviderContext context,
      HttpUrl appUrl, String rateLimiterKey, Function<RemoteCore.TokenFetch, TokenSource> tokens, String label,
      AccountOptions accounts) {
    RemoteCore<EasemobApi> core = RemoteCore.builder(EasemobApi.class)
        .metadata(metadata)
        .config(config)
        .context(context)
        .baseUrl(appUrl)
        .rateLimiterKey(rateLimiterKey)
        .errorMapper(new EasemobErrorMapper())
        .bearerTokens(tokens)
        .build();
    VendorLimits limits = metadata.limits();
    boolean customAttributes = metadata.capabilities().contains(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    return ProviderClient.of(label,
        new FamilyProfiles(core, limits.profileBatchGet(), customAttributes),
        new FamilyMemberAttributes(core, limits.memberSetBatch(), limits.memberGetBatch()),
        new FamilyContacts(core, limits.contactsMax(), limits.blockListMax(), limits.pageSizeMax()),
        new FamilyAccounts(core, limits.accountBatch(), accounts.passwordOptional(), accounts.localTokens(),
            accounts.noTokensReason()),
        new FamilyGroups(core, limits.groupMembersBatch()),
        () -> { }); // nothing to release: the connections belong to the context
  }

  /**
   * How the vendor handles accounts: whether registration may omit the password, and how user
   * tokens are made (the vendor's token endpoint when {@code localTokens} is null, none at all when
   * {@code noTokensReason} is set).
   */
  public record AccountOptions(boolean passwordOptional, @Nullable LocalUserTokens localTokens,
      @Nullable String noTokensReason) {

    /** Easemob: a password at registration, user tokens from the token endpoint. */
    public static final AccountOptions EASEMOB = new AccountOptions(false, null, null);
  }

  /** App tokens fetched from {@code POST {app}/token} with the client credentials (Easemob). */
  public static Function<RemoteCore.TokenFetch, TokenSource> clientCredentials(ProviderMetadata metadata,
      ProviderContext context, String clientId, String clientSecret) {
    return fetch -> new ClientCredentialsTokenSource(metadata.id(), fetch, context.clock(), clientId, clientSecret);
  }
}
