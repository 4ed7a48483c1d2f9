package io.imfacade.migrate.internal;

import io.imfacade.contact.Contact;
import io.imfacade.profile.UserProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The records a migration carries, as the dump holds them and as they are read from a source. Internal. */
public final class Records {

  private Records() {}

  /**
   * One user.
   *
   * @param userId the id, lower case
   * @param profile the profile, empty when nothing is set
   * @param contacts the contacts with the user's remarks; null when not read (the users phase)
   * @param blocked the block list; null when the source has none or it was not read
   */
  public record UserData(String userId, UserProfile profile, @Nullable List<Contact> contacts,
      @Nullable List<String> blocked) {

    /** Copies the lists. */
    public UserData {
      contacts = contacts == null ? null : List.copyOf(contacts);
      blocked = blocked == null ? null : List.copyOf(blocked);
    }
  }

  /**
   * One group, as the source describes it.
   *
   * @param groupId the source's id
   * @param name the name
   * @param owner the owner's user id
   * @param description the description, or null
   * @param maxMembers the most members, 0 when the source does not say
   */
  public record GroupData(String groupId, String name, String owner, @Nullable String description, int maxMembers) {}

  /**
   * One member of a group.
   *
   * @param userId the member's id, lower case
   * @param attributes the member's attributes; null when the source has none
   */
  public record MemberData(String userId, @Nullable Map<String, String> attributes) {

    /** Copies the attributes. */
    public MemberData {
      attributes = attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
  }

  /** A group with its members, the owner included: the unit of the groups phase. */
  public record GroupUnit(GroupData group, List<MemberData> members) {

    /** Copies the members. */
    public GroupUnit {
      members = List.copyOf(members);
    }
  }
}
