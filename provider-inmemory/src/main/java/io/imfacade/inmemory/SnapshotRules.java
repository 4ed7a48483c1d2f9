package io.imfacade.inmemory;

import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.VendorLimits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a snapshot file must hold to be loaded by one client: the same things the client itself
 * would accept and could have written. A hand-edited or foreign file is checked entry by entry and
 * refused at its first mistake, named by its {@link JsonPath}, before anything is loaded:
 *
 * <ul>
 *   <li>user ids and group ids follow the client's {@link IdRule}s (so {@code a/b} and {@code ..}
 *       never become ids), and user ids are lower case, as stored;
 *   <li>a user's {@code createdAt}, when given, is an ISO-8601 instant;
 *   <li>no user id is listed twice where a list is a set (a contact list, a block list; the users
 *       and a group's members are objects, whose keys the JSON reading keeps distinct);
 *   <li>no user is their own contact or blocks themself, and contacts are two-way;
 *   <li>with {@code inmemory.users=registered}, every user a profile, group, contact or block list
 *       names is in {@code users}, as a vendor only knows registered users;
 *   <li>a gender is 0, 1 or 2; attribute keys are not blank and values not null (member attribute
 *       values not empty either: an empty value means "remove" when written);
 *   <li>a group has an owner and a name that is not blank; its name and description are within
 *       the emulated vendor's limits, its {@code maxMembers} (when given) between 1 and the
 *       vendor's largest group, and it holds no more members than that.
 * </ul>
 *
 * Value types (strings where strings) are enforced by the JSON reading itself ({@link Snapshot}).
 *
 * @param limits the limits the client enforces: its rules for ids, group names and sizes
 * @param registered whether users must be listed in {@code users} ({@code inmemory.users=registered})
 */
record SnapshotRules(VendorLimits limits, boolean registered) {

  static SnapshotRules of(VendorLimits limits, boolean autoUsers) {
    return new SnapshotRules(limits, !autoUsers);
  }

  private IdRule userIds() {
    return limits.userId();
  }

  private IdRule groupIds() {
    return limits.groupId();
  }

  /** Checks a snapshot read from a file; throws at the first mistake. */
  void check(Snapshot.Data data) throws InvalidSnapshot {
    JsonPath root = JsonPath.ROOT;
    if (data.format() == null) {
      throw new InvalidSnapshot(root.key("format"), "is missing: a snapshot has a \"format\" field");
    }
    if (Snapshot.FORMAT_1.equals(data.format())) {
      throw new InvalidSnapshot(root.key("format"), "is '" + data.format() + "', written by an earlier version; this "
          + "version reads '" + Snapshot.FORMAT + "', where \"users\" is an object ({\"alice\": {}}) and every group "
          + "has a \"name\": update the file, or delete it to start empty");
    }
    if (!Snapshot.FORMAT.equals(data.format())) {
      throw new InvalidSnapshot(root.key("format"),
          "is '" + data.format() + "', this version reads '" + Snapshot.FORMAT + "'");
    }
    Set<String> users = users(root.key("users"), data.users());
    Known known = new Known(users);
    profiles(root.key("profiles"), data.profiles(), known);
    groups(root.key("groups"), data.groups(), known);
    contacts(root.key("contacts"), data.contacts(), known);
    blocked(root.key("blocked"), data.blocked(), known);
  }

  /** The users a snapshot lists, for the registered-users check. */
  private final class Known {
    private final Set<String> users;

    Known(Set<String> users) {
      this.users = users;
    }

    void require(JsonPath at, String userId) throws InvalidSnapshot {
      if (registered && !users.contains(userId)) {
        throw new InvalidSnapshot(at, "user '" + userId + "' is not listed in $.users (with "
            + InMemoryProvider.USERS + "=" + Store.REGISTERED + " every user must exist)");
      }
    }
  }

  private Set<String> users(JsonPath at, @Nullable Map<String, Snapshot.UserData> listed) throws InvalidSnapshot {
    Set<String> users = new HashSet<>();
    if (listed == null) {
      return users;
    }
    for (Map.Entry<String, Snapshot.UserData> e : listed.entrySet()) {
      JsonPath here = at.key(e.getKey());
      users.add(userId(here, e.getKey()));
      String createdAt = object(here, e.getValue()).createdAt();
      if (createdAt != null) {
        try {
          Instant.parse(createdAt);
        } catch (DateTimeParseException ex) {
          throw new InvalidSnapshot(here.key("createdAt"), "'" + createdAt
              + "' is not an ISO-8601 instant such as 2025-01-31T08:00:00Z");
        }
      }
    }
    return users;
  }

  private void profiles(JsonPath at, @Nullable Map<String, Snapshot.ProfileData> profiles, Known known)
      throws InvalidSnapshot {
    if (profiles == null) {
      return;
    }
    for (Map.Entry<String, Snapshot.ProfileData> e : profiles.entrySet()) {
      JsonPath here = at.key(e.getKey());
      String id = userId(here, e.getKey());
      known.require(here, id);
      Snapshot.ProfileData p = object(here, e.getValue());
      Integer gender = p.gender();
      if (gender != null && (gender < 0 || gender > 2)) {
        throw new InvalidSnapshot(here.key("gender"), "is " + gender + ", not 0 (unknown), 1 (male) or 2 (female)");
      }
      attributes(here.key("customAttributes"), p.customAttributes(), false);
    }
  }

  private void groups(JsonPath at, @Nullable Map<String, Snapshot.GroupData> groups, Known known) throws InvalidSnapshot {
    if (groups == null) {
      return;
    }
    for (Map.Entry<String, Snapshot.GroupData> e : groups.entrySet()) {
      JsonPath here = at.key(e.getKey());
      String problem = groupIds().violation(e.getKey());
      if (problem != null) {
        throw new InvalidSnapshot(here, "group id '" + e.getKey() + "' " + problem);
      }
      Snapshot.GroupData g = object(here, e.getValue());
      if (g.owner() == null) {
        throw new InvalidSnapshot(here.key("owner"), "is missing: a group has an owner");
      }
      String owner = userId(here.key("owner"), g.owner());
      known.require(here.key("owner"), owner);
      if (g.name() == null || g.name().isBlank()) {
        throw new InvalidSnapshot(here.key("name"), g.name() == null ? "is missing: a group has a name" : "must not be blank");
      }
      length(here.key("name"), g.name(), limits.groupName());
      if (g.description() != null) {
        length(here.key("description"), g.description(), limits.groupDescription());
      }
      int capacity = limits.groupSizeMax();
      if (g.maxMembers() != null) {
        if (g.maxMembers() < 1 || g.maxMembers() > limits.groupSizeMax()) {
          throw new InvalidSnapshot(here.key("maxMembers"), "is " + g.maxMembers() + ", not between 1 and "
              + (limits.groupSizeMax() == Integer.MAX_VALUE ? "2147483647" : limits.groupSizeMax() + " (" + limits.name() + ")")
              + "; leave it out for the vendor's largest group");
        }
        capacity = g.maxMembers();
      }
      if (g.members() == null) {
        continue;
      }
      for (Map.Entry<String, Map<String, String>> m : g.members().entrySet()) {
        JsonPath member = here.key("members").key(m.getKey());
        known.require(member, userId(member, m.getKey()));
        attributes(member, object(member, m.getValue()), true);
      }
      Set<String> members = new HashSet<>(g.members().keySet());
      members.add(owner);
      if (members.size() > capacity) {
        throw new InvalidSnapshot(here.key("members"), "holds " + members.size() + " members with the owner, over the "
            + "group's limit of " + capacity);
      }
    }
  }

  private void contacts(JsonPath at, @Nullable Map<String, List<Snapshot.ContactData>> contacts, Known known)
      throws InvalidSnapshot {
    if (contacts == null) {
      return;
    }
    Map<String, Set<String>> lists = new HashMap<>();
    for (Map.Entry<String, List<Snapshot.ContactData>> e : contacts.entrySet()) {
      JsonPath here = at.key(e.getKey());
      String owner = userId(here, e.getKey());
      known.require(here, owner);
      List<Snapshot.ContactData> list = object(here, e.getValue());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        Snapshot.ContactData c = object(here.index(i), list.get(i));
        JsonPath field = here.index(i).key("userId");
        if (c.userId() == null) {
          throw new InvalidSnapshot(field, "is missing: a contact has a user id");
        }
        String friend = other(field, owner, c.userId(), known, "cannot be their own contact");
        if (!seen.add(friend)) {
          throw new InvalidSnapshot(field, "'" + friend + "' is listed twice as a contact of '" + owner + "'");
        }
      }
      lists.put(owner, seen);
    }
    // Contacts are two-way (a remark is not): a one-sided entry is a file no client wrote.
    for (Map.Entry<String, List<Snapshot.ContactData>> e : contacts.entrySet()) {
      List<Snapshot.ContactData> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        String friend = list.get(i).userId();
        if (!lists.getOrDefault(friend, Set.of()).contains(e.getKey())) {
          throw new InvalidSnapshot(at.key(e.getKey()).index(i).key("userId"), "'" + e.getKey() + "' lists '"
              + friend + "' but " + at.key(friend) + " does not list '" + e.getKey() + "': contacts are two-way");
        }
      }
    }
  }

  private void blocked(JsonPath at, @Nullable Map<String, List<String>> blocked, Known known) throws InvalidSnapshot {
    if (blocked == null) {
      return;
    }
    for (Map.Entry<String, List<String>> e : blocked.entrySet()) {
      JsonPath here = at.key(e.getKey());
      String owner = userId(here, e.getKey());
      known.require(here, owner);
      List<String> list = object(here, e.getValue());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String user = other(here.index(i), owner, list.get(i), known, "cannot block themself");
        if (!seen.add(user)) {
          throw new InvalidSnapshot(here.index(i), "'" + user + "' is listed twice in the block list of '" + owner + "'");
        }
      }
    }
  }

  /** The other side of a relation: a valid, known user who is not the owner. */
  private String other(JsonPath at, String owner, @Nullable String id, Known known, String selfProblem)
      throws InvalidSnapshot {
    String other = userId(at, id);
    known.require(at, other);
    if (other.equals(owner)) {
      throw new InvalidSnapshot(at, "'" + owner + "' " + selfProblem);
    }
    return other;
  }

  private void attributes(JsonPath at, @Nullable Map<String, String> attributes, boolean member) throws InvalidSnapshot {
    if (attributes == null) {
      return;
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      JsonPath here = at.key(e.getKey());
      if (e.getKey().isBlank()) {
        throw new InvalidSnapshot(here, "an attribute key must not be blank");
      }
      if (e.getValue() == null) {
        throw new InvalidSnapshot(here, "must be a string, not null");
      }
      if (member && e.getValue().isEmpty()) {
        throw new InvalidSnapshot(here, "must not be empty: a member attribute with an empty value is not stored");
      }
    }
  }

  private void length(JsonPath at, String value, LengthLimit limit) throws InvalidSnapshot {
    String problem = limit.violation(value);
    if (problem != null) {
      throw new InvalidSnapshot(at, "is " + problem + " (" + limits.name() + ")");
    }
  }

  /** A user id as this client would store it. */
  private String userId(JsonPath at, @Nullable String id) throws InvalidSnapshot {
    if (id == null) {
      throw new InvalidSnapshot(at, "must be a user id, not null");
    }
    String problem = userIds().violation(id);
    if (problem != null) {
      throw new InvalidSnapshot(at, "user id '" + id + "' " + problem);
    }
    String lower = id.toLowerCase(Locale.ROOT);
    if (!lower.equals(id)) {
      // User ids are case-insensitive and stored lower case: two spellings of one user in a file
      // would otherwise be merged silently, one of them losing.
      throw new InvalidSnapshot(at, "user id '" + id + "' must be lower case, as stored: '" + lower + "'");
    }
    return id;
  }

  private static <T> T object(JsonPath at, @Nullable T value) throws InvalidSnapshot {
    if (value == null) {
      throw new InvalidSnapshot(at, "must not be null");
    }
    return value;
  }
}
