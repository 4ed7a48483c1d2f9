package io.imfacade.cli;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * A test provider ({@code provider=fake}) standing for a remote vendor: every service call fails
 * the way {@code fake.failWith} says, with the details a REST provider would attach. Registered in
 * the test class path's {@code META-INF/services}.
 */
public final class FakeProvider implements ImProvider {

  static final String FAIL_WITH = "fake.failWith";
  /** The largest page the fake declares. */
  static final int PAGE_SIZE_MAX = 20;
  /** A secret key, so that the provider listing has one to keep quiet about. */
  static final String TOKEN = "fake.appToken";

  static final ProviderMetadata METADATA = ProviderMetadata.builder("fake")
      .name("Fake vendor (tests)")
      .configKey(ConfigKey.withDefault(FAIL_WITH, "unavailable", "how every call fails"))
      .configKey(ConfigKey.optional(TOKEN, "a token nobody checks"))
      // Pages smaller than every built-in vendor's, so that the CLI's default page size must come
      // from the client's metadata.
      .limits(VendorLimits.builder("fake").pageSizeMax(PAGE_SIZE_MAX).build())
      .build();

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    String failWith = config.get(FAIL_WITH).orElse("unavailable");
    return ProviderClient.of("fake", failing(UserProfileService.class, failWith),
        failing(GroupMemberAttributes.class, failWith), failing(ContactGraph.class, failWith),
        failing(UserAccounts.class, failWith), failing(Groups.class, failWith), () -> {});
  }

  private static <T> T failing(Class<T> service, String failWith) {
    Object proxy = Proxy.newProxyInstance(FakeProvider.class.getClassLoader(), new Class<?>[] {service},
        (p, method, args) -> {
          throw failure(failWith, method.getName());
        });
    return service.cast(proxy);
  }

  private static RuntimeException failure(String kind, String operation) {
    ErrorDetails.Builder details = ErrorDetails.builder().provider("fake").operation(operation).requestId("req-42");
    return switch (kind) {
      case "authentication" -> new AuthenticationException("the app token was refused",
          details.httpStatus(401).vendorCode("unauthorized").vendorMessage("token expired").build());
      case "rate_limited" -> new RateLimitedException("too many requests", details.httpStatus(429).build(), Duration.ofSeconds(2), null);
      case "conflict" -> new ConflictException("concurrent modification", details.httpStatus(409).build());
      case "feature_not_enabled" -> new FeatureNotEnabledException("user metadata service not allowed", details.httpStatus(403).build());
      case "quota" -> new QuotaExceededException("attributes over 2048 bytes", details.httpStatus(400).build());
      case "unsupported" -> new UnsupportedCapabilityException("fake", Capability.PROFILE_TOTAL_SIZE, "the fake vendor has no such API");
      case "crash" -> new IllegalStateException("boom");
      default -> new ProviderUnavailableException("service unavailable", details.httpStatus(503).retryable(true).build());
    };
  }
}
