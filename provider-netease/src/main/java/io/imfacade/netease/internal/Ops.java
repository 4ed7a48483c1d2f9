package io.imfacade.netease.internal;

import io.imfacade.http.Operation;

/**
 * The neutral operations of the NetEase provider and whether each HTTP call may be repeated after
 * an ambiguous failure (a 5xx code or a broken connection after the request was sent).
 *
 * <ul>
 *   <li>Reads ({@code getUinfos}, {@code userOnlineStatus}, {@code friend/get}, {@code
 *       listBlackAndMuteList}, {@code team/queryDetail}) change nothing: idempotent.
 *   <li>{@code updateUinfo} writes the same values again, {@code friend/update} the same alias,
 *       {@code friend/delete} leaves the same state: idempotent.
 *   <li>{@code friend/add} ({@code type=1}) and {@code setSpecialRelation} (block) leave a
 *       friendship or a block that is in place as it is — the official SDK's tests repeat both for
 *       the same pair and expect success (netease-facts §1, §2) — so they are idempotent by
 *       outcome and are replayed. How a replay is answered is not documented (200, 417 "repeated
 *       operation" or 414 are plausible): {@link NeteaseContacts} reads the list back on any such
 *       refusal and reports success when the friend or the block is in place, so a replay of a
 *       write that landed never turns into a {@link io.imfacade.error.ConflictException}.
 *   <li>{@code team/updateTeamNick} is <em>not</em>: it writes a member's whole {@code custom}
 *       string, computed from a read made before the first attempt. Replaying it after an
 *       ambiguous failure could overwrite what another writer stored in between; {@link
 *       NeteaseMemberAttributes} reads the team again instead and succeeds if the write landed;
 *       otherwise the caller's own retry of {@code set} reads again and merges, which is the safe
 *       way to repeat it.
 *   <li>{@code user/create} and {@code team/create} are <em>not</em>: a replay of a create that
 *       landed meets "already register" (a {@link io.imfacade.error.ConflictException} for the
 *       caller's own registration) or makes a second team. After an ambiguous failure they fail
 *       with a {@link io.imfacade.error.ProviderUnavailableException}: {@code accounts().get}
 *       tells whether the account exists; a team may have been created.
 *   <li>{@code user/update} (the same token again) and {@code user/refreshToken} (another new
 *       token: the lost one never reached anyone, and the old one stops working either way) are
 *       idempotent by outcome.
 *   <li>{@code team/add}, {@code team/kick} and {@code team/remove} are replayed: whatever a replay
 *       of a change that landed is answered (200, 809, 804, 803, 414 are all plausible), {@link
 *       NeteaseGroups} reads the team back and reports what is in place.
 * </ul>
 */
final class Ops {

  static final Operation PROFILES_GET = Operation.idempotent("profiles.get");
  static final Operation PROFILES_GET_ALL = Operation.idempotent("profiles.getAll");
  static final Operation PROFILES_UPDATE = Operation.idempotent("profiles.update");
  static final Operation PROFILES_DELETE = Operation.idempotent("profiles.delete");

  static final Operation CONTACTS_ADD = Operation.idempotent("contacts.addContact");
  static final Operation CONTACTS_REMOVE = Operation.idempotent("contacts.removeContact");
  static final Operation CONTACTS_SET_REMARK = Operation.idempotent("contacts.setRemark");
  static final Operation CONTACTS_LIST = Operation.idempotent("contacts.contacts");
  static final Operation CONTACTS_BLOCK = Operation.idempotent("contacts.block");
  static final Operation CONTACTS_UNBLOCK = Operation.idempotent("contacts.unblock");
  static final Operation CONTACTS_BLOCKED = Operation.idempotent("contacts.blocked");

  static final Operation MEMBERS_GET = Operation.idempotent("groupMemberAttributes.get");
  /** The read of {@code set}: idempotent. */
  static final Operation MEMBERS_SET_READ = Operation.idempotent("groupMemberAttributes.set");
  /** The write of {@code set}: not repeated after an ambiguous failure (see the class comment). */
  static final Operation MEMBERS_SET_WRITE = Operation.nonIdempotent("groupMemberAttributes.set");
  static final Operation MEMBERS_SET_ALL_READ = Operation.idempotent("groupMemberAttributes.setAll");
  static final Operation MEMBERS_SET_ALL_WRITE = Operation.nonIdempotent("groupMemberAttributes.setAll");

  static final Operation ACCOUNTS_REGISTER = Operation.nonIdempotent("accounts.register");
  static final Operation ACCOUNTS_REGISTER_ALL = Operation.nonIdempotent("accounts.registerAll");
  static final Operation ACCOUNTS_GET = Operation.idempotent("accounts.get");
  static final Operation ACCOUNTS_EXISTS = Operation.idempotent("accounts.exists");
  static final Operation ACCOUNTS_SET_PASSWORD = Operation.idempotent("accounts.setPassword");
  static final Operation ACCOUNTS_ISSUE_TOKEN = Operation.idempotent("accounts.issueToken");

  static final Operation GROUPS_CREATE = Operation.nonIdempotent("groups.create");
  static final Operation GROUPS_GET = Operation.idempotent("groups.get");
  static final Operation GROUPS_ADD = Operation.idempotent("groups.addMembers");
  static final Operation GROUPS_REMOVE = Operation.idempotent("groups.removeMembers");
  static final Operation GROUPS_MEMBERS = Operation.idempotent("groups.members");
  static final Operation GROUPS_DELETE = Operation.idempotent("groups.delete");

  private Ops() {}
}
