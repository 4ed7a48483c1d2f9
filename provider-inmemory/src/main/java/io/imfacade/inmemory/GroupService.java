package io.imfacade.inmemory;

import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.group.Group;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.spi.VendorLimits;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups, with the vendors' semantics: the fake issues the id (digits, as NetEase team ids, the
 * strictest rule), the owner is the first member and cannot leave, members are listed in the
 * order they joined, and a group holds at most what its creator asked for or else the emulated
 * vendor's largest size. The guard has checked ids, name, description, sizes and pages; what is
 * left is the state: whether the users and the group exist, who is a member, and room.
 */
final class GroupService implements Groups {

  /** Digits of an issued id, when the vendor's rule allows as many: ten, like a NetEase tid. */
  private static final int ID_DIGITS = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final VendorLimits limits;

  GroupService(Store store, VendorLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public Group create(NewGroup group) {
    Op op = Op.GROUPS_CREATE;
    return store.write(() -> {
      List<String> unknown = new ArrayList<>();
      if (!store.exists(group.owner())) {
        unknown.add(group.owner());
      }
      for (String member : group.members()) {
        if (!store.exists(member)) {
          unknown.add(member);
        }
      }
      if (!unknown.isEmpty()) {
        throw op.notFound((unknown.size() == 1 ? "this user does not exist: " : "these users do not exist: ")
            + String.join(", ", unknown) + "; no group was created");
      }
      store.requireUserForWrite(op, group.owner());
      StoredGroup stored = new StoredGroup(group.owner(), group.name(), group.description(), group.maxMembers());
      for (String member : group.members()) {
        store.requireUserForWrite(op, member);
        stored.join(member, Map.of());
      }
      String id = newId();
      while (store.groups.putIfAbsent(id, stored) != null) {
        id = newId();  // another thread's create took it meanwhile
      }
      return view(id, stored);
    });
  }

  /** A new id of digits, unique among the groups of the store, that the emulated vendor's rule accepts. */
  private String newId() {
    int digits = Math.min(ID_DIGITS, limits.groupId().maxLength());
    long low = (long) Math.pow(10, digits - 1);
    while (true) {
      String id = Long.toString(low + (long) (RANDOM.nextDouble() * (9 * low)));
      if (!store.groups.containsKey(id) && limits.groupId().violation(id) == null) {
        return id;
      }
    }
  }

  /** The most members {@code group} may hold: what its creator asked for, else the vendor's largest. */
  private int capacity(StoredGroup group) {
    return group.maxMembers > 0 ? group.maxMembers : limits.groupSizeMax();
  }

  private Group view(String id, StoredGroup group) {
    int max = capacity(group);
    return new Group(id, group.name, group.owner, group.description, group.members.size(),
        max == Integer.MAX_VALUE ? 0 : max);
  }

  @Override
  public Optional<Group> get(String groupId) {
    return store.read(() -> {
      StoredGroup group = store.groups.get(groupId);
      return group == null ? Optional.empty() : Optional.of(view(groupId, group));
    });
  }

  /**
   * Adds in request order: a member stays as they are, an unknown user fails with a {@code
   * NotFoundException}, and once the group is full every further user fails with a {@code
   * QuotaExceededException}.
   */
  @Override
  public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
    Op op = Op.GROUPS_ADD_MEMBERS;
    return store.write(() -> {
      StoredGroup group = store.requireGroup(op, groupId);
      Map<String, MemberChange> succeeded = new LinkedHashMap<>();
      Map<String, ImException> failed = new LinkedHashMap<>();
      // Under the group's monitor: two concurrent calls must not both take its last place.
      synchronized (group) {
        addInOrder(op, groupId, group, userIds, succeeded, failed);
      }
      return new BatchOutcome<>(succeeded, failed);
    });
  }

  private void addInOrder(Op op, String groupId, StoredGroup group, Collection<String> userIds,
      Map<String, MemberChange> succeeded, Map<String, ImException> failed) {
    int max = capacity(group);
    for (String id : userIds) {
      if (group.members.containsKey(id)) {
        succeeded.put(id, MemberChange.ALREADY_MEMBER);
      } else if (!store.exists(id)) {
        failed.put(id, op.notFound("user " + id + " does not exist"));
      } else if (group.members.size() >= max) {
        failed.put(id, op.quotaExceeded("group " + groupId + " is full: it holds " + group.members.size()
            + " members, its limit" + (group.maxMembers > 0 ? "" : " (" + limits.name() + ")") + " is " + max));
      } else {
        store.requireUserForWrite(op, id);
        group.join(id, Map.of());
        succeeded.put(id, MemberChange.ADDED);
      }
    }
  }

  /** Removes members with their attributes; the owner fails alone ("delete the group instead"). */
  @Override
  public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
    Op op = Op.GROUPS_REMOVE_MEMBERS;
    return store.write(() -> {
      StoredGroup group = store.requireGroup(op, groupId);
      Map<String, MemberChange> succeeded = new LinkedHashMap<>();
      Map<String, ImException> failed = new LinkedHashMap<>();
      for (String id : userIds) {
        if (id.equals(group.owner)) {
          failed.put(id, op.invalid("userIds", id + " owns group " + groupId
              + " and cannot leave it: delete the group instead"));
        } else {
          succeeded.put(id, group.leave(id) ? MemberChange.REMOVED : MemberChange.NOT_A_MEMBER);
        }
      }
      return new BatchOutcome<>(succeeded, failed);
    });
  }

  @Override
  public Page<String> members(String groupId, PageRequest page) {
    Op op = Op.GROUPS_MEMBERS;
    long after = Cursors.decode(op, Cursors.MEMBERS, page);
    OrderedList.Slice slice = store.read(() -> store.requireGroup(op, groupId).members(after, page.size()));
    List<String> items = new ArrayList<>(slice.entries().size());
    slice.entries().forEach(e -> items.add(e.userId()));
    String next = slice.more()
        ? Cursors.encode(Cursors.MEMBERS, slice.entries().get(slice.entries().size() - 1).seq())
        : null;
    return Page.of(items, next);
  }

  /** Deletes the group with its members' attributes. */
  @Override
  public void delete(String groupId) {
    Op op = Op.GROUPS_DELETE;
    store.write(() -> {
      if (store.groups.remove(groupId) == null) {
        throw op.notFound("group not exists: " + groupId);
      }
    });
  }
}
