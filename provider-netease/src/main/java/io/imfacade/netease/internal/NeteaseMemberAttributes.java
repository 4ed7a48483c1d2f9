package io.imfacade.netease.internal;

import io.imfacade.error.ConflictException;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import io.imfacade.netease.internal.Teams.Team;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
 * change that leaves the object as it was sends nothing.
 *
 * <p><b>Concurrent writers.</b> NetEase has no compare-and-set on {@code custom}, so two writers of
 * the same member, even of different keys, can lose one update: both read the same object, and the
 * second write replaces the first. Writes to different members never interfere. The write itself
 * is not replayed by the transport after an ambiguous failure (it would replay a stale whole
 * string); repeat the neutral call instead, which reads again.
 *
 * <p><b>A {@code custom} that is not ours</b> (plain text or other JSON another app wrote, see
 * {@link MemberCustom}) is preserved: writes to that member fail with a {@link ConflictException}
 * naming the member and leave it as it is; reads return an empty map for that member.
 *
 * <p>{@code setAll} reads the team once, then writes each member with its own request, up to 4 at a
 * time, and reports every member whatever happens to the others: non-members as {@link
 * NotFoundException}, foreign {@code custom} as {@link ConflictException}, oversized results as
 * {@link QuotaExceededException}, failed writes with their own exception. It throws only when the
 * team cannot be read, that is when nothing could be attempted.
 *
 * <p><b>A write whose answer is lost</b> (a broken connection or timeout after sending, a 5xx
 * code: a {@link ProviderUnavailableException}) may have landed. It is not replayed (see above);
 * the team is read again instead: if the member's {@code custom} is exactly what was written, the
 * write landed and succeeds; otherwise the failure stands, and repeating the neutral call is safe.
 *
 * <p>The team is read by {@link Teams}: a team that does not exist is a {@link NotFoundException}
 * whichever of the plausible codes (803, 404, 414) the server answers; a malformed answer is never
 * "not a member".
 */
final class NeteaseMemberAttributes implements GroupMemberAttributes {

  private final RemoteCore<NeteaseApi> core;
  private final Teams teams;
  private final int maxBytes;

  NeteaseMemberAttributes(RemoteCore<NeteaseApi> core, VendorLimits limits) {
    this.core = core;
    this.teams = new Teams(core);
    this.maxBytes = limits.memberTotalBytes();
  }

  /** One member's new {@code custom} string, computed before any write. */
  private record PlannedWrite(String user, String custom) {}

  @Override
  public Map<String, String> get(String groupId, String userId) {
    Team team = read(Ops.MEMBERS_GET, groupId);
    member(Ops.MEMBERS_GET, team, userId);
    return readable(team.customs().get(userId));
  }

  @Override
  public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
    Team team = read(Ops.MEMBERS_GET, groupId);
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (String user : userIds) {
      if (team.customs().containsKey(user)) {
        Map<String, String> attributes = new LinkedHashMap<>(readable(team.customs().get(user)));
        if (!keys.isEmpty()) {
          attributes.keySet().retainAll(keys);
        }
        result.put(user, Collections.unmodifiableMap(attributes));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
    Team team = read(Ops.MEMBERS_SET_READ, groupId);
    member(Ops.MEMBERS_SET_READ, team, userId);
    plan(Ops.MEMBERS_SET_READ, team, userId, attributes)
        .ifPresent(custom -> write(Ops.MEMBERS_SET_WRITE, team, new PlannedWrite(userId, custom)));
    return MemberCustom.written(attributes);
  }

  @Override
  public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
    Operation op = Ops.MEMBERS_SET_ALL_READ;
    Team team = read(op, groupId);
    Map<String, ImException> failed = new LinkedHashMap<>();
    List<PlannedWrite> writes = new ArrayList<>();
    attributesByUser.forEach((user, changes) -> {
      try {
        member(op, team, user);
        plan(op, team, user, changes).ifPresent(custom -> writes.add(new PlannedWrite(user, custom)));
      } catch (ImException e) {
        failed.put(user, e);
      }
    });
    // One member per chunk: every write runs and reports, whatever happens to the others.
    for (Batches.Settled<PlannedWrite, Boolean> settled
        : core.writeSettled(writes, 1, chunk -> write(Ops.MEMBERS_SET_ALL_WRITE, team, chunk.get(0)))) {
      settled.failure().ifPresent(e -> failed.put(settled.chunk().get(0).user(), e));
    }
    Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failures = new LinkedHashMap<>();
    attributesByUser.forEach((user, changes) -> {
      if (failed.containsKey(user)) {
        failures.put(user, failed.get(user));
      } else {
        succeeded.put(user, MemberCustom.written(changes));
      }
    });
    return new BatchResult(succeeded, failures);
  }

  /**
   * The member's new {@code custom} after {@code changes}, or empty when nothing changes.
   *
   * @throws ConflictException if the member's {@code custom} is not ours
   * @throws QuotaExceededException if the result would not fit NetEase's 1024 bytes
   */
  private Optional<String> plan(Operation op, Team team, String user, Map<String, String> changes) {
    Map<String, String> attributes = MemberCustom.decode(team.customs().get(user)).orElseThrow(() ->
        new ConflictException("member " + user + " of group " + team.tid() + " has a custom value that is not a"
            + " JSON object of strings; it was left as it is and nothing was written", core.details(op).build()));
    Map<String, String> merged = MemberCustom.merge(attributes, changes);
    if (merged.equals(attributes)) {
      return Optional.empty();
    }
    String custom = MemberCustom.encode(merged);
    int bytes = Sizes.utf8Length(custom);
    if (bytes > maxBytes) {
      throw new QuotaExceededException("the attributes of member " + user + " would take " + bytes
          + " bytes as JSON, over NetEase's limit of " + maxBytes + " bytes of a member's custom value",
          core.details(op).build());
    }
    return Optional.of(custom);
  }

  private Boolean write(Operation op, Team team, PlannedWrite w) {
    try {
      core.call(op, tag -> core.api().updateTeamMemberCustom(tag, team.tid(), team.owner(), w.user(), w.custom()));
    } catch (ProviderUnavailableException e) {
      if (!landed(op, team.tid(), w)) {
        throw e;
      }
    }
    return Boolean.TRUE;
  }

  /** Whether the member's {@code custom} now is what {@code w} wrote: the write of a lost answer landed. */
  private boolean landed(Operation op, String tid, PlannedWrite w) {
    Team now;
    try {
      now = read(Operation.idempotent(op.name()), tid);
    } catch (ImException e) {
      return false; // cannot tell: the write's own failure stands
    }
    return now.customs().containsKey(w.user()) && w.custom().equals(now.customs().get(w.user()));
  }

  /** The team, or a {@link NotFoundException} when it does not exist. */
  private Team read(Operation op, String tid) {
    return teams.read(op, tid);
  }

  private void member(Operation op, Team team, String user) {
    if (!team.customs().containsKey(user)) {
      throw core.notFound(op, "user " + user + " is not a member of group " + team.tid());
    }
  }

  /** What a read shows of a member's {@code custom}: its attributes, or none when it is foreign. */
  private static Map<String, String> readable(@Nullable String custom) {
    return Collections.unmodifiableMap(MemberCustom.decode(custom).orElse(Map.of()));
  }
}
