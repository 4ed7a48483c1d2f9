package io.imfacade.spring.boot.internal;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;

/**
 * The HTTP answer to each neutral exception. The caller's mistakes are 4xx with the exception's
 * message as the detail (it names the field and the limit; the exceptions never carry a secret);
 * the server's and the vendor's problems are 5xx with a fixed detail, so that no vendor text, host
 * name or configuration key reaches an HTTP client (they are logged instead).
 */
public enum ProblemKind {

  /** Bad input, refused before any vendor call or by the vendor: the caller can fix it. */
  INVALID_REQUEST(InvalidRequestException.class, 400, "invalid-request", "Invalid request", null),
  /** The user, group or relation does not exist. */
  NOT_FOUND(NotFoundException.class, 404, "not-found", "Not found", null),
  /** A concurrent change of the same data: retrying later may succeed. */
  CONFLICT(ConflictException.class, 409, "conflict", "Conflict", null),
  /**
   * A size or count limit (attributes over the vendor's total size, a full block list): the
   * request is well-formed but cannot be carried out as it is, and repeating it will not help, so
   * 422 rather than a 5xx that clients and monitors would treat as an outage.
   */
  QUOTA_EXCEEDED(QuotaExceededException.class, 422, "quota-exceeded", "Quota exceeded", null),
  /** The vendor rate-limited the application: with {@code Retry-After} when the vendor said how long. */
  RATE_LIMITED(RateLimitedException.class, 429, "rate-limited", "Rate limited", null),
  /**
   * The configured provider does not offer the operation at all (RFC 9110: 501, the server does not
   * support the functionality required).
   */
  UNSUPPORTED_CAPABILITY(UnsupportedCapabilityException.class, 501, "unsupported-capability",
      "Unsupported capability", "The configured IM provider does not offer this operation."),
  /**
   * The vendor refused this server's credentials. Not 401: the HTTP client's own credentials are
   * fine, and it can do nothing about the server's; 502 says an upstream failed the gateway.
   */
  AUTHENTICATION(AuthenticationException.class, 502, "provider-authentication", "IM provider refused the credentials",
      "The IM provider refused this service's credentials."),
  /** The vendor has the feature but it is not enabled for the app: fixed in the vendor's console, not by the client. */
  FEATURE_NOT_ENABLED(FeatureNotEnabledException.class, 502, "feature-not-enabled", "IM provider feature not enabled",
      "The IM provider has not enabled this feature for this service."),
  /** The vendor is unreachable or failing: usually temporary. */
  PROVIDER_UNAVAILABLE(ProviderUnavailableException.class, 503, "provider-unavailable", "IM provider unavailable",
      "The IM provider is unavailable; try again later."),
  /** The service's imfacade configuration is wrong. */
  CONFIGURATION(ConfigurationException.class, 500, "configuration", "IM configuration error",
      "The service's IM configuration is invalid."),
  /** Any other failure (a provider's unexpected error, wrapped by the guard): a server error. */
  OTHER(ImException.class, 500, "error", "IM error", "The IM call failed.");

  private final Class<? extends ImException> type;
  private final int status;
  private final String slug;
  private final String title;
  private final String fixedDetail;

  ProblemKind(Class<? extends ImException> type, int status, String slug, String title, String fixedDetail) {
    this.type = type;
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.fixedDetail = fixedDetail;
  }

  /** The kind of {@code failure}: the first whose exception class it is an instance of. */
  public static ProblemKind of(ImException failure) {
    for (ProblemKind kind : values()) {
      if (kind.type.isInstance(failure)) {
        return kind;
      }
    }
    return OTHER;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The last segment of the problem's type URI, such as {@code not-found}. */
  public String slug() {
    return slug;
  }

  /** The problem's title, the same for every occurrence of the kind. */
  public String title() {
    return title;
  }

  /** The detail to show for {@code failure}: its message for a client error, a fixed text otherwise. */
  public String detail(ImException failure) {
    if (fixedDetail != null) {
      return fixedDetail;
    }
    String message = failure.plainMessage();
    return message == null || message.isBlank() ? title : message;
  }

  /** Whether the status is a server error (5xx). */
  public boolean serverError() {
    return status >= 500;
  }
}
