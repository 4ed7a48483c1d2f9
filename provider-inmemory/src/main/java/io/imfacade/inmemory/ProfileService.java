package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.Validation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Profiles: one immutable {@link UserProfile} per user, replaced atomically on each update. */
final class ProfileService implements UserProfileService {

  private final Store store;
  private final Checks checks;
  private final LimitsMode mode;

  ProfileService(Store store, Checks checks, LimitsMode mode) {
    this.store = store;
    this.checks = checks;
    this.mode = mode;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    store.checkOpen();
    return Optional.ofNullable(store.profiles.get(checks.user(Op.PROFILES_GET, "userId", userId)));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds) {
    store.checkOpen();
    Map<String, UserProfile> result = new LinkedHashMap<>();
    for (String id : checks.users(Op.PROFILES_GET_ALL, "userIds", userIds)) {
      UserProfile profile = store.profiles.get(id);
      if (profile != null) {
        result.put(id, profile);
      }
    }
    return result;
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    Op op = Op.PROFILES_UPDATE;
    store.checkOpen();
    String id = checks.user(op, "userId", userId);
    checks.profileUpdate(op, update);
    if (!update.customAttributes().isEmpty()) {
      mode.require(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    }
    store.write(() -> {
      store.requireUserForWrite(op, id);
      // compute() runs the patch atomically per user: concurrent patches of different fields of
      // one user all land. A failed size check leaves the stored profile as it was.
      store.profiles.compute(id, (key, current) -> {
        UserProfile after = update.applyTo(current != null ? current : UserProfile.builder(key).build());
        checks.profileTotal(op, after);
        return after.isEmpty() ? null : after;
      });
    });
  }

  @Override
  public void delete(String userId) {
    store.checkOpen();
    String id = checks.user(Op.PROFILES_DELETE, "userId", userId);
    store.write(() -> {
      store.profiles.remove(id);
    });
  }

  @Override
  public long totalSizeBytes() {
    store.checkOpen();
    mode.require(Capability.PROFILE_TOTAL_SIZE);
    long total = 0;
    for (UserProfile profile : store.profiles.values()) {
      total += Validation.profileJsonBytes(profile);
    }
    return total;
  }
}
