package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.easemob.family.LocalUserTokens;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Users' accounts over the family's user endpoints ({@code /users}, facts §11).
 *
 * <p><b>Registration</b> sends arrays of at most {@code accountBatch} (60) users, chunks in
 * parallel, and reports every user. The sources disagree on a batch naming a user who exists: the
 * current pages register the others and list that user in {@code data} with a {@code
 * registerUserFailReason} (HTTP 200); the 2023 error page refuses the whole batch with 400 {@code
 * duplicate_unique_property_exists}. Both are handled without reading the texts: a user listed as
 * failed, or a 400 of the whole batch, is followed by reading the accounts ({@code GET users/{u}}):
 * users that exist are a {@link ConflictException} (with the vendor's status, code and message),
 * and a refused batch is sent again without them. A user the answer names neither as created nor
 * as failed is a {@link ProviderUnavailableException} for that user: never "created".
 *
 * <p>Without a caller's password, a vendor that requires one (Easemob) gets a strong random
 * password ({@link Passwords}), returned once in {@link Account#credential()}. Where the vendor
 * documents registration without a password (Shengwang: the body lists only {@code username}), none
 * is sent; if the server still refuses ("password or pin must provided", in the same page's error
 * table), the batch is sent once more with generated passwords, which are then returned.
 *
 * <p>Registering is not repeated after an ambiguous failure ({@link Ops#ACCOUNTS_REGISTER}): a
 * repeat of a registration that landed would answer "exists" for the caller's own new user.
 *
 * <p><b>Deleting</b> an unknown user succeeds. The vendor's page lists two answers for it, 400
 * {@code management} "User with id null does not exist in app ..." and 404; either is confirmed by
 * reading the account, and stands only when the user is still there.
 *
 * <p><b>Tokens</b>: Easemob issues a user token by user id with the app token ({@code POST token},
 * {@code grant_type=inherit}, {@code autoCreateUser=false}, {@code ttl} in seconds; the password
 * grant is deprecated). A provider that builds tokens locally (Shengwang's AccessToken2) gives a
 * {@link LocalUserTokens}; the account is read first, so an unknown user is a {@link
 * NotFoundException}.
 */
final class FamilyAccounts implements UserAccounts {

  /** Error type of a duplicate user (facts §11). */
  static final String DUPLICATE = "duplicate_unique_property_exists";

  private final RemoteCore<EasemobApi> core;
  private final int batchSize;
  private final boolean passwordOptional;
  private final @Nullable LocalUserTokens localTokens;
  private final @Nullable String noTokensReason;

  /**
   * @param passwordOptional whether the vendor documents registration without a password
   * @param localTokens builds user tokens locally; null to ask the vendor's token endpoint
   * @param noTokensReason when not null, tokens cannot be issued, for this reason
   */
  FamilyAccounts(RemoteCore<EasemobApi> core, int batchSize, boolean passwordOptional,
      @Nullable LocalUserTokens localTokens, @Nullable String noTokensReason) {
    this.core = core;
    this.batchSize = batchSize;
    this.passwordOptional = passwordOptional;
    this.localTokens = localTokens;
    this.noTokensReason = noTokensReason;
  }

  // ---------------------------------------------------------------- registration

  @Override
  public Account register(Registration registration) {
    Outcomes<Account> outcome = registerChunk(Ops.ACCOUNTS_REGISTER, List.of(registration));
    Account account = outcome.succeeded.get(registration.userId());
    if (account != null) {
      return account;
    }
    ImException failure = outcome.failed.get(registration.userId());
    throw failure != null ? failure : unreported(Ops.ACCOUNTS_REGISTER, registration.userId());
  }

  @Override
  public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
    Operation op = Ops.ACCOUNTS_REGISTER_ALL;
    List<Registration> all = List.copyOf(registrations);
    Map<String, Account> succeeded = new HashMap<>();
    Map<String, ImException> failed = new HashMap<>();
    for (Batches.Settled<Registration, Outcomes<Account>> chunk : core.writeSettled(all, batchSize,
        c -> registerChunk(op, c))) {
      if (chunk.failure().isPresent()) {
        ImException failure = chunk.failure().get();
        chunk.chunk().forEach(r -> failed.put(r.userId(), failure));
      } else {
        Outcomes<Account> result = chunk.result().orElseThrow();
        succeeded.putAll(result.succeeded);
        failed.putAll(result.failed);
      }
    }
    return Outcomes.inOrder(all.stream().map(Registration::userId).toList(), succeeded, failed);
  }

  /** Registers one chunk; every user of it ends in the outcome. */
  private Outcomes<Account> registerChunk(Operation op, List<Registration> chunk) {
    Outcomes<Account> outcome = new Outcomes<>();
    // The password each user is sent with, and whether the facade chose it (then it is returned).
    Map<String, String> passwords = new LinkedHashMap<>();
    Map<String, Boolean> generated = new HashMap<>();
    for (Registration r : chunk) {
      if (r.password() != null) {
        passwords.put(r.userId(), r.password());
      } else if (!passwordOptional) {
        passwords.put(r.userId(), Passwords.generate());
        generated.put(r.userId(), true);
      }
    }
    List<String> pending = new ArrayList<>(chunk.stream().map(Registration::userId).toList());
    boolean passwordsAdded = false;
    // Each round either ends or removes at least one user (found existing), so it ends.
    while (!pending.isEmpty()) {
      List<Wire.NewUser> body = new ArrayList<>();
      pending.forEach(id -> body.add(new Wire.NewUser(id, passwords.get(id))));
      Wire.UserResponse answer;
      try {
        answer = core.call(op, tag -> core.api().register(tag, body));
      } catch (ImException e) {
        ImException failure = Secrets.scrub(e, passwords.values());
        if (isBadRequest(failure) && !DUPLICATE.equals(failure.vendorCode().orElse("")) && !passwordsAdded
            && pending.stream().anyMatch(id -> !passwords.containsKey(id))) {
          // Shengwang documents no password, its error table still knows "password or pin must provided".
          pending.stream().filter(id -> !passwords.containsKey(id)).forEach(id -> {
            passwords.put(id, Passwords.generate());
            generated.put(id, true);
          });
          passwordsAdded = true;
          continue;
        }
        if (isBadRequest(failure)) {
          // The 2023 answer to a batch naming an existing user: nobody is registered. Find them.
          List<String> existing = existing(op, pending);
          if (!existing.isEmpty()) {
            existing.forEach(id -> outcome.failed.put(id, conflict(id, failure)));
            pending.removeAll(existing);
            continue;
          }
        }
        pending.forEach(id -> outcome.failed.put(id, failure));
        return outcome;
      }
      readRegistration(op, answer, pending, passwords, generated, outcome);
      return outcome;
    }
    return outcome;
  }

  /** Reads the answer of a registration of {@code sent}: {@code entities} created, {@code data} failed alone. */
  private void readRegistration(Operation op, Wire.@Nullable UserResponse answer, List<String> sent,
      Map<String, String> passwords, Map<String, Boolean> generated, Outcomes<Account> outcome) {
    if (answer == null || answer.entities() == null) {
      throw core.malformed(op, "the registration answer has no 'entities'");
    }
    Map<String, Wire.UserEntity> created = new HashMap<>();
    for (Wire.UserEntity entity : answer.entities()) {
      if (entity != null && entity.username() != null) {
        created.put(Wire.lowerCase(entity.username()), entity);
      }
    }
    Map<String, String> reasons = failedAlone(op, answer.data());
    List<String> toCheck = new ArrayList<>();
    for (String id : sent) {
      Wire.UserEntity entity = created.get(id);
      if (entity != null) {
        Credential credential = generated.containsKey(id)
            ? new Credential(Credential.Kind.PASSWORD, passwords.get(id), null) : null;
        outcome.succeeded.put(id, new Account(id, instant(entity.created()), credential));
      } else if (reasons.containsKey(id)) {
        toCheck.add(id);
      } else {
        outcome.failed.put(id, unreported(op, id));
      }
    }
    if (!toCheck.isEmpty()) {
      Set<String> existing = Set.copyOf(existing(op, toCheck));
      for (String id : toCheck) {
        ErrorDetails details = core.details(op).httpStatus(200).vendorMessage(reasons.get(id)).build();
        outcome.failed.put(id, existing.contains(id)
            ? new ConflictException("user " + id + " exists already", details)
            : new InvalidRequestException("the vendor did not register user " + id, details));
      }
    }
  }

  /** The users {@code data} lists as failed, with their reasons (facts §11: {@code registerUserFailReason}). */
  private Map<String, String> failedAlone(Operation op, @Nullable JsonNode data) {
    Map<String, String> reasons = new HashMap<>();
    if (data == null || data.isNull() || data.isMissingNode()) {
      return reasons;
    }
    if (!data.isArray()) {
      throw core.malformed(op, "'data' of the registration answer is " + Answers.describe(data)
          + ", not the documented array");
    }
    for (JsonNode entry : data) {
      String user = entry.isObject() ? Wire.text(entry.get("username")) : null;
      if (user != null) {
        String reason = Wire.text(entry.get("registerUserFailReason"));
        reasons.put(Wire.lowerCase(user), reason == null ? "registration failed" : reason);
      }
    }
    return reasons;
  }

  /**
   * Which of {@code ids} have an account, read in parallel. The reads are named after {@code op}
   * but, being reads, may be repeated after an ambiguous failure even when {@code op} may not.
   */
  private List<String> existing(Operation op, List<String> ids) {
    Operation read = Operation.idempotent(op.name());
    Map<String, Boolean> exists = core.readInOrder(ids, 1, one -> Map.of(one.get(0), read(read, one.get(0)).isPresent()));
    List<String> result = new ArrayList<>();
    exists.forEach((id, present) -> {
      if (present) {
        result.add(id);
      }
    });
    return result;
  }

  private static ConflictException conflict(String id, ImException refusal) {
    return new ConflictException("user " + id + " exists already", refusal.details().toBuilder().retryable(false).build());
  }

  private ProviderUnavailableException unreported(Operation op, String id) {
    return new ProviderUnavailableException("the vendor's answer names user " + id
        + " neither as registered nor as failed; the account may or may not exist", core.details(op).retryable(true).build());
  }

  private static boolean isBadRequest(ImException e) {
    return e.httpStatus().orElse(0) == 400;
  }

  // ---------------------------------------------------------------- reads, deletion, password

  @Override
  public Optional<Account> get(String userId) {
    return read(Ops.ACCOUNTS_GET, userId);
  }

  /** The account, or empty on a 404 that is about the user (not the app or the route). */
  private Optional<Account> read(Operation op, String userId) {
    Wire.UserResponse answer;
    try {
      answer = core.call(op, tag -> core.api().getUser(tag, userId));
    } catch (NotFoundException e) {
      if (FamilyProfiles.APP_OR_ROUTE_MISSING.contains(e.vendorCode().orElse(""))) {
        throw e;
      }
      return Optional.empty();
    }
    if (answer == null || answer.entities() == null || answer.entities().isEmpty()) {
      throw core.malformed(op, "the user answer has no entity");
    }
    Wire.UserEntity entity = answer.entities().get(0);
    if (entity == null || entity.username() == null || !Wire.lowerCase(entity.username()).equals(userId)) {
      throw core.malformed(op, "the user answer is not about the user asked for");
    }
    return Optional.of(Account.of(userId, instant(entity.created())));
  }

  @Override
  public void delete(String userId) {
    Operation op = Ops.ACCOUNTS_DELETE;
    try {
      core.call(op, tag -> core.api().deleteUser(tag, userId));
    } catch (ImException e) {
      int status = e.httpStatus().orElse(0);
      // 404, or 400 "User with id null does not exist in app ...": absent only if the read agrees.
      if ((status != 404 && status != 400) || read(op, userId).isPresent()) {
        throw e;
      }
    }
  }

  @Override
  public void setPassword(String userId, String password) {
    Operation op = Ops.ACCOUNTS_SET_PASSWORD;
    try {
      core.call(op, tag -> core.api().setPassword(tag, userId, new Wire.PasswordRequest(password)));
    } catch (ImException e) {
      throw Secrets.scrub(e, List.of(password));
    }
  }

  // ---------------------------------------------------------------- tokens

  @Override
  public Credential issueToken(String userId, Duration validity) {
    Operation op = Ops.ACCOUNTS_ISSUE_TOKEN;
    if (noTokensReason != null) {
      throw new UnsupportedCapabilityException(core.provider(), Capability.ACCOUNT_TOKEN, noTokensReason);
    }
    if (localTokens != null) {
      if (read(op, userId).isEmpty()) {
        throw core.notFound(op, "user " + userId + " does not exist");
      }
      return localTokens.build(userId, validity);
    }
    // ttl in whole seconds, rounded up (facts §11; VIP 5 clusters read milliseconds: FIDELITY, tokens).
    long ttl = Math.max(1, validity.plusNanos(999_999_999L).getSeconds());
    Instant now = core.clock().instant();
    Wire.TokenResponse answer = core.call(op, tag -> core.api().userToken(tag, new Wire.UserTokenRequest(userId, ttl)));
    if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
      throw core.malformed(op, "the token answer has no 'access_token'");
    }
    Instant expiresAt;
    if (answer.expireTimestamp() != null) {
      expiresAt = Instant.ofEpochMilli(answer.expireTimestamp());
    } else if (answer.expiresIn() != null && answer.expiresIn() > 0) {
      expiresAt = now.plusSeconds(answer.expiresIn());
    } else {
      expiresAt = null; // 0: never expires (facts §11)
    }
    return new Credential(Credential.Kind.TOKEN, answer.accessToken(), expiresAt);
  }

  private static @Nullable Instant instant(@Nullable Long epochMillis) {
    return epochMillis == null || epochMillis <= 0 ? null : Instant.ofEpochMilli(epochMillis);
  }

  /** Succeeded and failed users of one chunk; a user is in one map at most. */
  static final class Outcomes<T> {
    final Map<String, T> succeeded = new LinkedHashMap<>();
    final Map<String, ImException> failed = new LinkedHashMap<>();

    /** The outcome of every user of {@code order}, in that order. */
    static <T> BatchOutcome<T> inOrder(List<String> order, Map<String, T> succeeded, Map<String, ImException> failed) {
      Map<String, T> ok = new LinkedHashMap<>();
      Map<String, ImException> ko = new LinkedHashMap<>();
      for (String id : order) {
        if (succeeded.containsKey(id)) {
          ok.put(id, succeeded.get(id));
        } else if (failed.containsKey(id)) {
          ko.put(id, failed.get(id));
        }
      }
      return new BatchOutcome<>(ok, ko);
    }
  }
}
