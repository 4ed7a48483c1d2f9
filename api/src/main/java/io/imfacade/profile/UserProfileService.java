package io.imfacade.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes users' profiles (Easemob/Shengwang user attributes, NetEase user cards).
 * Implementations are thread-safe.
 *
 * <p>User ids are case-insensitive on every built-in vendor; results carry them in lower case.
 */
public interface UserProfileService {

  /**
   * The profile of one user.
   *
   * @return empty when the user is unknown or has nothing set (see {@link UserProfile#isEmpty()})
   * @throws io.imfacade.error.InvalidRequestException if {@code userId} is null, blank or malformed
   */
  Optional<UserProfile> get(String userId);

  /**
   * The profiles of many users, in the order of {@code userIds}, duplicates collapsed. Any number
   * of ids: the provider splits them into the vendor's batch size. Unknown users and users with
   * nothing set are absent from the result.
   */
  Map<String, UserProfile> getAll(Collection<String> userIds);

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
