package io.imfacade.migrate.internal;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.error.ImException;
import io.imfacade.group.Group;
import io.imfacade.migrate.internal.Records.GroupData;
import io.imfacade.migrate.internal.Records.GroupUnit;
import io.imfacade.migrate.internal.Records.MemberData;
import io.imfacade.migrate.internal.Records.UserData;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the target back and compares it with what was to be written: the source's records less
 * what the target's {@link Rules} refused (reported as failures already). Every difference is
 * reported: a value that differs, is missing or is there in excess; a contact, blocked user or
 * member missing or in excess; a remark or member attribute that differs. Thread-safe.
 */
final class Verifier {

  private final ImClient target;
  private final Rules rules;
  private final SortedIds users;
  private final Map<String, String> excluded;
  private final Checkpoint ledger;

  Verifier(ImClient target, SortedIds users, Map<String, String> excluded, Checkpoint ledger) {
    this.target = target;
    this.rules = new Rules(target.metadata());
    this.users = users;
    this.excluded = excluded;
    this.ledger = ledger;
  }

  /** Compares user {@code source} (with contacts and block list) with the target. */
  void user(UserData source, UnitResult r) {
    String id = source.userId();
    if (excluded.containsKey(id)) {
      return;
    }
    try {
      profile(id, rules.profile(source.profile()).planned(), r);
      contacts(id, source.contacts() == null ? List.of() : source.contacts(), r);
      if (source.blocked() != null && rules.offers(Capability.BLOCK_LIST)) {
        blocks(id, source.blocked(), r);
      }
    } catch (ImException e) {
      r.difference(id, null, "verify", null, "cannot read user " + id + " at the target: " + e.getMessage());
    }
  }

  private void profile(String id, UserProfile expected, UnitResult r) {
    Optional<UserProfile> found = Errors.call(() -> target.profiles().get(id));
    UserProfile actual = found.orElseGet(() -> UserProfile.builder(id).build());
    for (ProfileField f : ProfileField.values()) {
      if (f == ProfileField.GENDER) {
        if (expected.gender() != actual.gender()) {
          r.difference(id, null, "profile.gender", null, "expected " + gender(expected.gender()) + ", the target has "
              + gender(actual.gender()));
        }
      } else if (!Objects.equals(expected.get(f), actual.get(f))) {
        r.difference(id, null, "profile." + f.fieldName(), null, "expected " + show(expected.get(f))
            + ", the target has " + show(actual.get(f)));
      }
    }
    if (rules.offers(Capability.PROFILE_CUSTOM_ATTRIBUTES)) {
      compareMaps(expected.customAttributes(), actual.customAttributes(),
          (key, reason) -> r.difference(id, null, "profile.customAttribute", key, reason));
    }
  }

  private void contacts(String owner, List<Contact> source, UnitResult r) {
    Map<String, @Nullable String> expected = new LinkedHashMap<>();
    for (Contact c : source) {
      String friend = Dump.lower(c.userId());
      if (!friend.equals(owner) && users.contains(friend) && !excluded.containsKey(friend)
          && expected.size() < rules.limits().contactsMax()) {
        expected.putIfAbsent(friend, c.remark() == null || rules.remark(friend, c.remark()) != null ? null : c.remark());
      }
    }
    Map<String, @Nullable String> actual = new LinkedHashMap<>();
    for (Contact c : Errors.call(() -> target.contacts().allContacts(owner).collect(Collectors.toList()))) {
      actual.put(Dump.lower(c.userId()), c.remark());
    }
    for (String friend : expected.keySet()) {
      if (!actual.containsKey(friend)) {
        r.difference(owner, null, "contact", friend, "user " + friend + " is not a contact of " + owner + " at the target");
      } else if (rules.offers(Capability.CONTACT_REMARK) && !Objects.equals(expected.get(friend), actual.get(friend))) {
        r.difference(owner, null, "remark", friend, "expected " + show(expected.get(friend)) + ", the target has "
            + show(actual.get(friend)));
      }
    }
    for (String friend : actual.keySet()) {
      if (!expected.containsKey(friend)) {
        r.difference(owner, null, "contact", friend, "user " + friend + " is a contact of " + owner
            + " at the target, not at the source");
      }
    }
  }

  private void blocks(String owner, List<String> source, UnitResult r) {
    Set<String> expected = new LinkedHashSet<>();
    for (String b : source) {
      String user = Dump.lower(b);
      if (!user.equals(owner) && users.contains(user) && !excluded.containsKey(user)
          && expected.size() < rules.limits().blockListMax()) {
        expected.add(user);
      }
    }
    Set<String> actual = new LinkedHashSet<>();
    Errors.call(() -> target.contacts().allBlocked(owner).collect(Collectors.toList()))
        .forEach(u -> actual.add(Dump.lower(u)));
    for (String user : expected) {
      if (!actual.contains(user)) {
        r.difference(owner, null, "block", user, "user " + user + " is not blocked by " + owner + " at the target");
      }
    }
    for (String user : actual) {
      if (!expected.contains(user)) {
        r.difference(owner, null, "block", user, "user " + user + " is blocked by " + owner
            + " at the target, not at the source");
      }
    }
  }

