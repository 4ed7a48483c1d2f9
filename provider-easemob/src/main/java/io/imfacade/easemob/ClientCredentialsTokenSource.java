package io.imfacade.easemob;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.http.IssuedToken;
import io.imfacade.http.RestExecutor;
import io.imfacade.http.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fetches an Easemob app token with the client credentials: {@code POST {prefix}/token} with
 * {@code {"grant_type":"client_credentials","client_id","client_secret"}} (reference §1.2). The
 * answer's {@code expires_in} (seconds; 0 = never) or {@code expire_timestamp} (epoch ms) sets the
 * expiry. The secret leaves this object only in the request body.
 */
final class ClientCredentialsTokenSource implements TokenSource {

  /** Lifetime assumed when the answer gives none: short, so that the token is renewed soon. */
  static final Duration UNKNOWN_LIFETIME = Duration.ofHours(1);

  /** Lifetimes beyond this count as "never expires" (and cannot overflow an Instant). */
  private static final long FOREVER_SECONDS = Duration.ofDays(100 * 365).getSeconds();

  private final String provider;
  private final EasemobApi api;
  private final RestExecutor executor;
  private final Clock clock;
  private final String clientId;
  private final String clientSecret;

  ClientCredentialsTokenSource(String provider, EasemobApi api, RestExecutor executor, Clock clock,
      String clientId, String clientSecret) {
    this.provider = provider;
    this.api = api;
    this.executor = executor;
    this.clock = clock;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public IssuedToken fetch() {
    Instant requestedAt = clock.instant();
    Wire.TokenRequest request = new Wire.TokenRequest(clientId, clientSecret);
    Wire.TokenResponse answer;
    try {
      answer = executor.execute(Ops.TOKEN, ignored -> api.token(request));
    } catch (InvalidRequestException | NotFoundException e) {
      // 400 invalid_grant (bad id or secret), 404 organization_application_not_found: the
      // credentials or the app path are wrong, an authentication failure to the caller.
      throw new AuthenticationException("could not obtain an app token: " + e.plainMessage(), e.details(), e);
    }
    if (answer == null || answer.accessToken == null || answer.accessToken.isBlank()) {
      throw new ProviderUnavailableException("the token answer has no access_token",
          ErrorDetails.builder().provider(provider).operation(Ops.TOKEN.name()).retryable(true).build());
    }
    return IssuedToken.of(answer.accessToken, expiry(answer, requestedAt));
  }

  /** When a token answered at {@code requestedAt} expires. */
  static Instant expiry(Wire.TokenResponse answer, Instant requestedAt) {
    if (answer.expireTimestamp != null && answer.expireTimestamp > 0) {
      return Instant.ofEpochMilli(answer.expireTimestamp);
    }
    if (answer.expiresIn == null || answer.expiresIn < 0) {
      return requestedAt.plus(UNKNOWN_LIFETIME);
    }
    if (answer.expiresIn == 0 || answer.expiresIn > FOREVER_SECONDS) {
      return Instant.MAX;
    }
    // Counted from when the request left: the server's clock started no earlier.
    return requestedAt.plusSeconds(answer.expiresIn);
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenSource{clientId=" + clientId + ", clientSecret=****}";
  }
}
