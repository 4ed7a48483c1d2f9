package io.imfacade.easemob.family.internal;

import io.imfacade.http.Operation;

/**
 * The neutral operations of the Easemob family and whether each may be repeated after an
 * ambiguous failure (a 5xx or a broken connection after the request was sent).
 *
 * <p>All but three are safe to repeat, which is why they are declared idempotent:
 *
 * <ul>
 *   <li>reads ({@code GET}, and the {@code POST .../get} batch reads) change nothing;
 *   <li>{@code PUT metadata/...} writes the same key/values again, {@code PUT .../contacts/users}
 *       the same remark again;
 *   <li>{@code DELETE} of attributes, a contact or a block-list entry leaves the same state when
 *       repeated, and the family turns the "already gone" answer into success;
 *   <li>{@code POST .../contacts/users/{friend}} adds a relation that, once there, is left as it is
 *       (the neutral contract: adding an existing contact changes nothing); the vendor's answer to
 *       the repeat is not documented, so a refusal of it is read back ({@code FamilyContacts}) and
 *       a retry whose first attempt landed still succeeds;
 *   <li>{@code POST .../blocks/users} adds to a set: blocking a blocked user changes nothing, and
 *       a refusal or a {@code data} without the repeated users is read back the same way;
 *   <li>{@code POST /token} only issues another token (an app token, or a user token by user id);
 *   <li>{@code PUT users/{u}/password} sets the same password again; {@code DELETE users/{u}} of a
 *       user gone is read back ({@code FamilyAccounts});
 *   <li>{@code POST chatgroups/{g}/users} adds to a set and {@code DELETE chatgroups/{g}/users/...}
 *       removes from it; a repeat meets "already in group" / "not members", and both are decided
 *       by reading the group back ({@code FamilyGroups}).
 * </ul>
 *
 * <p>Not idempotent, so never repeated after an ambiguous failure: <b>registering</b> users (the
 * repeat of a registration that landed answers "exists", which would report the caller's own new
 * user as a conflict), <b>creating a group</b> (a repeat creates a second group) and <b>deleting a
 * group</b> (the repeat of a delete that landed answers 404, which would report a deleted group as
 * unknown). Their ambiguous failures reach the caller as a retryable {@link
 * io.imfacade.error.ProviderUnavailableException}.
 */
final class Ops {

  static final Operation TOKEN = Operation.idempotent("auth.token");

  static final Operation PROFILES_GET = Operation.idempotent("profiles.get");
  static final Operation PROFILES_GET_ALL = Operation.idempotent("profiles.getAll");
  static final Operation PROFILES_UPDATE = Operation.idempotent("profiles.update");
  static final Operation PROFILES_DELETE = Operation.idempotent("profiles.delete");
  static final Operation PROFILES_TOTAL_SIZE = Operation.idempotent("profiles.totalSizeBytes");

  static final Operation MEMBERS_GET = Operation.idempotent("groupMemberAttributes.get");
  static final Operation MEMBERS_SET = Operation.idempotent("groupMemberAttributes.set");
  static final Operation MEMBERS_SET_ALL = Operation.idempotent("groupMemberAttributes.setAll");

  static final Operation CONTACTS_ADD = Operation.idempotent("contacts.addContact");
  static final Operation CONTACTS_REMOVE = Operation.idempotent("contacts.removeContact");
  static final Operation CONTACTS_SET_REMARK = Operation.idempotent("contacts.setRemark");
  static final Operation CONTACTS_LIST = Operation.idempotent("contacts.contacts");
  static final Operation CONTACTS_BLOCK = Operation.idempotent("contacts.block");
  static final Operation CONTACTS_UNBLOCK = Operation.idempotent("contacts.unblock");
  static final Operation CONTACTS_BLOCKED = Operation.idempotent("contacts.blocked");

  static final Operation ACCOUNTS_REGISTER = Operation.nonIdempotent("accounts.register");
  static final Operation ACCOUNTS_REGISTER_ALL = Operation.nonIdempotent("accounts.registerAll");
  static final Operation ACCOUNTS_GET = Operation.idempotent("accounts.get");
  static final Operation ACCOUNTS_DELETE = Operation.idempotent("accounts.delete");
  static final Operation ACCOUNTS_SET_PASSWORD = Operation.idempotent("accounts.setPassword");
  static final Operation ACCOUNTS_ISSUE_TOKEN = Operation.idempotent("accounts.issueToken");

  static final Operation GROUPS_CREATE = Operation.nonIdempotent("groups.create");
  static final Operation GROUPS_GET = Operation.idempotent("groups.get");
  static final Operation GROUPS_ADD = Operation.idempotent("groups.addMembers");
  static final Operation GROUPS_REMOVE = Operation.idempotent("groups.removeMembers");
  static final Operation GROUPS_MEMBERS = Operation.idempotent("groups.members");
  static final Operation GROUPS_DELETE = Operation.nonIdempotent("groups.delete");

  private Ops() {}
}
