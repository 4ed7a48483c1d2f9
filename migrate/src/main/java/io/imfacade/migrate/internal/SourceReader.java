package io.imfacade.migrate.internal;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.error.ImException;
import io.imfacade.group.Group;
import io.imfacade.migrate.Item;
import io.imfacade.migrate.internal.Records.GroupData;
import io.imfacade.migrate.internal.Records.GroupUnit;
import io.imfacade.migrate.internal.Records.MemberData;
import io.imfacade.migrate.internal.Records.UserData;
import io.imfacade.profile.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads users and groups from the source through the neutral API, with as few calls as it allows:
 * profiles in batches when the source has no custom attributes ({@code getAll} returns only named
 * custom attributes, so a source that has them is read user by user with {@code get}, which returns
 * all of them), one existence check only for users without a profile, contact and block lists
 * streamed page by page, member attributes in batches. Thread-safe.
 */
final class SourceReader {

  private final ImClient source;
  private final boolean customAttributes;
  private final boolean blockList;
  private final boolean memberAttributes;

  SourceReader(ImClient source) {
    this.source = source;
    this.customAttributes = source.capabilities().contains(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    this.blockList = source.capabilities().contains(Capability.BLOCK_LIST);
    this.memberAttributes = source.capabilities().contains(Capability.GROUP_MEMBER_ATTRIBUTES);
  }

  /**
   * The profiles of {@code ids}, in their order, each user as a {@link UserData} without relations;
   * users the source does not have (or cannot read) are reported in {@code r}, excluded and left out.
   */
  List<UserData> profiles(List<String> ids, UnitResult r) {
    Map<String, UserProfile> batch = null;
    if (!customAttributes && ids.size() > 1) {
      try {
        batch = Errors.call(() -> source.profiles().getAll(ids));
      } catch (ImException e) {
        batch = null; // one id the source refuses spoils the batch: read them one by one to tell which
      }
    }
    List<UserData> users = new ArrayList<>(ids.size());
    for (String id : ids) {
      Optional<UserProfile> profile;
      try {
        Map<String, UserProfile> got = batch;
        profile = got != null ? Optional.ofNullable(got.get(id)) : Errors.call(() -> source.profiles().get(id));
        if (profile.isEmpty() && !Errors.call(() -> source.accounts().exists(id))) {
          missing(id, "user " + id + " does not exist at the source (" + source.provider() + ")", "NotFoundException", r);
          continue;
        }
      } catch (ImException e) {
        missing(id, "cannot read user " + id + " at the source: " + e.getMessage(), Errors.type(e), r);
        continue;
      }
      users.add(new UserData(id, profile.orElseGet(() -> UserProfile.builder(id).build()), null, null));
    }
    return users;
  }

  private void missing(String id, String reason, String exception, UnitResult r) {
    r.failure(id, null, "source", null, reason, exception);
    r.failed(Item.USERS, 1);
    r.exclude(id, reason);
  }

  /**
   * The contacts and block list of user {@code id} (with an empty profile), or null when they
   * cannot be read (reported in {@code r}).
   */
  @Nullable UserData relations(String id, UnitResult r) {
    try {
      List<Contact> contacts = Errors.call(() -> source.contacts().allContacts(id).collect(Collectors.toList()));
      List<String> blocked = blockList ? Errors.call(() -> source.contacts().allBlocked(id).collect(Collectors.toList()))
          : null;
      return new UserData(id, UserProfile.builder(id).build(), contacts, blocked);
    } catch (ImException e) {
      r.failure(id, null, "source", null, "cannot read the contacts or block list of user " + id + " at the source: "
          + e.getMessage(), Errors.type(e));
      return null;
    }
  }

  /** A group with its members and their attributes, or null when the source does not have it (reported). */
  @Nullable GroupUnit group(String groupId, UnitResult r) {
    try {
      Optional<Group> found = Errors.call(() -> source.groups().get(groupId));
      if (found.isEmpty()) {
        r.failure(null, groupId, "source", null, "group " + groupId + " does not exist at the source ("
            + source.provider() + ")", "NotFoundException");
        r.failed(Item.GROUPS, 1);
        return null;
      }
      Group g = found.get();
      List<String> members = Errors.call(() -> source.groups().allMembers(groupId).collect(Collectors.toList()));
      Map<String, Map<String, String>> attributes = memberAttributes && !members.isEmpty()
          ? Errors.call(() -> source.groupMemberAttributes().get(groupId, members, List.of()))
          : Map.of();
      List<MemberData> data = new ArrayList<>(members.size());
      for (String m : members) {
        data.add(new MemberData(Dump.lower(m), memberAttributes ? attributes.getOrDefault(m, Map.of()) : null));
      }
      return new GroupUnit(new GroupData(g.groupId(), g.name(), Dump.lower(g.owner()), g.description(),
          g.maxMembers()), data);
    } catch (ImException e) {
      r.failure(null, groupId, "source", null, "cannot read group " + groupId + " at the source: " + e.getMessage(),
          Errors.type(e));
      r.failed(Item.GROUPS, 1);
      return null;
    }
  }

  /** One user's profile, contacts and block list, or null (reported): an export's record, what {@code verify} compares with. */
  @Nullable UserData user(UserData profile, UnitResult r) {
    UserData relations = relations(profile.userId(), r);
    return relations == null ? null
        : new UserData(profile.userId(), profile.profile(), relations.contacts(), relations.blocked());
  }
}
