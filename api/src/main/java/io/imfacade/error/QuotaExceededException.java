package io.imfacade.error;

/**
 * A size or count limit of the vendor was reached: a user's attributes over 2 KB, a full block list,
 * a full friend list, the app's total attribute storage.
 */
public class QuotaExceededException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public QuotaExceededException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public QuotaExceededException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public QuotaExceededException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
