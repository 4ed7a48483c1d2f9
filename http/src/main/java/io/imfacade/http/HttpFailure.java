package io.imfacade.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the transport knows of a failed HTTP answer, for an {@link ErrorMapper}: the status, the
 * body (at most 8 KB, every configured secret and the call's token already replaced by {@code
 * ****}), the parsed {@code Retry-After} and a vendor request id.
 *
 * @param provider the provider id
 * @param operation the neutral operation
 * @param status the HTTP status
 * @param body the response body as text; empty when none
 * @param retryAfterWait the wait the {@code Retry-After} header asks for, parsed and capped by
 *     {@link RetryAfter}, or null
 * @param requestIdHeader a vendor request id header, or null
 */
public record HttpFailure(String provider, Operation operation, int status, String body,
    @Nullable Duration retryAfterWait, @Nullable String requestIdHeader) {

  /** Checks the parts. */
  public HttpFailure {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(operation, "operation");
    body = body == null ? "" : body;
    requestIdHeader = requestIdHeader == null || requestIdHeader.isBlank() ? null : requestIdHeader.trim();
  }

  /** The wait {@code Retry-After} asks for, if the header was there and valid. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfterWait);
  }

  /** A vendor request id, if the answer carried one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestIdHeader);
  }

  /** Provider, operation, status and request id; the body is left out. */
  @Override
  public String toString() {
    return "HttpFailure{" + provider + ' ' + operation + " HTTP " + status
        + (requestIdHeader == null ? "" : " requestId=" + requestIdHeader) + '}';
  }
}
