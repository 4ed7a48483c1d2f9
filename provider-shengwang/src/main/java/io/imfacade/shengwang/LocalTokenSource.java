package io.imfacade.shengwang;

import io.imfacade.http.IssuedToken;
import io.imfacade.http.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a fresh chat app token each time the cache asks: no network, so a "fetch" cannot fail
 * once the App ID and certificate are well-formed. {@link #toString()} hides the certificate.
 */
final class LocalTokenSource implements TokenSource {

  private final String appId;
  private final String appCertificate;
  private final Duration lifetime;
  private final Clock clock;

  LocalTokenSource(String appId, String appCertificate, Duration lifetime, Clock clock) {
    this.appId = appId;
    this.appCertificate = appCertificate;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public IssuedToken fetch() {
    // One clock reading for both the token's issue time and the expiry the cache plans with.
    Instant now = clock.instant();
    Clock fixed = Clock.fixed(now, clock.getZone());
    String token = ChatAppTokenBuilder.buildAppToken(appId, appCertificate, lifetime, fixed);
    return IssuedToken.of(token, Instant.ofEpochSecond(now.getEpochSecond()).plus(lifetime));
  }

  @Override
  public String toString() {
    return "LocalTokenSource{appId=" + appId + ", appCertificate=****, lifetime=" + lifetime + '}';
  }
}
