package io.imfacade.account;

import io.imfacade.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A user to register: the id, and the password the user's client SDK will log in with (the
 * login token on NetEase). Without a password, a provider whose vendor requires one generates a
 * strong random one and returns it in {@link Account#credential()}. {@link #toString()} never
 * shows the password.
 *
 * @param userId the user id (case-insensitive: vendors store it in lower case)
 * @param password the password, or null to let the provider choose
 */
public record Registration(String userId, @Nullable String password) {

  /** Refuses a null id and an empty password. */
  public Registration {
    if (userId == null) {
      throw new InvalidRequestException("userId", "userId must not be null");
    }
    if (password != null && password.isEmpty()) {
      throw new InvalidRequestException("password", "password must not be empty: pass null to let the provider choose");
    }
  }

  /** A registration without password. */
  public static Registration of(String userId) {
    return new Registration(userId, null);
  }

  /** A registration with a password. */
  public static Registration of(String userId, String password) {
    return new Registration(userId, password);
  }

  /** The id; the password is masked. */
  @Override
  public String toString() {
    return "Registration{userId=" + userId + (password == null ? "" : ", password=****") + '}';
  }
}
