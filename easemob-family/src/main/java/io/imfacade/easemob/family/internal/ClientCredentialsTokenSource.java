package io.imfacade.easemob.family.internal;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.http.IssuedToken;
import io.imfacade.http.RemoteCore;
import io.imfacade.http.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fetches an Easemob app token with the client credentials: {@code POST {app}/token} with {@code
 * {"grant_type":"client_credentials","client_id","client_secret"}} (facts §8), through the core's
 * {@link RemoteCore.TokenFetch} (rate limit, retries, error mapping, redaction; no bearer token).
 * The answer's {@code expires_in} (seconds; 0 = never) or {@code expire_timestamp} (epoch ms) sets
 * the expiry. The secret leaves this object only in the request body.
 */
final class ClientCredentialsTokenSource implements TokenSource {

  /** Lifetime assumed when the answer gives none: short, so that the token is renewed soon. */
  static final Duration UNKNOWN_LIFETIME = Duration.ofHours(1);

  /** Lifetimes beyond this count as "never expires" (and cannot overflow an Instant). */
  private static final long FOREVER_SECONDS = Duration.ofDays(100 * 365).getSeconds();

  private final String provider;
  private final RemoteCore.TokenFetch fetch;
  private final EasemobApi.Token api;
  private final Clock clock;
  private final Wire.TokenRequest request;

  ClientCredentialsTokenSource(String provider, RemoteCore.TokenFetch fetch, Clock clock, String clientId,
      String clientSecret) {
    this.provider = provider;
    this.fetch = fetch;
    this.api = fetch.api(EasemobApi.Token.class);
    this.clock = clock;
    this.request = new Wire.TokenRequest(clientId, clientSecret);
  }

  @Override
  public IssuedToken fetch() {
    Instant requestedAt = clock.instant();
    Wire.TokenResponse answer;
    try {
      answer = fetch.call(Ops.TOKEN, tag -> api.token(tag, request));
    } catch (InvalidRequestException | NotFoundException e) {
      // 400 invalid_grant (bad id or secret), 404 organization_application_not_found: the
      // credentials or the app path are wrong, an authentication failure to the caller.
      throw new AuthenticationException("could not obtain an app token: " + e.plainMessage(), e.details(), e);
    }
    if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
      throw new ProviderUnavailableException(
          "the vendor's answer does not have the documented shape: the token answer has no access_token",
          ErrorDetails.builder().provider(provider).operation(Ops.TOKEN.name()).build());
    }
    return IssuedToken.of(answer.accessToken(), expiry(answer, requestedAt));
  }

  /** When a token answered at {@code requestedAt} expires. */
  static Instant expiry(Wire.TokenResponse answer, Instant requestedAt) {
    Long timestamp = answer.expireTimestamp();
    if (timestamp != null && timestamp > 0) {
      return Instant.ofEpochMilli(timestamp);
    }
    Long seconds = answer.expiresIn();
    if (seconds == null || seconds < 0) {
      return requestedAt.plus(UNKNOWN_LIFETIME);
    }
    if (seconds == 0 || seconds > FOREVER_SECONDS) {
      return Instant.MAX;
    }
    // Counted from when the request left: the server's clock started no earlier.
    return requestedAt.plusSeconds(seconds);
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenSource{" + request + '}';
  }
}
