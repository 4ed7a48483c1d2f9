package io.imfacade.account;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a user's client SDK logs in with: a password, or a token the vendor issued (or that the
 * provider built, like Shengwang's AccessToken2). A secret: {@link #toString()} never shows it, and
 * imfacade never logs it.
 *
 * @param kind a password or a token
 * @param secret the value itself: handle with care
 * @param expiresAt when a token stops working, or null (passwords, tokens without expiry)
 */
public record Credential(Kind kind, String secret, @Nullable Instant expiresAt) {

  /** What the secret is. */
  public enum Kind {
    /** A password the user logs in with until it is changed. */
    PASSWORD,
    /** A token, valid until it expires or is replaced. */
    TOKEN
  }

  /** Refuses a blank secret. */
  public Credential {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("a credential's secret must not be blank");
    }
  }

  /** The kind and expiry; the secret is masked. */
  @Override
  public String toString() {
    return "Credential{kind=" + kind + ", secret=****" + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + '}';
  }
}
