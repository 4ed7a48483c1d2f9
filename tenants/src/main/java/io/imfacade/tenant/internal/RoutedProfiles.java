package io.imfacade.tenant.internal;

import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A tenant's profiles: each call on the tenant's current client (see {@link TenantClient}). */
final class RoutedProfiles implements UserProfileService {

  private final TenantClient tenant;

  RoutedProfiles(TenantClient tenant) {
    this.tenant = tenant;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    return tenant.call(c -> c.profiles().get(userId));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds) {
    return tenant.call(c -> c.profiles().getAll(userIds));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
    return tenant.call(c -> c.profiles().getAll(userIds, customAttributeKeys));
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    tenant.run(c -> c.profiles().update(userId, update));
  }

  @Override
  public void delete(String userId) {
    tenant.run(c -> c.profiles().delete(userId));
  }

  @Override
  public long totalSizeBytes() {
    return tenant.call(c -> c.profiles().totalSizeBytes());
  }
}
