package io.imfacade;

import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import java.util.Set;

/**
 * A client of one vendor app, opened by {@link ImFacade#open}. Thread-safe: share one per app (per
 * tenant in a multi-tenant backend) and close it when done.
 */
public interface ImClient extends AutoCloseable {

  /** The provider id, such as {@code easemob}. */
  String provider();

  /** The optional operations this client offers. */
  Set<Capability> capabilities();

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

  /**
   * Releases what this client owns. Resources shared with other clients (the connection pool)
   * stay open. Calling it twice is harmless; calls after it throw {@link IllegalStateException}.
   */
  @Override
  void close();
}
