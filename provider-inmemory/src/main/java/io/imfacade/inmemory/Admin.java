package io.imfacade.inmemory;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The {@link InMemoryAdmin} of one client. */
final class Admin implements InMemoryAdmin {

  private final Store store;
  private final Checks checks;

  Admin(Store store, Checks checks) {
    this.store = store;
    this.checks = checks;
  }

  @Override
  public void createUsers(Collection<String> userIds) {
    store.checkOpen();
    Set<String> ids = checks.users(Op.ADMIN_CREATE_USERS, "userIds", userIds);
    store.write(() -> store.users.addAll(ids));
  }

  @Override
  public void createUsers(String... userIds) {
    if (userIds == null) {
      throw Op.ADMIN_CREATE_USERS.invalid("userIds", "userIds must not be null");
    }
    createUsers(Arrays.asList(userIds));
  }

  @Override
  public boolean userExists(String userId) {
    store.checkOpen();
    return store.exists(checks.user(Op.ADMIN_USER_EXISTS, "userId", userId));
  }

  @Override
  public void createGroup(String groupId, String owner, Collection<String> members) {
    Op op = Op.ADMIN_CREATE_GROUP;
    store.checkOpen();
    String gid = checks.group(op, groupId);
    String o = checks.user(op, "owner", owner);
    Set<String> ids = checks.users(op, "members", members);
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
    store.checkOpen();
    String gid = checks.group(op, groupId);
    Set<String> ids = checks.users(op, "userIds", userIds);
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
    store.checkOpen();
    String gid = checks.group(op, groupId);
    Set<String> ids = checks.users(op, "userIds", userIds);
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
    store.checkOpen();
    String gid = checks.group(op, groupId);
    store.write(() -> {
      if (store.groups.remove(gid) == null) {
        throw op.notFound("group not exists: " + gid);
      }
    });
  }
}
