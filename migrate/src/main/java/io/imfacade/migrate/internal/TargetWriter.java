package io.imfacade.migrate.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.Account;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ImException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.migrate.Item;
import io.imfacade.migrate.internal.Records.GroupData;
import io.imfacade.migrate.internal.Records.GroupUnit;
import io.imfacade.migrate.internal.Records.MemberData;
import io.imfacade.migrate.internal.Records.UserData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes records to the target, phase by phase, checking each value against the target's {@link
 * Rules} first: what the target cannot take is reported in the unit's result, the rest of the
 * record is written. In a dry run nothing is sent, and what would be written is counted.
 *
 * <p>Every write is idempotent, so a resumed run may repeat the ones of the records it redoes: a
 * registration of an existing account is a conflict, counted as already there; a profile update
 * sets values; adding a contact, blocking and adding a member leave what is in place; a remark and
 * member attributes are set. The one write that is not, a group's creation, is recorded in the
 * {@link Checkpoint} before it is sent (pending) and with its new id the moment the target answers.
 * Thread-safe.
 */
final class TargetWriter {

  private final ImClient target;
  private final boolean dryRun;
  private final Rules rules;
  private final SortedIds users;
  private final Map<String, String> excluded;
  private final Checkpoint ledger;

  /**
   * @param users the users of the migration: contacts, blocked users and members outside them are
   *     reported, not written
   * @param excluded the users of the migration that could not be migrated, with the reason; read
   *     only in the phases after {@code users}
   * @param ledger where group creations are recorded
   */
  TargetWriter(ImClient target, boolean dryRun, SortedIds users, Map<String, String> excluded, Checkpoint ledger) {
    this.target = target;
    this.dryRun = dryRun;
    this.rules = new Rules(target.metadata());
    this.users = users;
    this.excluded = excluded;
    this.ledger = ledger;
  }

  Rules rules() {
    return rules;
  }

  // ---- users: accounts and profiles ----

  /** Registers the accounts of {@code chunk}, then writes their profiles. */
  void users(List<UserData> chunk, UnitResult r) {
    List<UserData> valid = new ArrayList<>(chunk.size());
    for (UserData u : chunk) {
      String problem = rules.userIdProblem(u.userId());
      if (problem != null) {
        r.failure(u.userId(), null, "account", null, problem, Rules.INVALID);
        r.failed(Item.USERS, 1);
        r.exclude(u.userId(), problem);
      } else {
        valid.add(u);
      }
    }
    if (valid.isEmpty()) {
      return;
    }
    List<UserData> registered = new ArrayList<>(valid.size());
    if (dryRun) {
      r.written(Item.USERS, valid.size());
      registered.addAll(valid);
    } else {
      List<Registration> registrations = new ArrayList<>(valid.size());
      valid.forEach(u -> registrations.add(Registration.of(u.userId())));
      // Without a password: the source's cannot be read. A provider whose vendor needs one makes
      // a random one; the credential it returns is dropped here, never written anywhere.
      BatchOutcome<Account> outcome = Errors.call(() -> target.accounts().registerAll(registrations));
      for (UserData u : valid) {
        ImException e = outcome.failed().get(u.userId());
        if (e == null) {
          r.written(Item.USERS, 1);
          registered.add(u);
        } else if (e instanceof ConflictException) {
          r.skipped(Item.USERS, 1); // there already: an earlier run's, or the app's own
          registered.add(u);
        } else {
          RuntimeException stop = Errors.stopIfRunLevel(e);
          if (stop != e) {
            throw stop;
          }
          r.failure(u.userId(), null, "account", null, e);
          r.failed(Item.USERS, 1);
          r.exclude(u.userId(), "its account could not be registered at the target: " + e.getMessage());
        }
      }
    }
    for (UserData u : registered) {
      profile(u, r);
    }
  }

  private void profile(UserData u, UnitResult r) {
    Rules.ProfilePlan plan = rules.profile(u.profile());
    for (Rules.Refusal refusal : plan.refusals()) {
      r.failure(u.userId(), null, refusal);
      r.failed(Item.PROFILE_VALUES, 1);
    }
    if (plan.update() == null) {
      return;
    }
    if (!dryRun) {
      try {
        Errors.run(() -> target.profiles().update(u.userId(), plan.update()));
      } catch (ImException e) {
        r.failure(u.userId(), null, "profile", null, e);
        r.failed(Item.PROFILE_VALUES, plan.values());
        return;
      }
    }
    r.written(Item.PROFILE_VALUES, plan.values());
  }

  // ---- relations: contacts, remarks, block lists ----

