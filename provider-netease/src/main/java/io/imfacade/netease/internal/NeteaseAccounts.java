package io.imfacade.netease.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ImException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * NetEase accounts (网易云信 IM 账号, netease-facts §5) over {@code user/create.action}, {@code
 * user/update.action}, {@code user/refreshToken.action} and the existence probe {@code
 * user/userOnlineStatus.action}.
 *
 * <p><b>The credential is NetEase's login token.</b> A NetEase client SDK logs in with the accid and
 * a {@code token} that the app server sets ({@code token} of {@code create}, {@code update}) or lets
 * NetEase generate ({@code create} without one, {@code refreshToken}); it never expires, only the
 * latest one is valid, and logging in with an older one fails with 302 (netease-facts §5). So the
 * neutral password <em>is</em> the token: {@link Registration#password()} is sent as {@code
 * token}, {@link #setPassword} sets it with {@code user/update.action}, and {@link #issueToken}
 * asks for a new random one with {@code user/refreshToken.action}. The one NetEase generates is
 * returned as a {@link Credential.Kind#TOKEN} credential without expiry ({@code expiresAt} null),
 * both from a registration without password and from {@link #issueToken}: it is issued by the
 * vendor, not chosen, and it is the same kind of value the client SDK is given in both cases. A
 * registration with a password returns no credential: the caller has it.
 *
 * <p><b>Registering an existing accid</b> is answered {@code {"desc":"already register","code":414}}
 * (observed in many applications; no doc page states it), and 414 is also the generic parameter
 * error. So {@code desc} "already register" is a {@link ConflictException} at once, and any other
 * undocumented refusal (403, 404, 414, 417, 431, {@link Accounts#isUndocumentedRefusal}) asks whether
 * the account exists now: if it does, a {@link ConflictException} (keeping the vendor's code and
 * desc), else the refusal as it is. A registration whose answer is lost is not repeated (a repeat
 * would meet "already register"): it fails with a {@link io.imfacade.error.ProviderUnavailableException},
 * and {@link #get} tells whether the account exists.
 *
 * <p><b>No batch registration</b> exists in v1 or v2 (§5): {@link #registerAll} sends one {@code
 * create} per user, up to {@link RemoteCore#PARALLELISM} at a time (paced by the app's rate
 * limiter), and reports every user.
 *
 * <p><b>Existence</b> ({@link #get}, {@link #exists}) is the documented check: {@code
 * userOnlineStatus} lists accids that are not registered in {@code invalidAccids} (the official
 * SDK's test asserts it for a never-created accid). {@code getUinfos} is not used: its answer for
 * an unknown accid is not documented. NetEase keeps no creation time the v1 API returns: {@link
 * Account#createdAt()} is null.
 *
 * <p><b>{@link #setPassword} and {@link #issueToken} ask first</b> whether the account exists
 * ({@link io.imfacade.error.NotFoundException} if not): what {@code update} and {@code
 * refreshToken} answer for an unknown accid is not documented, and a 200 that changes nothing is
 * plausible for an update. NetEase accounts cannot be deleted, so an account found to exist still
 * exists when the write follows.
 *
 * <p><b>No deletion.</b> NetEase has no account deletion in v1 or v2, only disabling ({@code
 * user/block.action}); {@link io.imfacade.Capability#ACCOUNT_DELETE} is declared unsupported, so the
 * guard never calls {@link #delete}.
 */
final class NeteaseAccounts implements UserAccounts {

  /** The observed {@code desc} of a {@code create} of an existing accid (netease-facts §5, §8). */
  static final String ALREADY_REGISTERED = "already register";

  private final RemoteCore<NeteaseApi> core;
  private final Accounts accounts;

  NeteaseAccounts(RemoteCore<NeteaseApi> core) {
    this.core = core;
    this.accounts = new Accounts(core);
  }

  @Override
  public Account register(Registration registration) {
    return register(Ops.ACCOUNTS_REGISTER, registration);
  }

  @Override
  public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
    List<Registration> all = List.copyOf(registrations);
    Map<String, Account> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failed = new LinkedHashMap<>();
    // One create per user (accountBatch 1): every registration runs and reports, whatever the others do.
    for (Batches.Settled<Registration, Account> settled
        : core.writeSettled(all, 1, chunk -> register(Ops.ACCOUNTS_REGISTER_ALL, chunk.get(0)))) {
      String user = settled.chunk().get(0).userId();
      settled.result().ifPresent(account -> succeeded.put(user, account));
      settled.failure().ifPresent(e -> failed.put(user, e));
    }
    return new BatchOutcome<>(succeeded, failed);
  }

  private Account register(Operation op, Registration registration) {
    String user = registration.userId();
    Wire.AccountAnswer answer;
    try {
      answer = core.call(op, tag -> core.api().createUser(tag, user, registration.password()));
    } catch (ImException e) {
      throw refused(op, user, e);
    }
    Wire.AccountInfo info = answer.info();
    if (info == null) {
      throw core.malformed(op, "user/create answered code 200 without 'info'; account " + user
          + " was registered" + (registration.password() == null ? ": issue its token with issueToken" : ""));
    }
    if (info.accid() != null && !info.accid().toLowerCase(Locale.ROOT).equals(user)) {
      throw core.malformed(op, "user/create of " + user + " answered another accid");
    }
    Credential credential = null;
    if (registration.password() == null) {
      if (Wire.isBlank(info.token())) {
        throw core.malformed(op, "user/create answered code 200 without the token it generated; account " + user
            + " was registered: issue its token with issueToken");
      }
      credential = new Credential(Credential.Kind.TOKEN, info.token(), null);
    }
    return new Account(user, null, credential);
  }

  /** What a refused {@code create} of {@code user} means: a {@link ConflictException} if the account exists. */
  private ImException refused(Operation op, String user, ImException e) {
    if (isAlreadyRegistered(e)) {
      return conflict(user, e);
    }
    if (Accounts.isUndocumentedRefusal(e) && accounts.unknown(op, List.of(user)).isEmpty()) {
      return conflict(user, e);
    }
    return e;
  }

  /** The observed answer to a duplicate: code 414, desc "already register". */
  static boolean isAlreadyRegistered(ImException e) {
    return e.vendorCode().filter("414"::equals).isPresent()
        && e.vendorMessage().map(d -> d.toLowerCase(Locale.ROOT).contains(ALREADY_REGISTERED)).orElse(false);
  }

  private static ConflictException conflict(String user, ImException refusal) {
    return new ConflictException("user " + user + " is registered already",
        refusal.details().toBuilder().retryable(false).build(), refusal);
  }

  @Override
  public Optional<Account> get(String userId) {
    return exists(Ops.ACCOUNTS_GET, userId) ? Optional.of(Account.of(userId, null)) : Optional.empty();
  }

  @Override
  public boolean exists(String userId) {
    return exists(Ops.ACCOUNTS_EXISTS, userId);
  }

  private boolean exists(Operation op, String userId) {
    return accounts.unknown(op, List.of(userId)).isEmpty();
  }

  /** Never called: the metadata declares {@link Capability#ACCOUNT_DELETE} unsupported. */
  @Override
  public void delete(String userId) {
    throw new UnsupportedCapabilityException(core.provider(), Capability.ACCOUNT_DELETE, NO_DELETION);
  }

  /** Why {@link Capability#ACCOUNT_DELETE} is unsupported. */
  static final String NO_DELETION = "NetEase Yunxin cannot delete accounts (no such API in v1 or v2);"
      + " an account can only be disabled (user/block.action), which imfacade does not offer";

  /**
   * Sets the login token with {@code user/update.action}. The old token stops working: devices
   * logged in with it stay logged in until they log in again (NetEase refuses an outdated token
   * then, code 302).
   */
  @Override
  public void setPassword(String userId, String password) {
    Operation op = Ops.ACCOUNTS_SET_PASSWORD;
    requireExisting(op, userId);
    core.call(op, tag -> core.api().updateToken(tag, userId, password));
  }

  /**
   * A new random login token from {@code user/refreshToken.action}. The user's previous token stops
   * working at once. NetEase's tokens do not expire, so {@code validity} cannot be honoured: the
   * credential has no {@code expiresAt} and lasts until it is replaced.
   */
  @Override
  public Credential issueToken(String userId, Duration validity) {
    Operation op = Ops.ACCOUNTS_ISSUE_TOKEN;
    requireExisting(op, userId);
    Wire.AccountAnswer answer = core.call(op, tag -> core.api().refreshToken(tag, userId));
    @Nullable String token = answer.info() == null ? null : answer.info().token();
    if (Wire.isBlank(token)) {
      throw core.malformed(op, "user/refreshToken answered code 200 without the new token; the previous token of "
          + userId + " may no longer work: issue a token again");
    }
    return new Credential(Credential.Kind.TOKEN, token, null);
  }

  private void requireExisting(Operation op, String userId) {
    if (!accounts.unknown(op, List.of(userId)).isEmpty()) {
      throw core.notFound(op, "user " + userId + " does not exist");
    }
  }
}
