package io.imfacade.tenant.internal;

import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import java.util.Collection;
import java.util.Map;

/** A tenant's group member attributes: each call on the tenant's current client. */
final class RoutedMemberAttributes implements GroupMemberAttributes {

  private final TenantClient tenant;

  RoutedMemberAttributes(TenantClient tenant) {
    this.tenant = tenant;
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    return tenant.call(c -> c.groupMemberAttributes().get(groupId, userId));
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    return tenant.call(c -> c.groupMemberAttributes().get(groupId, userIds, keys));
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    return tenant.call(c -> c.groupMemberAttributes().set(groupId, userId, attributes));
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    return tenant.call(c -> c.groupMemberAttributes().setAll(groupId, attributesByUser));
  }
}
