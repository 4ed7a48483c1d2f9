package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Group member attributes over {@code metadata/chatgroup} (seed 001). Writes merge into what the
 * member has and an empty value removes its key, as on the vendor.
 *
 * <p>{@link #setAll} sends chunks of at most the vendor's batch size (20), every chunk whatever
 * happens to the others, and reports every member: a chunk that fails puts its members into
 * {@code failed()} with that failure. The vendor refuses a whole chunk with 400 "Some users are
 * not in the group: a,b" when some of its members are not in the group; those members are
 * reported as failed ({@link NotFoundException} "user not in group") and the chunk is sent again
 * without them, which is safe because the write is a {@code PUT} of the same values. Only when
 * every chunk is refused with 404 (the group does not exist) does the call throw.
 *
 * <p>In a batch read, a user the answer does not name is not a member. What the vendor answers for
 * a non-member among the targets is not documented: left out, {@code {}} like a member without
 * the keys, 400 "Some users are not in the group: ..." as the batch write, or 404 "user not in
 * group" as the single read. So a user answered with nothing of the asked keys is checked with the
 * single read (404 "user not in group" for a non-member, documented), named non-members are
 * dropped and the rest asked again, and a 404 that names nobody is resolved one member at a time.
 * A member without any of the asked keys comes back as an empty map.
 */
final class FamilyMemberAttributes implements GroupMemberAttributes {

  /** The names after the colon of "Some users are not in the group: user1,user2". */
  private static final Pattern NOT_IN_GROUP = Pattern.compile("(?i)not in (?:the )?group\\s*:\\s*(.+)");

  /** The outcome lists of a batch write; seed 001 prints them with a trailing colon, its table without. */
  private static final String SUCCEEDED = "updateMetadataSucceeded";
  private static final String FAILED = "updateMetadataFailed";

  private final RemoteCore<EasemobApi> core;
  private final int setBatch;
  private final int getBatch;

  FamilyMemberAttributes(RemoteCore<EasemobApi> core, int setBatch, int getBatch) {
    this.core = core;
    this.setBatch = setBatch;
    this.getBatch = getBatch;
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    Operation op = Ops.MEMBERS_GET;
    JsonNode data = Answers.object(core, op, core.call(op, tag -> core.api().getMemberMetadata(tag, groupId, userId)));
    return nonEmpty(Wire.attributes(data));
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    Operation op = Ops.MEMBERS_GET;
    List<String> properties = List.copyOf(keys); // empty: every key (seed 001)
    return core.readInOrder(List.copyOf(userIds), getBatch, chunk -> readChunk(op, groupId, chunk, properties));
  }

  /** One batch read; non-members are left out whatever the vendor answers for them (see the class comment). */
  private Map<String, Map<String, String>> readChunk(Operation op, String groupId, List<String> chunk,
      List<String> properties) {
    List<String> pending = new ArrayList<>(chunk);
    Map<String, Map<String, String>> members = new HashMap<>();
    while (!pending.isEmpty()) {
      List<String> targets = List.copyOf(pending);
      JsonNode data;
      try {
        data = Answers.object(core, op, core.call(op,
            tag -> core.api().getMembersMetadata(tag, groupId, new Wire.TargetsRequest(targets, properties))));
      } catch (NotFoundException e) {
        Set<String> named = notInGroup(e);
        named.retainAll(pending);
        if (!named.isEmpty()) {
          pending.removeAll(named); // "Some users are not in the group: a,b": the others again
          continue;
        }
        if (!userNotInGroup(e)) {
          throw e; // the group does not exist
        }
        for (String uid : pending) { // 404 "user not in group" names nobody: one at a time
          single(op, groupId, uid, properties).ifPresent(attributes -> members.put(uid, attributes));
        }
        return members;
      }
      Map<String, Map<String, String>> answered = Answers.attributesByUser(core, op, data);
      for (String uid : pending) {
        Map<String, String> attributes = answered.get(uid);
        if (attributes == null) {
          continue; // not named: not a member
        }
        Map<String, String> selected = selected(attributes, properties);
        if (selected.isEmpty()) {
          // A member without these keys, or a non-member answered {}: the single read tells.
          single(op, groupId, uid, properties).ifPresent(found -> members.put(uid, found));
        } else {
          members.put(uid, selected);
        }
      }
      return members;
    }
    return members;
  }

  /** One member's asked attributes by the single read; empty when the user is not a member. */
  private Optional<Map<String, String>> single(Operation op, String groupId, String uid, List<String> properties) {
    try {
      JsonNode data = Answers.object(core, op, core.call(op, tag -> core.api().getMemberMetadata(tag, groupId, uid)));
      return Optional.of(selected(Wire.attributes(data), properties));
    } catch (NotFoundException e) {
      if (userNotInGroup(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The non-empty values of the asked keys (all keys when none are asked), even if the vendor sent more. */
  private static Map<String, String> selected(Map<String, String> attributes, List<String> properties) {
    Map<String, String> selected = nonEmpty(attributes);
    if (!properties.isEmpty()) {
      selected.keySet().retainAll(properties);
    }
    return selected;
  }

  /** A 404 "user not in group" (seed 001, single read), as opposed to "group not exists". */
  private static boolean userNotInGroup(ImException e) {
    return e.httpStatus().orElse(0) == 404 && e.vendorMessage().orElse("").toLowerCase(Locale.ROOT).contains("not in group");
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    Operation op = Ops.MEMBERS_SET;
    JsonNode data = Answers.object(core, op, core.call(op,
        tag -> core.api().setMemberMetadata(tag, groupId, userId, new Wire.MetaDataRequest(attributes))));
    return written(attributes, Wire.attributes(data));
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    Operation op = Ops.MEMBERS_SET_ALL;
    List<Map.Entry<String, Map<String, String>>> entries = new ArrayList<>(attributesByUser.entrySet());
    List<Batches.Settled<Map.Entry<String, Map<String, String>>, Outcome>> chunks =
        core.writeSettled(entries, setBatch, chunk -> writeChunk(op, groupId, chunk));
    if (chunks.stream().allMatch(c -> c.failure().filter(FamilyMemberAttributes::groupMissing).isPresent())) {
      throw chunks.get(0).failure().orElseThrow(); // nothing was written anywhere: the group does not exist
    }
    // In input order, every member in exactly one of the two maps.
    Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failed = new LinkedHashMap<>();
    for (Batches.Settled<Map.Entry<String, Map<String, String>>, Outcome> chunk : chunks) {
      Outcome outcome = chunk.result().orElse(null);
      for (Map.Entry<String, Map<String, String>> entry : chunk.chunk()) {
        String uid = entry.getKey();
        if (outcome == null) {
          failed.put(uid, chunk.failure().orElseThrow());
        } else if (outcome.succeeded.containsKey(uid)) {
          succeeded.put(uid, outcome.succeeded.get(uid));
        } else {
          failed.put(uid, outcome.failed.getOrDefault(uid, new ProviderUnavailableException(
              "the vendor did not report the outcome for member " + uid, core.details(op).retryable(true).build())));
        }
      }
    }
    return new BatchResult(succeeded, failed);
  }

  /** A 404 of the batch write: the group does not exist (seed 001 "group not exists"). */
  private static boolean groupMissing(ImException e) {
    return e instanceof NotFoundException && e.httpStatus().orElse(0) == 404;
  }

  /**
   * One chunk: sent, and sent again without the members the vendor says are not in the group.
   * Throws when its first request fails; a later failure is reported for the members still pending.
   */
  private Outcome writeChunk(Operation op, String groupId, List<Map.Entry<String, Map<String, String>>> chunk) {
    Map<String, Map<String, String>> pending = new LinkedHashMap<>();
    chunk.forEach(e -> pending.put(e.getKey(), e.getValue()));
    Outcome outcome = new Outcome();
    while (!pending.isEmpty()) {
      List<Wire.MemberMetadata> body = new ArrayList<>(pending.size());
      pending.forEach((uid, request) -> body.add(new Wire.MemberMetadata(uid, request)));
      try {
        JsonNode data = Answers.object(core, op, core.call(op, tag -> core.api().setMembersMetadata(tag, groupId, body)));
        record(op, pending, data, outcome);
        return outcome;
      } catch (ImException e) {
        Set<String> notMembers = e instanceof NotFoundException ? notInGroup(e) : new LinkedHashSet<>();
        notMembers.retainAll(pending.keySet());
        if (!notMembers.isEmpty()) {
          for (String uid : notMembers) {
            pending.remove(uid);
            outcome.failed.put(uid, new NotFoundException("user not in group: " + uid + " is not a member of group "
                + groupId, e.details(), e));
          }
          continue;
        }
        if (outcome.failed.isEmpty()) {
          throw e; // the chunk's own failure (writeSettled reports it for every member)
        }
        pending.keySet().forEach(uid -> outcome.failed.put(uid, e));
        return outcome;
      }
    }
    return outcome;
  }

  /** Reads the per-member outcome of a successful batch answer: both documented lists must be there. */
  private void record(Operation op, Map<String, Map<String, String>> sent, JsonNode data, Outcome outcome) {
    JsonNode failedList = list(data, FAILED);
    JsonNode succeededList = list(data, SUCCEEDED);
    if (failedList == null || succeededList == null) {
      throw core.malformed(op, "'data' lacks the documented '" + SUCCEEDED + "' and '" + FAILED + "' lists");
    }
    // Checked before anything is recorded, so that a malformed answer changes nothing.
    for (JsonNode entry : failedList) {
      objectEntry(op, entry);
    }
    for (JsonNode entry : succeededList) {
      objectEntry(op, entry);
    }
    for (JsonNode entry : failedList) {
      String uid = username(entry);
      if (uid != null && sent.containsKey(uid)) {
        outcome.failed.put(uid, failure(op, uid, entry));
      }
    }
    for (JsonNode entry : succeededList) {
      String uid = username(entry);
      if (uid != null && sent.containsKey(uid) && !outcome.failed.containsKey(uid)) {
        JsonNode metadata = entry.get("metadata");
        Map<String, String> echoed = metadata != null && metadata.isObject() ? Wire.attributes(metadata) : Map.of();
        outcome.succeeded.put(uid, written(sent.get(uid), echoed));
      }
    }
  }

  /** The array under {@code key} or {@code key + ":"}, or null when neither is an array. */
  private static @Nullable JsonNode list(JsonNode data, String key) {
    for (String name : new String[] {key, key + ":"}) {
      JsonNode node = data.get(name);
      if (node != null && node.isArray()) {
        return node;
      }
    }
    return null;
  }

  private void objectEntry(Operation op, JsonNode entry) {
    if (!entry.isObject()) {
      throw core.malformed(op, "an entry of the outcome lists is " + Answers.describe(entry) + ", not an object");
    }
  }

  /**
   * The lower-case user of an outcome entry, or null when it names none (then the member counts as
   * unreported). A failed entry's fields are not documented: {@code username} as in the succeeded
   * entries, or {@code user} as in the vendor's batch group-member removal.
   */
  private static @Nullable String username(JsonNode entry) {
    for (String field : new String[] {"username", "user"}) {
      String name = Wire.text(entry.get(field));
      if (name != null && !name.isBlank()) {
        return Wire.lowerCase(name);
      }
    }
    return null;
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
    ErrorDetails details = core.details(op).vendorMessage(message == null ? entry.toString() : message).build();
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
    Matcher m = NOT_IN_GROUP.matcher(e.vendorMessage().orElse(""));
    if (m.find()) {
      for (String name : m.group(1).split("[\\s,;\\[\\]\"']+")) {
        if (!name.isBlank()) {
          names.add(Wire.lowerCase(name));
        }
      }
    }
    return names;
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
      if (!v.isEmpty()) {
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
