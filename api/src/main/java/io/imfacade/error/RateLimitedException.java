package io.imfacade.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor rate-limited the app: HTTP 429 from Easemob or Shengwang, body code 416 from NetEase
 * (which then blocks the app for 10 seconds). Carries how long to wait when the vendor said so.
 */
public class RateLimitedException extends ImException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** A failure with a message and no further details. */
  public RateLimitedException(String message) {
    this(message, ErrorDetails.none(), null, null);
  }

  /** A failure with a message, details and an optional wait. */
  public RateLimitedException(String message, ErrorDetails details, Duration retryAfter, Throwable cause) {
    super(message, details.toBuilder().retryable(true).build(), cause);
    this.retryAfter = retryAfter;
  }

  /** How long the vendor asked to wait, or a known block time (NetEase: 10 s). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
