package io.imfacade.inmemory;

import io.imfacade.spi.IdRule;
import io.imfacade.spi.VendorLimits;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InMemoryAdmin} of one client. The guard does not see these calls, so they check their
 * own ids, with the client's {@link IdRule}s, and lower-case user ids as the guard does.
 */
final class Admin implements InMemoryAdmin {

  private final Store store;
  private final VendorLimits limits;

  Admin(Store store, VendorLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  private String user(Op op, String field, @Nullable String id) {
    return id(op, field, id, limits.userId()).toLowerCase(Locale.ROOT);
  }

  private String group(Op op, @Nullable String id) {
    return id(op, "groupId", id, limits.groupId());
  }

  private static String id(Op op, String field, @Nullable String id, IdRule rule) {
    if (id == null) {
      throw op.invalid(field, field + " must not be null");
    }
    String problem = rule.violation(id);
    if (problem != null) {
      throw op.invalid(field, field + " '" + id + "' " + problem);
    }
    return id;
  }

  private Set<String> users(Op op, String field, @Nullable Collection<@Nullable String> ids) {
    if (ids == null) {
      throw op.invalid(field, field + " must not be null");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(user(op, field + " element", id));
    }
    return distinct;
  }

  @Override
  public void createUsers(Collection<String> userIds) {
    Set<String> ids = users(Op.ADMIN_CREATE_USERS, "userIds", userIds);
    store.write(() -> store.users.addAll(ids));
  }

  @Override
  public void createUsers(String @Nullable ... userIds) {
    createUsers(userIds == null ? null : Arrays.asList(userIds));
  }

  @Override
  public boolean userExists(String userId) {
    String id = user(Op.ADMIN_USER_EXISTS, "userId", userId);
    store.requireOpen();
    return store.read(() -> store.exists(id));
  }

  @Override
  public void createGroup(String groupId, String owner, Collection<String> members) {
    Op op = Op.ADMIN_CREATE_GROUP;
    String gid = group(op, groupId);
    String o = user(op, "owner", owner);
    Set<String> ids = users(op, "members", members);
    store.write(() -> {
      store.requireUserForWrite(op, o);
      for (String id : ids) {
        store.requireUserForWrite(op, id);
      }
      Group group = new Group(o);
      for (String id : ids) {
        group.members.putIfAbsent(id, Map.of());
      }
      if (store.groups.putIfAbsent(gid, group) != null) {
        throw op.conflict("group " + gid + " already exists");
      }
    });
  }

  @Override
  public void addMembers(String groupId, Collection<String> userIds) {
    Op op = Op.ADMIN_ADD_MEMBERS;
    String gid = group(op, groupId);
    Set<String> ids = users(op, "userIds", userIds);
    store.write(() -> {
      Group group = store.requireGroup(op, gid);
      for (String id : ids) {
        store.requireUserForWrite(op, id);
      }
      for (String id : ids) {
        group.members.putIfAbsent(id, Map.of());
      }
    });
  }

  @Override
  public void removeMembers(String groupId, Collection<String> userIds) {
    Op op = Op.ADMIN_REMOVE_MEMBERS;
    String gid = group(op, groupId);
    Set<String> ids = users(op, "userIds", userIds);
    store.write(() -> {
      Group group = store.requireGroup(op, gid);
      if (ids.contains(group.owner)) {
        throw op.invalid("userIds", group.owner + " owns group " + gid + " and cannot leave it: delete the group instead");
      }
      group.members.keySet().removeAll(ids);
    });
  }

  @Override
  public void deleteGroup(String groupId) {
    Op op = Op.ADMIN_DELETE_GROUP;
    String gid = group(op, groupId);
    store.write(() -> {
      if (store.groups.remove(gid) == null) {
        throw op.notFound("group not exists: " + gid);
      }
    });
  }
}
