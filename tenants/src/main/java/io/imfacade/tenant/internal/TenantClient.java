package io.imfacade.tenant.internal;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderMetadata;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The stable handle of one tenant: what {@link io.imfacade.tenant.ImTenants#client(String)}
 * returns. It holds no client itself: each call takes a reference to the tenant's current
 * underlying client from the registry (opening it again if it was evicted) and gives it back when
 * the call ends, so a handle stays valid across rotations and evictions, and a rotation never
 * fails a call that started on the old client.
 */
public final class TenantClient implements ImClient {

  private final String tenantId;
  private final TenantRegistry registry;
  private final UserProfileService profiles = new RoutedProfiles(this);
  private final GroupMemberAttributes members = new RoutedMemberAttributes(this);
  private final ContactGraph contacts = new RoutedContacts(this);
  private final UserAccounts accounts = new RoutedAccounts(this);
  private final Groups groups = new RoutedGroups(this);

  TenantClient(String tenantId, TenantRegistry registry) {
    this.tenantId = tenantId;
    this.registry = registry;
  }

  /** The tenant this handle serves. */
  public String tenantId() {
    return tenantId;
  }

  /** Runs one call on the tenant's current client, holding a reference to it meanwhile. */
  <T> T call(Function<ImClient, T> work) {
    Generation g = registry.acquire(tenantId);
    try {
      return work.apply(g.client());
    } finally {
      g.release();
    }
  }

  /** {@link #call} for work that answers nothing. */
  void run(Consumer<ImClient> work) {
    call(c -> {
      work.accept(c);
      return null;
    });
  }

  /** The client in use now, for what makes no call (provider id, metadata). */
  private ImClient current() {
    return registry.current(tenantId);
  }

  @Override
  public String provider() {
    return current().provider();
  }

  @Override
  public Set<Capability> capabilities() {
    return current().capabilities();
  }

  @Override
  public ProviderMetadata metadata() {
    return current().metadata();
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
  public UserAccounts accounts() {
    return accounts;
  }

  @Override
  public Groups groups() {
    return groups;
  }

  /**
   * This handle, or the object behind the tenant's current client (which a later rotation may
   * close: unwrap again rather than keep it).
   */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return call(c -> c.unwrap(type));
  }

  /**
   * Does nothing: the registry owns the tenant's client (evict it with {@link
   * io.imfacade.tenant.ImTenants#evict(String)}, or close the registry). A try-with-resources around
   * a handle is therefore harmless.
   */
  @Override
  public void close() {
    // the registry closes the underlying clients
  }

  @Override
  public String toString() {
    return "ImClient{tenant=" + tenantId + '}';
  }
}
