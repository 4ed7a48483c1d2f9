package io.imfacade.tenant.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.group.Group;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import java.util.Collection;
import java.util.Optional;

/** A tenant's groups: each call (each page of a stream) on the tenant's current client. */
final class RoutedGroups implements Groups {

  private final TenantClient tenant;

  RoutedGroups(TenantClient tenant) {
    this.tenant = tenant;
  }

  @Override
  public Group create(NewGroup group) {
    return tenant.call(c -> c.groups().create(group));
  }

  @Override
  public Optional<Group> get(String groupId) {
    return tenant.call(c -> c.groups().get(groupId));
  }

  @Override
  public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
    return tenant.call(c -> c.groups().addMembers(groupId, userIds));
  }

  @Override
  public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
    return tenant.call(c -> c.groups().removeMembers(groupId, userIds));
  }

  @Override
  public Page<String> members(String groupId, PageRequest page) {
    return tenant.call(c -> c.groups().members(groupId, page));
  }

  @Override
  public void delete(String groupId) {
    tenant.run(c -> c.groups().delete(groupId));
  }
}
