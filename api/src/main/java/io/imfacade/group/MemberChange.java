package io.imfacade.group;

/** What adding or removing one member did. */
public enum MemberChange {
  /** The user became a member. */
  ADDED,
  /** The user was a member already: nothing changed. */
  ALREADY_MEMBER,
  /** The user is no longer a member. */
  REMOVED,
  /** The user was not a member: nothing changed. */
  NOT_A_MEMBER
}
