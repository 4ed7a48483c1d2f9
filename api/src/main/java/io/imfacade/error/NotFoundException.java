package io.imfacade.error;

/**
 * A group, a user, a membership or a relation the call needs does not exist.
 */
public class NotFoundException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public NotFoundException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public NotFoundException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public NotFoundException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
