package io.imfacade.internal;

import io.imfacade.Capability;
import io.imfacade.error.ImException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The guard of {@link GroupMemberAttributes}. */
final class GuardedMemberAttributes extends GuardedService<GroupMemberAttributes> implements GroupMemberAttributes {

  GuardedMemberAttributes(GuardedClient guard, GroupMemberAttributes raw) {
    super(guard, raw);
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    String op = "groupMemberAttributes.get";
    return guard.call(op, () -> {
      guard.require(Capability.GROUP_MEMBER_ATTRIBUTES);
      return raw.get(inputs.group(op, groupId), inputs.user(op, "userId", userId));
    });
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    String op = "groupMemberAttributes.get";
    return guard.call(op, () -> {
      guard.require(Capability.GROUP_MEMBER_ATTRIBUTES);
      String gid = inputs.group(op, groupId);
      List<String> uids = inputs.users(op, "userIds", userIds);
      List<String> wanted = inputs.keys(op, keys);
      return uids.isEmpty() ? Map.of() : CallerIds.rekey(userIds, raw.get(gid, uids, wanted));
    });
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    String op = "groupMemberAttributes.set";
    return guard.call(op, () -> {
      guard.require(Capability.GROUP_MEMBER_ATTRIBUTES);
      String gid = inputs.group(op, groupId);
      String uid = inputs.user(op, "userId", userId);
      return raw.set(gid, uid, inputs.memberAttributes(op, uid, attributes));
    });
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    String op = "groupMemberAttributes.setAll";
    return guard.call(op, () -> setAll(op, groupId, attributesByUser));
  }

  private BatchResult setAll(String op, String groupId, Map<String, Map<String, String>> attributesByUser) {
    guard.require(Capability.GROUP_MEMBER_ATTRIBUTES);
    String gid = inputs.group(op, groupId);
    if (attributesByUser == null || attributesByUser.isEmpty()) {
      throw inputs.invalid(op, "attributesByUser", "attributesByUser must name at least one member");
    }
    // Everything is checked before anything is sent: a malformed request fails as a whole.
    Map<String, Map<String, String>> requests = new LinkedHashMap<>();
    Map<String, String> callerIds = new LinkedHashMap<>();
    attributesByUser.forEach((user, attributes) -> {
      String uid = inputs.user(op, "userId", user);
      String previous = callerIds.putIfAbsent(uid, user);
      if (previous != null) {
        throw inputs.invalid(op, "attributesByUser", "attributesByUser names member " + uid + " twice ('"
            + previous + "' and '" + user + "'; user ids are case-insensitive)");
      }
      requests.put(uid, inputs.memberAttributes(op, uid, attributes));
    });
    return CallerIds.rekey(callerIds, complete(op, requests, raw.setAll(gid, requests)));
  }

  /** Every member of the request in exactly one of the maps, in request order: nothing dropped. */
  private BatchResult complete(String op, Map<String, Map<String, String>> requests, BatchResult result) {
    if (result.succeeded().size() + result.failed().size() == requests.size()
        && requests.keySet().stream().allMatch(u -> result.succeeded().containsKey(u) || result.failed().containsKey(u))) {
      return result;
    }
    Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failed = new LinkedHashMap<>();
    for (String uid : requests.keySet()) {
      if (result.succeeded().containsKey(uid)) {
        succeeded.put(uid, result.succeeded().get(uid));
      } else {
        failed.put(uid, result.failed().containsKey(uid) ? result.failed().get(uid)
            : new ProviderUnavailableException("the provider reported no outcome for member " + uid
                + "; its attributes may or may not have been written",
                inputs.details(op).toBuilder().retryable(true).build()));
      }
    }
    return new BatchResult(succeeded, failed);
  }
}
