package io.imfacade.http;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link ImClient} of a remote provider: its three services and what closing releases. The
 * connection pool and the rate limiter belong to the {@link io.imfacade.spi.ProviderContext}, so
 * closing a client leaves them to the other clients. Immutable and thread-safe.
 */
public final class RemoteImClient implements ImClient {

  private final String provider;
  private final String app;
  private final Set<Capability> capabilities;
  private final UserProfileService profiles;
  private final GroupMemberAttributes members;
  private final ContactGraph contacts;
  private final Runnable onClose;

  /**
   * A client.
   *
   * @param app a non-secret label of the vendor app for {@link #toString()}, such as its app key
   * @param onClose what closing does, typically marking the services closed
   */
  public RemoteImClient(String provider, String app, Set<Capability> capabilities, UserProfileService profiles,
      GroupMemberAttributes members, ContactGraph contacts, Runnable onClose) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.app = Objects.requireNonNull(app, "app");
    this.capabilities = Set.copyOf(capabilities);
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.members = Objects.requireNonNull(members, "members");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public UserProfileService profiles() {
    return profiles;
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return members;
  }

  @Override
  public ContactGraph contacts() {
    return contacts;
  }

  @Override
  public void close() {
    onClose.run();
  }

  @Override
  public String toString() {
    return "ImClient{provider=" + provider + ", app=" + app + '}';
  }
}
