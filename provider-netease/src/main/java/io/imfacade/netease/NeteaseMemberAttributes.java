package io.imfacade.netease;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Group member attributes over NetEase teams. NetEase has no per-member key/value store: each
 * team member has one {@code custom} string of at most 1024 bytes. The neutral map is kept there
 * as a compact JSON object of strings ({@link MemberCustom}), read with {@code
 * team/queryDetail.action} (owner, admins and members, each with their {@code custom}) and written
 * with {@code team/updateTeamNick.action} ({@code tid}, {@code owner}, {@code accid}, {@code
 * custom}; the member's {@code nick} is not touched).
 *
 * <p><b>Writes are read-modify-write.</b> {@link #set} reads the team, merges the change into the
 * member's object (an empty value removes its key), checks that the result fits 1024 bytes
 * ({@link QuotaExceededException} before anything is sent) and writes the whole string back. A
 * change that leaves the object as it was sends nothing. Keys are at most 16 bytes and values 512
 * bytes ({@link io.imfacade.spi.VendorLimits#NETEASE}), checked first.
 *
 * <p><b>Concurrent writers.</b> NetEase has no compare-and-set on {@code custom}, so two writers of
 * the same member, even of different keys, can lose one update: both read the same object, and the
 * second write replaces the first. Writes to different members never interfere. Serialize writes
 * to one member (one writer per team, or a lock of your own) if that matters. The write itself is
 * not replayed by the transport after an ambiguous failure (it would replay a stale whole string);
 * repeat the neutral call instead, which reads again.
 *
 * <p><b>A {@code custom} that is not ours</b> (plain text or other JSON another app wrote, see
 * {@link MemberCustom}) is preserved: writes to that member fail with a {@link ConflictException}
 * naming the member and leave it as it is; reads return an empty map for that member (it holds no
 * neutral attributes), so that one foreign member does not fail a read of the whole team.
 *
 * <p>{@code get} of many users and {@code setAll} read the team once (none when no user is named:
 * the result is then empty, without checking the group); {@code setAll} then writes
 * each member with its own request, up to 4 at a time, and reports
 * every member: non-members as {@link NotFoundException}, foreign {@code custom} as {@link
 * ConflictException}, oversized results as {@link QuotaExceededException}, failed writes with
 * their own exception.
 */
final class NeteaseMemberAttributes implements GroupMemberAttributes {

  private final NeteaseApp app;

  NeteaseMemberAttributes(NeteaseApp app) {
    this.app = app;
  }

  /** One team as {@code queryDetail} gives it: the owner and every member's {@code custom}. */
  private static final class Team {
    final String tid;
    final String owner;
    /** Lower-case accid to {@code custom} (null when none), owner first. */
    final Map<String, String> customs;

    Team(String tid, String owner, Map<String, String> customs) {
      this.tid = tid;
      this.owner = owner;
      this.customs = customs;
    }

    boolean has(String accid) {
      return customs.containsKey(accid);
    }
  }

  @Override
  public Map<String, String> get(String groupId, String userId) {
    Operation op = Ops.MEMBERS_GET;
    app.checkOpen();
    String tid = app.checks.group(op, groupId);
    String user = app.checks.user(op, "userId", userId);
    Team team = read(op, tid);
    if (!team.has(user)) {
      throw notMember(op, tid, user);
    }
    return readable(team.customs.get(user));
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    Operation op = Ops.MEMBERS_GET;
    app.checkOpen();
    String tid = app.checks.group(op, groupId);
    List<String> users = app.checks.users(op, "userIds", userIds);
    Set<String> wanted = keys(op, keys);
    if (users.isEmpty()) {
      return Collections.emptyMap();
    }
    Team team = read(op, tid);
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (String user : users) {
      if (team.has(user)) {
        Map<String, String> attributes = readable(team.customs.get(user));
        if (!wanted.isEmpty()) {
          Map<String, String> selected = new LinkedHashMap<>();
          attributes.forEach((k, v) -> {
            if (wanted.contains(k)) {
              selected.put(k, v);
            }
          });
          attributes = Collections.unmodifiableMap(selected);
        }
        result.put(user, attributes);
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    Operation op = Ops.MEMBERS_SET_READ;
    app.checkOpen();
    String tid = app.checks.group(op, groupId);
    String user = app.checks.user(op, "userId", userId);
    app.checks.check(op, () -> Validation.memberAttributes("attributes", attributes, app.limits));
    Map<String, String> changes = new LinkedHashMap<>(attributes);
    Team team = read(op, tid);
    if (!team.has(user)) {
      throw notMember(op, tid, user);
    }
    Optional<String> custom = plan(op, team, user, changes);
    if (custom.isPresent()) {
      write(Ops.MEMBERS_SET_WRITE, team, user, custom.get());
    }
    return MemberCustom.written(changes);
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    Operation op = Ops.MEMBERS_SET_ALL_READ;
    app.checkOpen();
    String tid = app.checks.group(op, groupId);
    if (attributesByUser == null) {
      throw app.checks.invalid(op, "attributesByUser", "attributesByUser must not be null");
    }
    // Everything is checked before anything is sent.
    Map<String, Map<String, String>> changesByUser = new LinkedHashMap<>();
    attributesByUser.forEach((userId, attributes) -> {
      String user = app.checks.user(op, "attributesByUser key", userId);
      app.checks.check(op, () -> Validation.memberAttributes("attributesByUser[" + user + "]", attributes, app.limits));
      if (changesByUser.put(user, new LinkedHashMap<>(attributes)) != null) {
        throw app.checks.invalid(op, "attributesByUser", "user " + user + " appears twice (user ids are case-insensitive)");
      }
    });
    if (changesByUser.isEmpty()) {
      return new BatchResult(Collections.emptyMap(), Collections.emptyMap());
    }
    Team team = read(op, tid);

    Map<String, ImException> failed = new HashMap<>();
    List<PlannedWrite> writes = new ArrayList<>();
    Set<String> unchanged = new LinkedHashSet<>();
    changesByUser.forEach((user, changes) -> {
      if (!team.has(user)) {
        failed.put(user, notMember(op, tid, user));
        return;
      }
      try {
        Optional<String> custom = plan(op, team, user, changes);
        if (custom.isPresent()) {
          writes.add(new PlannedWrite(user, custom.get()));
        } else {
          unchanged.add(user);
        }
      } catch (ImException e) {
        failed.put(user, e);
      }
    });
    List<List<Optional<ImException>>> outcomes = Batches.inChunks(app.context, writes, 1, NeteaseApp.PARALLELISM,
        chunk -> {
          List<Optional<ImException>> results = new ArrayList<>(chunk.size());
          for (PlannedWrite w : chunk) {
            results.add(attempt(() -> write(Ops.MEMBERS_SET_ALL_WRITE, team, w.user, w.custom)));
          }
          return results;
        });
    Set<String> written = new LinkedHashSet<>(unchanged);
    for (int i = 0; i < writes.size(); i++) {
      Optional<ImException> outcome = outcomes.get(i).get(0);
      if (outcome.isPresent()) {
        failed.put(writes.get(i).user, outcome.get());
      } else {
        written.add(writes.get(i).user);
      }
    }

    Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failures = new LinkedHashMap<>();
    changesByUser.forEach((user, changes) -> {
      if (written.contains(user)) {
        succeeded.put(user, MemberCustom.written(changes));
      } else {
        failures.put(user, failed.get(user));
      }
    });
    return new BatchResult(succeeded, failures);
  }

  /** One member's new {@code custom} string, computed before any write. */
  private static final class PlannedWrite {
    final String user;
    final String custom;

    PlannedWrite(String user, String custom) {
      this.user = user;
      this.custom = custom;
    }
  }

  private static Optional<ImException> attempt(Runnable write) {
    try {
      write.run();
      return Optional.empty();
    } catch (ImException e) {
      return Optional.of(e);
    }
  }

  /**
   * The member's new {@code custom} after {@code changes}, or empty when nothing changes.
   *
   * @throws ConflictException if the member's {@code custom} is not ours
   * @throws QuotaExceededException if the result would not fit NetEase's 1024 bytes
   */
  private Optional<String> plan(Operation op, Team team, String user, Map<String, String> changes) {
    String current = team.customs.get(user);
    Map<String, String> attributes = MemberCustom.decode(current).orElseThrow(() -> new ConflictException(
        "member " + user + " of group " + team.tid + " has a custom value that is not a JSON object of strings;"
            + " it was left as it is and nothing was written", app.checks.details(op)));
    Map<String, String> merged = MemberCustom.merge(attributes, changes);
    if (merged.equals(attributes)) {
      return Optional.empty();
    }
    String custom = MemberCustom.encode(merged);
    int bytes = Sizes.utf8Length(custom);
    int max = app.limits.memberTotalBytes();
    if (bytes > max) {
      throw new QuotaExceededException("the attributes of member " + user + " would take " + bytes
          + " bytes as JSON, over the " + app.limits.name() + " limit of " + max + " bytes of a member's custom value",
          app.checks.details(op));
    }
    return Optional.of(custom);
  }

  private void write(Operation op, Team team, String user, String custom) {
    if (team.owner == null) {
      throw new ProviderUnavailableException("the vendor's answer for group " + team.tid + " names no owner,"
          + " which a write needs", app.checks.details(op));
    }
    app.call(op, () -> app.api.updateTeamMemberCustom(team.tid, team.owner, user, custom));
  }

  /** The team, or {@link NotFoundException} (code 803) when it does not exist. */
  private Team read(Operation op, String tid) {
    Wire.TeamDetailResponse answer = app.call(op, () -> app.api.queryTeamDetail(tid));
    Wire.TeamInfo info = answer.tinfo;
    if (info == null) {
      throw new ProviderUnavailableException("the vendor's answer for group " + tid + " has no tinfo", app.checks.details(op));
    }
    Map<String, String> customs = new LinkedHashMap<>();
    String owner = null;
    if (info.owner != null && info.owner.isObject()) {
      owner = accid(info.owner.get("accid"));
      JsonNode custom = info.owner.get("custom");
      add(customs, owner, custom != null && custom.isTextual() ? custom.asText() : null);
    } else if (info.owner != null && info.owner.isTextual()) {
      owner = accid(info.owner);
      add(customs, owner, null);
    }
    for (List<Wire.TeamMember> list : Arrays.asList(info.admins, info.members)) {
      if (list != null) {
        for (Wire.TeamMember m : list) {
          if (m != null && Wire.blankToNull(m.accid) != null) {
            add(customs, m.accid.toLowerCase(Locale.ROOT), m.custom);
          }
        }
      }
    }
    return new Team(tid, owner, customs);
  }

  private static String accid(JsonNode node) {
    String accid = Wire.accidOf(node);
    return accid == null ? null : accid.toLowerCase(Locale.ROOT);
  }

  private static void add(Map<String, String> customs, String accid, String custom) {
    if (accid != null && !customs.containsKey(accid)) {
      customs.put(accid, custom);
    }
  }

  /** What a read shows of a member's {@code custom}: its attributes, or none when it is foreign. */
  private static Map<String, String> readable(String custom) {
    return Collections.unmodifiableMap(MemberCustom.decode(custom).orElse(Collections.emptyMap()));
  }

  private Set<String> keys(Operation op, Collection<String> keys) {
    if (keys == null) {
      throw app.checks.invalid(op, "keys", "keys must not be null: pass an empty collection for every key");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String key : keys) {
      if (key == null || key.isEmpty()) {
        throw app.checks.invalid(op, "keys", "a key must not be null or empty");
      }
      wanted.add(key);
    }
    return wanted;
  }

  private NotFoundException notMember(Operation op, String tid, String user) {
    return new NotFoundException("user " + user + " is not a member of group " + tid, app.checks.details(op));
  }
}
