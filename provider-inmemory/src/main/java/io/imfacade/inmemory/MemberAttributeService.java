package io.imfacade.inmemory;

import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Group member attributes, with Easemob's semantics: merge on write, {@code ""} removes a key. The
 * guard has checked ids, keys, values and each request's own size; what is left is the state:
 * whether the group exists, whether the user is a member, and whether the merged attributes fit.
 */
final class MemberAttributeService implements GroupMemberAttributes {

  private final Store store;
  private final VendorLimits limits;

  MemberAttributeService(Store store, VendorLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    Op op = Op.MEMBERS_GET;
    return store.read(() -> {
      Map<String, String> attributes = store.requireGroup(op, groupId).members.get(userId);
      if (attributes == null) {
        throw notInGroup(op, groupId, userId);
      }
      return attributes;
    });
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    Set<String> wanted = Set.copyOf(keys);
    return store.read(() -> {
      StoredGroup group = store.requireGroup(Op.MEMBERS_GET, groupId);
      Map<String, Map<String, String>> result = new LinkedHashMap<>();
      for (String uid : userIds) {
        Map<String, String> attributes = group.members.get(uid);
        if (attributes != null) {
          result.put(uid, wanted.isEmpty() ? attributes : select(attributes, wanted));
        }
      }
      return result;
    });
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
    return store.write(() -> write(op, store.requireGroup(op, groupId), groupId, userId, attributes));
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    Op op = Op.MEMBERS_SET_ALL;
    return store.write(() -> {
      StoredGroup group = store.requireGroup(op, groupId);
      Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
      Map<String, ImException> failed = new LinkedHashMap<>();
      attributesByUser.forEach((uid, request) -> {
        try {
          succeeded.put(uid, write(op, group, groupId, uid, request));
        } catch (NotFoundException | QuotaExceededException e) {
          failed.put(uid, e);
        }
      });
      return new BatchResult(succeeded, failed);
    });
  }

  /** Merges one member's request; returns the non-empty pairs written. */
  private Map<String, String> write(Op op, StoredGroup group, String gid, String uid, Map<String, String> request) {
    Map<String, String> after = group.members.computeIfPresent(uid, (k, current) -> {
      Map<String, String> merged = new LinkedHashMap<>(current);
      request.forEach((key, value) -> {
        if (value.isEmpty()) {
          merged.remove(key);
        } else {
          merged.put(key, value);
        }
      });
      int size = Sizes.jsonObjectBytes(merged);
      if (size > limits.memberTotalBytes()) {
        throw op.quotaExceeded("the attributes of member " + uid + " would take " + size + " bytes, over the "
            + limits.name() + " limit of " + limits.memberTotalBytes() + " bytes; nothing was written");
      }
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
