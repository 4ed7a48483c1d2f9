package io.imfacade.simulator.easemob;

import io.imfacade.simulator.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything an Easemob app holds that the simulator models: users and their attributes, groups
 * with per-member attributes, contacts with remarks, block lists. One lock guards it all (every
 * method is synchronized): requests are short, and a single order of writes is what lets parallel
 * writers to one user lose nothing.
 *
 * <p>User ids are case-insensitive and kept in lower case; group ids are kept as given.
 * Vendor-visible failures are thrown as {@link EasemobError}; seeding mistakes as {@link
 * IllegalArgumentException}.
 */
final class EasemobState {

  static final int USER_METADATA_MAX_BYTES = 2048;
  static final int MEMBER_KEY_MAX_BYTES = 16;
  static final int MEMBER_VALUE_MAX_BYTES = 512;
  static final int MEMBER_METADATA_MAX_BYTES = 4096;
  static final int REMARK_MAX_CHARS = 100;
  static final int ALL_CONTACTS_MAX = 3000;
  static final int BLOCKS_DEFAULT_MAX = 500;

  /** A registered user. */
  static final class User {
    final String name;
    final String uuid;
    final long created;
    final Map<String, String> metadata = new LinkedHashMap<>();
    /** Friend id to contact entry, in the order the contacts were added. */
    final Map<String, ContactEntry> contacts = new LinkedHashMap<>();
    /** Blocked id to the sequence number of the block, oldest first. */
    final Map<String, Long> blocks = new LinkedHashMap<>();

    User(String name, long created) {
      this.name = name;
      this.uuid = uuidOf(name);
      this.created = created;
    }
  }

  /** One direction of a contact relation. */
  static final class ContactEntry {
    final long seq;
    String remark;

    ContactEntry(long seq) {
      this.seq = seq;
    }
  }

  /** A group: its owner and its members' attributes, owner included. */
  static final class Group {
    final String owner;
    final Map<String, Map<String, String>> members = new LinkedHashMap<>();

    Group(String owner) {
      this.owner = owner;
    }
  }

  /** One page of a list and the cursor of the next one (null on the last page). */
  static final class Page<T> {
    final List<T> items;
    final String cursor;

    Page(List<T> items, String cursor) {
      this.items = items;
      this.cursor = cursor;
    }
  }

  /** What a user entity looks like in the {@code entities} array. */
  static final class UserView {
    final String name;
    final String uuid;
    final long created;
    final String nickname;

    UserView(User user) {
      this.name = user.name;
      this.uuid = user.uuid;
      this.created = user.created;
      this.nickname = user.metadata.get("nickname");
    }
  }

  /** The outcome of one member of a batch write. */
  static final class MemberOutcome {
    final String user;
    final Map<String, String> metadata;
    final String error;

    MemberOutcome(String user, Map<String, String> metadata, String error) {
      this.user = user;
      this.metadata = metadata;
      this.error = error;
    }
  }

  private final Clock clock;
  private final int contactsMax;
  private final int blockListMax;
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();
  private long sequence;

  EasemobState(Clock clock, int contactsMax, int blockListMax) {
    this.clock = clock;
    this.contactsMax = contactsMax;
    this.blockListMax = blockListMax;
  }

