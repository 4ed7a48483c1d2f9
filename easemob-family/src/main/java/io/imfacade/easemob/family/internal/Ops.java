package io.imfacade.easemob.family.internal;

import io.imfacade.http.Operation;

/**
 * The neutral operations of the Easemob family and whether each may be repeated after an
 * ambiguous failure (a 5xx or a broken connection after the request was sent).
 *
 * <p>Every one of them is safe to repeat, which is why all are declared idempotent:
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
 *   <li>{@code POST /token} only issues another token.
 * </ul>
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

  private Ops() {}
}
