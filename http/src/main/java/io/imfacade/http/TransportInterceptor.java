package io.imfacade.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's interceptors of every client.
 *
 * <p>{@link #wireLog} is a network interceptor: one debug line per request on the wire, the
 * authenticator's replay included (provider, method, path, status, duration, and the operation and
 * attempt from the request's {@link CallTag}). Only the method and the encoded path are logged:
 * never the query string, a header or a body, where tokens, signatures and user data live.
 *
 * <p>{@link #errorBodyCap} is the innermost application interceptor: it keeps at most {@link
 * #MAX_ERROR_BODY_BYTES} of an error body (decoded, after OkHttp's transparent gzip), so that a
 * vendor answering an error with megabytes of HTML cannot fill the heap.
 *
 * <p>{@link #holdRetryAfter} is a network interceptor that hides {@code Retry-After} from OkHttp's
 * own follow-up logic (see {@link #HELD_RETRY_AFTER}).
 */
final class TransportInterceptor {

  static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");

  /** Error bodies are read up to this size: enough for any vendor's error JSON. */
  static final int MAX_ERROR_BODY_BYTES = 8 * 1024;

  private TransportInterceptor() {}

  /** The logging network interceptor of {@code provider}. */
  static Interceptor wireLog(String provider) {
    return chain -> {
      Request request = chain.request();
      if (!LOG.isDebugEnabled()) {
        return chain.proceed(request);
      }
      long start = System.nanoTime();
      try {
        Response response = chain.proceed(request);
        log(provider, request, Integer.toString(response.code()), start);
        return response;
      } catch (IOException | RuntimeException e) {
        log(provider, request, "failed (" + e.getClass().getSimpleName() + ")", start);
        throw e;
      }
    };
  }

  /**
   * The name under which the network side hands a response's {@code Retry-After} on. OkHttp acts
   * on a 503's {@code Retry-After} by itself (in its RetryAndFollowUpInterceptor): it replays the
   * request at once when the value is 0, a POST included, outside the executor's retry rules and
   * the rate limiter; and it throws NumberFormatException for a value beyond an int. Only the
   * executor decides retries, so OkHttp never sees the header: {@link RestExecutor} reads it here.
   */
  static final String HELD_RETRY_AFTER = "X-Imfacade-Retry-After";

  /** The network interceptor that moves {@code Retry-After} out of OkHttp's sight (see {@link #HELD_RETRY_AFTER}). */
  static Interceptor holdRetryAfter() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      String retryAfter = response.header("Retry-After");
      return retryAfter == null ? response
          : response.newBuilder().removeHeader("Retry-After").header(HELD_RETRY_AFTER, retryAfter).build();
    };
  }

  /** The error-body cap. */
  static Interceptor errorBodyCap() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      return response.isSuccessful() ? response : capErrorBody(response);
    };
  }

  private static void log(String provider, Request request, String outcome, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    CallTag tag = request.tag(CallTag.class);
    String context = tag == null ? "" : " [" + tag + "]";
    LOG.debug("{} {} {} -> {} in {} ms{}", provider, request.method(), request.url().encodedPath(), outcome, millis, context);
  }

  private static Response capErrorBody(Response response) {
    ResponseBody original = response.body();
    if (original == null) {
      return response;
    }
    ResponseBody capped;
    try {
      capped = response.peekBody(MAX_ERROR_BODY_BYTES);
    } catch (IOException e) {
      // An unreadable error body must not hide the status: keep the status, drop the body.
      capped = ResponseBody.create(new byte[0], original.contentType());
    } finally {
      original.close();
    }
    return response.newBuilder().body(capped).build();
  }
}
