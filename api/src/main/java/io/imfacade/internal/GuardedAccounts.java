package io.imfacade.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.error.ProviderUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The guard of {@link UserAccounts}. */
final class GuardedAccounts extends GuardedService<Supplier<UserAccounts>> implements UserAccounts {

  /** The longest validity a token may be asked for: vendors cap theirs far below (Agora: 24 h). */
  private static final Duration MAX_VALIDITY = Duration.ofDays(3650);

  GuardedAccounts(GuardedClient guard, Supplier<UserAccounts> raw) {
    super(guard, raw);
  }

  @Override
  public Account register(Registration registration) {
    String op = "accounts.register";
    return guard.call(op, () -> raw.get().register(checked(op, registration)));
  }

  @Override
  public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
    String op = "accounts.registerAll";
    return guard.call(op, () -> {
      if (registrations == null || registrations.isEmpty()) {
        throw inputs.invalid(op, "registrations", "registrations must name at least one user");
      }
      Map<String, String> callerIds = new LinkedHashMap<>();
      List<Registration> clean = new ArrayList<>(registrations.size());
      for (Registration r : registrations) {
        Registration c = checked(op, r);
        String previous = callerIds.putIfAbsent(c.userId(), r.userId());
        if (previous != null) {
          throw inputs.invalid(op, "registrations", "registrations name user " + c.userId() + " twice ('" + previous
              + "' and '" + r.userId() + "'; user ids are case-insensitive)");
        }
        clean.add(c);
      }
      return CallerIds.complete(callerIds, raw.get().registerAll(clean), id -> new ProviderUnavailableException(
          "the provider reported no outcome for user " + id + "; the account may or may not exist",
          inputs.details(op).toBuilder().retryable(true).build()));
    });
  }

  private Registration checked(String op, Registration registration) {
    if (registration == null) {
      throw inputs.invalid(op, "registration", "registration must not be null");
    }
    String id = inputs.user(op, "userId", registration.userId());
    inputs.password(op, registration.password());
    return new Registration(id, registration.password());
  }

  @Override
  public Optional<Account> get(String userId) {
    String op = "accounts.get";
    return guard.call(op, () -> raw.get().get(inputs.user(op, "userId", userId)));
  }

  @Override
  public boolean exists(String userId) {
    String op = "accounts.exists";
    return guard.call(op, () -> raw.get().exists(inputs.user(op, "userId", userId)));
  }

  @Override
  public void delete(String userId) {
    String op = "accounts.delete";
    guard.run(op, () -> {
      guard.require(Capability.ACCOUNT_DELETE);
      raw.get().delete(inputs.user(op, "userId", userId));
    });
  }

  @Override
  public void setPassword(String userId, String password) {
    String op = "accounts.setPassword";
    guard.run(op, () -> {
      guard.require(Capability.ACCOUNT_PASSWORD);
      String id = inputs.user(op, "userId", userId);
      if (password == null) {
        throw inputs.invalid(op, "password", "password must not be null");
      }
      inputs.password(op, password);
      raw.get().setPassword(id, password);
    });
  }

  @Override
  public Credential issueToken(String userId, Duration validity) {
    String op = "accounts.issueToken";
    return guard.call(op, () -> {
      guard.require(Capability.ACCOUNT_TOKEN);
      String id = inputs.user(op, "userId", userId);
      if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
        throw inputs.invalid(op, "validity", "validity must be positive and at most " + MAX_VALIDITY.toDays()
            + " days, was " + validity);
      }
      return raw.get().issueToken(id, validity);
    });
  }
}
