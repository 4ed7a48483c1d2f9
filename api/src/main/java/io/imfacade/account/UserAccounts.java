package io.imfacade.account;

import io.imfacade.BatchOutcome;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Users' accounts at the vendor: what a sign-up flow needs before anything else (a profile, a
 * contact, a group membership) can be written. Implementations are thread-safe.
 *
 * <p>User ids are case-insensitive (see {@link io.imfacade.profile.UserProfileService}). Passwords
 * and tokens are secrets: never logged, never in {@code toString()}.
 */
public interface UserAccounts {

  /**
   * Registers one user.
   *
   * @return the account, with the credential the registration produced where there is one
   * @throws io.imfacade.error.ConflictException if the user exists already
   * @throws io.imfacade.error.InvalidRequestException if the id or the password breaks the
   *     vendor's rules (checked before any network call)
   */
  Account register(Registration registration);

  /**
   * Registers many users (chunked to the vendor's batch size). Every user's outcome is reported,
   * an existing user as failed with a {@link io.imfacade.error.ConflictException}.
   *
   * @throws io.imfacade.error.InvalidRequestException if one registration is malformed, or one user
   *     is named twice (nothing is sent then)
   */
  BatchOutcome<Account> registerAll(Collection<Registration> registrations);

  /** The account of a user, or empty when there is none. */
  Optional<Account> get(String userId);

  /** Whether the user has an account. */
  default boolean exists(String userId) {
    return get(userId).isPresent();
  }

  /**
   * Deletes the account and what the vendor deletes with it (its profile, contacts, the groups it
   * owns, ...). Succeeds when there was none. Needs {@link io.imfacade.Capability#ACCOUNT_DELETE}.
   */
  void delete(String userId);

  /**
   * Sets the password the user's client SDK logs in with (NetEase: the login token). Devices
   * logged in with the old one may be logged out.
   *
   * @throws io.imfacade.error.NotFoundException if the user does not exist
   */
  void setPassword(String userId, String password);

  /**
   * A token the user's client SDK logs in with, valid for about {@code validity} where the vendor
   * lets the caller choose (Easemob and Shengwang do; NetEase issues a new login token that lasts
   * until it is replaced, which also ends the old one). Needs {@link
   * io.imfacade.Capability#ACCOUNT_TOKEN}.
   *
   * @throws io.imfacade.error.NotFoundException if the user does not exist
   */
  Credential issueToken(String userId, Duration validity);
}
