package io.imfacade.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every failure imfacade reports. Unchecked.
 *
 * <p>Carries the provider id, the neutral operation, the HTTP status, the vendor's code and message
 * and whether a retry may help (see {@link ErrorDetails}). Messages never contain a token, a
 * signature or a secret: the code that builds these exceptions is responsible for that, and the
 * shared transport redacts before it gets here.
 *
 * <p>Catch the subclasses to react to a kind of failure; read {@link #details()} to log or report.
 */
public class ImException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;
  private final String plainMessage;

  /** A failure with a message and no further details. */
  public ImException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A failure with a message and details. */
  public ImException(String message, ErrorDetails details) {
    this(message, details, null);
  }

  /** A failure with a message, details and the cause. */
  public ImException(String message, ErrorDetails details, Throwable cause) {
    super(Objects.requireNonNull(details, "details").describe(message), cause);
    this.details = details;
    this.plainMessage = message;
  }

  /** The structured details of this failure. */
  public ErrorDetails details() {
    return details == null ? ErrorDetails.none() : details;
  }

  /** The message without the provider, status and vendor decorations of {@link #getMessage()}. */
  public String plainMessage() {
    return plainMessage;
  }

  /** Shortcut for {@code details().provider()}. */
  public Optional<String> provider() {
    return details().provider();
  }

  /** Shortcut for {@code details().operation()}. */
  public Optional<String> operation() {
    return details().operation();
  }

  /** Shortcut for {@code details().httpStatus()}. */
  public OptionalInt httpStatus() {
    return details().httpStatus();
  }

  /** Shortcut for {@code details().vendorCode()}. */
  public Optional<String> vendorCode() {
    return details().vendorCode();
  }

  /** Shortcut for {@code details().vendorMessage()}. */
  public Optional<String> vendorMessage() {
    return details().vendorMessage();
  }

  /** Shortcut for {@code details().retryable()}. */
  public boolean isRetryable() {
    return details().retryable();
  }
}
