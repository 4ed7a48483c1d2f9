package io.imfacade.http;

import java.time.Instant;
import java.util.Objects;

/** A bearer token and when it expires. {@link #toString()} never shows the value. Immutable. */
public final class IssuedToken {

  private final String value;
  private final Instant expiresAt;

  private IssuedToken(String value, Instant expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /** A token valid until {@code expiresAt} ({@link Instant#MAX} for a token that never expires). */
  public static IssuedToken of(String value, Instant expiresAt) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (value.isBlank()) {
      throw new IllegalArgumentException("token value must not be blank");
    }
    return new IssuedToken(value, expiresAt);
  }

  /** The token itself: handle with care. */
  public String value() {
    return value;
  }

  /** When the vendor stops accepting it. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Shows the expiry only: the value is a secret. */
  @Override
  public String toString() {
    return "IssuedToken{value=****, expiresAt=" + (expiresAt.equals(Instant.MAX) ? "never" : expiresAt) + '}';
  }
}
