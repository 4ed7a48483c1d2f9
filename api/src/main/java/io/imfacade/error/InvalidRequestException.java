package io.imfacade.error;

import java.util.Optional;

/**
 * The request is wrong: a null or blank id, a field over its limit, a malformed value. Thrown by
 * imfacade's own validation before any network call, or mapped from a vendor's 400/414 answer.
 * Retrying the same request will not help.
 */
public class InvalidRequestException extends ImException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /** A failure with a message and no further details. */
  public InvalidRequestException(String message) {
    this(message, null, ErrorDetails.none(), null);
  }

  /** A failure about one named input ({@code userId}, {@code nickname}, ...). */
  public InvalidRequestException(String field, String message) {
    this(message, field, ErrorDetails.none(), null);
  }

  /** A failure with a message and details. */
  public InvalidRequestException(String message, ErrorDetails details) {
    this(message, null, details, null);
  }

  /** A failure with everything. */
  public InvalidRequestException(String message, String field, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
    this.field = field;
  }

  /** The name of the offending input, when one input is to blame. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
