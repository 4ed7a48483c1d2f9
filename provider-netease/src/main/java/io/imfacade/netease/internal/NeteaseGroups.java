package io.imfacade.netease.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import io.imfacade.netease.internal.Teams.Team;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Groups as NetEase advanced teams (高级群, netease-facts §6): {@code team/create.action}, {@code
 * team/add.action}, {@code team/kick.action}, {@code team/remove.action}, read with {@code
 * team/queryDetail.action} ({@link Teams}).
 *
 * <p><b>Creating.</b> The owner and members are first checked to exist ({@code userOnlineStatus}):
 * an unknown one is a {@link NotFoundException} and nothing is created (what {@code create} answers
 * for an unknown account is not documented, and a team made without someone would have to be
 * dismissed again). Then {@code create} with {@code tname} (the name), {@code intro} (the
 * description), {@code members} (a JSON array, {@code []} when there is no one else: the parameter
 * is required), the required {@code msg} (the fixed text {@value #INVITATION}), {@code magree=0}
 * (members join at once, nobody has to accept), the required {@code joinmode=1} (someone who asks
 * to join from a client needs the owner's or an admin's approval: nobody gets in on their own,
 * while the client SDK's apply-and-approve flow stays available), and {@code teamMemberLimit} when
 * a size is asked for. {@code custom}, {@code icon} and {@code announcement} are not sent.
 *
 * <p><b>Members who could not join.</b> The answer's {@code faccid} lists members who could not join
 * because of their own limits (the teams one account may join). {@link Groups#create} has no
 * per-member outcome, and a group silently missing members is wrong, so the team is dismissed
 * again and the call fails: a {@link QuotaExceededException} naming them (a {@link
 * NotFoundException} if one turns out not to exist), nothing left behind. If the dismissal fails
 * too, the exception says that the team still exists and carries the dismissal's failure as
 * suppressed. The new team is read back, which also catches members missing without a {@code
 * faccid}; the returned {@link Group} is what {@code queryDetail} says (size limit included). If
 * the read-back itself fails, the team exists and the group is returned as requested ({@code
 * maxMembers} 0 when the vendor's default was asked for). A {@code create} whose answer is lost is
 * not repeated (it would make a second team).
 *
 * <p><b>Adding and removing</b> read the team first: its owner (the operator NetEase needs), its
 * members and its size limit. Members already in it are {@link MemberChange#ALREADY_MEMBER} and
 * users not in it {@link MemberChange#NOT_A_MEMBER}, without sending them: what {@code add} and
 * {@code kick} answer for them is not documented (809 or 804 for the whole call, 200, or 414).
 * Unknown users fail with a {@link NotFoundException} ({@code userOnlineStatus}), the owner with an
 * {@link InvalidRequestException} (delete the group instead). Users beyond the team's free places
 * fail with a {@link QuotaExceededException}, in the order given; the others are sent, at most 200
 * per call: NetEase refuses a whole call that does not fit (801, nobody added). {@code faccid}
 * users of an {@code add} could not join: {@link QuotaExceededException}.
 *
 * <p><b>A refused or lost change is read back.</b> Whatever {@code add} or {@code kick} answers
 * other than success (including the answer of a replay of a change that landed, and a lost
 * answer), the team is read again: users in place are {@link MemberChange#ADDED} / {@link
 * MemberChange#REMOVED}; if some were and others not, the others are sent once more (the refusal
 * may have been about the ones now in place); users still not in place fail with the refusal.
 *
 * <p><b>Members</b> are owner, admins and members of {@code queryDetail}, the whole team at once (v1
 * has no paged member list), paged on the client sorted by id with an opaque cursor ({@link
 * ClientPaging}): a stable order whatever the server's. <b>Deleting</b> dismisses the team as its
 * owner; a refusal after which the team is gone (a replay of a dismissal whose answer was lost)
 * is a success.
 */
final class NeteaseGroups implements Groups {

  /** The invitation text {@code team/create} and {@code team/add} require ({@code msg}, at most 150 characters). */
  static final String INVITATION = "You were added to the group.";
  /** {@code magree}: members join without accepting an invitation. */
  static final int NO_CONSENT = 0;
  /** {@code joinmode}: someone asking to join from a client needs approval. */
  static final int JOIN_NEEDS_APPROVAL = 1;
  /** {@code teamMemberLimit} is at least 2 (netease-facts §6). */
  static final int SMALLEST_TEAM = 2;

  private final RemoteCore<NeteaseApi> core;
  private final Teams teams;
  private final Accounts accounts;
  private final int batch;

  NeteaseGroups(RemoteCore<NeteaseApi> core, VendorLimits limits) {
    this.core = core;
    this.teams = new Teams(core);
    this.accounts = new Accounts(core);
    this.batch = limits.groupMembersBatch();
  }

  // ---- create ----

  @Override
  public Group create(NewGroup group) {
    Operation op = Ops.GROUPS_CREATE;
    if (group.maxMembers() == 1) {
      // A vendor rule the neutral limits cannot express: teamMemberLimit is 2 or more.
      throw new InvalidRequestException("a NetEase team holds at least " + SMALLEST_TEAM + " members (teamMemberLimit),"
          + " maxMembers was 1", "maxMembers", core.details(op).retryable(false).build(), null);
    }
    List<String> everyone = new ArrayList<>();
    everyone.add(group.owner());
    everyone.addAll(group.members());
    Set<String> unknown = new TreeSet<>(accounts.unknown(op, everyone));
    if (!unknown.isEmpty()) {
      throw core.notFound(op, (unknown.size() == 1 ? "user " : "users ") + String.join(", ", unknown)
          + (unknown.size() == 1 ? " does" : " do") + " not exist; no group was created");
    }
    Integer limit = group.maxMembers() > 0 ? group.maxMembers() : null;
    Wire.TeamCreated answer = core.call(op, tag -> core.api().createTeam(tag, group.name(), group.owner(),
        Wire.jsonArray(group.members()), INVITATION, NO_CONSENT, JOIN_NEEDS_APPROVAL, group.description(), limit));
    if (Wire.isBlank(answer.tid())) {
      throw core.malformed(op, "team/create answered code 200 without 'tid'; a team owned by " + group.owner()
          + " may have been created");
    }
    String tid = answer.tid().strip();
    Set<String> couldNotJoin = new LinkedHashSet<>(failedOf(op, tid, answer.faccid()));
    couldNotJoin.retainAll(group.members());
    @Nullable String why = answer.faccid() == null ? null : answer.faccid().msg();
    Optional<Team> created = readBack(op, tid);
    if (created.isPresent()) {
      for (String member : group.members()) {
        if (!created.get().has(member)) {
          couldNotJoin.add(member);
        }
      }
    }
    if (!couldNotJoin.isEmpty()) {
      throw abandoned(op, tid, group.owner(), couldNotJoin, why);
    }
    return created.map(team -> group(op, team)).orElseGet(() -> new Group(tid, group.name(), group.owner(),
        group.description(), group.members().size() + 1, group.maxMembers()));
  }

  /** The new team, or empty when it cannot be read now (it exists: the create succeeded). */
  private Optional<Team> readBack(Operation op, String tid) {
    try {
      return teams.find(op, tid);
    } catch (ImException e) {
      return Optional.empty();
    }
  }

  /** Dismisses a team whose members could not all join; the exception to throw. */
  private ImException abandoned(Operation op, String tid, String owner, Set<String> couldNotJoin, @Nullable String why) {
    Set<String> unknown = new TreeSet<>(accounts.unknown(op, couldNotJoin));
    ErrorDetails.Builder details = core.details(op).retryable(false);
    if (!Wire.isBlank(why)) {
      details.vendorMessage(why);
    }
    String names = String.join(", ", couldNotJoin);
    ImException failure = unknown.isEmpty()
        ? new QuotaExceededException("users " + names + " could not join the new group (they may be in as many"
            + " teams as NetEase lets an account join)" + dismissal(tid), details.build())
        : new NotFoundException("users " + String.join(", ", unknown) + " do not exist" + dismissal(tid), details.build());
    try {
      core.call(op, tag -> core.api().removeTeam(tag, tid, owner));
    } catch (ImException e) {
      ImException left = unknown.isEmpty()
          ? new QuotaExceededException("users " + names + " could not join the new group " + tid + ", which could not be"
              + " dismissed again: it exists without them; delete it", details.build())
          : new NotFoundException("users " + String.join(", ", unknown) + " do not exist; the new group " + tid
              + " could not be dismissed again: it exists without them; delete it", details.build());
      left.addSuppressed(e);
      return left;
    }
    return failure;
  }

  private static String dismissal(String tid) {
    return "; the team " + tid + " NetEase made was dismissed again: no group was created";
  }

  // ---- read ----

  @Override
  public Optional<Group> get(String groupId) {
    Operation op = Ops.GROUPS_GET;
    return teams.find(op, groupId).map(team -> group(op, team));
  }

  private Group group(Operation op, Team team) {
    if (team.name() == null) {
      throw core.malformed(op, "team/queryDetail of group " + team.tid() + " answered code 200 without 'tname'");
    }
    return new Group(team.tid(), team.name(), team.owner(), team.intro(), team.size(), team.maxMembers());
  }

  @Override
  public Page<String> members(String groupId, PageRequest page) {
    Operation op = Ops.GROUPS_MEMBERS;
    String after = ClientPaging.after(page, core.details(op).build());
    Team team = teams.read(op, groupId);
    return ClientPaging.page(List.copyOf(team.customs().keySet()), id -> id, after, page.size());
  }

  // ---- add ----

  @Override
  public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
    Operation op = Ops.GROUPS_ADD;
    Team team = teams.read(op, groupId);
    Map<String, MemberChange> done = new LinkedHashMap<>();
    Map<String, ImException> failed = new LinkedHashMap<>();
    List<String> candidates = new ArrayList<>();
    for (String user : userIds) {
      if (team.has(user)) {
        done.put(user, MemberChange.ALREADY_MEMBER);
      } else {
        candidates.add(user);
      }
    }
    if (!candidates.isEmpty()) {
      Set<String> unknown = accounts.unknown(op, candidates);
      List<String> toAdd = new ArrayList<>();
      int free = team.maxMembers() > 0 ? Math.max(0, team.maxMembers() - team.size()) : Integer.MAX_VALUE;
      for (String user : candidates) {
        if (unknown.contains(user)) {
          failed.put(user, core.notFound(op, "user " + user + " does not exist"));
        } else if (toAdd.size() < free) {
          toAdd.add(user);
        } else {
          failed.put(user, new QuotaExceededException("group " + groupId + " is full: it may hold " + team.maxMembers()
              + " members", core.details(op).retryable(false).build()));
        }
      }
      settle(op, team, toAdd, true, done, failed);
    }
    return outcome(userIds, done, failed);
  }

  // ---- remove ----

  @Override
  public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
    Operation op = Ops.GROUPS_REMOVE;
    Team team = teams.read(op, groupId);
    Map<String, MemberChange> done = new LinkedHashMap<>();
    Map<String, ImException> failed = new LinkedHashMap<>();
    List<String> toKick = new ArrayList<>();
    for (String user : userIds) {
      if (user.equals(team.owner())) {
        failed.put(user, new InvalidRequestException("user " + user + " owns group " + groupId
            + " and cannot be removed from it: delete the group instead", "userIds", core.details(op).retryable(false).build(), null));
      } else if (team.has(user)) {
        toKick.add(user);
      } else {
        done.put(user, MemberChange.NOT_A_MEMBER);
      }
    }
    settle(op, team, toKick, false, done, failed);
    return outcome(userIds, done, failed);
  }

  // ---- the change itself, in calls of at most 200 ----

  /** Sends {@code users} in chunks; every chunk runs and each user lands in {@code done} or {@code failed}. */
  private void settle(Operation op, Team team, List<String> users, boolean add, Map<String, MemberChange> done,
      Map<String, ImException> failed) {
    for (Batches.Settled<String, Map<String, Object>> settled
        : core.writeSettled(users, batch, chunk -> change(op, team, chunk, add))) {
      if (settled.result().isPresent()) {
        settled.result().get().forEach((user, result) -> {
          if (result instanceof MemberChange change) {
            done.put(user, change);
          } else {
            failed.put(user, (ImException) result);
          }
        });
      } else {
        ImException e = settled.failure().orElseThrow();
        settled.chunk().forEach(user -> failed.put(user, e));
      }
    }
  }

  /**
   * One {@code add} or {@code kick} of at most 200 users: each user's {@link MemberChange} or
   * {@link ImException}. A refusal or a lost answer is read back (see the class comment); a second
   * attempt is made for the users still not in place when the read-back found some in place.
   */
  private Map<String, Object> change(Operation op, Team team, List<String> chunk, boolean add) {
    MemberChange applied = add ? MemberChange.ADDED : MemberChange.REMOVED;
    Map<String, Object> results = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>(chunk);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<String> sending = List.copyOf(pending);
      Wire.TeamChange answer;
      try {
        String members = Wire.jsonArray(sending);
        answer = add
            ? core.call(op, tag -> core.api().addTeamMembers(tag, team.tid(), team.owner(), members, NO_CONSENT, INVITATION))
            : core.call(op, tag -> core.api().kickTeamMembers(tag, team.tid(), team.owner(), members));
      } catch (ImException e) {
        Optional<Team> now = readBackAfter(op, team.tid(), e);
        List<String> notInPlace = new ArrayList<>();
        for (String user : sending) {
          if (now.get().has(user) == add) {
            results.put(user, applied);
          } else {
            notInPlace.add(user);
          }
        }
        if (attempt > 1 || notInPlace.size() == sending.size()) {
          notInPlace.forEach(user -> results.put(user, e));
          pending.clear();
        } else {
          pending = notInPlace; // the refusal may have been about the users now in place
        }
        continue;
      }
      List<String> named = failedOf(op, team.tid(), answer.faccid());
      for (String user : sending) {
        results.put(user, applied);
      }
      if (!named.isEmpty()) {
        named(op, team, add, sending, named, answer.faccid().msg(), results);
      }
      pending.clear();
    }
    return results;
  }

  /**
   * The team after a refused or lost change: present, or the refusal (or a {@link
   * NotFoundException} when the team is gone) is thrown for the whole chunk.
   */
  private Optional<Team> readBackAfter(Operation op, String tid, ImException refusal) {
    Optional<Team> now;
    try {
      now = teams.find(op, tid);
    } catch (ImException e) {
      refusal.addSuppressed(e);
      throw refusal;
    }
    if (now.isEmpty()) {
      throw new NotFoundException("group " + tid + " does not exist (any more)",
          refusal.details().toBuilder().retryable(false).build(), refusal);
    }
    return now;
  }

  /** The users of a successful change that {@code faccid} names: read back, each in place or failed. */
  private void named(Operation op, Team team, boolean add, List<String> sending, List<String> named,
      @Nullable String why, Map<String, Object> results) {
    Optional<Team> now;
    try {
      now = teams.find(op, team.tid());
    } catch (ImException e) {
      now = Optional.empty();
    }
    ErrorDetails.Builder details = core.details(op).retryable(false);
    if (!Wire.isBlank(why)) {
      details.vendorMessage(why);
    }
    for (String user : sending) {
      if (!named.contains(user) || (now.isPresent() && now.get().has(user) == add)) {
        continue;
      }
      results.put(user, add
          ? new QuotaExceededException("user " + user + " could not join group " + team.tid()
              + " (they may be in as many teams as NetEase lets an account join)", details.build())
          : new ImException("user " + user + " could not be removed from group " + team.tid(), details.build()));
    }
  }

  /** The accids of a {@code faccid}, or a malformed answer. */
  private List<String> failedOf(Operation op, String tid, Wire.@Nullable Failed faccid) {
    if (faccid == null) {
      return List.of();
    }
    try {
      return faccid.accids();
    } catch (IllegalArgumentException e) {
      throw core.malformed(op, "the 'faccid' of a team answer for group " + tid + " is malformed: " + e.getMessage());
    }
  }

  private static BatchOutcome<MemberChange> outcome(Collection<String> users, Map<String, MemberChange> done,
      Map<String, ImException> failed) {
    Map<String, MemberChange> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failures = new LinkedHashMap<>();
    for (String user : users) {
      if (done.containsKey(user)) {
        succeeded.put(user, done.get(user));
      } else if (failed.containsKey(user)) {
        failures.put(user, failed.get(user));
      }
    }
    return new BatchOutcome<>(succeeded, failures);
  }

  // ---- delete ----

  @Override
  public void delete(String groupId) {
    Operation op = Ops.GROUPS_DELETE;
    Team team = teams.read(op, groupId);
    try {
      core.call(op, tag -> core.api().removeTeam(tag, groupId, team.owner()));
    } catch (ImException e) {
      Optional<Team> now;
      try {
        now = teams.find(op, groupId);
      } catch (ImException readFailure) {
        e.addSuppressed(readFailure);
        throw e;
      }
      if (now.isPresent()) {
        throw e;
      }
      // Gone: the replay of a dismissal whose answer was lost, or someone else's dismissal.
    }
  }
}
