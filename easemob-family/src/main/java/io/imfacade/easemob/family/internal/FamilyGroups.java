package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chat groups over the family's {@code /chatgroups} endpoints (facts §12): private groups ({@code
 * "public": false}) owned by one user.
 *
 * <p><b>Reading the group first.</b> The vendor's answers to adding and removing members do not
 * tell every user's outcome: an add answers only {@code newmembers} (no reason for the others) and
 * refuses the whole request when all are members already; a removal fails as a whole when none
 * is a member. So both start with one read of the group ({@code GET chatgroups/{g}}, its members in
 * {@code affiliations}, up to 10,000): users already members are {@link MemberChange#ALREADY_MEMBER}
 * and are not sent; users who are not members are {@link MemberChange#NOT_A_MEMBER} and are not
 * sent; the owner is never sent for removal (failed, {@link InvalidRequestException}: delete the
 * group instead).
 *
 * <p><b>Adding</b> sends chunks of {@code groupMembersBatch} (60), in order. A user in {@code
 * newmembers} is {@link MemberChange#ADDED}. Anything else (left out of {@code newmembers}, or a
 * refused chunk) is decided by reading the group again: a user who is a member now was not one
 * before, so {@link MemberChange#ADDED} (a retried request that landed, a concurrent add); a user
 * who is not is checked ({@code GET users/{u}}): unknown is a {@link NotFoundException}. The known
 * rest of a refused chunk is sent again while that leaves someone out, and else one by one, so a
 * group that fills up takes users in order and the others fail with the vendor's {@link
 * QuotaExceededException}. The documented answers this covers whatever the server does with a
 * request naming an unknown user (404 "username X doesn't exist!", the 2023 400 "group member X
 * doesn't exist", or skipping the user) or a member (added in part, or refused: 403 "already in
 * group").
 *
 * <p><b>Removing</b> sends the members in chunks of 60, comma-separated in the path; {@code data}
 * is an array of per-user results (an object for one user). A user not reported removed is decided
 * by reading the group again: gone is {@link MemberChange#REMOVED}, still there keeps the vendor's
 * reason.
 *
 * <p><b>Group not found</b> has three documented answers: {@code resource_not_found} "grpID X does
 * not exist!" (get, add, remove, delete), {@code service_resource_not_found} "do not find this
 * group:X" (member list) and {@code metadata_error} "group not exists" (member attributes); all are
 * 404 and {@link NotFoundException}. Since a 404 of an add may also mean an unknown user, a 404
 * there is checked by reading the group.
 *
 * <p><b>Members</b> are read page by page ({@code GET chatgroups/{g}/users?pagenum=&pagesize=},
 * the owner included, in the vendor's order); the opaque cursor holds the offset of the next
 * member, so a caller may change the page size between pages.
 */
final class FamilyGroups implements Groups {

  /** The documented default {@code maxusers} of a group created without one (facts §12). */
  static final int DEFAULT_MAX_USERS = 200;

  /**
   * The most members the 2023 doc lets a creation name ("members: 1–100", facts §12); the current
   * doc allows up to {@code maxusers}. More are added after creation.
   */
  static final int CREATE_MEMBERS_MAX = 100;

  private static final String CURSOR_PREFIX = "o:";

  private final RemoteCore<EasemobApi> core;
  private final int batchSize;

  FamilyGroups(RemoteCore<EasemobApi> core, int batchSize) {
    this.core = core;
    this.batchSize = batchSize;
  }

  // ---------------------------------------------------------------- create, get, delete

  @Override
  public Group create(NewGroup group) {
    Operation op = Ops.GROUPS_CREATE;
    List<String> members = group.members();
    List<String> first = members.size() <= CREATE_MEMBERS_MAX ? members : members.subList(0, CREATE_MEMBERS_MAX);
    List<String> rest = members.subList(first.size(), members.size());
    String description = group.description() == null ? "" : group.description();
    Wire.NewGroupRequest body = new Wire.NewGroupRequest(group.name(), description,
        group.maxMembers() > 0 ? group.maxMembers() : null, group.owner(), first.isEmpty() ? null : List.copyOf(first));
    JsonNode data = Answers.object(core, op, core.call(op, tag -> core.api().createGroup(tag, body)));
    String groupId = Wire.text(data.get("groupid"));
    if (groupId == null || groupId.isBlank()) {
      throw core.malformed(op, "'data.groupid' is " + Answers.describe(data.get("groupid")) + ", not a group id");
    }
    if (!rest.isEmpty()) {
      BatchOutcome<MemberChange> added = addMembers(groupId, rest);
      if (!added.allSucceeded()) {
        // A creation is all or nothing: an unknown member is a NotFoundException, nothing is left behind.
        ImException firstFailure = added.failed().values().iterator().next();
        try {
          delete(groupId);
        } catch (ImException cleanup) {
          firstFailure.addSuppressed(cleanup);
        }
        throw firstFailure;
      }
    }
    int max = group.maxMembers() > 0 ? group.maxMembers() : DEFAULT_MAX_USERS;
    return new Group(groupId, group.name(), group.owner(), group.description(), members.size() + 1, max);
  }

  @Override
  public Optional<Group> get(String groupId) {
    return snapshot(Ops.GROUPS_GET, groupId).map(Snapshot::group);
  }

  @Override
  public void delete(String groupId) {
    Operation op = Ops.GROUPS_DELETE;
    JsonNode data = Answers.object(core, op, core.call(op, tag -> core.api().deleteGroup(tag, groupId)));
    JsonNode success = data.get("success");
    if (success == null || !success.isBoolean()) {
      throw core.malformed(op, "'data.success' is " + Answers.describe(success) + ", not the documented boolean");
    }
    if (!success.booleanValue()) {
      throw new ProviderUnavailableException("the vendor answered that group " + groupId + " was not deleted",
          core.details(op).retryable(true).build());
    }
  }

  // ---------------------------------------------------------------- add

  @Override
  public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
    Operation op = Ops.GROUPS_ADD;
    Snapshot before = existingSnapshot(op, groupId);
    Map<String, MemberChange> succeeded = new HashMap<>();
    Map<String, ImException> failed = new HashMap<>();
    List<String> candidates = new ArrayList<>();
    for (String user : userIds) {
      if (before.members.contains(user)) {
        succeeded.put(user, MemberChange.ALREADY_MEMBER);
      } else {
        candidates.add(user);
      }
    }
    // In order, one chunk after the other: a group that fills up takes the first users.
    for (int from = 0; from < candidates.size(); from += batchSize) {
      List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + batchSize));
      addChunk(op, groupId, chunk, succeeded, failed);
    }
    return FamilyAccounts.Outcomes.inOrder(List.copyOf(userIds), succeeded, failed);
  }

  /** Adds users who were not members before the call; every one ends in one of the two maps. */
  private void addChunk(Operation op, String groupId, List<String> users, Map<String, MemberChange> succeeded,
      Map<String, ImException> failed) {
    List<String> unsettled = new ArrayList<>();
    ImException refusal = null;
    try {
      JsonNode data = Answers.object(core, op, core.call(op,
          tag -> core.api().addMembers(tag, groupId, new Wire.UsernamesRequest(users))));
      Set<String> added = idSet(op, data.get("newmembers"), "data.newmembers");
      for (String user : users) {
        if (added.contains(user)) {
          succeeded.put(user, MemberChange.ADDED);
        } else {
          unsettled.add(user);
        }
      }
    } catch (ImException e) {
      if (!decidable(e)) {
        users.forEach(user -> failed.put(user, e));
        return;
      }
      refusal = e;
      unsettled.addAll(users);
    }
    if (unsettled.isEmpty()) {
      return;
    }
    // Decide by reading the group: members now were not members before this call.
    Snapshot now = existingSnapshot(op, groupId);
    List<String> known = new ArrayList<>();
    List<String> strangers = new ArrayList<>();
    for (String user : unsettled) {
      if (now.members.contains(user)) {
        succeeded.put(user, MemberChange.ADDED);
      } else {
        strangers.add(user);
      }
    }
    Map<String, Boolean> exists = core.readInOrder(strangers, 1,
        one -> Map.of(one.get(0), userExists(op, one.get(0))));
    for (String user : strangers) {
      if (exists.get(user)) {
        known.add(user);
      } else {
        failed.put(user, core.notFound(op, "user " + user + " does not exist"));
      }
    }
    if (known.isEmpty()) {
      return;
    }
    if (refusal == null) {
      // A success that left known users out without a reason.
      known.forEach(user -> failed.put(user, new ProviderUnavailableException("the vendor did not add user " + user
          + " to group " + groupId + " and gave no reason", core.details(op).retryable(true).build())));
    } else if (known.size() < users.size()) {
      addChunk(op, groupId, known, succeeded, failed); // without those settled: strictly fewer users
    } else if (known.size() > 1) {
      for (String user : known) {
        addChunk(op, groupId, List.of(user), succeeded, failed); // isolate the refusal
      }
    } else {
      failed.put(known.get(0), refusal);
    }
  }

  // ---------------------------------------------------------------- remove

  @Override
  public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
    Operation op = Ops.GROUPS_REMOVE;
    Snapshot before = existingSnapshot(op, groupId);
    Map<String, MemberChange> succeeded = new HashMap<>();
    Map<String, ImException> failed = new HashMap<>();
    List<String> members = new ArrayList<>();
    for (String user : userIds) {
      if (user.equals(before.owner)) {
        failed.put(user, new InvalidRequestException("user " + user + " owns group " + groupId
            + " and cannot be removed from it: delete the group instead", core.details(op).build()));
      } else if (before.members.contains(user)) {
        members.add(user);
      } else {
        succeeded.put(user, MemberChange.NOT_A_MEMBER);
      }
    }
    for (int from = 0; from < members.size(); from += batchSize) {
      removeChunk(op, groupId, members.subList(from, Math.min(members.size(), from + batchSize)), succeeded, failed);
    }
    return FamilyAccounts.Outcomes.inOrder(List.copyOf(userIds), succeeded, failed);
  }

  /** Removes users who were members before the call. */
  private void removeChunk(Operation op, String groupId, List<String> users, Map<String, MemberChange> succeeded,
      Map<String, ImException> failed) {
    Map<String, String> reasons = new HashMap<>();
    ImException refusal = null;
    try {
      JsonNode data = Answers.data(core.call(op,
          tag -> core.api().removeMembers(tag, groupId, String.join(",", users))));
      if (data == null || !(data.isArray() || data.isObject())) {
        throw core.malformed(op, "'data' is " + Answers.describe(data) + ", not the documented results");
      }
      for (JsonNode result : data.isArray() ? data : List.of(data)) {
        String user = result.isObject() ? Wire.text(result.get("user")) : null;
        if (user == null) {
          throw core.malformed(op, "a result in 'data' names no 'user'");
        }
        JsonNode ok = result.get("result");
        if (ok != null && ok.isBoolean() && ok.booleanValue()) {
          reasons.put(Wire.lowerCase(user), null);
        } else {
          String reason = Wire.text(result.get("reason"));
          reasons.put(Wire.lowerCase(user), reason == null ? "not removed" : reason);
        }
      }
    } catch (ImException e) {
      if (!decidable(e)) {
        users.forEach(user -> failed.put(user, e));
        return;
      }
      refusal = e;
    }
    List<String> unsettled = new ArrayList<>();
    for (String user : users) {
      if (refusal == null && reasons.containsKey(user) && reasons.get(user) == null) {
        succeeded.put(user, MemberChange.REMOVED);
      } else {
        unsettled.add(user);
      }
    }
    if (unsettled.isEmpty()) {
      return;
    }
    Snapshot now = existingSnapshot(op, groupId);
    for (String user : unsettled) {
      if (!now.members.contains(user)) {
        succeeded.put(user, MemberChange.REMOVED); // a member before the call, gone now
      } else if (refusal != null) {
        failed.put(user, refusal);
      } else {
        String reason = reasons.getOrDefault(user, "the vendor's answer did not mention the user");
        failed.put(user, new ProviderUnavailableException("the vendor did not remove user " + user + " from group "
            + groupId, core.details(op).vendorMessage(reason).retryable(true).build()));
      }
    }
  }

  /**
   * Whether a failure of an add or removal is decided by reading the group back: a 4xx refusal or a
   * 404 (which may name the user, or a group deleted meanwhile). Authentication, rate limits and
   * an unavailable vendor are reported as they are.
   */
  private static boolean decidable(ImException e) {
    int status = e.httpStatus().orElse(0);
    return status == 404 || FamilyContacts.refused(e);
  }

  // ---------------------------------------------------------------- members

  @Override
  public Page<String> members(String groupId, PageRequest page) {
    Operation op = Ops.GROUPS_MEMBERS;
    int size = page.size();
    long offset = page.cursor().map(c -> decodeCursor(op, c)).orElse(0L);
    long pageNumber = offset / size + 1; // the vendor counts pages from 1
    int skip = (int) (offset % size);
    List<String> fetched = new ArrayList<>(memberPage(op, groupId, pageNumber, size));
    boolean more = fetched.size() >= size;
    if (skip > 0) {
      // The page size changed since the cursor was made: the items straddle two vendor pages.
      fetched = new ArrayList<>(fetched.subList(Math.min(skip, fetched.size()), fetched.size()));
      if (more) {
        List<String> next = memberPage(op, groupId, pageNumber + 1, size);
        more = next.size() >= size;
        fetched.addAll(next);
      }
    }
    List<String> items = fetched.size() > size ? new ArrayList<>(fetched.subList(0, size)) : fetched;
    boolean hasNext = more || fetched.size() > size;
    return Page.of(items, hasNext ? encodeCursor(offset + items.size()) : null);
  }

  /** One page of member ids: {@code data} = {@code [{"owner":u}, {"admin":a}, {"member":m}, ...]}. */
  private List<String> memberPage(Operation op, String groupId, long pageNumber, int size) {
    if (pageNumber > Integer.MAX_VALUE) {
      throw new InvalidRequestException("the cursor points past any group", core.details(op).build());
    }
    JsonNode data = Answers.data(core.call(op, tag -> core.api().memberPage(tag, groupId, (int) pageNumber, size)));
    if (data == null || !data.isArray()) {
      throw core.malformed(op, "'data' is " + Answers.describe(data) + ", not the documented array of members");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : data) {
      String id = memberId(entry);
      if (id == null) {
        throw core.malformed(op, "an entry of 'data' names no owner, admin or member");
      }
      ids.add(id);
    }
    return ids;
  }

  /** The user of {@code {"owner":u}}, {@code {"admin":u}} or {@code {"member":u}} (facts §12); null otherwise. */
  private static @Nullable String memberId(JsonNode entry) {
    if (!entry.isObject()) {
      return null;
    }
    for (String role : List.of("owner", "admin", "member")) {
      String id = Wire.text(entry.get(role));
      if (id != null && !id.isBlank()) {
        return Wire.lowerCase(id);
      }
    }
    return null;
  }

  private static String encodeCursor(long offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
  }

  private long decodeCursor(Operation op, String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith(CURSOR_PREFIX)) {
        long offset = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through: not one of ours
    }
    throw new InvalidRequestException("page cursor is not one this provider issued", "page",
        core.details(op).build(), null);
  }

  // ---------------------------------------------------------------- the group read

  /** What {@code GET chatgroups/{g}} says: the neutral group and its member ids, the owner included. */
  private record Snapshot(Group group, String owner, Set<String> members) {}

  private Snapshot existingSnapshot(Operation op, String groupId) {
    return snapshot(op, groupId).orElseThrow(() -> core.notFound(op, "group " + groupId + " does not exist"));
  }

  /** The group, or empty on a 404 about the group (not about the app or the route). */
  private Optional<Snapshot> snapshot(Operation op, String groupId) {
    Wire.DataResponse answer;
    try {
      answer = core.call(op, tag -> core.api().getGroup(tag, groupId));
    } catch (NotFoundException e) {
      if (FamilyProfiles.APP_OR_ROUTE_MISSING.contains(e.vendorCode().orElse(""))) {
        throw e;
      }
      return Optional.empty();
    }
    JsonNode data = Answers.data(answer);
    if (data == null || !data.isArray() || data.size() != 1 || !data.get(0).isObject()) {
      throw core.malformed(op, "'data' is " + Answers.describe(data) + ", not the documented array of one group");
    }
    JsonNode g = data.get(0);
    String owner = Wire.text(g.get("owner"));
    if (owner == null || owner.isBlank()) {
      throw core.malformed(op, "the group has no 'owner'");
    }
    owner = Wire.lowerCase(owner);
    Set<String> members = new LinkedHashSet<>();
    members.add(owner);
    JsonNode affiliations = g.get("affiliations");
    if (affiliations == null || !affiliations.isArray()) {
      throw core.malformed(op, "'affiliations' is " + Answers.describe(affiliations) + ", not the documented array");
    }
    for (JsonNode entry : affiliations) {
      String id = memberId(entry);
      if (id == null) {
        throw core.malformed(op, "an entry of 'affiliations' names no owner or member");
      }
      members.add(id);
    }
    JsonNode count = g.get("affiliations_count");
    int memberCount = count != null && count.canConvertToInt() ? count.intValue() : members.size();
    JsonNode max = g.get("maxusers");
    String name = Wire.text(g.get("name"));
    String description = Wire.text(g.get("description"));
    Group group = new Group(groupId, name == null ? "" : name, owner,
        description == null || description.isEmpty() ? null : description, memberCount,
        max != null && max.canConvertToInt() ? max.intValue() : 0);
    return Optional.of(new Snapshot(group, owner, members));
  }

  /** Whether the user has an account ({@code GET users/{u}}: 404 when not). */
  private boolean userExists(Operation op, String userId) {
    try {
      core.call(op, tag -> core.api().getUser(tag, userId));
      return true;
    } catch (NotFoundException e) {
      if (FamilyProfiles.APP_OR_ROUTE_MISSING.contains(e.vendorCode().orElse(""))) {
        throw e;
      }
      return false;
    }
  }

  /** The ids of a JSON array of strings, in lower case; a missing or malformed list is malformed. */
  private Set<String> idSet(Operation op, @Nullable JsonNode node, String what) {
    if (node == null || !node.isArray()) {
      throw core.malformed(op, "'" + what + "' is " + Answers.describe(node) + ", not the documented array");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode id : node) {
      if (!id.isTextual()) {
        throw core.malformed(op, "'" + what + "' holds " + Answers.describe(id) + ", not a user id");
      }
      ids.add(Wire.lowerCase(id.asText()));
    }
    return ids;
  }
}
