package io.imfacade.easemob.family.internal;

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
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps the Easemob family's error answers to the neutral exceptions. The body is {@code {"error",
 * "exception", "error_description", "timestamp", "duration"}} (reference §1.6), or in the 2021
 * user-metadata doc {@code {"desc":"unauthorized", ...}}; a body that is not JSON keeps its status
 * and a short excerpt.
 *
 * <table>
 *   <caption>status to exception</caption>
 *   <tr><td>400, 405, 406, 413, 414, 415, other 4xx</td><td>{@link InvalidRequestException};
 *       but a 400 "Some users are not in the group: ..." (seed 001) and a 400 "updateRemark they
 *       are not friends, please add as a friend first." (the remark page) are {@link
 *       NotFoundException}s: the neutral contracts promise "not found" for a non-member and for a
 *       remark between non-contacts</td></tr>
 *   <tr><td>401</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>402, 403</td><td>"not allow" / "unopened" / "not open": {@link
 *       FeatureNotEnabledException}; "exceed allowed batch size" (Agora's 2021 page answers it with
 *       403) and "... exceeds the current mysql column size, {}Bytes" (seed 000:
 *       one attribute over its field length) {@link InvalidRequestException}; "exceed" / "size" /
 *       "limit": {@link QuotaExceededException}; otherwise {@link InvalidRequestException}</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>408, 5xx</td><td>{@link ProviderUnavailableException}, retryable</td></tr>
 *   <tr><td>409</td><td>{@link ConflictException}, retryable (a concurrent write)</td></tr>
 *   <tr><td>429, or vendor code {@code reach_limit} / {@code resource_limited}</td><td>{@link
 *       RateLimitedException} with the transport's parsed and capped {@code Retry-After}
 *       when present (the vendor documents none, facts §9)</td></tr>
 * </table>
 */
final class EasemobErrorMapper implements ErrorMapper {

  private static final int EXCERPT = 200;

  // Its own mapper: error bodies are read as trees, with nothing to configure.
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ImException fromHttpFailure(HttpFailure failure) {
    int status = failure.status();
    VendorError vendor = parse(failure.body());
    ErrorDetails.Builder details = ErrorDetails.builder()
        .provider(failure.provider())
        .operation(failure.operation().name())
        .httpStatus(status)
        .vendorCode(vendor.code())
        .vendorMessage(vendor.message())
        .requestId(failure.requestId().orElse(null));
    String text = (Objects.toString(vendor.code(), "") + " " + Objects.toString(vendor.message(), "")).toLowerCase(Locale.ROOT);

    if (status == 429 || "reach_limit".equals(vendor.code()) || "resource_limited".equals(vendor.code())) {
      return new RateLimitedException("rate limited by the vendor", details.build(),
          failure.retryAfter().orElse(null), null);
    }
    if (status == 401) {
      return new AuthenticationException("the vendor refused the credentials", details.build());
    }
    if (status == 402 || status == 403) {
      if (text.contains("not allow") || text.contains("unopened") || text.contains("not open")) {
        return new FeatureNotEnabledException("the feature is not enabled for this app", details.build());
      }
      if (text.contains("batch size")) {
        // "exceed allowed batch size 100": 400 BAD_REQUEST now, 403 with {"desc"} in Agora's 2021
        // page; either way a request too large, not a quota of the app.
        return new InvalidRequestException("the request holds more items than the vendor takes at once", details.build());
      }
      if (text.contains("mysql column size")) {
        // Seed 000: "单个用户的用户属性超过字段长度限制" — one field over its length, not the 2 KB quota.
        return new InvalidRequestException("an attribute is longer than the vendor's field allows", details.build());
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
      if (text.contains("not friends")) {
        return new NotFoundException("the two users are not contacts", details.build());
      }
      return new InvalidRequestException("the vendor refused the request as invalid", details.build());
    }
    return new ProviderUnavailableException("unexpected answer from the vendor", details.build());
  }

  /** The vendor code and message of a body, or an excerpt of a body that is not JSON. */
  private static VendorError parse(String body) {
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

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private record VendorError(@Nullable String code, @Nullable String message) {}
}