  /**
   * Writes {@code u}'s contacts, remarks and block list. A contact relation is two-way and in both
   * users' records: it is written with the record of the user whose id sorts first, unless the
   * other one has a remark to set, which needs the relation first (adding it again changes
   * nothing).
   */
  void relations(UserData u, UnitResult r) {
    String owner = u.userId();
    if (excluded.containsKey(owner)) {
      return; // reported in the users phase; relations of others with this user are reported on their side
    }
    contacts(owner, u.contacts() == null ? List.of() : u.contacts(), r);
    if (u.blocked() != null && !u.blocked().isEmpty()) {
      blocks(owner, u.blocked(), r);
    }
  }

  private void contacts(String owner, List<Contact> contacts, UnitResult r) {
    List<Contact> kept = new ArrayList<>(contacts.size());
    Set<String> seen = new LinkedHashSet<>();
    for (Contact c : contacts) {
      String friend = Dump.lower(c.userId());
      if (friend.equals(owner) || !seen.add(friend)) {
        continue;
      }
      String outside = outside(friend);
      if (outside != null) {
        r.failure(owner, null, "contact", friend, outside, "NotFoundException");
        r.failed(Item.CONTACTS, 1);
      } else {
        kept.add(Contact.of(friend, c.remark()));
      }
    }
    int max = rules.limits().contactsMax();
    if (kept.size() > max) {
      for (Contact c : kept.subList(max, kept.size())) {
        r.failure(owner, null, "contact", c.userId(), "user " + owner + " has " + kept.size() + " contacts, over the "
            + rules.limits().name() + " limit of " + max + " contacts", Rules.QUOTA);
        r.failed(Item.CONTACTS, 1);
      }
      kept = kept.subList(0, max);
    }
    for (Contact c : kept) {
      String friend = c.userId();
      boolean mine = owner.compareTo(friend) < 0;
      Rules.Refusal remarkRefusal = c.remark() == null ? null : rules.remark(friend, c.remark());
      if (!mine && (c.remark() == null || remarkRefusal != null)) {
        if (remarkRefusal != null) {
          r.failure(owner, null, remarkRefusal);
          r.failed(Item.REMARKS, 1);
        }
        continue; // the relation is written with the friend's record
      }
      if (!dryRun) {
        try {
          Errors.run(() -> target.contacts().addContact(owner, friend));
        } catch (ImException e) {
          r.failure(owner, null, mine ? "contact" : "remark", friend, e);
          r.failed(mine ? Item.CONTACTS : Item.REMARKS, 1);
          continue;
        }
      }
      if (mine) {
        r.written(Item.CONTACTS, 1);
      }
      if (c.remark() == null) {
        continue;
      }
      if (remarkRefusal != null) {
        r.failure(owner, null, remarkRefusal);
        r.failed(Item.REMARKS, 1);
        continue;
      }
      if (!dryRun) {
        try {
          Errors.run(() -> target.contacts().setRemark(owner, friend, c.remark()));
        } catch (ImException e) {
          r.failure(owner, null, "remark", friend, e);
          r.failed(Item.REMARKS, 1);
          continue;
        }
      }
      r.written(Item.REMARKS, 1);
    }
  }

