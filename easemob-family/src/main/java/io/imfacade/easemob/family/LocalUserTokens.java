package io.imfacade.easemob.family;

import io.imfacade.account.Credential;
import java.time.Duration;

/**
 * Builds a user's login token locally, without a network call, as Shengwang's AccessToken2 chat
 * user token is built from the App ID and the App Certificate. Given to {@link
 * EasemobFamily.Builder#localUserTokens}; the family first checks that the user exists ({@code GET
 * users/{u}}), so an unknown user is a {@link io.imfacade.error.NotFoundException} and never gets a
 * token. Implementations are thread-safe and never log the token.
 */
@FunctionalInterface
public interface LocalUserTokens {

  /**
   * A token for {@code userId} (lower case, an existing user), valid for about {@code validity}:
   * a builder whose vendor caps the lifetime shortens it and says so in {@link
   * Credential#expiresAt()}.
   */
  Credential build(String userId, Duration validity);
}