  /** The stable uuid of a user entity (the vendor's is random; a stable one keeps answers repeatable). */
  static String uuidOf(String normalizedName) {
    return UUID.nameUUIDFromBytes(("easemob-user:" + normalizedName).getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String normalize(String userId) {
    return userId.toLowerCase(Locale.ROOT);
  }

  synchronized void reset() {
    users.clear();
    groups.clear();
  }

  // ---- seeding (simulator API) ----

  synchronized void createUsers(Collection<String> ids) {
    for (String id : ids) {
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("user id must not be null or empty");
      }
    }
    for (String id : ids) {
      users.computeIfAbsent(normalize(id), name -> new User(name, clock.millis()));
    }
  }

  synchronized void createGroup(String groupId, String owner, Collection<String> members) {
    if (groupId == null || groupId.isEmpty()) {
      throw new IllegalArgumentException("group id must not be null or empty");
    }
    if (groups.containsKey(groupId)) {
      throw new IllegalArgumentException("group " + groupId + " exists already");
    }
    String ownerId = seededUser(owner).name;
    List<String> memberIds = new ArrayList<>();
    for (String member : members) {
      memberIds.add(seededUser(member).name);
    }
    Group group = new Group(ownerId);
    group.members.put(ownerId, new LinkedHashMap<>());
    for (String member : memberIds) {
      group.members.putIfAbsent(member, new LinkedHashMap<>());
    }
    groups.put(groupId, group);
  }

  synchronized void addMembers(String groupId, Collection<String> members) {
    Group group = seededGroup(groupId);
    List<String> ids = new ArrayList<>();
    for (String member : members) {
      ids.add(seededUser(member).name);
    }
    for (String id : ids) {
      group.members.putIfAbsent(id, new LinkedHashMap<>());
    }
  }

  synchronized void removeMembers(String groupId, Collection<String> members) {
    Group group = seededGroup(groupId);
    for (String member : members) {
      String id = normalize(member);
      if (id.equals(group.owner)) {
        throw new IllegalArgumentException("the owner " + id + " cannot leave group " + groupId);
      }
      group.members.remove(id);
    }
  }

  private User seededUser(String id) {
    User user = id == null ? null : users.get(normalize(id));
    if (user == null) {
      throw new IllegalArgumentException("unknown user " + id + ": create it with createUsers first");
    }
    return user;
  }

  private Group seededGroup(String groupId) {
    Group group = groups.get(groupId);
    if (group == null) {
      throw new IllegalArgumentException("unknown group " + groupId + ": create it with createGroup first");
    }
    return group;
  }

  // ---- inspection (simulator API) ----

  synchronized Map<String, String> userMetadata(String user) {
    User u = users.get(normalize(user));
    return u == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(u.metadata));
  }

  synchronized List<String> contactsOf(String user) {
    User u = users.get(normalize(user));
    return u == null ? Collections.emptyList() : List.copyOf(u.contacts.keySet());
  }

