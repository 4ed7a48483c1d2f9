package io.imfacade.netease.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.imfacade.http.HttpFailure;
import io.imfacade.http.Operation;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The code table of {@link NeteaseErrorMapper}, body codes and HTTP statuses. */
class NeteaseErrorMapperTest {

  private static final Operation OP = Operation.idempotent("profiles.getAll");
  private final NeteaseErrorMapper mapper = new NeteaseErrorMapper();

  private static Wire.Envelope body(Integer code, String desc) {
    return new Wire.Status(code, desc);
  }

  private ImException map(int code, String desc) {
    Optional<ImException> mapped = mapper.fromSuccessBody("netease", OP, body(code, desc));
    assertThat(mapped).as("code %d is a failure", code).isPresent();
    return mapped.get();
  }

  static Stream<Arguments> bodyCodes() {
    return Stream.of(
        Arguments.of(414, "parameter error", InvalidRequestException.class, false),
        Arguments.of(416, "api frequency out of limit", RateLimitedException.class, true),
        Arguments.of(403, "illegal op", FeatureNotEnabledException.class, false),
        Arguments.of(404, "accid not exist: bob", NotFoundException.class, false),
        Arguments.of(419, "friend count exceeds the limit", QuotaExceededException.class, false),
        Arguments.of(431, "http request repeated", ConflictException.class, true),
        Arguments.of(417, "repeated operation", ConflictException.class, false),
        Arguments.of(408, "timeout", ProviderUnavailableException.class, true),
        Arguments.of(500, "server error", ProviderUnavailableException.class, true),
        Arguments.of(503, "server busy", ProviderUnavailableException.class, true),
        Arguments.of(514, "service unavailable", ProviderUnavailableException.class, true),
        Arguments.of(998, "unpack error", ProviderUnavailableException.class, true),
        Arguments.of(999, "pack error", ProviderUnavailableException.class, true),
        Arguments.of(599, "unlisted 5xx", ProviderUnavailableException.class, true),
        Arguments.of(801, "team full", QuotaExceededException.class, false),
        Arguments.of(802, "no permission", InvalidRequestException.class, false),
        Arguments.of(803, "team not exist", NotFoundException.class, false),
        Arguments.of(804, "user not in team", NotFoundException.class, false),
        Arguments.of(805, "team type mismatch", InvalidRequestException.class, false),
        Arguments.of(806, "too many teams", QuotaExceededException.class, false),
        Arguments.of(807, "member state error", ConflictException.class, false),
        Arguments.of(808, "applied", ConflictException.class, false),
        Arguments.of(809, "already in team", ConflictException.class, false),
        Arguments.of(810, "invited", ConflictException.class, false),
        Arguments.of(302, "wrong user or password", AuthenticationException.class, false),
        Arguments.of(315, "ip restricted", AuthenticationException.class, false),
        Arguments.of(405, "parameter too long", InvalidRequestException.class, false),
        Arguments.of(422, "account disabled", InvalidRequestException.class, false));
  }

