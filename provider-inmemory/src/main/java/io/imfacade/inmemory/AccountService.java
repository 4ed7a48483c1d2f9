package io.imfacade.inmemory;

import io.imfacade.BatchOutcome;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ImException;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.VendorLimits;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Users' accounts, with the vendors' semantics: registering an existing user is a conflict (in a
 * batch, for that user alone), a registration without a password gets a generated one, returned
 * once (as Easemob requires a password and NetEase generates a token), deleting a user takes its
 * data with it. The guard has checked ids, passwords and validities, and refused what the emulated
 * vendor lacks (NetEase has no account deletion); what is left is the state.
 *
 * <p>The fake keeps no password and no token ({@link StoredAccount}): no neutral operation checks
 * one. {@code setPassword} and {@code issueToken} only require the user to exist.
 *
 * <p>With {@code inmemory.users=auto} every valid id exists for reads and writes, but registering
 * still records the user: it is a conflict only for a user already recorded (registered, or given
 * data by a write).
 */
final class AccountService implements UserAccounts {

  /** Letters and digits, without the look-alikes (0/O, 1/l/I): easy to read back from a terminal. */
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int GENERATED_LENGTH = 24;
  private static final int TOKEN_LENGTH = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final VendorLimits limits;

  AccountService(Store store, VendorLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public Account register(Registration registration) {
    return store.write(() -> registerOne(Op.ACCOUNTS_REGISTER, registration));
  }

  @Override
  public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
    Op op = Op.ACCOUNTS_REGISTER_ALL;
    return store.write(() -> {
      Map<String, Account> succeeded = new LinkedHashMap<>();
      Map<String, ImException> failed = new LinkedHashMap<>();
      for (Registration r : registrations) {
        try {
          succeeded.put(r.userId(), registerOne(op, r));
        } catch (ConflictException e) {
          failed.put(r.userId(), e);
        }
      }
      return new BatchOutcome<>(succeeded, failed);
    });
  }

  private Account registerOne(Op op, Registration registration) {
    String id = registration.userId();
    Instant now = store.clock().instant();
    if (store.users.putIfAbsent(id, new StoredAccount(now)) != null) {
      throw op.conflict("user " + id + " already exists");
    }
    // The caller's own password is not echoed back: only a generated one is news to the caller.
    Credential credential = registration.password() == null
        ? new Credential(Credential.Kind.PASSWORD, random(Math.min(GENERATED_LENGTH, longest(limits.password()))), null)
        : null;
    return new Account(id, now, credential);
  }

  @Override
  public Optional<Account> get(String userId) {
    return store.read(() -> {
      StoredAccount stored = store.users.get(userId);
      if (stored == null) {
        return store.exists(userId) ? Optional.of(Account.of(userId, null)) : Optional.empty();
      }
      return Optional.of(Account.of(userId, stored.createdAt()));
    });
  }

  @Override
  public boolean exists(String userId) {
    return store.read(() -> store.exists(userId));
  }

  /** Removes the user and its data; succeeds when there was none. */
  @Override
  public void delete(String userId) {
    store.writeAlone(() -> store.forget(userId));
  }

  @Override
  public void setPassword(String userId, String password) {
    store.write(() -> store.requireUserForWrite(Op.ACCOUNTS_SET_PASSWORD, userId));
  }

  /**
   * A random token valid for {@code validity} from now. The fake remembers no token, so an earlier
   * one is not revoked; no neutral operation could tell.
   */
  @Override
  public Credential issueToken(String userId, Duration validity) {
    store.write(() -> store.requireUserForWrite(Op.ACCOUNTS_ISSUE_TOKEN, userId));
    return new Credential(Credential.Kind.TOKEN, random(TOKEN_LENGTH), store.clock().instant().plus(validity));
  }

  /** The most characters of a generated password: ASCII letters and digits, one byte, unit and code point each. */
  private static int longest(LengthLimit limit) {
    return Math.min(limit.maxBytes(), Math.min(limit.maxUtf16Units(), limit.maxCodePoints()));
  }

  private static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
