package io.imfacade.internal;

import io.imfacade.Capability;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The guard of {@link UserProfileService}. */
final class GuardedProfiles extends GuardedService<UserProfileService> implements UserProfileService {

  GuardedProfiles(GuardedClient guard, UserProfileService raw) {
    super(guard, raw);
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    String op = "profiles.get";
    return guard.call(op, () -> raw.get(inputs.user(op, "userId", userId)));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds) {
    return getAll(userIds, List.of());
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
    String op = "profiles.getAll";
    return guard.call(op, () -> {
      List<String> ids = inputs.users(op, "userIds", userIds);
      List<String> keys = inputs.customKeys(op, customAttributeKeys);
      if (!keys.isEmpty()) {
        guard.require(Capability.PROFILE_CUSTOM_ATTRIBUTES);
      }
      return ids.isEmpty() ? Map.of() : CallerIds.rekey(userIds, raw.getAll(ids, keys));
    });
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    String op = "profiles.update";
    guard.run(op, () -> {
      String id = inputs.user(op, "userId", userId);
      inputs.profileUpdate(op, update);
      if (!update.customAttributes().isEmpty()) {
        guard.require(Capability.PROFILE_CUSTOM_ATTRIBUTES);
      }
      // What is stored already is not known here: an update whose own values exceed the total can
      // never fit and is refused; growth past it is the vendor's (or the fake's) to refuse.
      int total = inputs.limits().profileTotalBytes();
      if (total != Integer.MAX_VALUE) {
        int size = inputs.limits().profileJsonBytes(update.applyTo(UserProfile.builder(id).build()));
        if (size > total) {
          throw inputs.quota(op, "the attributes of user " + id + " would take " + size + " bytes, over the "
              + inputs.limits().name() + " limit of " + total + " bytes");
        }
      }
      raw.update(id, update);
    });
  }

  @Override
  public void delete(String userId) {
    String op = "profiles.delete";
    guard.run(op, () -> raw.delete(inputs.user(op, "userId", userId)));
  }

  @Override
  public long totalSizeBytes() {
    return guard.call("profiles.totalSizeBytes", () -> {
      guard.require(Capability.PROFILE_TOTAL_SIZE);
      return raw.totalSizeBytes();
    });
  }
}