  private void blocks(String owner, List<String> blocked, UnitResult r) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String b : blocked) {
      String user = Dump.lower(b);
      if (!user.equals(owner)) {
        distinct.add(user);
      }
    }
    if (!rules.offers(Capability.BLOCK_LIST)) {
      for (String user : distinct) {
        r.failure(owner, null, rules.unsupported(Capability.BLOCK_LIST, "block", user));
        r.failed(Item.BLOCKS, 1);
      }
      return;
    }
    List<String> kept = new ArrayList<>(distinct.size());
    for (String user : distinct) {
      String outside = outside(user);
      if (outside != null) {
        r.failure(owner, null, "block", user, outside, "NotFoundException");
        r.failed(Item.BLOCKS, 1);
      } else {
        kept.add(user);
      }
    }
    int max = rules.limits().blockListMax();
    if (kept.size() > max) {
      for (String user : kept.subList(max, kept.size())) {
        r.failure(owner, null, "block", user, "user " + owner + " blocks " + kept.size() + " users, over the "
            + rules.limits().name() + " limit of " + max + " users on a block list", Rules.QUOTA);
        r.failed(Item.BLOCKS, 1);
      }
      kept = kept.subList(0, max);
    }
    if (kept.isEmpty()) {
      return;
    }
    if (!dryRun) {
      List<String> list = List.copyOf(kept);
      try {
        Errors.run(() -> target.contacts().block(owner, list));
      } catch (ImException e) {
        // Some were refused (an unknown user, a full list): one at a time tells which.
        for (String user : list) {
          try {
            Errors.run(() -> target.contacts().block(owner, List.of(user)));
            r.written(Item.BLOCKS, 1);
          } catch (ImException one) {
            r.failure(owner, null, "block", user, one);
            r.failed(Item.BLOCKS, 1);
          }
        }
        return;
      }
    }
    r.written(Item.BLOCKS, kept.size());
  }

  /** Why {@code user} cannot be related to at the target, or null when it can. */
  private @Nullable String outside(String user) {
    if (!users.contains(user)) {
      return "user " + user + " is not one of the users migrated: the relation is not written";
    }
    String why = excluded.get(user);
    return why == null ? null : "user " + user + " was not migrated (" + why + "): the relation is not written";
  }

  // ---- groups ----

  /** Creates the group (unless an earlier run did), adds its members and sets their attributes. */
  void group(GroupUnit unit, UnitResult r) {
    GroupData g = unit.group();
    String owner = g.owner();
    int memberCount = unit.members().size();
    long attributeCount = unit.members().stream().mapToLong(m -> m.attributes() == null ? 0 : nonEmpty(m.attributes())).sum();
    String refusal = outside(owner);
    if (refusal == null) {
      refusal = rules.groupNameProblem(g.name());
    }
    if (refusal != null) {
      r.failure(null, g.groupId(), "group", null, "group " + g.groupId() + " is not created: " + refusal, Rules.INVALID);
      r.failed(Item.GROUPS, 1);
      r.failed(Item.MEMBERS, memberCount);
      r.failed(Item.MEMBER_ATTRIBUTES, attributeCount);
      return;
    }
    String description = g.description();
    if (description != null) {
      String problem = rules.groupDescriptionProblem(description);
      if (problem != null) {
        r.failure(null, g.groupId(), "group.description", null, problem + "; the group is created without it",
            Rules.INVALID);
        description = null;
      }
    }
    int maxMembers = g.maxMembers();
    int sizeMax = rules.limits().groupSizeMax();
    if (maxMembers > sizeMax) {
      r.failure(null, g.groupId(), "group.maxMembers", null, "maxMembers " + maxMembers + " is over the "
          + rules.limits().name() + " limit of " + sizeMax + "; the group is created with " + sizeMax, Rules.INVALID);
      maxMembers = sizeMax;
    }
    String targetId = ledger.targetGroup(g.groupId());
    if (targetId == null) {
      targetId = create(g, description, maxMembers, r);
      if (targetId == null) {
        r.failed(Item.MEMBERS, memberCount);
        r.failed(Item.MEMBER_ATTRIBUTES, attributeCount);
        return;
      }
    }
    r.written(Item.GROUPS, 1);
    members(g, targetId, unit.members(), r);
  }

  /** Creates the group at the target; its new id, or null when refused (reported). */
  private @Nullable String create(GroupData g, @Nullable String description, int maxMembers, UnitResult r) {
    if (dryRun) {
      return "dry-run:" + g.groupId();
    }
    String earlier = ledger.pendingCreation(g.groupId());
    if (earlier != null) {
      r.failure(null, g.groupId(), "group", null, "an earlier run stopped while creating this group (" + earlier
          + ") before the target answered: the target may hold a copy that this run does not know of; look for a group"
          + " owned by " + g.owner() + " named '" + g.name() + "' and delete the one that is not " + "in the mapping",
          "ProviderUnavailableException");
    }
    ledger.creating(g.groupId(), "owner " + g.owner() + ", name '" + g.name() + "'");
    Group created;
    try {
      created = Errors.call(() -> target.groups().create(new NewGroup(g.owner(), g.name(), description, List.of(),
          maxMembers)));
    } catch (ImException e) {
      ledger.notCreated(g.groupId()); // refused: nothing was created
      r.failure(null, g.groupId(), "group", null, e);
      r.failed(Item.GROUPS, 1);
      return null;
    }
    ledger.created(g.groupId(), created.groupId());
    r.created.put(g.groupId(), created.groupId());
    return created.groupId();
  }

  private void members(GroupData g, String targetId, List<MemberData> members, UnitResult r) {
    String owner = g.owner();
    Map<String, MemberData> byUser = new LinkedHashMap<>();
    List<String> toAdd = new ArrayList<>();
    Set<String> inGroup = new LinkedHashSet<>();
    for (MemberData m : members) {
      String user = m.userId();
      if (byUser.putIfAbsent(user, m) != null) {
        continue;
      }
      if (user.equals(owner)) {
        inGroup.add(user);
        r.written(Item.MEMBERS, 1); // a member from the creation on
        continue;
      }
      String outside = outside(user);
      if (outside != null) {
        r.failure(null, g.groupId(), "member", user, outside, "NotFoundException");
        r.failed(Item.MEMBERS, 1);
        r.failed(Item.MEMBER_ATTRIBUTES, m.attributes() == null ? 0 : nonEmpty(m.attributes()));
      } else {
        toAdd.add(user);
      }
    }
    int batch = Math.max(1, Math.min(rules.limits().groupMembersBatch(), 500));
    for (int i = 0; i < toAdd.size(); i += batch) {
      List<String> chunk = toAdd.subList(i, Math.min(toAdd.size(), i + batch));
      if (dryRun) {
        r.written(Item.MEMBERS, chunk.size());
        inGroup.addAll(chunk);
        continue;
      }
      List<String> list = List.copyOf(chunk);
      BatchOutcome<MemberChange> outcome;
      try {
        outcome = Errors.call(() -> target.groups().addMembers(targetId, list));
      } catch (ImException e) {
        for (String user : list) {
          r.failure(null, g.groupId(), "member", user, e);
          r.failed(Item.MEMBERS, 1);
          MemberData m = byUser.get(user);
          r.failed(Item.MEMBER_ATTRIBUTES, m.attributes() == null ? 0 : nonEmpty(m.attributes()));
        }
        continue;
      }
      for (String user : list) {
        MemberChange change = outcome.succeeded().get(user);
        if (change != null) {
          if (change == MemberChange.ALREADY_MEMBER) {
            r.skipped(Item.MEMBERS, 1);
          } else {
            r.written(Item.MEMBERS, 1);
          }
          inGroup.add(user);
          continue;
        }
        ImException e = outcome.failed().get(user);
        RuntimeException stop = Errors.stopIfRunLevel(e);
        if (stop != e) {
          throw stop;
        }
        r.failure(null, g.groupId(), "member", user, e);
        r.failed(Item.MEMBERS, 1);
        MemberData m = byUser.get(user);
        r.failed(Item.MEMBER_ATTRIBUTES, m.attributes() == null ? 0 : nonEmpty(m.attributes()));
      }
    }
    attributes(g, targetId, inGroup, byUser, r);
  }

  private void attributes(GroupData g, String targetId, Set<String> inGroup, Map<String, MemberData> byUser,
      UnitResult r) {
    Map<String, Map<String, String>> toSet = new LinkedHashMap<>();
    for (String user : inGroup) {
      Map<String, String> attrs = byUser.get(user).attributes();
      if (attrs == null || nonEmpty(attrs) == 0) {
        continue;
      }
      if (!rules.offers(Capability.GROUP_MEMBER_ATTRIBUTES)) {
        r.failure(null, g.groupId(), rules.unsupported(Capability.GROUP_MEMBER_ATTRIBUTES, "member.attribute", user));
        r.failed(Item.MEMBER_ATTRIBUTES, nonEmpty(attrs));
        continue;
      }
      Rules.AttributesPlan plan = rules.memberAttributes(user, attrs);
      for (Rules.Refusal refusal : plan.refusals()) {
        r.failure(null, g.groupId(), refusal);
        r.failed(Item.MEMBER_ATTRIBUTES, 1);
      }
      if (!plan.attributes().isEmpty()) {
        toSet.put(user, plan.attributes());
      }
    }
    if (toSet.isEmpty()) {
      return;
    }
    if (dryRun) {
      toSet.values().forEach(a -> r.written(Item.MEMBER_ATTRIBUTES, a.size()));
      return;
    }
    List<String> usersToSet = new ArrayList<>(toSet.keySet());
    int batch = Math.max(1, Math.min(rules.limits().memberSetBatch(), 500));
    for (int i = 0; i < usersToSet.size(); i += batch) {
      Map<String, Map<String, String>> chunk = new LinkedHashMap<>();
      for (String user : usersToSet.subList(i, Math.min(usersToSet.size(), i + batch))) {
        chunk.put(user, toSet.get(user));
      }
      BatchResult result;
      try {
        result = Errors.call(() -> target.groupMemberAttributes().setAll(targetId, chunk));
      } catch (ImException e) {
        chunk.forEach((user, attrs) -> {
          r.failure(null, g.groupId(), "member.attribute", user, e);
          r.failed(Item.MEMBER_ATTRIBUTES, attrs.size());
        });
        continue;
      }
      for (Map.Entry<String, Map<String, String>> e : chunk.entrySet()) {
        ImException failure = result.failed().get(e.getKey());
        if (failure == null) {
          r.written(Item.MEMBER_ATTRIBUTES, e.getValue().size());
          continue;
        }
        RuntimeException stop = Errors.stopIfRunLevel(failure);
        if (stop != failure) {
          throw stop;
        }
        r.failure(null, g.groupId(), "member.attribute", e.getKey(), failure);
        r.failed(Item.MEMBER_ATTRIBUTES, e.getValue().size());
      }
    }
  }

  static long nonEmpty(Map<String, String> attributes) {
    return attributes.values().stream().filter(v -> !v.isEmpty()).count();
  }
}
