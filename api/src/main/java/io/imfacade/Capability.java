package io.imfacade;

/**
 * An optional operation that a provider may or may not offer. The operations of the services not
 * named here are offered by every provider.
 *
 * <p>A provider lists what it offers in {@link ImClient#capabilities()}; calling an operation it
 * does not offer throws {@link io.imfacade.error.UnsupportedCapabilityException} with the reason.
 */
public enum Capability {
  /** {@link io.imfacade.profile.UserProfileService#totalSizeBytes()}: the app's attribute storage. */
  PROFILE_TOTAL_SIZE("profiles.totalSizeBytes"),
  /** Profile attributes beyond the eight neutral fields ({@code UserProfile.customAttributes()}). */
  PROFILE_CUSTOM_ATTRIBUTES("profiles.customAttributes"),
  /** The whole {@link io.imfacade.group.GroupMemberAttributes} service. */
  GROUP_MEMBER_ATTRIBUTES("groupMemberAttributes"),
  /** {@link io.imfacade.contact.ContactGraph#setRemark} and remarks in contact lists. */
  CONTACT_REMARK("contacts.setRemark"),
  /** Block, unblock and the block list of {@link io.imfacade.contact.ContactGraph}. */
  BLOCK_LIST("contacts.block"),
  /** {@link io.imfacade.account.UserAccounts#delete}: NetEase has no account deletion. */
  ACCOUNT_DELETE("accounts.delete"),
  /** {@link io.imfacade.account.UserAccounts#setPassword}. */
  ACCOUNT_PASSWORD("accounts.setPassword"),
  /** {@link io.imfacade.account.UserAccounts#issueToken}. */
  ACCOUNT_TOKEN("accounts.issueToken");

  private final String operation;

  Capability(String operation) {
    this.operation = operation;
  }

  /** The neutral operation name used in errors and logs. */
  public String operation() {
    return operation;
  }
}
