package io.imfacade.easemob.family;

import io.imfacade.ImConfig;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;

/**
 * A provider on the family for the family's own tests, registered on the test classpath only (the
 * module's jar registers none), so that the tests go through {@code ImFacade.open} and its guard
 * like a user's call. It opens either vendor's app path with a fixed token or client credentials.
 */
public final class TestFamilyProvider implements ImProvider {

  static final String ID = "family-test";

  private static final ProviderMetadata METADATA = ProviderMetadata.builder(ID)
      .configKey(ConfigKey.required(ID + ".baseUrl", "the server's base URL"))
      .configKey(ConfigKey.required(ID + ".appPath", "the app path below it, such as org/app or app-id/{appId}"))
      .configKey(ConfigKey.withDefault(ID + ".vendor", "easemob", "whose limits: easemob or shengwang"))
      .configKey(ConfigKey.optional(ID + ".appToken", "a fixed token"))
      .configKey(ConfigKey.optional(ID + ".clientId", "client id, to fetch tokens"))
      .configKey(ConfigKey.optional(ID + ".clientSecret", "client secret, to fetch tokens"))
      .limits(EasemobFamilyLimits.EASEMOB)
      .defaultRequestsPerSecond(EasemobFamilyLimits.REQUESTS_PER_SECOND)
      .build();

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  @Override
  public ProviderMetadata metadata(ImConfig config) {
    boolean shengwang = config.get(ID + ".vendor").orElse("easemob").equals("shengwang");
    return shengwang ? METADATA.toBuilder().limits(EasemobFamilyLimits.SHENGWANG).build() : METADATA;
  }

  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    String appPath = config.require(ID + ".appPath");
    EasemobFamily.Builder builder = EasemobFamily.builder(metadata(config))
        .config(config)
        .context(context)
        .baseUrl(EasemobFamily.baseUrl(config, ID + ".baseUrl"))
        .appPath(appPath.split("/"))
        .rateLimiterKey(ID + ":" + appPath);
    config.get(ID + ".appToken").ifPresentOrElse(builder::fixedToken,
        () -> builder.clientCredentials(config.require(ID + ".clientId"), config.require(ID + ".clientSecret")));
    return builder.build();
  }
}
