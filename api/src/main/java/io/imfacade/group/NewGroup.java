package io.imfacade.group;

import io.imfacade.error.InvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A group to create: its owner (a member from the start), a name, an optional description, the
 * other members to add at once, and the most members it may hold (0: the vendor's default).
 *
 * @param owner the owner's user id
 * @param name the group's name
 * @param description a description, or null
 * @param members the other members; the owner may be left out
 * @param maxMembers the most members, 0 for the vendor's default
 */
public record NewGroup(String owner, String name, @Nullable String description, List<String> members, int maxMembers) {

  /** Copies the members; refuses a negative size. */
  public NewGroup {
    if (members == null) {
      throw new InvalidRequestException("members", "members must not be null: use List.of()");
    }
    members = List.copyOf(members);
    if (maxMembers < 0) {
      throw new InvalidRequestException("maxMembers", "maxMembers must not be negative, was " + maxMembers);
    }
  }

  /** A group of {@code owner} named {@code name}, with these other members and the vendor's defaults. */
  public static NewGroup of(String owner, String name, List<String> members) {
    return new NewGroup(owner, name, null, members, 0);
  }
}
