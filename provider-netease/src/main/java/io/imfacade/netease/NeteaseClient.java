package io.imfacade.netease;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import java.util.Set;

/** An {@link ImClient} of one NetEase app. Thread-safe. */
final class NeteaseClient implements ImClient {

  private final NeteaseApp app;
  private final String appKey;
  private final UserProfileService profiles;
  private final GroupMemberAttributes members;
  private final ContactGraph contacts;

  NeteaseClient(NeteaseApp app, String appKey) {
    this.app = app;
    this.appKey = appKey;
    this.profiles = new NeteaseProfiles(app);
    this.members = new NeteaseMemberAttributes(app);
    this.contacts = new NeteaseContacts(app);
  }

  @Override
  public String provider() {
    return app.provider;
  }

  @Override
  public Set<Capability> capabilities() {
    return app.capabilities;
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
    app.close();
  }

  @Override
  public String toString() {
    return "ImClient{provider=" + app.provider + ", appKey=" + appKey + '}';
  }
}
