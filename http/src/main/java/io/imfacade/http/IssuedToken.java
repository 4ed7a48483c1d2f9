package io.imfacade.http;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it expires. {@link #toString()} never shows the value.
 *
 * @param value the token itself: handle with care
 * @param expiresAt when the vendor stops accepting it ({@link Instant#MAX}: never)
 */
public record IssuedToken(String value, Instant expiresAt) {

  /** Refuses a blank value. */
  public IssuedToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (value.isBlank()) {
      throw new IllegalArgumentException("token value must not be blank");
    }
  }

  /** A token valid until {@code expiresAt}. */
  public static IssuedToken of(String value, Instant expiresAt) {
    return new IssuedToken(value, expiresAt);
  }

  /** Shows the expiry only: the value is a secret. */
  @Override
  public String toString() {
    return "IssuedToken{value=****, expiresAt=" + (expiresAt.equals(Instant.MAX) ? "never" : expiresAt) + '}';
  }
}
