package io.imfacade.easemob.family.internal;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import java.util.Collection;

/**
 * Keeps users' passwords out of exceptions. The transport masks the configured secrets and the app
 * token, but a password is a per-call value, and one vendor answer quotes passwords back ("the same
 * user XXX has a different password, the passwords are XXX", facts §11).
 */
final class Secrets {

  static final String MASK = "****";

  private Secrets() {}

  /**
   * {@code e}, or an exception of the same kind whose message and vendor message show {@link #MASK}
   * for every one of {@code secrets} they contained.
   */
  static ImException scrub(ImException e, Collection<String> secrets) {
    String vendorMessage = e.vendorMessage().orElse(null);
    String plain = e.plainMessage();
    boolean quoted = false;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()
          && (plain.contains(secret) || (vendorMessage != null && vendorMessage.contains(secret)))) {
        quoted = true;
      }
    }
    if (!quoted) {
      return e;
    }
    ErrorDetails.Builder details = e.details().toBuilder();
    if (vendorMessage != null) {
      details.vendorMessage(mask(vendorMessage, secrets));
    }
    ErrorDetails d = details.build();
    String message = mask(plain, secrets);
    if (e instanceof RateLimitedException) {
      return new RateLimitedException(message, d, ((RateLimitedException) e).retryAfter().orElse(null), null);
    }
    if (e instanceof InvalidRequestException) {
      return new InvalidRequestException(message, d);
    }
    if (e instanceof NotFoundException) {
      return new NotFoundException(message, d);
    }
    if (e instanceof ConflictException) {
      return new ConflictException(message, d);
    }
    if (e instanceof QuotaExceededException) {
      return new QuotaExceededException(message, d);
    }
    if (e instanceof AuthenticationException) {
      return new AuthenticationException(message, d);
    }
    if (e instanceof FeatureNotEnabledException) {
      return new FeatureNotEnabledException(message, d);
    }
    if (e instanceof ProviderUnavailableException) {
      return new ProviderUnavailableException(message, d);
    }
    return new ImException(message, d);
  }

  private static String mask(String text, Collection<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }
}
