package io.imfacade.easemob.family.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.error.AuthenticationException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The family's error table: each documented status and body to its neutral exception. */
class EasemobErrorMapperTest {

  private static final EasemobErrorMapper MAPPER = new EasemobErrorMapper();
  private static final Operation OP = Operation.idempotent("profiles.update");

  private static String body(String error, String description) {
    return "{\"error\":\"" + error + "\",\"exception\":\"EasemobException\",\"timestamp\":1542350943210,"
        + "\"duration\":0,\"error_description\":\"" + description + "\"}";
  }

  static Stream<Arguments> documentedErrors() {
    return Stream.of(
        Arguments.of(400, "illegal_argument", "username is invalid", InvalidRequestException.class, false),
        Arguments.of(400, "json_parse", "Unexpected character", InvalidRequestException.class, false),
        Arguments.of(400, "metadata_error", "exceeds chatgroup user metadata single key limit", InvalidRequestException.class, false),
        Arguments.of(400, "metadata_error", "Some users are not in the group: user99", NotFoundException.class, false),
        Arguments.of(401, "unauthorized", "Unable to authenticate due to expired access token", AuthenticationException.class, false),
        Arguments.of(401, "auth_bad_access_token", "Unable to authenticate due to corrupt access token", AuthenticationException.class, false),
        Arguments.of(401, "metadata_error", "auth error", AuthenticationException.class, false),
        Arguments.of(403, "FORBIDDEN", "easemob-demo#testy user metadata service not allow", FeatureNotEnabledException.class, false),
        Arguments.of(403, "forbidden_op", "message recall service is unopened", FeatureNotEnabledException.class, false),
        Arguments.of(403, "metadata_error", "chatgroup user metadata service not allow", FeatureNotEnabledException.class, false),
        Arguments.of(403, "FORBIDDEN", "size of metadata for this single user exceeds the user defined limit, 2048Bytes", QuotaExceededException.class, false),
        Arguments.of(403, "FORBIDDEN", "total size of user metadata for this app exceeds the user defined limit, 10737418240Bytes", QuotaExceededException.class, false),
        Arguments.of(403, "exceed_limit", "user contact number exceed limit", QuotaExceededException.class, false),
        Arguments.of(403, "forbidden_op", "only the owner may do this", InvalidRequestException.class, false),
        Arguments.of(404, "metadata_error", "group not exists", NotFoundException.class, false),
        Arguments.of(404, "MetadataException", "user not in group", NotFoundException.class, false),
        Arguments.of(404, "service_resource_not_found", "Service resource not found", NotFoundException.class, false),
        Arguments.of(404, "organization_application_not_found", "Could not find application for easemob-demo/testy from URI", NotFoundException.class, false),
        Arguments.of(409, "metadata_error", "Failed to operate user metadata. Concurrent operation not allowed", ConflictException.class, true),
        Arguments.of(413, "request_entity_too_large", "Request Entity Too Large", InvalidRequestException.class, false),
        Arguments.of(414, "uri_too_long", "Request-URI Too Long", InvalidRequestException.class, false),
        Arguments.of(415, "web_application", "Unsupported Media Type", InvalidRequestException.class, false),
        Arguments.of(429, "reach_limit", "This request has reached api limit", RateLimitedException.class, true),
        Arguments.of(429, "resource_limited", "You have exceeded the limit of the Free edition", RateLimitedException.class, true),
        Arguments.of(500, "INTERNAL_SERVER_ERROR", "update metadata failed", ProviderUnavailableException.class, true),
        Arguments.of(502, "bad_gateway", "Bad Gateway", ProviderUnavailableException.class, true),
        Arguments.of(503, "service_unavailable", "Service Unavailable", ProviderUnavailableException.class, true),
        Arguments.of(504, "gateway_timeout", "Gateway Timeout", ProviderUnavailableException.class, true),
        Arguments.of(408, "timeout", "Request Timeout", ProviderUnavailableException.class, true));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("documentedErrors")
  void mapsTheDocumentedErrorsKeepingStatusCodeAndMessage(int status, String code, String description,
      Class<? extends ImException> type, boolean retryable) {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, status, body(code, description), null, "req-42"));

    assertThat(e).isInstanceOf(type);
    assertThat(e.provider()).contains("easemob");
    assertThat(e.operation()).contains("profiles.update");
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.vendorCode()).contains(code);
    assertThat(e.vendorMessage()).contains(description);
    assertThat(e.details().requestId()).contains("req-42");
    assertThat(e.isRetryable()).as("retryable").isEqualTo(retryable);
    assertThat(e.getMessage()).contains(description).contains(String.valueOf(status));
  }

  @Test
  void the2021DescBodyIsAnAuthenticationFailureWithItsMessage() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 401,
        "{\"desc\":\"unauthorized\",\"duration\":10,\"timestamp\":1616573382270}", null, null));

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.httpStatus()).hasValue(401);
    assertThat(e.vendorCode()).isEmpty();
    assertThat(e.vendorMessage()).contains("unauthorized");
  }

  @Test
  void aNonJsonBodyKeepsItsStatusAndAnExcerpt() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 502,
        "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>", null, null));

    assertThat(e).isInstanceOf(ProviderUnavailableException.class);
    assertThat(e.httpStatus()).hasValue(502);
    assertThat(e.vendorCode()).isEmpty();
    assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m).contains("502 Bad Gateway").doesNotContain("\n"));
  }

  @Test
  void anEmptyBodyKeepsItsStatus() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 404, "", null, null));

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.httpStatus()).hasValue(404);
    assertThat(e.vendorMessage()).isEmpty();
  }

  @Test
  void aLongNonJsonBodyIsCut() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 500, "x".repeat(5000), null, null));

    assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m.length()).isLessThan(300));
  }

  /** The transport parses and caps {@code Retry-After} once; the mapper keeps what it got. */
  @Test
  void theTransportsRetryAfterIsKept() {
    ImException e = MAPPER.fromHttpFailure(
        new HttpFailure("easemob", OP, 429, body("reach_limit", "This request has reached api limit"), Duration.ofSeconds(7), null));

    assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
        limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void retryAfterAbsentIsEmpty() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 429, body("reach_limit", "limit"), null, null));

    assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
        limited -> assertThat(limited.retryAfter()).isEmpty());
  }

  @Test
  void aRateLimitCodeUnderAnotherStatusIsStillRateLimited() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 403, body("reach_limit", "too many"), null, null));

    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(e.httpStatus()).hasValue(403);
  }

  @Test
  void theNamesOfMembersNotInTheGroupAreRead() {
    ImException e = MAPPER.fromHttpFailure(new HttpFailure("easemob", OP, 400,
        body("metadata_error", "Some users are not in the group: User99, user7,[u-8]"), null, null));

    assertThat(FamilyMemberAttributes.notInGroup(e)).containsExactly("user99", "user7", "u-8");
  }
}
