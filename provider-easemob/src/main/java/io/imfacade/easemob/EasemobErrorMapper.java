package io.imfacade.easemob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.imfacade.http.ErrorMapper;
import io.imfacade.http.HttpFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps the Easemob family's error answers to the neutral exceptions. The body is {@code {"error",
 * "exception", "error_description", "timestamp", "duration"}} (reference §1.6), or in the 2021
 * user-metadata doc {@code {"desc":"unauthorized", ...}}; a body that is not JSON keeps its status
 * and a short excerpt.
 *
 * <table>
 *   <caption>status to exception</caption>
 *   <tr><td>400, 405, 406, 413, 414, 415, other 4xx</td><td>{@link InvalidRequestException}
 *       (a 400 "Some users are not in the group: ..." is a {@link NotFoundException})</td></tr>
 *   <tr><td>401</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>402, 403</td><td>"not allow" / "unopened" / "not open": {@link
 *       FeatureNotEnabledException}; "exceed" / "size" / "limit": {@link QuotaExceededException};
 *       otherwise {@link InvalidRequestException}</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>408, 5xx</td><td>{@link ProviderUnavailableException}, retryable</td></tr>
 *   <tr><td>409</td><td>{@link ConflictException}, retryable (a concurrent write)</td></tr>
 *   <tr><td>429, or vendor code {@code reach_limit} / {@code resource_limited}</td><td>{@link
 *       RateLimitedException} with {@code Retry-After} when present</td></tr>
 * </table>
 */
final class EasemobErrorMapper implements ErrorMapper {

  private static final int EXCERPT = 200;

  private final Clock clock;
  // Its own mapper: error bodies are read as trees, with nothing to configure.
  private static final ObjectMapper JSON = new ObjectMapper();

  EasemobErrorMapper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ImException fromHttpFailure(HttpFailure failure) {
    int status = failure.status();
    VendorError vendor = parse(failure.body());
    ErrorDetails.Builder details = ErrorDetails.builder()
        .provider(failure.provider())
        .operation(failure.operation().name())
        .httpStatus(status)
        .vendorCode(vendor.code)
        .vendorMessage(vendor.message)
        .requestId(failure.requestId().orElse(null));
    String text = ((vendor.code == null ? "" : vendor.code) + " " + (vendor.message == null ? "" : vendor.message))
        .toLowerCase(Locale.ROOT);

    if (status == 429 || "reach_limit".equals(vendor.code) || "resource_limited".equals(vendor.code)) {
      return new RateLimitedException("rate limited by the vendor", details.build(),
          retryAfter(failure.retryAfterHeader().orElse(null)), null);
    }
    if (status == 401) {
      return new AuthenticationException("the vendor refused the credentials", details.build());
    }
    if (status == 402 || status == 403) {
      if (text.contains("not allow") || text.contains("unopened") || text.contains("not open")) {
        return new FeatureNotEnabledException("the feature is not enabled for this app", details.build());
      }
      if (text.contains("exceed") || text.contains("size") || text.contains("limit")) {
        return new QuotaExceededException("a vendor quota would be exceeded", details.build());
      }
      return new InvalidRequestException("the vendor forbids this operation", details.build());
    }
    if (status == 404) {
      return new NotFoundException("not found", details.build());
    }
    if (status == 409) {
      return new ConflictException("the vendor refused a concurrent modification", details.retryable(true).build());
    }
    if (status == 408 || status >= 500) {
      return new ProviderUnavailableException("the vendor is unavailable", details.retryable(true).build());
    }
    if (status >= 400) {
      if (text.contains("not in the group") || text.contains("not in group")) {
        return new NotFoundException("user not in group", details.build());
      }
      return new InvalidRequestException("the vendor refused the request as invalid", details.build());
    }
    return new ProviderUnavailableException("unexpected answer from the vendor", details.build());
  }

  /** The vendor code and message of a body, or an excerpt of a body that is not JSON. */
  private VendorError parse(String body) {
    if (body == null || body.isBlank()) {
      return new VendorError(null, null);
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return new VendorError(null, excerpt(body));
    }
    String code = Wire.text(node.get("error"));
    String message = Wire.text(node.get("error_description"));
    if (message == null) {
      message = Wire.text(node.get("desc")); // the 2021 body {"desc":"unauthorized",...}
    }
    return new VendorError(blankToNull(code), blankToNull(message));
  }

  private static String excerpt(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  private Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    try {
      long seconds = Long.parseLong(h);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      // an HTTP date, below
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final class VendorError {
    final String code;
    final String message;

    VendorError(String code, String message) {
      this.code = code;
      this.message = message;
    }
  }
}
