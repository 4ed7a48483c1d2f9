package io.imfacade.contact;

import java.util.Objects;

/** One entry of a user's contact list: the friend's id and the owner's remark about them. */
public final class Contact {

  private final String userId;
  private final String remark;

  private Contact(String userId, String remark) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    this.userId = userId;
    this.remark = remark == null || remark.isEmpty() ? null : remark;
  }

  /** A contact; a null or empty remark means none. */
  public static Contact of(String userId, String remark) {
    return new Contact(userId, remark);
  }

  /** A contact without remark. */
  public static Contact of(String userId) {
    return new Contact(userId, null);
  }

  /** The friend's user id. */
  public String userId() {
    return userId;
  }

  /** The owner's remark (alias) for this friend, or null when none. */
  public String remark() {
    return remark;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contact
        && userId.equals(((Contact) o).userId)
        && Objects.equals(remark, ((Contact) o).remark);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, remark);
  }

  @Override
  public String toString() {
    return remark == null ? "Contact{" + userId + '}' : "Contact{" + userId + ", remark=" + remark + '}';
  }
}