  synchronized Optional<String> remark(String owner, String friend) {
    User u = users.get(normalize(owner));
    ContactEntry entry = u == null ? null : u.contacts.get(normalize(friend));
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.remark);
  }

  synchronized List<String> blockListOf(String user) {
    User u = users.get(normalize(user));
    return u == null ? Collections.emptyList() : List.copyOf(u.blocks.keySet());
  }

  synchronized Map<String, String> memberMetadata(String groupId, String user) {
    Group group = groups.get(groupId);
    Map<String, String> attrs = group == null ? null : group.members.get(normalize(user));
    return attrs == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
  }

  // ---- user attributes ----

  /** Patches a user's attributes; returns the pairs written, as sent. */
  synchronized Map<String, String> putUserMetadata(String user, Map<String, String> pairs) {
    User u = existing(user);
    Map<String, String> merged = new LinkedHashMap<>(u.metadata);
    merged.putAll(pairs);
    if (Json.sizeOf(merged) > USER_METADATA_MAX_BYTES) {
      throw new EasemobError(403, EasemobError.FORBIDDEN, "com.easemob.metadata.exception.MetadataException",
          "size of metadata for this single user exceeds the user defined limit, " + USER_METADATA_MAX_BYTES + "Bytes");
    }
    u.metadata.clear();
    u.metadata.putAll(merged);
    return new LinkedHashMap<>(pairs);
  }

  /** A user's attributes restricted to {@code properties} (all when empty); {@code {}} if unknown. */
  synchronized Map<String, String> getUserMetadata(String user, Collection<String> properties) {
    User u = users.get(normalize(user));
    Map<String, String> out = new LinkedHashMap<>();
    if (u != null) {
      u.metadata.forEach((k, v) -> {
        if (properties.isEmpty() || properties.contains(k)) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  synchronized void deleteUserMetadata(String user) {
    User u = users.get(normalize(user));
    if (u != null) {
      u.metadata.clear();
    }
  }

  synchronized long capacity() {
    long total = 0;
    for (User u : users.values()) {
      if (!u.metadata.isEmpty()) {
        total += Json.sizeOf(u.metadata);
      }
    }
    return total;
  }

  // ---- group member attributes ----

  /** Checks one key/value pair against the per-pair limits. */
  static void checkMemberPair(String key, String value) {
    if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MEMBER_KEY_MAX_BYTES) {
      throw EasemobError.metadata(400, "exceeds chatgroup user metadata single key limit");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MEMBER_VALUE_MAX_BYTES) {
      throw EasemobError.metadata(400, "exceeds chatgroup user metadata single value limit");
    }
  }

  private Group existingGroup(String groupId) {
    Group group = groups.get(groupId);
    if (group == null) {
      throw EasemobError.groupNotFound();
    }
    return group;
  }

  /** Sets one member's attributes; returns the pairs written, without the removed keys. */
  synchronized Map<String, String> putMemberMetadata(String groupId, String user, Map<String, String> pairs) {
    Group group = existingGroup(groupId);
    Map<String, String> attrs = group.members.get(normalize(user));
    if (attrs == null) {
      throw EasemobError.notInGroup();
    }
    Map<String, String> merged = mergeMember(attrs, pairs);
    if (merged == null) {
      throw memberTooLarge();
    }
    attrs.clear();
    attrs.putAll(merged);
    Map<String, String> written = new LinkedHashMap<>();
    pairs.forEach((k, v) -> {
      if (!v.isEmpty()) {
        written.put(k, v);
      }
    });
    return written;
  }

  static EasemobError memberTooLarge() {
    return EasemobError.metadata(403, "exceeds chatgroup user metadata total size limit, " + MEMBER_METADATA_MAX_BYTES + "Bytes");
  }

  /** The member's attributes after the patch, or null when they would exceed the total limit. */
  private static Map<String, String> mergeMember(Map<String, String> current, Map<String, String> pairs) {
    Map<String, String> merged = new LinkedHashMap<>(current);
    pairs.forEach((k, v) -> {
      if (v.isEmpty()) {
        merged.remove(k);
      } else {
        merged.put(k, v);
      }
    });
    return Json.sizeOf(merged) > MEMBER_METADATA_MAX_BYTES ? null : merged;
  }

  /**
   * Sets several members' attributes. Every user must be a member (else the whole request fails,
   * naming the others); a member whose total would exceed the limit fails alone.
   */
  synchronized List<MemberOutcome> putMembersMetadata(String groupId, List<Map.Entry<String, Map<String, String>>> items) {
    Group group = existingGroup(groupId);
    List<String> strangers = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> item : items) {
      String id = normalize(item.getKey());
      if (!group.members.containsKey(id) && !strangers.contains(item.getKey())) {
        strangers.add(item.getKey());
      }
    }
    if (!strangers.isEmpty()) {
      throw EasemobError.metadata(400, "Some users are not in the group: " + String.join(",", strangers));
    }
    List<MemberOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> item : items) {
      Map<String, String> attrs = group.members.get(normalize(item.getKey()));
      Map<String, String> merged = mergeMember(attrs, item.getValue());
      if (merged == null) {
        outcomes.add(new MemberOutcome(item.getKey(), item.getValue(), memberTooLarge().description()));
      } else {
        attrs.clear();
        attrs.putAll(merged);
        outcomes.add(new MemberOutcome(item.getKey(), new LinkedHashMap<>(merged), null));
      }
    }
    return outcomes;
  }

  synchronized Map<String, String> getMemberMetadata(String groupId, String user) {
    Group group = existingGroup(groupId);
    Map<String, String> attrs = group.members.get(normalize(user));
    if (attrs == null) {
      throw EasemobError.notInGroup();
    }
    return new LinkedHashMap<>(attrs);
  }

  /** Members' attributes by key, keyed by the ids as requested; non-members are left out. */
  synchronized Map<String, Map<String, String>> getMembersMetadata(String groupId, List<String> targets, Collection<String> properties) {
    Group group = existingGroup(groupId);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String target : targets) {
      Map<String, String> attrs = group.members.get(normalize(target));
      if (attrs == null) {
        continue;
      }
      Map<String, String> selected = new LinkedHashMap<>();
      attrs.forEach((k, v) -> {
        if (properties.isEmpty() || properties.contains(k)) {
          selected.put(k, v);
        }
      });
      out.put(target, selected);
    }
    return out;
  }

  // ---- contacts ----

  private User existing(String id) {
    User user = users.get(normalize(id));
    if (user == null) {
      throw EasemobError.userNotFound(id);
    }
    return user;
  }

  /** Makes the two contacts of each other; returns the friend's entity. */
  synchronized UserView addContact(String owner, String friend) {
    User o = existing(owner);
    User f = existing(friend);
    if (o == f) {
      throw EasemobError.illegalArgument("user " + o.name + " can not add himself as a contact");
    }
    if (!o.contacts.containsKey(f.name)) {
      if (o.contacts.size() >= contactsMax || f.contacts.size() >= contactsMax) {
        throw new EasemobError(403, EasemobError.EXCEED_LIMIT, "com.easemob.exception.ExceedLimitException", "user contact number exceed limit");
      }
      o.contacts.put(f.name, new ContactEntry(++sequence));
      f.contacts.putIfAbsent(o.name, new ContactEntry(++sequence));
    }
    return new UserView(f);
  }

  /** Ends the relation both ways (a no-op when there is none); returns the friend's entity. */
  synchronized UserView removeContact(String owner, String friend) {
    User o = existing(owner);
    User f = existing(friend);
    o.contacts.remove(f.name);
    f.contacts.remove(o.name);
    return new UserView(f);
  }

  synchronized void setRemark(String owner, String friend, String remark) {
    User o = existing(owner);
    User f = existing(friend);
    ContactEntry entry = o.contacts.get(f.name);
    if (entry == null) {
      throw new EasemobError(404, EasemobError.NOT_FOUND,
          "org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException",
          "Service resource not found: " + f.name + " is not a contact of " + o.name);
    }
    entry.remark = remark;
  }

  /** A page of contacts, oldest first: ids with their remark (null when none). */
  synchronized Page<Map.Entry<String, String>> contactsPage(String owner, int limit, String cursor) {
    User o = existing(owner);
    long after = cursor == null ? Long.MIN_VALUE : decodeCursor(cursor);
    List<Map.Entry<String, String>> items = new ArrayList<>();
    long last = 0;
    boolean more = false;
    for (Map.Entry<String, ContactEntry> e : o.contacts.entrySet()) {
      if (e.getValue().seq <= after) {
        continue;
      }
      if (items.size() == limit) {
        more = true;
        break;
      }
      items.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().remark));
      last = e.getValue().seq;
    }
    return new Page<>(items, more ? encodeCursor(last) : null);
  }

  /** Every contact id, newest first, at most {@value #ALL_CONTACTS_MAX}. */
  synchronized List<String> allContacts(String owner) {
    User o = existing(owner);
    List<String> ids = new ArrayList<>(o.contacts.keySet());
    Collections.reverse(ids);
    return ids.size() > ALL_CONTACTS_MAX ? new ArrayList<>(ids.subList(0, ALL_CONTACTS_MAX)) : ids;
  }

  // ---- block list ----

  /**
   * Blocks the known users among {@code targets} (unknown ids are skipped); returns the ids now on
   * the list from the request. All or nothing when the list would grow past its limit.
   */
  synchronized List<String> block(String owner, List<String> targets) {
    User o = existing(owner);
    List<String> known = new ArrayList<>();
    for (String target : targets) {
      String id = normalize(target);
      if (id.equals(o.name)) {
        throw EasemobError.illegalArgument("user " + o.name + " can not block himself");
      }
      if (users.containsKey(id) && !known.contains(id)) {
        known.add(id);
      }
    }
    long added = known.stream().filter(id -> !o.blocks.containsKey(id)).count();
    if (o.blocks.size() + added > blockListMax) {
      throw new EasemobError(403, EasemobError.EXCEED_LIMIT, "com.easemob.exception.ExceedLimitException",
          "user block list number exceed limit " + blockListMax);
    }
    for (String id : known) {
      if (!o.blocks.containsKey(id)) {
        o.blocks.put(id, ++sequence);
      }
    }
    return known;
  }

  /** A page of the block list, newest first. */
  synchronized Page<String> blocksPage(String owner, int size, String cursor) {
    User o = existing(owner);
    long before = cursor == null ? Long.MAX_VALUE : decodeCursor(cursor);
    List<Map.Entry<String, Long>> newestFirst = new ArrayList<>(o.blocks.entrySet());
    Collections.reverse(newestFirst);
    List<String> items = new ArrayList<>();
    long last = 0;
    boolean more = false;
    for (Map.Entry<String, Long> e : newestFirst) {
      if (e.getValue() >= before) {
        continue;
      }
      if (items.size() == size) {
        more = true;
        break;
      }
      items.add(e.getKey());
      last = e.getValue();
    }
    return new Page<>(items, more ? encodeCursor(last) : null);
  }

  /** Removes one user from the block list (a no-op when not there); returns its entity. */
  synchronized UserView unblock(String owner, String target) {
    User o = existing(owner);
    User t = existing(target);
    o.blocks.remove(t.name);
    return new UserView(t);
  }

  // ---- cursors: opaque to clients, Base64 of a sequence number like the vendor's ----

  private static String encodeCursor(long seq) {
    return Base64.getEncoder().encodeToString(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
  }

  private static long decodeCursor(String cursor) {
    try {
      return Long.parseLong(new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw EasemobError.illegalArgument("invalid cursor: " + cursor);
    }
  }
}
