package io.imfacade.error;

/**
 * The vendor refused the credentials: HTTP 401, a bad or expired token, a wrong NetEase signature.
 *
 * <p>Providers that cache a token already invalidated it and replayed the call once before this
 * is thrown, so the credentials themselves are most likely wrong.
 */
public class AuthenticationException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public AuthenticationException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public AuthenticationException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
