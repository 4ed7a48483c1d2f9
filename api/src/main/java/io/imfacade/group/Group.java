package io.imfacade.group;

import io.imfacade.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A group as the vendor describes it: the neutral shape of Easemob and Shengwang chat groups and
 * NetEase advanced teams.
 *
 * @param groupId the id the vendor issued
 * @param name its name
 * @param owner the owner's user id (lower case)
 * @param description its description, or null
 * @param memberCount how many members it has, the owner included
 * @param maxMembers the most members it may hold, 0 when the vendor does not say
 */
public record Group(String groupId, String name, String owner, @Nullable String description, int memberCount,
    int maxMembers) {

  /** Refuses a blank id. */
  public Group {
    if (groupId == null || groupId.isBlank()) {
      throw new InvalidRequestException("groupId", "a group's id must not be null or blank");
    }
  }
}
