package io.imfacade.migrate;

/** What a run counts in its {@link Summary}: each kind of thing it reads or writes. */
public enum Item {
  /** Users: accounts (registered at the target; exported from the source). */
  USERS("users"),
  /** Profile values: each neutral field and each custom attribute of a profile. */
  PROFILE_VALUES("profile values"),
  /** Contact relations, each pair of users counted once (a relation is two-way). */
  CONTACTS("contacts"),
  /** Remarks, one per owner and friend. */
  REMARKS("remarks"),
  /** Block-list entries, one per owner and blocked user. */
  BLOCKS("blocks"),
  /** Groups. */
  GROUPS("groups"),
  /** Group memberships, the owner's included. */
  MEMBERS("members"),
  /** Member attributes, one per member and key. */
  MEMBER_ATTRIBUTES("member attributes");

  private final String label;

  Item(String label) {
    this.label = label;
  }

  /** A lower-case name for summaries, such as {@code profile values}. */
  public String label() {
    return label;
  }
}
