package io.imfacade.cli;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
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
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A test provider ({@code provider=fake}) standing for a remote vendor: every service call fails
 * the way {@code fake.failWith} says, with the details a REST provider would attach. Registered in
 * the test class path's {@code META-INF/services}.
 */
public final class FakeProvider implements ImProvider {

  static final String FAIL_WITH = "fake.failWith";

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public Set<String> configKeys() {
    return Set.of(FAIL_WITH);
  }

  @Override
  public ImClient create(ImConfig config, ProviderContext context) {
    String failWith = config.get(FAIL_WITH).orElse("unavailable");
    return new ImClient() {
      @Override
      public String provider() {
        return "fake";
      }

      @Override
      public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
      }

      @Override
      public UserProfileService profiles() {
        return failing(UserProfileService.class, failWith);
      }

      @Override
      public GroupMemberAttributes groupMemberAttributes() {
        return failing(GroupMemberAttributes.class, failWith);
      }

      @Override
      public ContactGraph contacts() {
        return failing(ContactGraph.class, failWith);
      }

      @Override
      public void close() {}
    };
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
