package io.imfacade.profile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes users' profiles (Easemob/Shengwang user attributes, NetEase user cards).
 * Implementations are thread-safe.
 *
 * <p><b>User ids</b> are case-insensitive: vendors store them in lower case, so {@code "Alice"} and
 * {@code "alice"} name the same user, and a {@link UserProfile#userId()} is always lower case. Maps
 * returned by batch reads are keyed by the ids as the caller spelled them, so that {@code
 * getAll(List.of("Alice")).get("Alice")} finds the profile.
 *
 * <p>Every method refuses bad input with an {@link io.imfacade.error.InvalidRequestException}
 * before any network call, and reports every failure as an {@link io.imfacade.error.ImException}.
 */
public interface UserProfileService {

  /**
   * The profile of one user, with all of its custom attributes.
   *
   * @return empty when the user is unknown or has nothing set (see {@link UserProfile#isEmpty()})
   * @throws io.imfacade.error.InvalidRequestException if {@code userId} is null, blank or malformed
   */
  Optional<UserProfile> get(String userId);

  /**
   * The profiles of many users with their neutral fields, keyed by the ids as given, in their
   * order; exact duplicates collapse, and two spellings of one user both map to its profile. Any
   * number of ids: the provider splits them into the vendor's batch size. Unknown users and users
   * with nothing set are absent from the result. No ids: an empty map, without a network call.
   *
   * <p>Custom attributes are not read: vendors read many users' attributes only by name (Easemob's
   * batch read returns only the keys it is asked for), so use {@link #getAll(Collection,
   * Collection)} to name them, or {@link #get} for all of one user's.
   */
  default Map<String, UserProfile> getAll(Collection<String> userIds) {
    return getAll(userIds, List.of());
  }

  /**
   * Like {@link #getAll(Collection)}, with the custom attributes named in {@code
   * customAttributeKeys} as well (users that have none of them and no neutral field are absent).
   *
   * @throws io.imfacade.error.UnsupportedCapabilityException if keys are named and the provider does
   *     not offer {@link io.imfacade.Capability#PROFILE_CUSTOM_ATTRIBUTES}
   * @throws io.imfacade.error.InvalidRequestException if a key is null, blank or reserved for a
   *     neutral field
   */
  Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys);

  /**
   * Applies a patch: only the fields set in {@code update} change, the others keep their values.
   *
   * @throws io.imfacade.error.InvalidRequestException if the update is empty or a value is over its
   *     limit (checked before any network call)
   * @throws io.imfacade.error.NotFoundException if the user does not exist
   * @throws io.imfacade.error.QuotaExceededException if the user's attributes would exceed the
   *     vendor's total size
   */
  void update(String userId, ProfileUpdate update);

  /** Removes every attribute of the user. Succeeds when there was nothing to remove. */
  void delete(String userId);

  /**
   * The bytes used by all users' attributes of the app (Easemob's {@code metadata/user/capacity}).
   *
   * @throws io.imfacade.error.UnsupportedCapabilityException unless the provider offers {@link
   *     io.imfacade.Capability#PROFILE_TOTAL_SIZE}
   */
  long totalSizeBytes();
}
