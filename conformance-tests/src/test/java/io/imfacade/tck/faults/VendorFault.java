package io.imfacade.tck.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.imfacade.error.ImException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;

/**
 * One way a vendor can fail an HTTP request, as a WireMock answer, and what the neutral call must
 * make of it. Bodies that carry text quote the client's configured secret, so that a message that
 * repeats what the vendor said without redacting it is caught.
 *
 * <p>{@link #retried()}: whether the transport may send the request again after the fault: only
 * an idempotent one when the vendor received the request and may have applied it ({@link
 * Retried#IF_IDEMPOTENT}). {@link #wrongShape()}: a 200 whose JSON contradicts
 * the documented answer; an operation whose every answer is documented as status-only (nothing of
 * the body is read, see {@link RemoteOperation#statusOnly}) succeeds on it, every other one fails.
 */
enum VendorFault {

  CONNECTION_RESET("TCP reset before any answer", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  EMPTY_RESPONSE("connection closed without an answer", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  MALFORMED_CHUNK("200 whose chunked body is broken", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  RANDOM_DATA("random bytes instead of HTTP, then close", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT,
      false),
  PAST_READ_TIMEOUT("an answer " + FaultSettings.SLOW_ANSWER.toMillis() + " ms late, past the read timeout",
      ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  SLOW_BODY("200 whose body trickles in for " + FaultSettings.TRICKLE.toMillis() + " ms, past the call deadline, each"
      + " piece within the read timeout", ProviderUnavailableException.class, Retried.NEVER, false),
  HTTP_500("HTTP 500 with the vendor's JSON error", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  HTTP_502("HTTP 502 with a gateway's HTML page", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  HTTP_503("HTTP 503 with the vendor's JSON error", ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false),
  RATE_LIMITED("HTTP 429, Retry-After: 0, on every attempt: retries exhausted", RateLimitedException.class,
      Retried.ALWAYS, false),
  RATE_LIMITED_PAST_DEADLINE("HTTP 429, Retry-After: " + FaultSettings.LONG_RETRY_AFTER.toSeconds()
      + " (past the call deadline)", RateLimitedException.class, Retried.NEVER, false),
  NOT_JSON("200 with an HTML page", ProviderUnavailableException.class, Retried.NEVER, false),
  WRONG_SHAPE("200 with JSON whose documented fields have the wrong type", ProviderUnavailableException.class,
      Retried.NEVER, true),
  NOT_AN_OBJECT("200 with a JSON array where an object is documented", ProviderUnavailableException.class,
      Retried.NEVER, false),
  LARGE_BODY("200 with " + FaultSettings.LARGE_BODY_BYTES / (1024 * 1024) + " MB of wrongly shaped JSON",
      ProviderUnavailableException.class, Retried.NEVER, true),
  LARGE_ERROR("HTTP 503 with a " + FaultSettings.LARGE_BODY_BYTES / (1024 * 1024) + " MB HTML page",
      ProviderUnavailableException.class, Retried.IF_IDEMPOTENT, false);

  /** Whether the transport sends a request again after this fault (within the attempts and the deadline). */
  enum Retried {
    /** Always: the vendor did not process the request (a rate-limit answer that asks for no wait). */
    ALWAYS,
    /** Only an idempotent request: the vendor may have applied it. */
    IF_IDEMPOTENT,
    /** Never: repeating cannot help (a success answer that cannot be read), or the wait passes the deadline. */
    NEVER
  }

  private final String description;
  private final Class<? extends ImException> expected;
  private final Retried retried;
  private final boolean wrongShape;

  VendorFault(String description, Class<? extends ImException> expected, Retried retried, boolean wrongShape) {
    this.description = description;
    this.expected = expected;
    this.retried = retried;
    this.wrongShape = wrongShape;
  }

  /** What the vendor does, in words. */
  String description() {
    return description;
  }

  /** The neutral exception every call ended by this fault must throw (or report per member). */
  Class<? extends ImException> expected() {
    return expected;
  }

  /** Whether the transport sends a request again after this fault. */
  Retried retried() {
    return retried;
  }

  /**
   * How many times a request meeting this fault on every attempt is sent, with {@link
   * FaultSettings#MAX_ATTEMPTS} attempts and a deadline long enough for all of them.
   *
   * @param idempotent whether the provider declares the request repeatable
   */
  int attempts(boolean idempotent) {
    boolean again = retried == Retried.ALWAYS || (retried == Retried.IF_IDEMPOTENT && idempotent);
    return again ? FaultSettings.MAX_ATTEMPTS : 1;
  }

  /** A 200 whose JSON contradicts the documented answer. */
  boolean wrongShape() {
    return wrongShape;
  }

  /**
   * The answer of a vendor of {@code family} failing this way, quoting {@code secret}. Never
   * compressed, whatever the server does otherwise: a compressing server holds a trickled body
   * back until its buffer fills, and compressing megabytes would only cost time.
   */
  ResponseDefinitionBuilder answer(Vendor.Family family, String secret) {
    return uncompressed(family, secret).withGzipDisabled(true);
  }

  private ResponseDefinitionBuilder uncompressed(Vendor.Family family, String secret) {
    switch (this) {
      case CONNECTION_RESET:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case EMPTY_RESPONSE:
        return aResponse().withFault(Fault.EMPTY_RESPONSE);
      case MALFORMED_CHUNK:
        return aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
      case RANDOM_DATA:
        return aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
      case PAST_READ_TIMEOUT:
        // A plausible success, too late: the client must have given up on it.
        return json(200, plausibleSuccess(family)).withFixedDelay((int) FaultSettings.SLOW_ANSWER.toMillis());
      case SLOW_BODY:
        // A plausible success whose every piece comes in time: only the call deadline ends the wait.
        // The padding is inside the object, so that no parser has the answer before the last piece.
        return json(200, "{" + " ".repeat(FaultSettings.TRICKLE_PIECES * 4) + plausibleSuccess(family).substring(1))
            .withChunkedDribbleDelay(FaultSettings.TRICKLE_PIECES, (int) FaultSettings.TRICKLE.toMillis());
      case HTTP_500:
        return json(500, error(family, 500, "internal_server_error", "boom; client secret " + secret));
      case HTTP_502:
        return html(502, "<html><body>502 Bad Gateway (upstream said: " + secret + ")</body></html>");
      case HTTP_503:
        return json(503, error(family, 503, "service_unavailable", "try later; secret " + secret));
      case RATE_LIMITED:
        return json(429, error(family, 429, "reach_limit", "slow down, holder of " + secret))
            .withHeader("Retry-After", "0");
      case RATE_LIMITED_PAST_DEADLINE:
        return json(429, error(family, 429, "reach_limit", "slow down, holder of " + secret))
            .withHeader("Retry-After", Long.toString(FaultSettings.LONG_RETRY_AFTER.toSeconds()));
      case NOT_JSON:
        return html(200, "<html><body>Maintenance. " + secret + "</body></html>");
      case WRONG_SHAPE:
        return json(200, wrongShape(family));
      case NOT_AN_OBJECT:
        return json(200, "[\"oops\"]");
      case LARGE_BODY:
        return json(200, "{\"padding\":\"" + "x".repeat(FaultSettings.LARGE_BODY_BYTES) + "\","
            + wrongShape(family).substring(1));
      case LARGE_ERROR:
        return html(503, "<html><body>" + secret + " " + "y".repeat(FaultSettings.LARGE_BODY_BYTES) + " " + secret
            + "</body></html>");
      default:
        throw new AssertionError(this);
    }
  }

  /** A success answer in the vendor's envelope, with no payload. */
  private static String plausibleSuccess(Vendor.Family family) {
    return family == Vendor.Family.NETEASE ? "{\"code\":200}" : "{\"data\":{}}";
  }

  /**
   * A 200 whose payload fields are all of the wrong type: {@code data} a string where the
   * Easemob family documents an object, an array or a boolean; NetEase's {@code code} 200 with
   * every documented payload field ({@code uinfos}, {@code friends}, {@code blacklist}, {@code
   * tinfo}, {@code info}, {@code data}, {@code faccid}) a string.
   */
  private static String wrongShape(Vendor.Family family) {
    if (family == Vendor.Family.NETEASE) {
      return "{\"code\":200,\"uinfos\":\"oops\",\"friends\":\"oops\",\"blacklist\":\"oops\",\"tinfo\":\"oops\","
          + "\"info\":\"oops\",\"data\":\"oops\",\"faccid\":\"oops\",\"tid\":{\"oops\":1}}";
    }
    return "{\"data\":\"oops\",\"entities\":\"oops\",\"access_token\":{\"oops\":1}}";
  }

  /** The vendor's error body: Easemob's {@code error}/{@code error_description}, NetEase's {@code code}/{@code desc}. */
  private static String error(Vendor.Family family, int status, String code, String description) {
    if (family == Vendor.Family.NETEASE) {
      return "{\"code\":" + status + ",\"desc\":\"" + description + "\"}";
    }
    return "{\"error\":\"" + code + "\",\"exception\":\"InjectedFault\",\"timestamp\":1700000000000,"
        + "\"duration\":0,\"error_description\":\"" + description + "\"}";
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
  }

  private static ResponseDefinitionBuilder html(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody(body);
  }
}
