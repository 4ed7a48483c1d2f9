package io.imfacade.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.CallContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one neutral operation over HTTP: the rate-limit permit, retries with backoff for retryable
 * failures (429, 5xx, I/O) when the operation allows it, {@code Retry-After}, the call deadline,
 * and the mapping of every failure (HTTP error, non-JSON body, malformed body, I/O, timeout) to the
 * neutral exceptions, with every secret of the client redacted. Authentication is not its
 * business: it lives in the OkHttp chain ({@link BearerTokenAuth}, a signing interceptor), where
 * the one replay after a 401 happens whatever the retry policy. Thread-safe; one per client.
 *
 * <p>What is retried, within {@code retry.maxAttempts} and the call deadline:
 *
 * <ul>
 *   <li>always, because the vendor did not process the request: a rate-limit answer (HTTP 429 or
 *       a {@link RateLimitedException} from the {@link ErrorMapper}) and a failure to connect;
 *   <li>only for {@linkplain Operation#idempotent idempotent} operations, because the vendor may
 *       have applied the request: HTTP 408, 500, 502, 503, 504 (or a retryable {@link
 *       ProviderUnavailableException} from the mapper), a broken connection or a read timeout after
 *       the request was sent;
 *   <li>never: any other answer, and a 2xx body that cannot be parsed.
 * </ul>
 *
 * <p>The deadline ({@code http.callTimeoutMs}) is the neutral call's, not one request's: every
 * request of one call (the chunks of a batch, the reads before and after a write, the retries)
 * shares the deadline its first request fixed ({@link CallContext#deadline}), so that a call ends
 * within its timeout however many requests it makes; a request whose call has no time left fails
 * at once. A wait that would end after the deadline is not taken: the call fails at once with the
 * last failure. A rate-limit answer that asks for 5 s or more pauses the whole app's {@link
 * AppRateLimiter} (for at most {@link RetryAfter#MAX_APP_PAUSE}), so that the other clients of the
 * app stop hammering a blocked app too.
 */
public final class RestExecutor {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");

  /** A rate-limit wait this long means the app is blocked (NetEase: 10 s): everyone waits. */
  static final Duration APP_BLOCK_THRESHOLD = Duration.ofSeconds(5);

  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 500, 502, 503, 504);
  private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id", "X-Trace-Id");

  private final String provider;
  private final HttpSettings settings;
  private final AppRateLimiter rateLimiter;
  private final ErrorMapper errorMapper;
  private final Redactor redactor;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DeadlineWatch deadlines;

  private RestExecutor(Builder b) {
    this.provider = b.provider;
    this.settings = b.settings;
    this.rateLimiter = b.rateLimiter;
    this.errorMapper = b.errorMapper;
    this.redactor = b.redactor;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.deadlines = b.deadlines;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code call} and returns the response body.
   *
   * @param call builds a new Retrofit call for each attempt, passing the tag on (a {@code @Tag
   *     CallTag} parameter of the Retrofit method)
   * @throws io.imfacade.error.ImException the mapped failure
   */
  public <T> T execute(Operation operation, Function<CallTag, Call<T>> call) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(call, "call");
    // One deadline for the whole neutral call: its first request fixes it, its later requests
    // (other chunks, reads around a write, a token fetch) share it, on whatever thread they run.
    Instant deadline = CallContext.deadline(clock.instant().plus(settings.callTimeout()));
    RetryPolicy policy = settings.retryPolicy();
    int failedAttempts = 0;
    ImException last = null;
    while (true) {
      if (!clock.instant().isBefore(deadline)) {
        // Spent by earlier requests of the call: not a rate limit, whatever the limiter would say.
        throw last != null ? last : deadlineExceeded(operation, null, null);
      }
      long waitStart = System.nanoTime();
      try {
        rateLimiter.acquire(deadline);
      } catch (RateLimitedException e) {
        if (last != null) {
          throw last; // the vendor's failure says more than our own limiter
        }
        throw new RateLimitedException(e.plainMessage(), details(operation).build(), e.retryAfter().orElse(null), e);
      }
      CallContext.recordRateLimitWait(Duration.ofNanos(System.nanoTime() - waitStart));
      CallTag tag = new CallTag(operation, failedAttempts + 1, deadline);
      Outcome<T> outcome = attempt(tag, call, last);
      if (outcome.failure == null) {
        return outcome.value;
      }
      ImException failure = outcome.failure;
      Duration retryAfter = outcome.retryAfter;
      if (failure instanceof RateLimitedException && retryAfter != null && retryAfter.compareTo(APP_BLOCK_THRESHOLD) >= 0) {
        rateLimiter.pauseUntil(clock.instant().plus(RetryAfter.cap(retryAfter, RetryAfter.MAX_APP_PAUSE)));
      }
      failedAttempts++;
      boolean mayRetry = outcome.retry == Retry.ALWAYS || (outcome.retry == Retry.IF_IDEMPOTENT && operation.idempotent());
      if (!mayRetry || failedAttempts >= policy.maxAttempts()) {
        throw failure;
      }
      Duration wait = policy.backoff(failedAttempts, retryAfter);
      if (!clock.instant().plus(wait).isBefore(deadline)) {
        LOG.debug("{} {}: not retrying, a wait of {} ms would pass the call deadline", provider, operation, wait.toMillis());
        throw failure;
      }
      LOG.debug("{} {}: attempt {} failed ({}); retrying in {} ms", provider, operation, failedAttempts,
          failure.getClass().getSimpleName(), wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        ImException interrupted = Failures.interrupted(details(operation).build(), "waiting to retry");
        interrupted.addSuppressed(failure);
        throw interrupted;
      }
      last = failure;
    }
  }

  /** One HTTP exchange and its classification; throws only what ends the call at once (deadline, interrupt, refused request). */
  private <T> Outcome<T> attempt(CallTag tag, Function<CallTag, Call<T>> factory, ImException last) {
    Operation operation = tag.operation();
    Call<T> call = Objects.requireNonNull(factory.apply(tag), "the call factory returned null");
    long remainingNanos = Duration.between(clock.instant(), tag.deadline()).toNanos();
    if (remainingNanos <= 0) {
      throw last != null ? last : deadlineExceeded(operation, null, null);
    }
    try {
      // Asking for the timeout creates the request (not the OkHttp timeout, which is not used: see
      // DeadlineWatch): Retrofit refuses bad arguments here, such as a "." or ".." path id.
      call.timeout();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("request refused before sending: " + redactor.redact(e.getMessage()),
          null, details(operation).build(), null);
    }
    CallContext.recordAttempt();
    try (DeadlineWatch.Watched watch = deadlines.watch(call, System.nanoTime() + remainingNanos)) {
      return exchange(operation, call, watch, tag.deadline(), last);
    }
  }

  private <T> Outcome<T> exchange(Operation operation, Call<T> call, DeadlineWatch.Watched watch, Instant deadline,
      ImException last) {
    try {
      Response<T> response = call.execute();
      if (response.isSuccessful()) {
        T body = response.body();
        Optional<ImException> failed = errorMapper.fromSuccessBody(provider, operation, body);
        if (failed.isEmpty()) {
          return Outcome.success(body);
        }
        ImException mapped = redacted(failed.get(), BearerTokenAuth.tokenOf(response.raw().request()));
        return Outcome.failure(mapped, classify(mapped, response.code()), retryAfterOf(mapped, null));
      }
      return httpFailure(operation, response);
    } catch (JsonProcessingException e) {
      // Only a 2xx body is converted, so this is the vendor answering success with a broken body.
      // Jackson's message quotes the body (a token endpoint's body holds the token): not kept.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return Outcome.failure(new ProviderUnavailableException(
          "unreadable response body (" + e.getClass().getSimpleName() + where + ")",
          details(operation).retryable(false).build()), Retry.NEVER, null);
    } catch (IOException e) {
      if (watch.expired()) {
        InterruptedIOException timeout = new InterruptedIOException("timeout: the call deadline passed");
        timeout.initCause(e);
        throw deadlineExceeded(operation, timeout, last);
      }
      return ioFailure(operation, e, deadline, last);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("request refused before sending: " + redactor.redact(e.getMessage()),
          null, details(operation).build(), null);
    }
  }

  /**
   * {@code e} with every secret masked in its message and vendor message. For a failure a mapper
   * read from a 2xx body (NetEase: {@code {"code":414,"desc":...}}): that body reaches the mapper
   * parsed, so it could not be redacted as text beforehand. The copy does not keep {@code e} as
   * its cause, which would carry the secret along.
   */
  private ImException redacted(ImException e, @Nullable String token) {
    String message = redactor.redact(e.plainMessage(), token);
    String vendorMessage = redactor.redact(e.vendorMessage().orElse(null), token);
    if (Objects.equals(message, e.plainMessage()) && Objects.equals(vendorMessage, e.vendorMessage().orElse(null))) {
      return e;
    }
    return Failures.sameKind(e, message, e.details().toBuilder().vendorMessage(vendorMessage).build(), e.getCause());
  }

  private <T> Outcome<T> httpFailure(Operation operation, Response<T> response) {
    int status = response.code();
    Headers headers = response.headers();
    String token = BearerTokenAuth.tokenOf(response.raw().request());
    String body = redactor.redact(readCapped(response.errorBody()), token);
    String retryAfter = headers.get(TransportInterceptor.HELD_RETRY_AFTER);
    HttpFailure failure = new HttpFailure(provider, operation, status, body,
        RetryAfter.parse(retryAfter != null ? retryAfter : headers.get("Retry-After"), clock.instant()), requestId(headers));
    ImException mapped = errorMapper.fromHttpFailure(failure);
    if (mapped == null) {
      mapped = fallback(failure);
    }
    return Outcome.failure(mapped, classify(mapped, status), retryAfterOf(mapped, failure.retryAfterWait()));
  }

  private <T> Outcome<T> ioFailure(Operation operation, IOException e, Instant deadline, ImException last) {
    if (Thread.currentThread().isInterrupted()) {
      throw Failures.interrupted(details(operation).build(), "waiting for the vendor's answer", e);
    }
    boolean socketTimeout = e instanceof SocketTimeoutException;
    if ((e instanceof InterruptedIOException && !socketTimeout) || !clock.instant().isBefore(deadline)) {
      throw deadlineExceeded(operation, e, last); // a call timeout of the app's own OkHttpClient, or too late anyway
    }
    String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redactor.redact(e.getMessage()));
    if (isConnectFailure(e)) {
      return Outcome.failure(new ProviderUnavailableException("cannot connect to the vendor (" + what + ")",
          details(operation).retryable(true).build(), e), Retry.ALWAYS, null);
    }
    String message = socketTimeout
        ? "no answer within the read timeout of " + settings.readTimeout().toMillis() + " ms"
        : "connection failed after the request was sent (" + what + ")";
    if (!operation.idempotent()) {
      // Retryable as the details define it (a later call may succeed), but not repeated here.
      message += "; the vendor may or may not have applied it";
    }
    return Outcome.failure(new ProviderUnavailableException(message, details(operation).retryable(true).build(), e),
        Retry.IF_IDEMPOTENT, null);
  }

  /** Whether the request certainly never left: safe to send again whatever the operation. */
  private static boolean isConnectFailure(IOException e) {
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
      return true;
    }
    return e instanceof SocketTimeoutException && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("connect timed out");
  }

  private ProviderUnavailableException deadlineExceeded(Operation operation, IOException cause, ImException last) {
    ProviderUnavailableException e = new ProviderUnavailableException(
        "no result within the call deadline of " + settings.callTimeout().toMillis() + " ms",
        details(operation).retryable(true).build(), cause);
    if (last != null) {
      e.addSuppressed(last);
    }
    return e;
  }

  private static Retry classify(ImException mapped, int status) {
    if (mapped instanceof RateLimitedException || status == 429) {
      return Retry.ALWAYS;
    }
    if (mapped instanceof ProviderUnavailableException && (mapped.isRetryable() || TRANSIENT_STATUSES.contains(status))) {
      return Retry.IF_IDEMPOTENT;
    }
    if (mapped.getClass() == ImException.class && TRANSIENT_STATUSES.contains(status)) {
      return Retry.IF_IDEMPOTENT;
    }
    return Retry.NEVER;
  }

  /** The vendor's wait: the mapper's {@link RateLimitedException#retryAfter()}, else the header's; capped. */
  private static Duration retryAfterOf(ImException mapped, Duration header) {
    if (mapped instanceof RateLimitedException) {
      Optional<Duration> fromMapper = ((RateLimitedException) mapped).retryAfter();
      if (fromMapper.isPresent()) {
        return RetryAfter.cap(fromMapper.get(), RetryAfter.MAX_WAIT);
      }
    }
    return header;
  }

  /** Used when a mapper returns null: the status alone decides. */
  private ImException fallback(HttpFailure failure) {
    ErrorDetails d = details(failure.operation()).httpStatus(failure.status())
        .requestId(failure.requestId().orElse(null)).build();
    String message = "the vendor answered HTTP " + failure.status();
    int status = failure.status();
    if (status == 429) {
      return new RateLimitedException(message, d, failure.retryAfterWait(), null);
    }
    if (status == 401) {
      return new AuthenticationException(message, d);
    }
    if (status >= 500 || status == 408) {
      return new ProviderUnavailableException(message, d.toBuilder().retryable(TRANSIENT_STATUSES.contains(status)).build());
    }
    return new ImException(message, d);
  }

  private static String requestId(Headers headers) {
    for (String name : REQUEST_ID_HEADERS) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** The error body as text, at most 8 KB; empty when absent or unreadable. Always closes it. */
  static String readCapped(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      BufferedSource source = body.source();
      source.request(TransportInterceptor.MAX_ERROR_BODY_BYTES);
      Buffer buffer = source.getBuffer();
      long size = Math.min(buffer.size(), TransportInterceptor.MAX_ERROR_BODY_BYTES);
      MediaType type = body.contentType();
      Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
      return buffer.readString(size, charset);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private ErrorDetails.Builder details(Operation operation) {
    return ErrorDetails.builder().provider(provider).operation(operation.name());
  }

  /** Whether a failure may be retried, by what it says about the vendor having seen the request. */
  private enum Retry {
    /** The vendor did not process it. */
    ALWAYS,
    /** The vendor may have processed it. */
    IF_IDEMPOTENT,
    /** Retrying cannot help. */
    NEVER
  }

  private static final class Outcome<T> {
    final T value;
    final ImException failure;
    final Retry retry;
    final Duration retryAfter;

    private Outcome(T value, ImException failure, Retry retry, Duration retryAfter) {
      this.value = value;
      this.failure = failure;
      this.retry = retry;
      this.retryAfter = retryAfter;
    }

    static <T> Outcome<T> success(T value) {
      return new Outcome<>(value, null, Retry.NEVER, null);
    }

    static <T> Outcome<T> failure(ImException failure, Retry retry, Duration retryAfter) {
      return new Outcome<>(null, failure, retry, retryAfter);
    }
  }

  /** Builds a {@link RestExecutor}. */
  public static final class Builder {
    private String provider;
    private HttpSettings settings;
    private AppRateLimiter rateLimiter;
    private ErrorMapper errorMapper;
    private Redactor redactor = Redactor.none();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DeadlineWatch deadlines = DeadlineWatch.SHARED;

    private Builder() {}

    /** The provider id for errors and logs (required). */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** Timeouts, retry policy (required). */
    public Builder settings(HttpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The app's shared rate limiter (required). */
    public Builder rateLimiter(AppRateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** The vendor's error mapper (required). */
    public Builder errorMapper(ErrorMapper errorMapper) {
      this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
      return this;
    }

    /** Masks the client's secrets in everything the vendor answers (default: none). */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** The clock for deadlines and backoff (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How waits are taken; tests pass a sleeper that moves a fake clock. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** What cancels a request at the call deadline; tests pass one of their own. */
    Builder deadlines(DeadlineWatch deadlines) {
      this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
      return this;
    }

    /**
     * The executor.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public RestExecutor build() {
      require(provider, "provider");
      require(settings, "settings");
      require(rateLimiter, "rateLimiter");
      require(errorMapper, "errorMapper");
      return new RestExecutor(this);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException("RestExecutor needs a " + name);
      }
    }
  }
}
