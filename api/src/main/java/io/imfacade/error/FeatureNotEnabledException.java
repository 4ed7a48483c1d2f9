package io.imfacade.error;

/**
 * The vendor has the feature but it is not enabled for this app, for example Easemob's 403
 * {@code user metadata service not allow}. Enable it in the vendor's console; retrying will not help.
 */
public class FeatureNotEnabledException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public FeatureNotEnabledException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public FeatureNotEnabledException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public FeatureNotEnabledException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
