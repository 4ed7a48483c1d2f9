package io.imfacade.netease.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.imfacade.http.ErrorMapper;
import io.imfacade.http.HttpFailure;
import io.imfacade.http.Operation;
import io.imfacade.netease.NeteaseProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps NetEase's answers to the neutral exceptions, keeping the body {@code code} as the vendor
 * code and {@code desc} as the vendor message.
 *
 * <p><b>Business results</b> come with HTTP 200 and the status in the body {@code code}
 * (netease-facts §0, §8); {@link #fromSuccessBody} maps every code other than 200:
 *
 * <table>
 *   <caption>body code to exception</caption>
 *   <tr><td>414 parameter error</td><td>{@link InvalidRequestException}; when {@code desc} speaks
 *       of the signature ({@code checksum}, {@code AppKey}, {@code Nonce}, {@code CurTime}, "http
 *       header") an {@link AuthenticationException}: NetEase reports a bad CheckSum as a 414; when
 *       it is {@code "<value> not email"} (the observed refusal of a malformed email, netease-facts
 *       §3) the exception names the field {@code email}</td></tr>
 *   <tr><td>416 frequency control</td><td>{@link RateLimitedException} with a retry-after of 10 s,
 *       the documented block (§7): the transport then pauses the whole app's limiter that long</td></tr>
 *   <tr><td>403 illegal operation / no permission</td><td>{@link FeatureNotEnabledException}: the
 *       credentials are fine (they would fail with 414), so the operation itself is refused for this
 *       app, typically a service not enabled in the console</td></tr>
 *   <tr><td>404, 803 team not found, 804 user not in team</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>419 count over limit, 801 team full, 806 too many teams</td><td>{@link
 *       QuotaExceededException}</td></tr>
 *   <tr><td>431 HTTP request repeated</td><td>{@link ConflictException}, retryable: a new request
 *       (new nonce) is not a repeat</td></tr>
 *   <tr><td>417 repeated operation, 807-810 team member states</td><td>{@link ConflictException}</td></tr>
 *   <tr><td>408, 500, 503, 514, 998, 999 and any other 5xx code</td><td>{@link
 *       ProviderUnavailableException}, retryable</td></tr>
 *   <tr><td>302 wrong credentials, 315 IP not allowed</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>301 / 422 disabled, 405 too long, 406 read-only, 509 invalid, 802 no team permission
 *       (a property of the {@code owner} the request names), 805 team type mismatch</td><td>{@link
 *       InvalidRequestException}</td></tr>
 *   <tr><td>any other code</td><td>{@link ImException} naming the code</td></tr>
 * </table>
 *
 * <p><b>A non-200 HTTP status</b> is a transport failure ({@link #fromHttpFailure}): 408 and 5xx
 * are {@link ProviderUnavailableException} (retryable for 408, 500, 502, 503, 504), 429 a {@link
 * RateLimitedException} with the transport's parsed {@code Retry-After}, 401 and 403 an {@link
 * AuthenticationException} (a gateway refusing the caller), 404 and 405 a {@link
 * ConfigurationException} (no such endpoint under {@code netease.baseUrl}), other 4xx an {@link
 * InvalidRequestException}. A JSON body's {@code code} and {@code desc} are kept; a body that is
 * not JSON (a gateway's HTML page) is kept as a short excerpt.
 */
final class NeteaseErrorMapper implements ErrorMapper {

  /** How long NetEase blocks an app that went over its rate (netease-facts §7). */
  static final Duration RATE_LIMIT_BLOCK = Duration.ofSeconds(10);

  /** The neutral name of the email field. */
  static final String EMAIL_FIELD = io.imfacade.profile.ProfileField.EMAIL.fieldName();
  private static final int EXCERPT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 500, 502, 503, 504);

  /** The neutral kinds a code maps to. */
  enum Kind { INVALID, AUTHENTICATION, FEATURE_NOT_ENABLED, NOT_FOUND, QUOTA, CONFLICT, RATE_LIMITED, UNAVAILABLE }

  /** What one body code means. */
  record Rule(Kind kind, String message, boolean retryable) {}

  private static final Rule UNAVAILABLE = new Rule(Kind.UNAVAILABLE, "the vendor is unavailable", true);
  private static final Map<Integer, Rule> CODES = new HashMap<>();

  static {
    put(Kind.INVALID, "the vendor refused the request's parameters", false, 414);
    put(Kind.RATE_LIMITED, "rate limited by the vendor: the app is blocked for 10 seconds", true, 416);
    put(Kind.FEATURE_NOT_ENABLED, "the vendor does not allow this operation for this app (illegal operation or no permission)", false, 403);
    put(Kind.NOT_FOUND, "not found", false, 404);
    put(Kind.NOT_FOUND, "team not found", false, 803);
    put(Kind.NOT_FOUND, "user not in team", false, 804);
    put(Kind.QUOTA, "a vendor count limit would be exceeded", false, 419);
    put(Kind.QUOTA, "the team is full", false, 801);
    put(Kind.QUOTA, "the user has created too many teams", false, 806);
    put(Kind.CONFLICT, "the vendor refused a repeated HTTP request", true, 431);
    put(Kind.CONFLICT, "the vendor refused a repeated operation", false, 417);
    put(Kind.CONFLICT, "the team member's state does not allow this", false, 807, 808, 809, 810);
    put(Kind.UNAVAILABLE, UNAVAILABLE.message(), true, 408, 500, 503, 514, 998, 999);
    put(Kind.AUTHENTICATION, "the vendor refused the credentials", false, 302, 315);
    put(Kind.INVALID, "the account is disabled", false, 301, 422);
    put(Kind.INVALID, "a parameter is too long", false, 405);
    put(Kind.INVALID, "the object is read-only", false, 406);
    put(Kind.INVALID, "the request is invalid", false, 509);
    put(Kind.INVALID, "no permission for this team operation", false, 802);
    put(Kind.INVALID, "wrong team type for this operation", false, 805);
  }

  private static void put(Kind kind, String message, boolean retryable, int... codes) {
    for (int code : codes) {
      CODES.put(code, new Rule(kind, message, retryable));
    }
  }

  /** The rule for a body code: the table, else 5xx as unavailable; null for unknown codes. */
  static @Nullable Rule rule(int code) {
    Rule rule = CODES.get(code);
    return rule == null && code >= 500 && code <= 599 ? UNAVAILABLE : rule;
  }

  @Override
  public Optional<ImException> fromSuccessBody(String provider, Operation operation, @Nullable Object body) {
    if (body instanceof Wire.Envelope ok && Integer.valueOf(200).equals(ok.code())) {
      return Optional.empty(); // the usual answer: nothing to build
    }
    ErrorDetails.Builder details = ErrorDetails.builder().provider(provider).operation(operation.name()).httpStatus(200);
    if (!(body instanceof Wire.Envelope envelope)) {
      return Optional.of(new ProviderUnavailableException("empty answer from the vendor", details.build()));
    }
    Integer code = envelope.code();
    if (code == null) {
      return Optional.of(new ProviderUnavailableException("answer without a code from the vendor",
          details.vendorMessage(blankToNull(envelope.desc())).build()));
    }
    return Optional.of(fromCode(code, envelope.desc(), details)); // not 200: that returned above
  }

  /** The exception for a body code other than 200. */
  static ImException fromCode(int code, @Nullable String desc, ErrorDetails.Builder details) {
    details.vendorCode(Integer.toString(code)).vendorMessage(blankToNull(desc));
    Rule rule = rule(code);
    if (rule == null) {
      return new ImException("the vendor answered code " + code, details.build());
    }
    if (code == 414 && isSignatureComplaint(desc)) {
      return new AuthenticationException("the vendor refused the request signature", details.retryable(false).build());
    }
    if (code == 414 && isEmailComplaint(desc)) {
      return new InvalidRequestException("the vendor refused the email address as malformed", EMAIL_FIELD,
          details.retryable(false).build(), null);
    }
    ErrorDetails d = details.retryable(rule.retryable()).build();
    String message = rule.message();
    return switch (rule.kind()) {
      case INVALID -> new InvalidRequestException(message, d);
      case AUTHENTICATION -> new AuthenticationException(message, d);
      case FEATURE_NOT_ENABLED -> new FeatureNotEnabledException(message, d);
      case NOT_FOUND -> new NotFoundException(message, d);
      case QUOTA -> new QuotaExceededException(message, d);
      case CONFLICT -> new ConflictException(message, d);
      case RATE_LIMITED -> new RateLimitedException(message, d, RATE_LIMIT_BLOCK, null);
      case UNAVAILABLE -> new ProviderUnavailableException(message, d);
    };
  }

  /**
   * Whether a 414's {@code desc} is the email format refusal, {@code "<value> not email"}: the one
   * recorded answer is {@code {"desc":"邮件 not email","code":414}} (netease-facts §3).
   */
  static boolean isEmailComplaint(@Nullable String desc) {
    return desc != null && desc.endsWith(" not email");
  }

  /** Whether a 414's {@code desc} is about the CheckSum headers rather than a parameter. */
  static boolean isSignatureComplaint(@Nullable String desc) {
    if (desc == null) {
      return false;
    }
    String d = desc.toLowerCase(Locale.ROOT);
    return d.contains("checksum") || d.contains("appkey") || d.contains("nonce") || d.contains("curtime")
        || d.contains("http header");
  }

  @Override
  public ImException fromHttpFailure(HttpFailure failure) {
    int status = failure.status();
    ErrorDetails.Builder details = ErrorDetails.builder()
        .provider(failure.provider())
        .operation(failure.operation().name())
        .httpStatus(status)
        .requestId(failure.requestId().orElse(null));
    JsonNode json = parse(failure.body());
    if (json != null && json.isObject()) {
      JsonNode code = json.get("code");
      if (code != null && (code.isNumber() || code.isTextual()) && !code.asText().isBlank()) {
        details.vendorCode(code.asText());
      }
      JsonNode desc = json.get("desc");
      if (desc != null && desc.isTextual()) {
        details.vendorMessage(blankToNull(desc.asText()));
      }
    } else if (!failure.body().isBlank()) {
      details.vendorMessage(excerpt(failure.body()));
    }

    if (status == 429) {
      return new RateLimitedException("rate limited by the vendor (HTTP 429)", details.build(),
          failure.retryAfter().orElse(null), null);
    }
    if (status == 408 || status >= 500) {
      return new ProviderUnavailableException("the vendor is unavailable",
          details.retryable(TRANSIENT_STATUSES.contains(status)).build());
    }
    if (status == 401 || status == 403) {
      return new AuthenticationException("the vendor's gateway refused the caller", details.build());
    }
    if (status == 404 || status == 405) {
      return new ConfigurationException("the vendor has no such endpoint: check " + NeteaseProvider.BASE_URL
          + " (the host without /nimserver)", details.build());
    }
    if (status >= 400) {
      return new InvalidRequestException("the vendor refused the request", details.build());
    }
    return new ProviderUnavailableException("unexpected HTTP status from the vendor", details.build());
  }

  private static @Nullable JsonNode parse(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return Wire.isBlank(s) ? null : s;
  }

  private static String excerpt(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
  }
}
