package io.imfacade.easemob;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.Capability;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.spi.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Group member attributes over {@code metadata/chatgroup} (seed 001). Writes merge into what the
 * member has and an empty value removes its key, as on the vendor.
 *
 * <p>{@link #setAll} sends chunks of at most the vendor's batch size (20). The vendor refuses a
 * whole chunk with 400 "Some users are not in the group: a,b" when some of its members are not in
 * the group; those members are reported as failed ({@link NotFoundException} "user not in group")
 * and the chunk is sent again without them, which is safe because the write is a {@code PUT} of the
 * same values. A missing group fails the whole call.
 *
 * <p>In a batch read, a user the answer does not name is not a member; a member without any of the
 * asked keys comes back as an empty map. A batch read of no users answers an empty map without
 * asking the vendor, so it does not tell whether the group exists.
 */
final class FamilyMemberAttributes implements GroupMemberAttributes {

  /** The names after the colon of "Some users are not in the group: user1,user2". */
  private static final Pattern NOT_IN_GROUP = Pattern.compile("(?i)not in (?:the )?group\\s*:\\s*(.+)");

  private final Family family;

  FamilyMemberAttributes(Family family) {
    this.family = family;
  }

  private void begin() {
    family.checkOpen();
    family.require(Capability.GROUP_MEMBER_ATTRIBUTES);
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    Operation op = Ops.MEMBERS_GET;
    begin();
    String gid = family.checks.group(op, groupId);
    String uid = family.checks.user(op, "userId", userId);
    Wire.DataResponse<JsonNode> answer = family.call(op, auth -> family.api.getMemberMetadata(auth, gid, uid));
    return Collections.unmodifiableMap(nonEmpty(Wire.attributes(answer == null ? null : answer.data)));
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    Operation op = Ops.MEMBERS_GET;
    begin();
    String gid = family.checks.group(op, groupId);
    List<String> uids = family.checks.users(op, "userIds", userIds);
    if (keys == null) {
      throw family.checks.invalid(op, "keys", "keys must not be null: use an empty collection for all keys");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String key : keys) {
      if (key == null) {
        throw family.checks.invalid(op, "keys", "keys must not contain null");
      }
      wanted.add(key);
    }
    if (uids.isEmpty()) {
      return Collections.emptyMap();
    }
    List<String> properties = List.copyOf(wanted);
    List<Map<String, Map<String, String>>> chunks = Batches.inChunks(family.context, uids,
        family.limits.memberGetBatch(), Family.PARALLELISM, chunk -> {
          Wire.DataResponse<JsonNode> answer = family.call(op,
              auth -> family.api.getMembersMetadata(auth, gid, new Wire.TargetsRequest(chunk, properties)));
          return Wire.attributesByUser(answer == null ? null : answer.data);
        });
    Map<String, Map<String, String>> byUser = new HashMap<>();
    chunks.forEach(byUser::putAll);
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (String uid : uids) {
      Map<String, String> attributes = byUser.get(uid);
      if (attributes != null) {
        Map<String, String> selected = nonEmpty(attributes);
        if (!wanted.isEmpty()) {
          selected.keySet().retainAll(wanted);
        }
        result.put(uid, Collections.unmodifiableMap(selected));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    Operation op = Ops.MEMBERS_SET;
    begin();
    String gid = family.checks.group(op, groupId);
    String uid = family.checks.user(op, "userId", userId);
    Map<String, String> request = checked(op, uid, attributes);
    Wire.DataResponse<JsonNode> answer = family.call(op,
        auth -> family.api.setMemberMetadata(auth, gid, uid, new Wire.MetaDataRequest(request)));
    return Collections.unmodifiableMap(written(request, Wire.attributes(answer == null ? null : answer.data)));
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    Operation op = Ops.MEMBERS_SET_ALL;
    begin();
    String gid = family.checks.group(op, groupId);
    if (attributesByUser == null || attributesByUser.isEmpty()) {
      throw family.checks.invalid(op, "attributesByUser", "attributesByUser must name at least one member");
    }
    // Every id and map is checked before anything is sent: a malformed request fails as a whole.
    Map<String, Map<String, String>> requests = new LinkedHashMap<>();
    attributesByUser.forEach((user, attributes) -> {
      String uid = family.checks.user(op, "userId", user);
      Map<String, String> request = checked(op, uid, attributes);
      if (requests.putIfAbsent(uid, request) != null) {
        throw family.checks.invalid(op, "attributesByUser",
            "attributesByUser names member " + uid + " twice (user ids are case-insensitive)");
      }
    });
    List<Map.Entry<String, Map<String, String>>> entries = new ArrayList<>(requests.entrySet());
    List<Outcome> outcomes = Batches.inChunks(family.context, entries, family.limits.memberSetBatch(),
        Family.PARALLELISM, chunk -> writeChunk(op, gid, chunk));
    Map<String, Map<String, String>> succeeded = new HashMap<>();
    Map<String, ImException> failed = new HashMap<>();
    outcomes.forEach(o -> {
      succeeded.putAll(o.succeeded);
      failed.putAll(o.failed);
    });
    // Back in input order, every member in exactly one of the two maps.
    Map<String, Map<String, String>> orderedSucceeded = new LinkedHashMap<>();
    Map<String, ImException> orderedFailed = new LinkedHashMap<>();
    for (String uid : requests.keySet()) {
      if (succeeded.containsKey(uid)) {
        orderedSucceeded.put(uid, succeeded.get(uid));
      } else {
        orderedFailed.put(uid, failed.getOrDefault(uid,
            family.unexpected(op, "the vendor did not report the outcome for member " + uid)));
      }
    }
    return new BatchResult(orderedSucceeded, orderedFailed);
  }

  /** One chunk: sent, and sent again without the members the vendor says are not in the group. */
  private Outcome writeChunk(Operation op, String gid, List<Map.Entry<String, Map<String, String>>> chunk) {
    Map<String, Map<String, String>> pending = new LinkedHashMap<>();
    chunk.forEach(e -> pending.put(e.getKey(), e.getValue()));
    Outcome outcome = new Outcome();
    while (!pending.isEmpty()) {
      List<Wire.MemberMetadata> body = new ArrayList<>(pending.size());
      pending.forEach((uid, request) -> body.add(new Wire.MemberMetadata(uid, request)));
      Wire.DataResponse<Wire.BatchSetData> answer;
      try {
        answer = family.call(op, auth -> family.api.setMembersMetadata(auth, gid, body));
      } catch (NotFoundException e) {
        Set<String> notMembers = notInGroup(e);
        notMembers.retainAll(pending.keySet());
        if (notMembers.isEmpty()) {
          throw e; // the group is missing, or an answer we cannot attribute to members
        }
        for (String uid : notMembers) {
          pending.remove(uid);
          outcome.failed.put(uid, new NotFoundException("user not in group: " + uid + " is not a member of group " + gid,
              e.details(), e));
        }
        continue;
      }
      record(op, pending, answer == null ? null : answer.data, outcome);
      return outcome;
    }
    return outcome;
  }

  /** Reads the per-member outcome of a successful batch answer. */
  private void record(Operation op, Map<String, Map<String, String>> sent, Wire.BatchSetData data, Outcome outcome) {
    if (data == null || (data.succeeded == null && data.failed == null)) {
      // An answer without the outcome lists: the vendor accepted the whole chunk.
      sent.forEach((uid, request) -> outcome.succeeded.put(uid, written(request, Map.of())));
      return;
    }
    if (data.failed != null) {
      for (JsonNode entry : data.failed) {
        String uid = username(entry);
        if (uid != null && sent.containsKey(uid)) {
          outcome.failed.put(uid, failure(op, uid, entry));
        }
      }
    }
    if (data.succeeded != null) {
      for (JsonNode entry : data.succeeded) {
        String uid = username(entry);
        if (uid != null && sent.containsKey(uid) && !outcome.failed.containsKey(uid)) {
          outcome.succeeded.put(uid, written(sent.get(uid), Wire.attributes(entry.get("metadata"))));
        }
      }
    }
  }

  private static String username(JsonNode entry) {
    String name = entry == null ? null : Wire.text(entry.get("username"));
    return name == null || name.isBlank() ? null : name.toLowerCase(Locale.ROOT);
  }

  /** The exception for one entry of {@code updateMetadataFailed}, whose message field is not documented. */
  private ImException failure(Operation op, String uid, JsonNode entry) {
    String message = null;
    for (String field : new String[] {"errorMessage", "error_description", "message", "msg", "reason", "error"}) {
      message = Wire.text(entry.get(field));
      if (message != null && !message.isBlank()) {
        break;
      }
    }
    ErrorDetails details = family.checks.details(op).toBuilder().vendorMessage(message == null ? entry.toString() : message).build();
    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (lower.contains("not in")) {
      return new NotFoundException("user not in group: " + uid, details);
    }
    if (lower.contains("exceed") || lower.contains("limit") || lower.contains("size")) {
      return new QuotaExceededException("the attributes of member " + uid + " exceed a vendor limit", details);
    }
    if (lower.contains("concurrent")) {
      return new ConflictException("concurrent write of member " + uid, details.toBuilder().retryable(true).build());
    }
    return new ImException("the vendor did not write the attributes of member " + uid, details);
  }

  /** The members a "Some users are not in the group: a,b" answer names, in lower case. */
  static Set<String> notInGroup(ImException e) {
    Set<String> names = new LinkedHashSet<>();
    String message = e.vendorMessage().orElse("");
    Matcher m = NOT_IN_GROUP.matcher(message);
    if (m.find()) {
      for (String name : m.group(1).split("[\\s,;\\[\\]\"']+")) {
        if (!name.isBlank()) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  /** Checked private copy of one member's request; the non-empty part must fit the member's total. */
  private Map<String, String> checked(Operation op, String uid, Map<String, String> attributes) {
    Map<String, String> request = attributes == null ? null : new LinkedHashMap<>(attributes);
    family.checks.check(op, () -> Validation.memberAttributes("attributes", request, family.limits));
    // The member's current attributes are not known here; values that alone exceed the total can
    // never fit. Growth past it through stored values is the vendor's to refuse.
    family.checks.check(op, () -> Validation.memberTotal(uid, nonEmpty(request), family.limits));
    return Collections.unmodifiableMap(request);
  }

  /** What a write wrote: the request's non-empty pairs, with the vendor's value when it echoes one. */
  private static Map<String, String> written(Map<String, String> request, Map<String, String> echoed) {
    Map<String, String> written = new LinkedHashMap<>();
    request.forEach((key, value) -> {
      if (!value.isEmpty()) {
        String stored = echoed.get(key);
        written.put(key, stored == null || stored.isEmpty() ? value : stored);
      }
    });
    return written;
  }

  private static Map<String, String> nonEmpty(Map<String, String> attributes) {
    Map<String, String> result = new LinkedHashMap<>();
    attributes.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        result.put(k, v);
      }
    });
    return result;
  }

  /** The members of one chunk that succeeded and failed. */
  private static final class Outcome {
    final Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
    final Map<String, ImException> failed = new LinkedHashMap<>();
  }
}
