package io.imfacade.inmemory;

import java.util.Collection;

/**
 * Fixtures of the in-memory provider: the users and groups that a vendor's console or another API
 * would create. Tests set up their world with it; the CLI uses it to seed a snapshot. Ids are
 * checked against the client's limits like every other input, and user ids are case-insensitive.
 *
 * <pre>{@code
 * InMemoryImClient im = InMemoryImClient.create();
 * im.admin().createUsers("alice", "bob");
 * im.admin().createGroup("g1", "alice", List.of("bob"));
 * }</pre>
 */
public interface InMemoryAdmin {

  /**
   * Creates users; existing ones are left as they are.
   *
   * @throws io.imfacade.error.InvalidRequestException if the collection is null or an id is
   *     malformed (then no user is created)
   */
  void createUsers(Collection<String> userIds);

  /** Creates users; see {@link #createUsers(Collection)}. */
  void createUsers(String... userIds);

  /** Whether a user exists: always true for a valid id with {@code inmemory.users=auto}. */
  boolean userExists(String userId);

  /**
   * Creates a group owned by {@code owner}, who is also a member, with the given other members.
   *
   * @throws io.imfacade.error.NotFoundException if the owner or a member does not exist
   * @throws io.imfacade.error.ConflictException if the group exists already
   */
  void createGroup(String groupId, String owner, Collection<String> members);

  /**
   * Adds members to a group; existing members are left as they are.
   *
   * @throws io.imfacade.error.NotFoundException if the group or a user does not exist
   */
  void addMembers(String groupId, Collection<String> userIds);

  /**
   * Removes members from a group, and their member attributes with them. Users that are not
   * members are ignored.
   *
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   * @throws io.imfacade.error.InvalidRequestException if one of them is the owner
   */
  void removeMembers(String groupId, Collection<String> userIds);

  /**
   * Deletes a group and all its member attributes.
   *
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   */
  void deleteGroup(String groupId);
}
