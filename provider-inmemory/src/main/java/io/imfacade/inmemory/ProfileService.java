package io.imfacade.inmemory;

import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles: one immutable {@link UserProfile} per user, replaced atomically on each update. The
 * guard has checked ids and values; what is left is the state: whether the user exists, and whether
 * the profile after the patch still fits the vendor's total.
 */
final class ProfileService implements UserProfileService {

  private final Store store;
  private final VendorLimits limits;

  ProfileService(Store store, VendorLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    return store.read(() -> Optional.ofNullable(store.profiles.get(userId)));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
    return store.read(() -> read(userIds, customAttributeKeys));
  }

  private Map<String, UserProfile> read(Collection<String> userIds, Collection<String> customAttributeKeys) {
    Map<String, UserProfile> result = new LinkedHashMap<>();
    for (String id : userIds) {
      UserProfile profile = store.profiles.get(id);
      if (profile != null) {
        profile = withOnly(profile, customAttributeKeys);
        if (!profile.isEmpty()) {
          result.put(id, profile);
        }
      }
    }
    return result;
  }

  /**
   * The profile with only the named custom attributes, as a vendor's batch read answers: it
   * returns only the attribute keys it is asked for.
   */
  private static UserProfile withOnly(UserProfile profile, Collection<String> keys) {
    if (profile.customAttributes().isEmpty() || keys.containsAll(profile.customAttributes().keySet())) {
      return profile;
    }
    UserProfile.Builder b = profile.toBuilder();
    profile.customAttributes().keySet().forEach(key -> {
      if (!keys.contains(key)) {
        b.customAttribute(key, null);
      }
    });
    return b.build();
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    Op op = Op.PROFILES_UPDATE;
    store.write(() -> {
      store.requireUserForWrite(op, userId);
      // compute() runs the patch atomically per user: concurrent patches of different fields of
      // one user all land. A failed size check leaves the stored profile as it was.
      store.profiles.compute(userId, (key, current) -> {
        UserProfile after = update.applyTo(current != null ? current : UserProfile.builder(key).build());
        requireFits(op, after);
        return after.isEmpty() ? null : after;
      });
    });
  }

  /** The guard saw the update alone; only here is the merged profile known. */
  private void requireFits(Op op, UserProfile after) {
    int max = limits.profileTotalBytes();
    if (max == Integer.MAX_VALUE) {
      return;
    }
    int size = limits.profileJsonBytes(after);
    if (size > max) {
      throw op.quotaExceeded("the profile of " + after.userId() + " would take " + size + " bytes, over the "
          + limits.name() + " limit of " + max + " bytes; nothing was written");
    }
  }

  @Override
  public void delete(String userId) {
    store.write(() -> {
      store.profiles.remove(userId);
    });
  }

  /** The stored profiles as the emulated vendor measures them. */
  @Override
  public long totalSizeBytes() {
    return store.read(() -> {
      long total = 0;
      for (UserProfile profile : store.profiles.values()) {
        total += limits.profileJsonBytes(profile);
      }
      return total;
    });
  }
}
