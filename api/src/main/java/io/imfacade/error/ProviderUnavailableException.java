package io.imfacade.error;

/**
 * The vendor could not be reached or failed on its side: HTTP 5xx, a timeout, a broken connection,
 * an unreadable answer. Usually retryable.
 */
public class ProviderUnavailableException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public ProviderUnavailableException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public ProviderUnavailableException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public ProviderUnavailableException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
