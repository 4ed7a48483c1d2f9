package io.imfacade.spi;

import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;

/**
 * A provider's side of a client: the services over one vendor app, as {@link ImProvider#create}
 * builds them. {@link io.imfacade.ImFacade#open} wraps it in the neutral guard, which is what
 * users hold ({@link io.imfacade.ImClient}).
 *
 * <p>The guard calls the services only with clean input: ids checked against the provider's
 * {@link VendorLimits} and in lower case, collections non-null and without duplicates, values
 * within their limits, capabilities the client offers, and never after {@link #close()}. The
 * services need not (and should not) check any of it again. Results of batch reads are keyed by
 * the lower-case ids they were given; the guard re-keys them to the caller's spelling.
 *
 * <p>A service of a capability the client lacks is never called and may throw anything.
 */
public interface ProviderClient extends AutoCloseable {

  /** User profiles. */
  UserProfileService profiles();

  /** Group member attributes. */
  GroupMemberAttributes groupMemberAttributes();

  /** Contacts and block lists. */
  ContactGraph contacts();

  /** Users' accounts. The guard asks for it on each call. */
  UserAccounts accounts();

  /** Groups and their members. The guard asks for it on each call. */
  Groups groups();

  /** Releases what this client owns; called once, by the guard. */
  @Override
  void close();

  /**
   * A client of the five services; {@code onClose} runs when it closes.
   *
   * @param label a non-secret description for {@code toString()}, such as the vendor app key
   */
  static ProviderClient of(String label, UserProfileService profiles, GroupMemberAttributes members,
      ContactGraph contacts, UserAccounts accounts, Groups groups, Runnable onClose) {
    return new ServicesClient(label, profiles, members, contacts, accounts, groups, onClose);
  }
}
