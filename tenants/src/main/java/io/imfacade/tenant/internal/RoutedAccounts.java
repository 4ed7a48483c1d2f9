package io.imfacade.tenant.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** A tenant's accounts: each call on the tenant's current client. */
final class RoutedAccounts implements UserAccounts {

  private final TenantClient tenant;

  RoutedAccounts(TenantClient tenant) {
    this.tenant = tenant;
  }

  @Override
  public Account register(Registration registration) {
    return tenant.call(c -> c.accounts().register(registration));
  }

  @Override
  public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
    return tenant.call(c -> c.accounts().registerAll(registrations));
  }

  @Override
  public Optional<Account> get(String userId) {
    return tenant.call(c -> c.accounts().get(userId));
  }

  @Override
  public boolean exists(String userId) {
    return tenant.call(c -> c.accounts().exists(userId));
  }

  @Override
  public void delete(String userId) {
    tenant.run(c -> c.accounts().delete(userId));
  }

  @Override
  public void setPassword(String userId, String password) {
    tenant.run(c -> c.accounts().setPassword(userId, password));
  }

  @Override
  public Credential issueToken(String userId, Duration validity) {
    return tenant.call(c -> c.accounts().issueToken(userId, validity));
  }
}
