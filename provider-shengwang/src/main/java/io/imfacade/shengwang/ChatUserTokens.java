package io.imfacade.shengwang;

import io.imfacade.account.Credential;
import io.imfacade.easemob.family.LocalUserTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds chat user tokens (AccessToken2, privilege {@code CHAT_USER}) locally for the family's
 * {@code accounts().issueToken}. The vendor caps a token's life at 24 hours (facts §13), so a
 * longer validity is shortened to that, and {@link Credential#expiresAt()} says so. {@link
 * #toString()} hides the certificate.
 */
final class ChatUserTokens implements LocalUserTokens {

  private final String appId;
  private final String appCertificate;
  private final Clock clock;

  ChatUserTokens(String appId, String appCertificate, Clock clock) {
    this.appId = appId;
    this.appCertificate = appCertificate;
    this.clock = clock;
  }

  @Override
  public Credential build(String userId, Duration validity) {
    Duration lifetime = validity.compareTo(ChatAppTokenBuilder.MAX_LIFETIME) > 0 ? ChatAppTokenBuilder.MAX_LIFETIME
        : validity.getSeconds() < 1 ? Duration.ofSeconds(1) : Duration.ofSeconds(validity.getSeconds());
    // One clock reading for the token's issue time and the expiry reported.
    Instant now = clock.instant();
    String token = ChatAppTokenBuilder.buildUserToken(appId, appCertificate, userId, lifetime,
        Clock.fixed(now, clock.getZone()));
    return new Credential(Credential.Kind.TOKEN, token, Instant.ofEpochSecond(now.getEpochSecond()).plus(lifetime));
  }

  @Override
  public String toString() {
    return "ChatUserTokens{appId=" + appId + ", appCertificate=****}";
  }
}
