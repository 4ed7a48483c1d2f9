package io.imfacade.contact;

import io.imfacade.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a user's contact list: the friend's id and the owner's remark about them.
 *
 * @param userId the friend's user id
 * @param remark the owner's remark (alias) for this friend, or null when none
 */
public record Contact(String userId, @Nullable String remark) {

  /** Refuses a blank id; an empty remark means none. */
  public Contact {
    if (userId == null || userId.isBlank()) {
      throw new InvalidRequestException("userId", "a contact's userId must not be null or blank");
    }
    remark = remark == null || remark.isEmpty() ? null : remark;
  }

  /** A contact; a null or empty remark means none. */
  public static Contact of(String userId, @Nullable String remark) {
    return new Contact(userId, remark);
  }

  /** A contact without remark. */
  public static Contact of(String userId) {
    return new Contact(userId, null);
  }

  @Override
  public String toString() {
    return remark == null ? "Contact{" + userId + '}' : "Contact{" + userId + ", remark=" + remark + '}';
  }
}
