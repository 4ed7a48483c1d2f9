package io.imfacade.spring.boot;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spring.boot.internal.ProblemKind;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers imfacade's exceptions that escape a controller with RFC 9457 problem details:
 *
 * <table>
 *   <caption>Status of each neutral exception</caption>
 *   <tr><th>exception</th><th>status</th></tr>
 *   <tr><td>InvalidRequestException</td><td>400 (with the {@code field})</td></tr>
 *   <tr><td>NotFoundException</td><td>404</td></tr>
 *   <tr><td>ConflictException</td><td>409</td></tr>
 *   <tr><td>QuotaExceededException</td><td>422</td></tr>
 *   <tr><td>RateLimitedException</td><td>429, with {@code Retry-After} in seconds when known</td></tr>
 *   <tr><td>UnsupportedCapabilityException</td><td>501</td></tr>
 *   <tr><td>AuthenticationException, FeatureNotEnabledException</td><td>502</td></tr>
 *   <tr><td>ProviderUnavailableException</td><td>503</td></tr>
 *   <tr><td>ConfigurationException, any other</td><td>500</td></tr>
 * </table>
 *
 * <p>Each problem has a {@code type} ({@code imfacade.web.problem-type-base} followed by the kind,
 * such as {@code urn:imfacade:problem:not-found}), a {@code title}, a {@code detail} and the {@code
 * status}, plus the properties {@code provider}, {@code operation}, {@code tenant} and {@code
 * vendorCode} when the exception has them. The detail of a client error (4xx) is the exception's
 * message, which names the field and the limit and never holds a secret; a server error (5xx) has a
 * fixed detail, and its message is logged instead, so that no vendor text or host name reaches the
 * HTTP client.
 *
 * <p>Ordered like Spring Boot's own problem-details handler (0), ahead of an application's
 * catch-all {@code @ExceptionHandler(Exception.class)}. To map differently, define a bean of this
 * type (a subclass) or set {@code imfacade.web.problem-details=false}.
 */
@RestControllerAdvice
@Order(0)
public class ImExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ImExceptionHandler.class);

  private final String problemTypeBase;

  /**
   * A handler whose problem types start with {@code problemTypeBase}.
   *
   * @param problemTypeBase such as {@code urn:imfacade:problem:} or {@code https://example.com/problems/}
   */
  public ImExceptionHandler(String problemTypeBase) {
    this.problemTypeBase = Objects.requireNonNull(problemTypeBase, "problemTypeBase");
    URI.create(problemTypeBase + "x"); // fail at start-up, not on the first error
  }

  /** The problem details of {@code failure}. */
  @ExceptionHandler(ImException.class)
  public ResponseEntity<ProblemDetail> handle(ImException failure) {
    ProblemKind kind = ProblemKind.of(failure);
    // The full message goes to the log, never to the client. A vendor outage or refusal is
    // operational (no stack trace); a 500 is a bug or a misconfiguration of this service.
    if (kind.status() == 500) {
      LOG.error("answering 500: {}", failure.getMessage(), failure);
    } else if (kind.serverError()) {
      LOG.warn("answering {}: {}", kind.status(), failure.getMessage());
    } else {
      LOG.debug("answering {}: {}", kind.status(), failure.getMessage());
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(kind.status()), kind.detail(failure));
    problem.setType(URI.create(problemTypeBase + kind.slug()));
    problem.setTitle(kind.title());
    ErrorDetails details = failure.details();
    details.provider().ifPresent(v -> problem.setProperty("provider", v));
    details.operation().ifPresent(v -> problem.setProperty("operation", v));
    details.tenant().ifPresent(v -> problem.setProperty("tenant", v));
    details.vendorCode().ifPresent(v -> problem.setProperty("vendorCode", v));
    if (failure instanceof InvalidRequestException invalid) {
      invalid.field().ifPresent(v -> problem.setProperty("field", v));
    }
    HttpHeaders headers = new HttpHeaders();
    if (failure instanceof RateLimitedException limited) {
      limited.retryAfter().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait))));
    }
    return ResponseEntity.status(kind.status()).headers(headers).body(problem);
  }

  /** Whole seconds, rounded up: waiting less than the vendor asked would only meet the limit again. */
  private static long seconds(Duration wait) {
    long s = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(0, s);
  }
}
