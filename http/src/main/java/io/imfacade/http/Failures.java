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
    return sameKind(e, e.plainMessage(), e.details(), e);
  }

  /**
   * A new exception of the same type as {@code e} with {@code m}, {@code d} and {@code cause};
   * types this module does not know are returned as they are.
   */
  static ImException sameKind(ImException e, String m, ErrorDetails d, Throwable cause) {
    Class<?> type = e.getClass();
    if (type == AuthenticationException.class) {
      return new AuthenticationException(m, d, cause);
    } else if (type == ConfigurationException.class) {
      return new ConfigurationException(m, d, cause);
    } else if (type == ConflictException.class) {
      return new ConflictException(m, d, cause);
    } else if (type == FeatureNotEnabledException.class) {
      return new FeatureNotEnabledException(m, d, cause);
    } else if (type == InvalidRequestException.class) {
      return new InvalidRequestException(m, ((InvalidRequestException) e).field().orElse(null), d, cause);
    } else if (type == NotFoundException.class) {
      return new NotFoundException(m, d, cause);
    } else if (type == ProviderUnavailableException.class) {
      return new ProviderUnavailableException(m, d, cause);
    } else if (type == QuotaExceededException.class) {
      return new QuotaExceededException(m, d, cause);
    } else if (type == RateLimitedException.class) {
      return new RateLimitedException(m, d, ((RateLimitedException) e).retryAfter().orElse(null), cause);
    } else if (type == ImException.class) {
      return new ImException(m, d, cause);
    }
    return e;
  }
}
