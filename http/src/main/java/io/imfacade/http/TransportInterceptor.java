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
 * The innermost application interceptor of every client: one debug line per HTTP attempt
 * (provider, method, path, status, duration, operation, attempt) and a size cap on error bodies.
 *
 * <p>Only the method and the encoded path are logged: never the query string, a header or a
 * body, where tokens, signatures and user data live.
 */
final class TransportInterceptor implements Interceptor {

  static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");

  /** Error bodies are read up to this size: enough for any vendor's error JSON. */
  static final int MAX_ERROR_BODY_BYTES = 8 * 1024;

  private final String provider;

  TransportInterceptor(String provider) {
    this.provider = provider;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      if (LOG.isDebugEnabled()) {
        log(request, "failed (" + e.getClass().getSimpleName() + ")", start);
      }
      throw e;
    }
    if (LOG.isDebugEnabled()) {
      log(request, Integer.toString(response.code()), start);
    }
    return response.isSuccessful() ? response : capErrorBody(response);
  }

  private void log(Request request, String outcome, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    AttemptContext attempt = AttemptContext.current();
    String context = attempt == null ? "" : " [" + attempt.operation + ", attempt " + attempt.attempt + "]";
    LOG.debug("{} {} {} -> {} in {} ms{}", provider, request.method(), request.url().encodedPath(), outcome, millis, context);
  }

  /**
   * Keeps at most {@link #MAX_ERROR_BODY_BYTES} of an error body, so that a vendor answering an
   * error with megabytes of HTML cannot fill the heap (Retrofit buffers error bodies whole).
   */
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
