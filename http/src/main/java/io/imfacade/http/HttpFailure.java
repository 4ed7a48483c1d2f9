package io.imfacade.http;

import java.util.Objects;
import java.util.Optional;

/**
 * What the transport knows of a failed HTTP answer, for an {@link ErrorMapper}: the status, the
 * raw body (truncated to a few KB) and selected headers. Immutable.
 *
 * <p>The transport has already replaced the bearer token of the call with {@code ****} should the
 * vendor have echoed it in the body.
 */
public final class HttpFailure {

  private final String provider;
  private final Operation operation;
  private final int status;
  private final String body;
  private final String retryAfterHeader;
  private final String requestId;

  private HttpFailure(String provider, Operation operation, int status, String body, String retryAfterHeader, String requestId) {
    this.provider = provider;
    this.operation = operation;
    this.status = status;
    this.body = body;
    this.retryAfterHeader = retryAfterHeader;
    this.requestId = requestId;
  }

  /** A failure description. */
  public static HttpFailure of(String provider, Operation operation, int status, String body, String retryAfterHeader, String requestId) {
    return new HttpFailure(
        Objects.requireNonNull(provider, "provider"),
        Objects.requireNonNull(operation, "operation"),
        status,
        body == null ? "" : body,
        blankToNull(retryAfterHeader),
        blankToNull(requestId));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The provider id. */
  public String provider() {
    return provider;
  }

  /** The operation. */
  public Operation operation() {
    return operation;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The response body as text; empty string when none. */
  public String body() {
    return body;
  }

  /** The raw {@code Retry-After} header, if present. */
  public Optional<String> retryAfterHeader() {
    return Optional.ofNullable(retryAfterHeader);
  }

  /** A vendor request id header, if present. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Provider, operation, status and request id; the body is left out. */
  @Override
  public String toString() {
    return "HttpFailure{" + provider + ' ' + operation + " HTTP " + status
        + (requestId == null ? "" : " requestId=" + requestId) + '}';
  }
}