  /** Compares group {@code unit} of the source with the group created for it. */
  void group(GroupUnit unit, UnitResult r) {
    GroupData g = unit.group();
    if (!users.contains(g.owner()) || excluded.containsKey(g.owner()) || rules.groupNameProblem(g.name()) != null) {
      return; // refused before creation, and reported then
    }
    String targetId = ledger.targetGroup(g.groupId());
    if (targetId == null) {
      r.difference(null, g.groupId(), "group", null, "group " + g.groupId() + " was not created at the target");
      return;
    }
    try {
      Optional<Group> found = Errors.call(() -> target.groups().get(targetId));
      if (found.isEmpty()) {
        r.difference(null, g.groupId(), "group", null, "group " + targetId + ", created for " + g.groupId()
            + ", is not at the target");
        return;
      }
      Group actual = found.get();
      if (!g.name().equals(actual.name())) {
        r.difference(null, g.groupId(), "group.name", null, "expected " + show(g.name()) + ", the target has "
            + show(actual.name()));
      }
      if (!g.owner().equals(Dump.lower(actual.owner()))) {
        r.difference(null, g.groupId(), "group.owner", null, "expected " + g.owner() + ", the target has "
            + actual.owner());
      }
      String description = g.description() == null || rules.groupDescriptionProblem(g.description()) != null
          ? null : g.description();
      String actualDescription = actual.description() == null || actual.description().isEmpty() ? null
          : actual.description();
      if (!Objects.equals(description, actualDescription)) {
        r.difference(null, g.groupId(), "group.description", null, "expected " + show(description)
            + ", the target has " + show(actualDescription));
      }
      members(g, targetId, unit.members(), r);
    } catch (ImException e) {
      r.difference(null, g.groupId(), "verify", null, "cannot read group " + targetId + " at the target: "
          + e.getMessage());
    }
  }

  private void members(GroupData g, String targetId, List<MemberData> source, UnitResult r) {
    Map<String, MemberData> expected = new LinkedHashMap<>();
    for (MemberData m : source) {
      if (m.userId().equals(g.owner()) || users.contains(m.userId()) && !excluded.containsKey(m.userId())) {
        expected.putIfAbsent(m.userId(), m);
      }
    }
    List<String> actual = new ArrayList<>();
    Errors.call(() -> target.groups().allMembers(targetId).collect(Collectors.toList()))
        .forEach(u -> actual.add(Dump.lower(u)));
    for (String user : expected.keySet()) {
      if (!actual.contains(user)) {
        r.difference(null, g.groupId(), "member", user, "user " + user + " is not a member at the target");
      }
    }
    for (String user : actual) {
      if (!expected.containsKey(user)) {
        r.difference(null, g.groupId(), "member", user, "user " + user + " is a member at the target, not at the source");
      }
    }
    if (!rules.offers(Capability.GROUP_MEMBER_ATTRIBUTES)) {
      return;
    }
    List<String> common = new ArrayList<>();
    for (String user : expected.keySet()) {
      if (actual.contains(user) && expected.get(user).attributes() != null) {
        common.add(user);
      }
    }
    if (common.isEmpty()) {
      return;
    }
    Map<String, Map<String, String>> stored = Errors.call(() -> target.groupMemberAttributes().get(targetId, common,
        List.of()));
    for (String user : common) {
      Map<String, String> want = rules.memberAttributes(user, expected.get(user).attributes()).attributes();
      compareMaps(want, stored.getOrDefault(user, Map.of()),
          (key, reason) -> r.difference(null, g.groupId(), "member.attribute", user, "attribute '" + key + "': " + reason));
    }
  }

  private static void compareMaps(Map<String, String> expected, Map<String, String> actual,
      java.util.function.BiConsumer<String, String> difference) {
    expected.forEach((key, value) -> {
      String found = actual.get(key);
      if (!value.equals(found)) {
        difference.accept(key, "expected " + show(value) + ", the target has " + show(found));
      }
    });
    actual.forEach((key, value) -> {
      if (!expected.containsKey(key) && !value.isEmpty()) {
        difference.accept(key, "the target has " + show(value) + ", the source nothing");
      }
    });
  }

  private static String gender(Gender g) {
    return g == Gender.UNKNOWN ? "no gender" : g.name();
  }

  /** A value for a message: quoted, cut after 80 characters; "nothing" for null. */
  static String show(@Nullable String value) {
    if (value == null) {
      return "nothing";
    }
    int cps = value.codePointCount(0, value.length());
    return cps <= 80 ? "'" + value + "'" : "'" + value.substring(0, value.offsetByCodePoints(0, 80)) + "…' (" + cps
        + " characters)";
  }
}
