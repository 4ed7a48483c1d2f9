package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Group member attributes, with Easemob's semantics: merge on write, {@code ""} removes a key. */
final class MemberAttributeService implements GroupMemberAttributes {

  private final Store store;
  private final Checks checks;
  private final LimitsMode mode;

  MemberAttributeService(Store store, Checks checks, LimitsMode mode) {
    this.store = store;
    this.checks = checks;
    this.mode = mode;
  }

  private void begin() {
    store.checkOpen();
    mode.require(Capability.GROUP_MEMBER_ATTRIBUTES);
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    Op op = Op.MEMBERS_GET;
    begin();
    String gid = checks.group(op, groupId);
    String uid = checks.user(op, "userId", userId);
    Map<String, String> attributes = store.requireGroup(op, gid).members.get(uid);
    if (attributes == null) {
      throw notInGroup(op, gid, uid);
    }
    return attributes;
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    Op op = Op.MEMBERS_GET;
    begin();
    String gid = checks.group(op, groupId);
    Set<String> uids = checks.users(op, "userIds", userIds);
    if (keys == null) {
      throw op.invalid("keys", "keys must not be null: use an empty collection for all keys");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String key : keys) {
      if (key == null) {
        throw op.invalid("keys", "keys must not contain null");
      }
      wanted.add(key);
    }
    Group group = store.requireGroup(op, gid);
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (String uid : uids) {
      Map<String, String> attributes = group.members.get(uid);
      if (attributes != null) {
        result.put(uid, wanted.isEmpty() ? attributes : select(attributes, wanted));
      }
    }
    return result;
  }

  private static Map<String, String> select(Map<String, String> attributes, Set<String> keys) {
    Map<String, String> selected = new LinkedHashMap<>();
    attributes.forEach((k, v) -> {
      if (keys.contains(k)) {
        selected.put(k, v);
      }
    });
    return Collections.unmodifiableMap(selected);
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    Op op = Op.MEMBERS_SET;
    begin();
    String gid = checks.group(op, groupId);
    String uid = checks.user(op, "userId", userId);
    Map<String, String> request = copy(attributes);
    checks.memberAttributes(op, request);
    return store.write(() -> write(op, store.requireGroup(op, gid), gid, uid, request));
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    Op op = Op.MEMBERS_SET_ALL;
    begin();
    String gid = checks.group(op, groupId);
    if (attributesByUser == null || attributesByUser.isEmpty()) {
      throw op.invalid("attributesByUser", "attributesByUser must name at least one member");
    }
    // Every id and every map is checked before anything is written: a malformed request fails as
    // a whole, as the remote providers fail it before sending.
    Map<String, Map<String, String>> requests = new LinkedHashMap<>();
    attributesByUser.forEach((user, attributes) -> {
      String uid = checks.user(op, "userId", user);
      Map<String, String> request = copy(attributes);
      checks.memberAttributes(op, request);
      if (requests.putIfAbsent(uid, request) != null) {
        throw op.invalid("attributesByUser",
            "attributesByUser names member " + uid + " twice (user ids are case-insensitive)");
      }
    });
    return store.write(() -> {
      Group group = store.requireGroup(op, gid);
      Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
      Map<String, ImException> failed = new LinkedHashMap<>();
      requests.forEach((uid, request) -> {
        try {
          succeeded.put(uid, write(op, group, gid, uid, request));
        } catch (NotFoundException | QuotaExceededException e) {
          failed.put(uid, e);
        }
      });
      return new BatchResult(succeeded, failed);
    });
  }

  /** A private copy, so that the caller changing its map cannot undo the checks. Keeps nulls for them. */
  private static Map<String, String> copy(Map<String, String> attributes) {
    return attributes == null ? null : new LinkedHashMap<>(attributes);
  }

  /** Merges one member's request; returns the non-empty pairs written. */
  private Map<String, String> write(Op op, Group group, String gid, String uid, Map<String, String> request) {
    Map<String, String> after = group.members.computeIfPresent(uid, (k, current) -> {
      Map<String, String> merged = new LinkedHashMap<>(current);
      request.forEach((key, value) -> {
        if (value.isEmpty()) {
          merged.remove(key);
        } else {
          merged.put(key, value);
        }
      });
      checks.memberTotal(op, uid, merged);
      return Collections.unmodifiableMap(merged);
    });
    if (after == null) {
      throw notInGroup(op, gid, uid);
    }
    Map<String, String> written = new LinkedHashMap<>();
    request.forEach((key, value) -> {
      if (!value.isEmpty()) {
        written.put(key, value);
      }
    });
    return Collections.unmodifiableMap(written);
  }

  private static NotFoundException notInGroup(Op op, String gid, String uid) {
    return op.notFound("user not in group: " + uid + " is not a member of group " + gid);
  }
}
