package io.imfacade.http;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;

/** Small helpers that build or copy neutral exceptions. */
final class Failures {

  static final String REDACTED = "****";

  private Failures() {}

  /**
   * The failure for a thread interrupted while it waited: the interrupt flag is restored so that
   * the caller's executor still sees it. Not a vendor failure, hence the neutral root type.
   */
  static ImException interrupted(ErrorDetails details, String activity) {
    return interrupted(details, activity, null);
  }

  /** Like {@link #interrupted(ErrorDetails, String)}, with the exception that reported it. */
  static ImException interrupted(ErrorDetails details, String activity, Throwable cause) {
    Thread.currentThread().interrupt();
    return new ImException("interrupted while " + activity, details, cause);
  }

  /**
   * A new exception of the same type, message and details as {@code e}, caused by it, so that every
   * thread that rethrows a remembered failure gets its own stack trace. Types this module does not
   * know are returned as they are.
   */
  static ImException sameKind(ImException e) {
    String m = e.plainMessage();
    ErrorDetails d = e.details();
    Class<?> type = e.getClass();
    if (type == AuthenticationException.class) {
      return new AuthenticationException(m, d, e);
    } else if (type == ConfigurationException.class) {
      return new ConfigurationException(m, d, e);
    } else if (type == ConflictException.class) {
      return new ConflictException(m, d, e);
    } else if (type == FeatureNotEnabledException.class) {
      return new FeatureNotEnabledException(m, d, e);
    } else if (type == InvalidRequestException.class) {
      return new InvalidRequestException(m, ((InvalidRequestException) e).field().orElse(null), d, e);
    } else if (type == NotFoundException.class) {
      return new NotFoundException(m, d, e);
    } else if (type == ProviderUnavailableException.class) {
      return new ProviderUnavailableException(m, d, e);
    } else if (type == QuotaExceededException.class) {
      return new QuotaExceededException(m, d, e);
    } else if (type == RateLimitedException.class) {
      return new RateLimitedException(m, d, ((RateLimitedException) e).retryAfter().orElse(null), e);
    } else if (type == ImException.class) {
      return new ImException(m, d, e);
    }
    return e;
  }

  /** {@code text} with every occurrence of {@code secret} replaced by {@code ****}. */
  static String redact(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, REDACTED);
  }
}
