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
  static final int USER_BATCH_REGISTER_MAX = 60;
  static final int USERNAME_MAX_BYTES = 64;
  static final int PASSWORD_MAX_CHARS = 64;
  static final int PASSWORD_CHANGE_MIN_CHARS = 6;
  static final int GROUP_DEFAULT_MAX_USERS = 200;
  static final int GROUP_NAME_MAX_CHARS = 128;
  static final int GROUP_DESCRIPTION_MAX_CHARS = 512;
  static final int GROUP_MEMBERS_BATCH_MAX = 60;
  static final int CREATE_MEMBERS_2023_MAX = 100;
  /** The first id issued to a group created through the API (Easemob ids are 15-digit numbers). */
  static final long FIRST_GROUP_ID = 207_059_303_858_177L;

  /** A registered user. */
  static final class User {
    final String name;
    final String uuid;
    final long created;
    /** The login password; null for a user seeded or registered without one. */
    String password;
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

  /**
   * A group: its settings, its owner, and its members' attributes in join order, owner first
   * (the owner is a member).
   */
  static final class Group {
    final String id;
    final String owner;
    final String name;
    final String description;
    final boolean isPublic;
    final int maxUsers;
    final long created;
    final Map<String, Map<String, String>> members = new LinkedHashMap<>();
    /** When each member joined, epoch millis. */
    final Map<String, Long> joined = new HashMap<>();

    Group(String id, String owner, String name, String description, boolean isPublic, int maxUsers, long created) {
      this.id = id;
      this.owner = owner;
      this.name = name;
      this.description = description;
      this.isPublic = isPublic;
      this.maxUsers = maxUsers;
      this.created = created;
    }

    void join(String user, long now) {
      if (members.putIfAbsent(user, new LinkedHashMap<>()) == null) {
        joined.put(user, now);
      }
    }

    void leave(String user) {
      members.remove(user);
      joined.remove(user);
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

  /** The per-field lengths of the reserved user attributes, "个字符" (seed 000). */
  static final Map<String, Integer> USER_FIELD_MAX = Map.of(
      "nickname", 64, "avatarurl", 256, "phone", 32, "mail", 64, "sign", 256, "birth", 64);

  private final Clock clock;
  private final int contactsMax;
  private final int blockListMax;
  private final Answers answers;
  private final Map<String, User> users = new HashMap<>();
  /**
   * Attributes stored under a name no user has ({@link Undocumented.UnknownUserAttributesWrite#STORED_200}):
   * the metadata store keyed by name, as its GET and DELETE of unknown users suggest.
   */
  private final Map<String, Map<String, String>> detachedMetadata = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();
  /** User tokens issued by the token endpoint: token to user. */
  private final Map<String, String> userTokens = new HashMap<>();
  private long sequence;
  /** Never reset, so that no id is issued twice in a simulator's life. */
  private long nextGroupId = FIRST_GROUP_ID;

  EasemobState(Clock clock, int contactsMax, int blockListMax, Answers answers) {
    this.clock = clock;
    this.contactsMax = contactsMax;
    this.blockListMax = blockListMax;
    this.answers = answers;
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
    detachedMetadata.clear();
    groups.clear();
    userTokens.clear();
  }

  // ---- seeding (simulator API) ----

  synchronized void createUsers(Collection<String> ids) {
    for (String id : ids) {
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("user id must not be null or empty");
      }
    }
    for (String id : ids) {
      users.computeIfAbsent(normalize(id), name -> {
        User user = new User(name, clock.millis());
        Map<String, String> stored = detachedMetadata.remove(name);
        if (stored != null) {
          user.metadata.putAll(stored); // the store is keyed by name
        }
        return user;
      });
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
    long now = clock.millis();
    // A seeded group is as big as it needs to be, at least the documented default of maxusers.
    Group group = new Group(groupId, ownerId, "group " + groupId, "", false,
        Math.max(GROUP_DEFAULT_MAX_USERS, memberIds.size() + 1), now);
    group.join(ownerId, now);
    for (String member : memberIds) {
      group.join(member, now);
    }
    groups.put(groupId, group);
  }

  synchronized void addMembers(String groupId, Collection<String> members) {
    Group group = seededGroup(groupId);
    List<String> ids = new ArrayList<>();
    for (String member : members) {
      ids.add(seededUser(member).name);
    }
    long now = clock.millis();
    for (String id : ids) {
      group.join(id, now);
    }
  }

  synchronized void removeMembers(String groupId, Collection<String> members) {
    Group group = seededGroup(groupId);
    for (String member : members) {
      String id = normalize(member);
      if (id.equals(group.owner)) {
        throw new IllegalArgumentException("the owner " + id + " cannot leave group " + groupId);
      }
      group.leave(id);
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
    Map<String, String> stored = storedMetadata(user);
    return stored == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(stored));
  }

  /** The attributes stored under a name: a user's, or detached ones; null when the store has none. */
  private Map<String, String> storedMetadata(String user) {
    User u = users.get(normalize(user));
    return u != null ? u.metadata : detachedMetadata.get(normalize(user));
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

  /**
   * Patches a user's attributes; returns the pairs written, as sent. An unknown user is refused
   * with 404, or (seeding aside) stored by name under {@link Undocumented.UnknownUserAttributesWrite#STORED_200}.
   */
  synchronized Map<String, String> putUserMetadata(String user, Map<String, String> pairs, boolean seeding) {
    checkUserFields(pairs);
    User u = users.get(normalize(user));
    Map<String, String> current;
    if (u != null) {
      current = u.metadata;
    } else if (!seeding && answers.get(Undocumented.UnknownUserAttributesWrite.class)
        == Undocumented.UnknownUserAttributesWrite.STORED_200) {
      current = detachedMetadata.computeIfAbsent(normalize(user), name -> new LinkedHashMap<>());
    } else {
      throw EasemobError.userNotFound();
    }
    Map<String, String> merged = new LinkedHashMap<>(current);
    merged.putAll(pairs);
    if (Json.sizeOf(merged) > USER_METADATA_MAX_BYTES) {
      throw new EasemobError(403, EasemobError.FORBIDDEN, "com.easemob.metadata.exception.MetadataException",
          "size of metadata for this single user exceeds the user defined limit, " + USER_METADATA_MAX_BYTES + "Bytes");
    }
    current.clear();
    current.putAll(merged);
    return new LinkedHashMap<>(pairs);
  }

  /** The per-field lengths, in the unit {@link Undocumented.UserAttributeFieldLimits} says, if enforced. */
  private void checkUserFields(Map<String, String> pairs) {
    Undocumented.UserAttributeFieldLimits unit = answers.get(Undocumented.UserAttributeFieldLimits.class);
    if (unit == Undocumented.UserAttributeFieldLimits.NOT_ENFORCED) {
      return;
    }
    pairs.forEach((key, value) -> {
      Integer max = USER_FIELD_MAX.get(key);
      if (max == null) {
        return;
      }
      int length;
      switch (unit) {
        case UTF16_UNITS:
          length = value.length();
          break;
        case CODE_POINTS:
          length = value.codePointCount(0, value.length());
          break;
        default:
          length = value.getBytes(StandardCharsets.UTF_8).length;
      }
      if (length > max) {
        // The documented text; the doc does not say how its "{}" is filled: here, the field's size.
        throw new EasemobError(403, EasemobError.FORBIDDEN, "com.easemob.metadata.exception.MetadataException",
            "size of metadata for this single user exceeds the current mysql column size, " + max + "Bytes");
      }
    });
  }

  /** Whether the metadata store knows the name: a user, or attributes stored under it. */
  synchronized boolean metadataKnows(String user) {
    return users.containsKey(normalize(user)) || detachedMetadata.containsKey(normalize(user));
  }

  /** A user's attributes restricted to {@code properties} (all when null); {@code {}} if unknown. */
  synchronized Map<String, String> getUserMetadata(String user, Collection<String> properties) {
    Map<String, String> stored = storedMetadata(user);
    Map<String, String> out = new LinkedHashMap<>();
    if (stored != null) {
      stored.forEach((k, v) -> {
        if (properties == null || properties.contains(k)) {
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
    detachedMetadata.remove(normalize(user));
  }

  synchronized long capacity() {
    long total = 0;
    for (User u : users.values()) {
      if (!u.metadata.isEmpty()) {
        total += Json.sizeOf(u.metadata);
      }
    }
    for (Map<String, String> stored : detachedMetadata.values()) {
      if (!stored.isEmpty()) {
        total += Json.sizeOf(stored);
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
      throw notInGroup(strangers);
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

  /** 400 "Some users are not in the group: ..." naming {@code strangers} as {@link Undocumented.NotInGroupNames} says. */
  private EasemobError notInGroup(List<String> strangers) {
    String names;
    switch (answers.get(Undocumented.NotInGroupNames.class)) {
      case BRACKETED:
        names = "[" + String.join(", ", strangers) + "]";
        break;
      case FIRST_ONLY:
        names = strangers.get(0);
        break;
      default:
        names = String.join(",", strangers);
    }
    return EasemobError.metadata(400, "Some users are not in the group: " + names);
  }

  /**
   * Members' attributes by key, keyed by the ids as requested; non-members as {@link
   * Undocumented.NonMemberInBatchRead} says.
   */
  synchronized Map<String, Map<String, String>> getMembersMetadata(String groupId, List<String> targets, Collection<String> properties) {
    Group group = existingGroup(groupId);
    Undocumented.NonMemberInBatchRead nonMembers = answers.get(Undocumented.NonMemberInBatchRead.class);
    List<String> strangers = new ArrayList<>();
    for (String target : targets) {
      if (!group.members.containsKey(normalize(target)) && !strangers.contains(target)) {
        strangers.add(target);
      }
    }
    if (!strangers.isEmpty() && nonMembers == Undocumented.NonMemberInBatchRead.NOT_IN_GROUP_400) {
      throw notInGroup(strangers);
    }
    if (!strangers.isEmpty() && nonMembers == Undocumented.NonMemberInBatchRead.USER_NOT_IN_GROUP_404) {
      throw EasemobError.notInGroup();
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String target : targets) {
      Map<String, String> attrs = group.members.get(normalize(target));
      if (attrs == null) {
        if (nonMembers == Undocumented.NonMemberInBatchRead.EMPTY_OBJECT) {
          out.put(target, new LinkedHashMap<>());
        }
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
      throw EasemobError.userNotFound();
    }
    return user;
  }

  /** The entity of an existing user (the user-account GET); 404 when unknown. */
  synchronized UserView user(String id) {
    return new UserView(existing(id));
  }

  /** Makes the two contacts of each other; returns the friend's entity. */
  synchronized UserView addContact(String owner, String friend) {
    User o = existing(owner);
    User f = existing(friend);
    if (o == f) {
      throw EasemobError.illegalArgument("user " + o.name + " can not add himself as a contact");
    }
    if (o.contacts.containsKey(f.name)) {
      switch (answers.get(Undocumented.AddExistingContact.class)) {
        case ILLEGAL_ARGUMENT_400:
          throw EasemobError.illegalArgument("user " + f.name + " is already a contact of " + o.name);
        case FORBIDDEN_OP_403:
          throw EasemobError.forbiddenOp("user " + f.name + " is already a contact of " + o.name);
        default:
          return new UserView(f);
      }
    }
    if (o.contacts.size() >= contactsMax || f.contacts.size() >= contactsMax) {
      throw new EasemobError(403, EasemobError.EXCEED_LIMIT, "com.easemob.exception.ExceedLimitException", "user contact number exceed limit");
    }
    o.contacts.put(f.name, new ContactEntry(++sequence));
    f.contacts.putIfAbsent(o.name, new ContactEntry(++sequence));
    return new UserView(f);
  }

  /** Ends the relation both ways; returns the friend's entity. Non-contacts: {@link Undocumented.RemoveAbsentContact}. */
  synchronized UserView removeContact(String owner, String friend) {
    User o = existing(owner);
    User f = existing(friend);
    if (!o.contacts.containsKey(f.name)) {
      switch (answers.get(Undocumented.RemoveAbsentContact.class)) {
        case NOT_FOUND_404:
          throw EasemobError.userNotFound();
        case ILLEGAL_ARGUMENT_400:
          throw EasemobError.illegalArgument("user " + f.name + " is not a contact of " + o.name);
        default:
          break;
      }
    }
    o.contacts.remove(f.name);
    f.contacts.remove(o.name);
    return new UserView(f);
  }

  /** Sets one direction's remark; an empty one as {@link Undocumented.EmptyRemark} says. */
  synchronized void setRemark(String owner, String friend, String remark) {
    User o = existing(owner);
    User f = existing(friend);
    ContactEntry entry = o.contacts.get(f.name);
    if (entry == null) {
      // The documented answer, literally (user_relationship_remark_set.md error table).
      throw EasemobError.illegalArgument(EasemobError.NOT_FRIENDS);
    }
    boolean clears = answers.get(Undocumented.EmptyRemark.class) == Undocumented.EmptyRemark.CLEARS;
    entry.remark = remark != null && remark.isEmpty() && clears ? null : remark;
  }

  /** The length of a remark as {@link Undocumented.RemarkLength} counts it. */
  int remarkLength(String remark) {
    switch (answers.get(Undocumented.RemarkLength.class)) {
      case CODE_POINTS:
        return remark.codePointCount(0, remark.length());
      case BYTES:
        return remark.getBytes(StandardCharsets.UTF_8).length;
      default:
        return remark.length();
    }
  }

  /** A page of contacts, newest first (documented): ids with their remark (null when none). */
  synchronized Page<Map.Entry<String, String>> contactsPage(String owner, int limit, String cursor) {
    User o = existing(owner);
    List<Map.Entry<Long, Map.Entry<String, String>>> newestFirst = new ArrayList<>();
    o.contacts.forEach((id, entry) -> newestFirst.add(
        new AbstractMap.SimpleImmutableEntry<>(entry.seq, new AbstractMap.SimpleImmutableEntry<>(id, entry.remark))));
    Collections.reverse(newestFirst);
    return page(newestFirst, limit, cursor);
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
   * Blocks users; returns what {@code data} lists. Unknown users, users blocked already and a full
   * list are answered as {@link Undocumented.BlockUnknownUser}, {@link Undocumented.BlockBlockedUser}
   * and {@link Undocumented.BlockListFull} say; the 404 of an unknown user is documented.
   */
  synchronized List<String> block(String owner, List<String> targets) {
    User o = existing(owner);
    List<String> ids = new ArrayList<>();
    for (String target : targets) {
      String id = normalize(target);
      if (id.equals(o.name)) {
        throw EasemobError.illegalArgument("user " + o.name + " can not block himself");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    int firstUnknown = -1;
    for (int i = 0; i < ids.size() && firstUnknown < 0; i++) {
      if (!users.containsKey(ids.get(i))) {
        firstUnknown = i;
      }
    }
    List<String> known = ids;
    if (firstUnknown >= 0) {
      switch (answers.get(Undocumented.BlockUnknownUser.class)) {
        case APPLIED_UNTIL_UNKNOWN_404:
          addBlocks(o, ids.subList(0, firstUnknown));
          throw EasemobError.userNotFound();
        case SKIPPED_200:
          known = new ArrayList<>();
          for (String id : ids) {
            if (users.containsKey(id)) {
              known.add(id);
            }
          }
          break;
        default:
          throw EasemobError.userNotFound();
      }
    }
    return addBlocks(o, known);
  }

  /** Adds existing users to {@code o}'s list (all or nothing); returns what {@code data} lists. */
  private List<String> addBlocks(User o, List<String> ids) {
    List<String> added = new ArrayList<>();
    for (String id : ids) {
      if (!o.blocks.containsKey(id)) {
        added.add(id);
      }
    }
    Undocumented.BlockBlockedUser repeat = answers.get(Undocumented.BlockBlockedUser.class);
    if (added.size() < ids.size()) {
      if (repeat == Undocumented.BlockBlockedUser.ILLEGAL_ARGUMENT_400) {
        throw EasemobError.illegalArgument("some users are already in the block list of " + o.name);
      }
      if (repeat == Undocumented.BlockBlockedUser.FORBIDDEN_OP_403) {
        throw EasemobError.forbiddenOp("some users are already in the block list of " + o.name);
      }
    }
    if (o.blocks.size() + added.size() > blockListMax) {
      String text = "user block list number exceed limit " + blockListMax;
      switch (answers.get(Undocumented.BlockListFull.class)) {
        case FORBIDDEN_OP_403:
          throw EasemobError.forbiddenOp(text);
        case ILLEGAL_ARGUMENT_400:
          throw EasemobError.illegalArgument(text);
        default:
          throw new EasemobError(403, EasemobError.EXCEED_LIMIT, "com.easemob.exception.ExceedLimitException", text);
      }
    }
    for (String id : added) {
      o.blocks.put(id, ++sequence);
    }
    return repeat == Undocumented.BlockBlockedUser.LEFT_OUT_OF_DATA ? added : new ArrayList<>(ids);
  }

  /** A page of the block list, newest first. */
  synchronized Page<String> blocksPage(String owner, int size, String cursor) {
    User o = existing(owner);
    List<Map.Entry<Long, String>> newestFirst = new ArrayList<>();
    o.blocks.forEach((id, seq) -> newestFirst.add(new AbstractMap.SimpleImmutableEntry<>(seq, id)));
    Collections.reverse(newestFirst);
    return page(newestFirst, size, cursor);
  }

  /** Removes one user from the block list; returns its entity. Not blocked: {@link Undocumented.UnblockAbsentUser}. */
  synchronized UserView unblock(String owner, String target) {
    User o = existing(owner);
    User t = existing(target);
    if (!o.blocks.containsKey(t.name)) {
      switch (answers.get(Undocumented.UnblockAbsentUser.class)) {
        case NOT_FOUND_404:
          throw EasemobError.userNotFound();
        case ILLEGAL_ARGUMENT_400:
          throw EasemobError.illegalArgument("user " + t.name + " is not in the block list of " + o.name);
        default:
          break;
      }
    }
    o.blocks.remove(t.name);
    return new UserView(t);
  }

  // ---- accounts (facts §11) ----

  /** One user of a registration request, as sent. */
  static final class NewUser {
    final String name;
    final String password;

    NewUser(String name, String password) {
      this.name = name;
      this.password = password;
    }
  }

  /** The outcome of a registration: the users created, and those that failed alone with the reason. */
  static final class Registration {
    final List<UserView> created = new ArrayList<>();
    final Map<String, String> failedAlone = new LinkedHashMap<>();
  }

  /**
   * Registers users as {@code POST users} does. A body that is one object is a single registration
   * (an existing user: the documented 400); an array is a batch, whose existing users are answered
   * as {@link Undocumented.RegisterExistingUser} says. Nothing is registered when the request is
   * refused.
   *
   * @param passwordRequired whether a user without password is refused (always on Easemob)
   */
  synchronized Registration register(List<NewUser> request, boolean array, boolean passwordRequired) {
    if (request.size() > USER_BATCH_REGISTER_MAX) {
      throw EasemobError.illegalArgument("Request body array size[" + request.size()
          + "] had almost reached or been greater than the upper range value[" + USER_BATCH_REGISTER_MAX + "]");
    }
    Map<String, NewUser> byName = new LinkedHashMap<>();
    for (NewUser u : request) {
      checkUsername(u.name);
      if (u.password == null && passwordRequired) {
        throw EasemobError.illegalArgument("password or pin must provided");
      }
      if (u.password != null && (u.password.isEmpty() || u.password.length() > PASSWORD_MAX_CHARS)) {
        // The limit is documented ("不可超过 64 个字符"), its error is not: the simulator's text.
        throw EasemobError.illegalArgument("password must be 1 to " + PASSWORD_MAX_CHARS + " characters");
      }
      String name = normalize(u.name);
      NewUser previous = byName.putIfAbsent(name, u);
      if (previous != null && !java.util.Objects.equals(previous.password, u.password)) {
        throw new EasemobError(400, EasemobError.DUPLICATE,
            "org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException",
            "the same user " + name + " has a different password, the passwords are " + previous.password + ","
                + u.password);
      }
    }
    List<String> existing = new ArrayList<>();
    for (String name : byName.keySet()) {
      if (users.containsKey(name)) {
        existing.add(name);
      }
    }
    if (!existing.isEmpty() && (!array || answers.get(Undocumented.RegisterExistingUser.class)
        == Undocumented.RegisterExistingUser.WHOLE_BATCH_400)) {
      throw EasemobError.duplicateUser(existing.get(0));
    }
    Registration outcome = new Registration();
    long now = clock.millis();
    byName.forEach((name, u) -> {
      if (users.containsKey(name)) {
        outcome.failedAlone.put(name, "the " + name + " already exists");
        return;
      }
      User user = new User(name, now);
      user.password = u.password;
      Map<String, String> stored = detachedMetadata.remove(name);
      if (stored != null) {
        user.metadata.putAll(stored); // the store is keyed by name
      }
      users.put(name, user);
      outcome.created.add(new UserView(user));
    });
    return outcome;
  }

  /** The documented username rule: 1–64 bytes of {@code a-z A-Z 0-9 _ - .} (facts §7). */
  static void checkUsername(String name) {
    if (name == null || name.isEmpty() || !name.matches("[A-Za-z0-9_.-]+")) {
      throw EasemobError.illegalArgument("username [" + name + "] is not legal");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > USERNAME_MAX_BYTES) {
      throw EasemobError.illegalArgument("USERNAME_TOO_LONG");
    }
  }

  /**
   * Deletes a user with what the vendor deletes with it (facts §11): attributes, contacts (both
   * ways), block lists, memberships, the groups it owns, its tokens. An unknown user is answered
   * as {@link Undocumented.DeleteUnknownUser} says.
   */
  synchronized UserView deleteUser(String id, String appKey) {
    User user = users.get(normalize(id));
    if (user == null) {
      if (answers.get(Undocumented.DeleteUnknownUser.class) == Undocumented.DeleteUnknownUser.MANAGEMENT_400) {
        throw new EasemobError(400, EasemobError.MANAGEMENT, "com.easemob.management.exception.ManagementException",
            "User with id null does not exist in app " + appKey);
      }
      throw EasemobError.userNotFound();
    }
    UserView view = new UserView(user);
    users.remove(user.name);
    for (User other : users.values()) {
      other.contacts.remove(user.name);
      other.blocks.remove(user.name);
    }
    groups.values().removeIf(g -> g.owner.equals(user.name));
    groups.values().forEach(g -> g.leave(user.name));
    userTokens.values().removeIf(user.name::equals);
    return view;
  }

  /** {@code PUT users/{u}/password}: unknown user 404 {@code entity_not_found} (facts §11). */
  synchronized void setPassword(String id, String password) {
    User user = users.get(normalize(id));
    if (user == null) {
      throw new EasemobError(404, EasemobError.ENTITY_NOT_FOUND,
          "org.apache.usergrid.persistence.exceptions.EntityNotFoundException", "User null not found");
    }
    // "密码长度至少为 6 个字符" (password page), at most 64 (registration page); the texts are the simulator's.
    if (password.length() < PASSWORD_CHANGE_MIN_CHARS || password.length() > PASSWORD_MAX_CHARS) {
      throw EasemobError.illegalArgument("newpassword must be " + PASSWORD_CHANGE_MIN_CHARS + " to "
          + PASSWORD_MAX_CHARS + " characters");
    }
    user.password = password;
    userTokens.values().removeIf(user.name::equals); // "old password and user tokens become invalid"
  }

  /** The user a user token was issued to; empty when unknown or revoked. */
  synchronized Optional<String> userTokenOwner(String token) {
    return Optional.ofNullable(userTokens.get(token));
  }

  /** The stored password of a user; empty when the user is unknown or has none. */
  synchronized Optional<String> password(String id) {
    User user = users.get(normalize(id));
    return user == null ? Optional.empty() : Optional.ofNullable(user.password);
  }

  /**
   * A user token ({@code POST token}): by user id ({@code inherit}) or by password. Unknown user:
   * 404 {@code invalid_grant} "user not found"; wrong password: 400 "invalid password" (facts §11).
   */
  synchronized UserView issueUserToken(String id, String password, boolean byPassword, String token) {
    User user = users.get(normalize(id));
    if (user == null) {
      throw new EasemobError(404, EasemobError.INVALID_GRANT, "EasemobSecurityException", "user not found");
    }
    if (byPassword && (user.password == null || !user.password.equals(password))) {
      throw new EasemobError(400, EasemobError.INVALID_GRANT, "EasemobSecurityException", "invalid password");
    }
    userTokens.put(token, user.name);
    return new UserView(user);
  }

  // ---- groups (facts §12) ----

  /**
   * Creates a group as {@code POST chatgroups} does; returns the issued id. Unknown owner or member:
   * 404 "username X doesn't exist!"; more members than {@code maxusers} allows: 403 {@code
   * exceed_limit} (both documented).
   */
  synchronized String createGroup(String name, String description, boolean isPublic, int maxUsers, String owner,
      List<String> members) {
    if (members.size() > CREATE_MEMBERS_2023_MAX && answers.get(Undocumented.CreateGroupMembers.class)
        == Undocumented.CreateGroupMembers.AT_MOST_100) {
      throw EasemobError.invalidParameter("members size must be between 1 and " + CREATE_MEMBERS_2023_MAX);
    }
    User o = users.get(normalize(owner));
    if (o == null) {
      throw EasemobError.usernameNotFound(owner);
    }
    List<String> ids = new ArrayList<>();
    for (String member : members) {
      User m = users.get(normalize(member));
      if (m == null) {
        throw EasemobError.usernameNotFound(member);
      }
      if (!m.name.equals(o.name) && !ids.contains(m.name)) {
        ids.add(m.name);
      }
    }
    if (ids.size() + 1 > maxUsers) {
      throw EasemobError.exceedLimit("members size is greater than max user size !");
    }
    String id;
    do {
      id = Long.toString(nextGroupId++);
    } while (groups.containsKey(id));
    long now = clock.millis();
    Group group = new Group(id, o.name, name, description, isPublic, maxUsers, now);
    group.join(o.name, now);
    ids.forEach(m -> group.join(m, now));
    groups.put(id, group);
    return id;
  }

  /** The group, or the documented 404 of the group endpoints. */
  private Group apiGroup(String groupId) {
    Group group = groups.get(groupId);
    if (group == null) {
      throw EasemobError.groupIdNotFound(groupId);
    }
    return group;
  }

  /** The group's details as {@code GET chatgroups/{g}} lists them (facts §12). */
  synchronized Map<String, Object> groupDetails(String groupId) {
    Group g = apiGroup(groupId);
    Map<String, Object> d = Json.object("id", g.id, "name", g.name, "avatar", "", "description", g.description,
        "membersonly", false, "allowinvites", false, "maxusers", g.maxUsers, "owner", g.owner, "created", g.created,
        "custom", "", "mute", false, "affiliations_count", g.members.size(), "disabled", false);
    // As the doc's example: the members, then the owner.
    List<Object> affiliations = new ArrayList<>();
    for (String member : g.members.keySet()) {
      if (!member.equals(g.owner)) {
        affiliations.add(Map.of("member", member));
      }
    }
    affiliations.add(Map.of("owner", g.owner));
    d.put("affiliations", affiliations);
    d.put("public", g.isPublic);
    return d;
  }

  /**
   * Adds members as {@code POST chatgroups/{g}/users} does; returns {@code newmembers}. Over 60 or
   * over {@code maxusers}: 403 {@code exceed_limit} "members size is greater than max user size !";
   * all members already: 403 {@code forbidden_op} (documented); unknown users and some members:
   * {@link Undocumented.AddUnknownMember}, {@link Undocumented.AddExistingMember}.
   */
  synchronized List<String> addMembers(String groupId, List<String> usernames) {
    Group g = apiGroup(groupId);
    if (usernames.size() > GROUP_MEMBERS_BATCH_MAX) {
      throw EasemobError.exceedLimit("members size is greater than max user size !");
    }
    List<String> ids = new ArrayList<>();
    for (String u : usernames) {
      if (!ids.contains(normalize(u))) {
        ids.add(normalize(u));
      }
    }
    List<String> known = new ArrayList<>();
    for (String id : ids) {
      if (users.containsKey(id)) {
        known.add(id);
      } else {
        switch (answers.get(Undocumented.AddUnknownMember.class)) {
          case REFUSED_400:
            throw EasemobError.illegalArgument("group member " + id + " doesn't exist");
          case SKIPPED_200:
            break;
          default:
            throw EasemobError.usernameNotFound(id);
        }
      }
    }
    List<String> fresh = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String id : known) {
      (g.members.containsKey(id) ? already : fresh).add(id);
    }
    if (fresh.isEmpty() && !already.isEmpty()) {
      throw alreadyInGroup(already.get(0), g.id);
    }
    Undocumented.AddExistingMember some = answers.get(Undocumented.AddExistingMember.class);
    if (!already.isEmpty() && some == Undocumented.AddExistingMember.REFUSED_403) {
      throw alreadyInGroup(already.get(0), g.id);
    }
    if (g.members.size() + fresh.size() > g.maxUsers) {
      throw EasemobError.exceedLimit("members size is greater than max user size !");
    }
    long now = clock.millis();
    fresh.forEach(id -> g.join(id, now));
    List<String> listed = new ArrayList<>(fresh);
    if (some == Undocumented.AddExistingMember.LISTED_200) {
      listed.addAll(already);
    }
    Collections.reverse(listed); // the doc's example lists them in reverse: order means nothing
    return listed;
  }

  /** {@code POST chatgroups/{g}/users/{u}}: one member; already one is the documented 403. */
  synchronized void addMember(String groupId, String user) {
    Group g = apiGroup(groupId);
    User u = users.get(normalize(user));
    if (u == null) {
      throw EasemobError.usernameNotFound(user);
    }
    if (g.members.containsKey(u.name)) {
      throw alreadyInGroup(u.name, g.id);
    }
    if (g.members.size() + 1 > g.maxUsers) {
      throw EasemobError.exceedLimit("members size is greater than max user size !");
    }
    g.join(u.name, clock.millis());
  }

  private static EasemobError alreadyInGroup(String user, String groupId) {
    return EasemobError.forbiddenOp("can not join this group, reason:user: " + user + " already in group: " + groupId + "\n");
  }

  /** One entry of a removal answer: the user and, when not removed, the reason. */
  static final class Removal {
    final String user;
    final String reason;

    Removal(String user, String reason) {
      this.user = user;
      this.reason = reason;
    }
  }

  /**
   * Removes members as {@code DELETE chatgroups/{g}/users/{...}} does. One user: the owner or a
   * non-member is the documented 403. Several: more than 60 is the documented 400; no member among
   * them the documented 403; otherwise one entry per user (unknown: "user X doesn't exist.", as
   * documented; non-members and the owner as {@link Undocumented.RemoveNonMember} and {@link
   * Undocumented.RemoveOwnerInBatch} say).
   */
  synchronized List<Removal> removeMembers(String groupId, List<String> requested) {
    Group g = apiGroup(groupId);
    if (requested.size() > GROUP_MEMBERS_BATCH_MAX) {
      throw EasemobError.invalidParameter("kickMember: kickMembers number more than maxSize : " + GROUP_MEMBERS_BATCH_MAX);
    }
    List<String> ids = new ArrayList<>();
    requested.forEach(r -> ids.add(normalize(r)));
    boolean owner = ids.contains(g.owner);
    boolean anyMember = ids.stream().anyMatch(id -> !id.equals(g.owner) && g.members.containsKey(id));
    if (ids.size() == 1 && owner) {
      throw EasemobError.forbiddenOp("forbidden operation on group owner!");
    }
    if (!anyMember && !owner) {
      throw EasemobError.forbiddenOp("users [" + String.join(", ", ids) + "] are not members of this group!");
    }
    if (owner && answers.get(Undocumented.RemoveOwnerInBatch.class) == Undocumented.RemoveOwnerInBatch.REFUSED_403) {
      throw EasemobError.forbiddenOp("forbidden operation on group owner!");
    }
    boolean leaveOut = answers.get(Undocumented.RemoveNonMember.class) == Undocumented.RemoveNonMember.LEFT_OUT;
    List<Removal> results = new ArrayList<>();
    for (String id : ids) {
      if (id.equals(g.owner)) {
        results.add(new Removal(id, "forbidden operation on group owner!"));
      } else if (!users.containsKey(id)) {
        results.add(new Removal(id, "user " + id + " doesn't exist."));
      } else if (!g.members.containsKey(id)) {
        if (!leaveOut) {
          results.add(new Removal(id, "user " + id + " is not a member of this group."));
        }
      } else {
        g.leave(id);
        results.add(new Removal(id, null));
      }
    }
    return results;
  }

  /**
   * One page of {@code GET chatgroups/{g}/users}: (role, user, joined) in join order, the owner
   * first; pages count from 1. A missing group is this endpoint's own documented 404.
   */
  synchronized List<Object[]> memberPage(String groupId, int pageNumber, int pageSize) {
    Group g = groups.get(groupId);
    if (g == null) {
      throw EasemobError.memberListGroupNotFound(groupId);
    }
    List<Object[]> all = new ArrayList<>();
    for (String member : g.members.keySet()) {
      all.add(new Object[] {member.equals(g.owner) ? "owner" : "member", member, g.joined.get(member)});
    }
    long from = (long) (pageNumber - 1) * pageSize;
    if (from >= all.size()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + pageSize)));
  }

  /** {@code DELETE chatgroups/{g}}: the group and its members' attributes. */
  synchronized void deleteGroup(String groupId) {
    apiGroup(groupId);
    groups.remove(groupId);
  }

  /** The group's members in join order, the owner first; empty when there is no such group. */
  synchronized List<String> membersOf(String groupId) {
    Group g = groups.get(groupId);
    return g == null ? Collections.emptyList() : List.copyOf(g.members.keySet());
  }

  /** Every group id, sorted. */
  synchronized List<String> groupIds() {
    List<String> ids = new ArrayList<>(groups.keySet());
    Collections.sort(ids);
    return ids;
  }

  /** Whether the group exists. */
  synchronized boolean hasGroup(String groupId) {
    return groups.containsKey(groupId);
  }

  /** Whether the user exists. */
  synchronized boolean hasUser(String userId) {
    return users.containsKey(normalize(userId));
  }

  // ---- paging ----

  /**
   * One page of a newest-first list of (sequence, item), after {@code cursor}: the items older than
   * the cursor's position. Cursors stay valid when the list changes between pages. The next cursor
   * follows {@link CursorQuirk}.
   */
  private <T> Page<T> page(List<Map.Entry<Long, T>> newestFirst, int size, String cursor) {
    Position from = cursor == null ? Position.START : decodeCursor(cursor);
    List<T> items = new ArrayList<>();
    long last = from.before;
    boolean more = false;
    for (Map.Entry<Long, T> e : newestFirst) {
      if (e.getKey() >= from.before) {
        continue;
      }
      if (items.size() == size) {
        more = true;
        break;
      }
      items.add(e.getValue());
      last = e.getKey();
    }
    CursorQuirk quirk = answers.get(CursorQuirk.class);
    String next;
    if (more) {
      next = quirk == CursorQuirk.STUCK_CURSOR && cursor != null ? cursor : encodeCursor(new Position(last, from.round));
    } else {
      switch (quirk) {
        case CURSOR_ON_LAST_PAGE:
          next = items.isEmpty() && cursor != null ? cursor : encodeCursor(new Position(last, from.round));
          break;
        case ENDLESS_EMPTY_PAGES:
          next = encodeCursor(new Position(last, from.round + 1));
          break;
        case ENDLESS_PAGES:
          next = encodeCursor(new Position(Long.MAX_VALUE, from.round + 1)); // from the start again
          break;
        default:
          next = null;
      }
    }
    return new Page<>(items, next);
  }

  /** Where a cursor points: before which sequence number, and how often the list was gone through. */
  private static final class Position {
    static final Position START = new Position(Long.MAX_VALUE, 0);

    final long before;
    final long round;

    Position(long before, long round) {
      this.before = before;
      this.round = round;
    }
  }

  // ---- cursors: opaque to clients, Base64 like the vendor's ----

  private static String encodeCursor(Position p) {
    String text = p.round == 0 ? Long.toString(p.before) : p.before + "~" + p.round;
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static Position decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
      int tilde = text.indexOf('~');
      return tilde < 0 ? new Position(Long.parseLong(text), 0)
          : new Position(Long.parseLong(text.substring(0, tilde)), Long.parseLong(text.substring(tilde + 1)));
    } catch (IllegalArgumentException e) {
      throw EasemobError.illegalArgument("invalid cursor: " + cursor);
    }
  }
}
