package io.imfacade.metrics.micrometer;

import io.imfacade.ImConfig;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.RateLimitedException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.CallContext;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A provider for tests whose calls report what the HTTP transport would: {@code profiles.get}
 * makes two attempts, waits 5 ms for the rate limiter and fetches one token; {@code
 * profiles.update} makes three attempts and ends rate limited.
 */
public final class MeteredProvider implements ImProvider {

  static final String ID = "metered";

  /** Called by ServiceLoader. */
  public MeteredProvider() {}

  @Override
  public ProviderMetadata metadata() {
    return ProviderMetadata.builder(ID).build();
  }

  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    UserProfileService profiles = new UserProfileService() {
      @Override
      public Optional<UserProfile> get(String userId) {
        CallContext.recordRateLimitWait(Duration.ofMillis(5));
        CallContext.recordTokenFetch();
        CallContext.recordAttempt();
        CallContext.recordAttempt();
        return Optional.of(UserProfile.builder(userId).nickname("x").build());
      }

      @Override
      public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> keys) {
        return Map.of();
      }

      @Override
      public void update(String userId, ProfileUpdate update) {
        CallContext.recordAttempt();
        CallContext.recordAttempt();
        CallContext.recordAttempt();
        throw new RateLimitedException("slow down",
            ErrorDetails.builder().provider(ID).operation("profiles.update").httpStatus(429).build(),
            Duration.ofSeconds(1), null);
      }

      @Override
      public void delete(String userId) {}

      @Override
      public long totalSizeBytes() {
        return 0;
      }
    };
    return ProviderClient.of(ID, profiles, unsupported(GroupMemberAttributes.class), unsupported(ContactGraph.class),
        unsupported(UserAccounts.class), unsupported(Groups.class), () -> {});
  }

  private static <T> T unsupported(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw new UnsupportedOperationException(method.getName());
    }));
  }
}
