package io.imfacade.easemob;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import java.util.Set;

/** An {@link ImClient} of one Easemob-family app. Thread-safe. */
final class FamilyClient implements ImClient {

  private final Family family;
  private final String app;
  private final UserProfileService profiles;
  private final GroupMemberAttributes members;
  private final ContactGraph contacts;

  FamilyClient(Family family, String app) {
    this.family = family;
    this.app = app;
    this.profiles = new FamilyProfiles(family);
    this.members = new FamilyMemberAttributes(family);
    this.contacts = new FamilyContacts(family);
  }

  @Override
  public String provider() {
    return family.provider;
  }

  @Override
  public Set<Capability> capabilities() {
    return family.capabilities;
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

  /** Marks the client closed; the connection pool and the rate limiter belong to the context. */
  @Override
  public void close() {
    family.close();
  }

  @Override
  public String toString() {
    return "ImClient{provider=" + family.provider + ", app=" + app + '}';
  }
}
