package io.imfacade;

import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderMetadata;
import java.util.Set;

/**
 * A client of one vendor app, opened by {@link ImFacade#open}. Thread-safe: share one per app (per
 * tenant in a multi-tenant backend) and close it when done.
 *
 * <p>Every call goes through one neutral guard before the provider sees it: arguments are checked
 * against the vendor's limits (an {@link InvalidRequestException} before any network call), user
 * ids are normalised, and a capability the provider lacks fails with an {@link
 * io.imfacade.error.UnsupportedCapabilityException} that says why. The same mistake therefore
 * fails the same way on every provider.
 */
public interface ImClient extends AutoCloseable {

  /** The provider id, such as {@code easemob}. */
  String provider();

  /** The optional operations this client offers. */
  Set<Capability> capabilities();

  /**
   * What this client enforces and offers: its provider's metadata as it applies to this client
   * (the in-memory provider's depends on {@code inmemory.limits}), with the vendor's limits in the
   * vendor's units. By default, the provider's declared metadata.
   */
  default ProviderMetadata metadata() {
    return ImFacade.metadata(provider()).orElseThrow(() -> new InvalidRequestException("provider",
        "no provider '" + provider() + "' on the classpath"));
  }

  /** User profiles. */
  UserProfileService profiles();

  /**
   * Group member attributes; its methods throw {@link
   * io.imfacade.error.UnsupportedCapabilityException} without {@link
   * Capability#GROUP_MEMBER_ATTRIBUTES}.
   */
  GroupMemberAttributes groupMemberAttributes();

  /** Contacts and block lists. */
  ContactGraph contacts();

  /** Users' accounts: registration, existence, deletion, login credentials. */
  UserAccounts accounts();

  /** Groups and their members. */
  Groups groups();

  /**
   * The provider's own object behind this client, for what only that provider offers (the
   * in-memory provider's fixtures, say), in the manner of JDBC's and JCache's {@code unwrap}.
   *
   * @throws InvalidRequestException if this client is not backed by a {@code type}
   */
  default <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new InvalidRequestException("type", "this client is not a " + type.getName());
  }

  /**
   * Releases what this client owns. Resources shared with other clients (the connection pool)
   * stay open. Calling it twice is harmless; calls after it throw {@link IllegalStateException}.
   */
  @Override
  void close();
}