  @ParameterizedTest(name = "code {0} -> {2}")
  @MethodSource("bodyCodes")
  void bodyCodeMapsToTheNeutralKindKeepingCodeAndDesc(int code, String desc, Class<? extends ImException> type, boolean retryable) {
    ImException e = map(code, desc);

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.vendorCode()).contains(Integer.toString(code));
    assertThat(e.vendorMessage()).contains(desc);
    assertThat(e.provider()).contains("netease");
    assertThat(e.operation()).contains("profiles.getAll");
    assertThat(e.httpStatus()).hasValue(200);
    assertThat(e.isRetryable()).as("retryable").isEqualTo(retryable);
    assertThat(e.getMessage()).contains(desc);
  }

  @Test
  void rateLimitCarriesTheDocumentedTenSecondBlock() {
    assertThat(map(416, "api frequency out of limit")).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(10)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "checksum error",
      "checksum expired: CurTime is more than 5 minutes away",
      "bad http header: unknown AppKey",
      "Nonce is too long",
      "CurTime invalid",
  })
  void signatureComplaintsUnder414AreAuthenticationFailures(String desc) {
    ImException e = map(414, desc);
    assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(e.vendorCode()).contains("414");
    assertThat(e.vendorMessage()).contains(desc);
  }

  @Test
  void successAndUnknownCodes() {
    assertThat(mapper.fromSuccessBody("netease", OP, body(200, null))).isEmpty();
    ImException unknown = map(777, "something new");
    assertThat(unknown).isExactlyInstanceOf(ImException.class);
    assertThat(unknown.vendorCode()).contains("777");
    assertThat(unknown.getMessage()).contains("777");
  }

  @Test
  void answersWithoutCodeOrBodyAreUnavailable() {
    assertThat(mapper.fromSuccessBody("netease", OP, body(null, null)))
        .hasValueSatisfying(e -> assertThat(e).isExactlyInstanceOf(ProviderUnavailableException.class));
    assertThat(mapper.fromSuccessBody("netease", OP, null))
        .hasValueSatisfying(e -> assertThat(e).isExactlyInstanceOf(ProviderUnavailableException.class));
  }

  static Stream<Arguments> httpStatuses() {
    return Stream.of(
        Arguments.of(500, "{\"code\":500,\"desc\":\"server error\"}", ProviderUnavailableException.class, true, "500", "server error"),
        Arguments.of(502, "<html>Bad Gateway</html>", ProviderUnavailableException.class, true, null, "<html>Bad Gateway</html>"),
        Arguments.of(503, "", ProviderUnavailableException.class, true, null, null),
        Arguments.of(504, "<html>\n  Gateway   Timeout\n</html>", ProviderUnavailableException.class, true, null, "<html> Gateway Timeout </html>"),
        Arguments.of(501, "not implemented", ProviderUnavailableException.class, false, null, "not implemented"),
        Arguments.of(408, "", ProviderUnavailableException.class, true, null, null),
        Arguments.of(401, "denied", AuthenticationException.class, false, null, "denied"),
        Arguments.of(403, "<h1>Forbidden</h1>", AuthenticationException.class, false, null, "<h1>Forbidden</h1>"),
        Arguments.of(404, "{\"code\":404,\"desc\":\"api not found\"}", ConfigurationException.class, false, "404", "api not found"),
        Arguments.of(405, "", ConfigurationException.class, false, null, null),
        Arguments.of(400, "bad", InvalidRequestException.class, false, null, "bad"),
        Arguments.of(413, "too large", InvalidRequestException.class, false, null, "too large"));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("httpStatuses")
  void httpStatusIsATransportFailureKeepingTheStatus(int status, String body, Class<? extends ImException> type,
      boolean retryable, String vendorCode, String vendorMessage) {
    ImException e = mapper.fromHttpFailure(new HttpFailure("netease", OP, status, body, null, "req-1"));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.isRetryable()).as("retryable").isEqualTo(retryable);
    assertThat(e.vendorCode()).isEqualTo(Optional.ofNullable(vendorCode));
    assertThat(e.vendorMessage()).isEqualTo(Optional.ofNullable(vendorMessage));
    assertThat(e.details().requestId()).contains("req-1");
  }

  /** The wait comes parsed and capped by the transport: the mapper reads it, never the header. */
  @Test
  void http429IsRateLimitedWithTheTransportsRetryAfter() {
    ImException e = mapper.fromHttpFailure(new HttpFailure("netease", OP, 429, "", Duration.ofSeconds(3), null));
    assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
        r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(3)));
    ImException without = mapper.fromHttpFailure(new HttpFailure("netease", OP, 429, "", null, null));
    assertThat(without).isInstanceOfSatisfying(RateLimitedException.class, r -> assertThat(r.retryAfter()).isEmpty());
  }

  @Test
  void aLongNonJsonBodyIsCutToAnExcerpt() {
    ImException e = mapper.fromHttpFailure(new HttpFailure("netease", OP, 502, "x".repeat(5000), null, null));
    assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m).hasSize(203).endsWith("..."));
  }

  /** The email refusal {@code "<value> not email"} (netease-facts §3) names the field; other 414s name none. */
  @Test
  void theEmailRefusalNamesTheEmailField() {
    ImException email = map(414, "张三@例子.中国 not email");
    ImException other = map(414, "mobile not a phone number");
    ImException notEmailAlone = map(414, "not email");

    assertThat(email).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.field()).contains("email");
      assertThat(e.vendorMessage()).contains("张三@例子.中国 not email");
      assertThat(e.isRetryable()).isFalse();
    });
    assertThat(other).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEmpty());
    assertThat(notEmailAlone).as("no value before it: not the observed form")
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEmpty());
    assertThat(map(404, "x not email")).as("only a 414").isExactlyInstanceOf(NotFoundException.class);
  }
}
