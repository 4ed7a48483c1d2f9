package io.imfacade.group;

import java.util.Collection;
import java.util.Map;

/**
 * Custom key/value attributes of a group's members, such as a member's nickname in that group.
 * Needs {@link io.imfacade.Capability#GROUP_MEMBER_ATTRIBUTES}. Implementations are thread-safe.
 *
 * <p>Keys and values are strings. An empty value removes its key: there is no separate delete.
 * User ids are case-insensitive (see {@link io.imfacade.profile.UserProfileService}); maps keyed by
 * user id use the ids as the caller spelled them. Attribute keys must not be blank.
 */
public interface GroupMemberAttributes {

  /**
   * All attributes of one member.
   *
   * @return the attributes; empty when the member has none
   * @throws io.imfacade.error.NotFoundException if the group does not exist or the user is not a
   *     member of it
   */
  Map<String, String> get(String groupId, String userId);

  /**
   * Selected attributes of many members, keyed by user id in the order of {@code userIds}. Any
   * number of users (chunked to the vendor's batch size). Users that are not members of the group
   * are absent; members with none of the keys map to an empty map. No users: an empty map, without
   * a network call (so it does not tell whether the group exists).
   *
   * @param keys the keys to read; empty means all keys
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   */
  Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys);

  /**
   * Sets attributes of one member, merging them into what the member already has; an empty value
   * removes that key.
   *
   * @return the key/values this call wrote, without the removed keys
   * @throws io.imfacade.error.InvalidRequestException if a key or value is over its limit
   * @throws io.imfacade.error.QuotaExceededException if the member's attributes would exceed the
   *     vendor's total size
   * @throws io.imfacade.error.NotFoundException if the group does not exist or the user is not a
   *     member of it
   */
  Map<String, String> set(String groupId, String userId, Map<String, String> attributes);

  /**
   * Sets attributes of many members. Any number of members (chunked to the vendor's batch size).
   * Every member's outcome is in the result: nothing is dropped. A member that is not in the group
   * lands in {@link BatchResult#failed()}; a malformed key or value, an empty map of members, or
   * one member named twice (in two spellings) fails the whole call with an {@link
   * io.imfacade.error.InvalidRequestException} before anything is sent.
   *
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   */
  BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser);
}
