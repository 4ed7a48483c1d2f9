package io.imfacade.migrate;

/**
 * The steps of a run, in order. An export runs {@link #EXPORT}; an import or a migration runs
 * {@link #USERS}, {@link #RELATIONS}, {@link #GROUPS} and, when asked, {@link #VERIFY}. A run ends
 * in {@link #DONE}. The checkpoint records the phase a run reached, so that a resumed run starts
 * there.
 */
public enum Phase {
  /** Reading users and groups from the source into the dump. */
  EXPORT("export"),
  /**
   * Registering every user's account at the target and writing the profiles. Accounts come first
   * because contacts, block lists and group memberships can only name users that exist.
   */
  USERS("users"),
  /** Contacts, remarks and block lists, once every account exists. */
  RELATIONS("relations"),
  /** Groups (created at the target, which issues their ids), members and member attributes. */
  GROUPS("groups"),
  /** Reading the target back and comparing it with what was to be written. */
  VERIFY("verify"),
  /** Nothing left to do. */
  DONE("done");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  /** A lower-case name for messages and progress lines. */
  public String label() {
    return label;
  }
}
