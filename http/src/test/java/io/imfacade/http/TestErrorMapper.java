package io.imfacade.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Easemob-like error mapper for the transport tests: {@code {error, error_description}} bodies,
 * the status decides the type. Records what it was given.
 */
final class TestErrorMapper implements ErrorMapper {

  private static final ObjectMapper JSON = HttpClients.json();

  final List<HttpFailure> failures = new CopyOnWriteArrayList<>();

  @Override
  public ImException fromHttpFailure(HttpFailure failure) {
    failures.add(failure);
    String code = null;
    String message = null;
    try {
      JsonNode node = JSON.readTree(failure.body());
      if (node != null && node.isObject()) {
        code = node.path("error").asText(null);
        message = node.path("error_description").asText(null);
      }
    } catch (IOException e) {
      // not JSON: the status alone speaks
    }
    ErrorDetails d = ErrorDetails.builder()
        .provider(failure.provider())
        .operation(failure.operation().name())
        .httpStatus(failure.status())
        .vendorCode(code)
        .vendorMessage(message)
        .requestId(failure.requestId().orElse(null))
        .build();
    int s = failure.status();
    if (s == 400) {
      return new InvalidRequestException("bad request", d);
    } else if (s == 401) {
      return new AuthenticationException("unauthorized", d);
    } else if (s == 404) {
      return new NotFoundException("not found", d);
    } else if (s == 429) {
      // As every mapper must: the wait parsed and capped once by the transport, not the raw header.
      return new RateLimitedException("rate limited", d, failure.retryAfter().orElse(null), null);
    } else if (s >= 500) {
      return new ProviderUnavailableException("vendor failed", d.toBuilder().retryable(true).build());
    }
    return new ImException("failed", d);
  }

  /** NetEase style: HTTP 200 with {@code code} 416 is a rate limit with a 10 s block. */
  @Override
  public Optional<ImException> fromSuccessBody(String provider, Operation operation, Object body) {
    if (body instanceof Map) {
      Object code = ((Map<?, ?>) body).get("code");
      if (code instanceof Number && ((Number) code).intValue() != 200) {
        Object desc = ((Map<?, ?>) body).get("desc");
        ErrorDetails d = ErrorDetails.builder().provider(provider).operation(operation.name())
            .httpStatus(200).vendorCode(code.toString()).vendorMessage(desc == null ? null : desc.toString()).build();
        if (((Number) code).intValue() == 416) {
          return Optional.of(new RateLimitedException("app blocked", d, Duration.ofSeconds(10), null));
        }
        return Optional.of(new ImException("vendor code " + code + (desc == null ? "" : ": " + desc), d));
      }
    }
    return Optional.empty();
  }
}
