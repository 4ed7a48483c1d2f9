package io.imfacade.account;

import io.imfacade.error.InvalidRequestException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's account at the vendor.
 *
 * @param userId the user id, in lower case
 * @param createdAt when the vendor created it, if it says
 * @param credential the credential the registration produced (NetEase's token, a generated
 *     password), present only in the answer of a registration; never read back from the vendor
 */
public record Account(String userId, @Nullable Instant createdAt, @Nullable Credential credential) {

  /** Refuses a blank id. */
  public Account {
    if (userId == null || userId.isBlank()) {
      throw new InvalidRequestException("userId", "an account's userId must not be null or blank");
    }
  }

  /** An account without credential. */
  public static Account of(String userId, @Nullable Instant createdAt) {
    return new Account(userId, createdAt, null);
  }
}
