package io.imfacade.error;

/**
 * The vendor refused a concurrent modification of the same data (Easemob 409). Retrying later may
 * succeed.
 */
public class ConflictException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public ConflictException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public ConflictException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public ConflictException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
