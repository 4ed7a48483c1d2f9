package io.imfacade.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * One endpoint of a vendor's API, prepared once per client, for the hot calls of a provider (its
 * profile reads). Retrofit builds every request anew from the interface's annotations: it resolves
 * the relative URL, matches the path template, adds an invocation tag, re-wraps the answer and
 * parses its media type. On a single read that costs more CPU and memory per call than everything
 * else the facade does. An endpoint keeps the resolved URL, the headers and the Jackson reader of
 * its answer, and sends the same request through the same OkHttpClient, so that the {@link
 * CallTag}, the interceptors and the error-body cap apply unchanged. It applies the client's {@link
 * RequestAuth} itself as it builds each attempt's request, so that the chain need not copy the
 * request to add the credentials.
 *
 * <p>Its calls are {@link Call}s with Retrofit's semantics, so the {@link RestExecutor} runs them
 * like any other (rate limit, retries, deadline, error mapping): a 2xx answer is read by Jackson
 * (204 and 205 have no body), any other is handed on with its body buffered as {@link
 * Response#errorBody()}; the request is built on first use, and a path segment {@code .} or {@code
 * ..} is refused there, as Retrofit refuses it. Every other endpoint of a vendor stays a Retrofit
 * method. Thread-safe.
 *
 * @param <T> the type the answer is read into
 */
public final class Endpoint<T> {

  /** What Retrofit's Jackson converter sends a JSON body as. */
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final OkHttpClient http;
  private final @Nullable RequestAuth auth;
  private final HttpUrl url;
  private final Headers headers;
  private final @Nullable MediaType formType;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  Endpoint(OkHttpClient http, @Nullable RequestAuth auth, HttpUrl url, Headers headers, @Nullable MediaType formType,
      ObjectMapper json, Class<T> answer) {
    this.http = http;
    this.auth = auth;
    this.url = url;
    this.headers = headers;
    this.formType = formType;
    this.reader = json.readerFor(answer);
    this.writer = json.writer();
  }

  /** The resolved URL of this endpoint. */
  public HttpUrl url() {
    return url;
  }

  /** {@code GET} of this endpoint's URL. */
  public Call<T> get(CallTag tag) {
    return new DirectCall<>(this, tag, null, null);
  }

  /**
   * {@code GET} of this endpoint's URL with {@code segment} appended as one path segment,
   * percent-encoded like a Retrofit {@code @Path} (a {@code /} in it is {@code %2F}).
   */
  public Call<T> get(CallTag tag, String segment) {
    return new DirectCall<>(this, tag, Objects.requireNonNull(segment, "segment"), null);
  }

  /** {@code POST} of {@code body} written as JSON, as Retrofit's Jackson converter writes a {@code @Body}. */
  public Call<T> postJson(CallTag tag, Object body) {
    byte[] bytes;
    try {
      bytes = writer.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request body cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    return new DirectCall<>(this, tag, null, RequestBody.create(bytes, JSON));
  }

  /**
   * {@code POST} of one form field, form-encoded like a Retrofit {@code @Field}, with the form
   * media type this endpoint was prepared with.
   *
   * @throws IllegalStateException if the endpoint was prepared without a form media type
   */
  public Call<T> postForm(CallTag tag, String name, String value) {
    if (formType == null) {
      throw new IllegalStateException("this endpoint was prepared without a form media type");
    }
    RequestBody form = new FormBody.Builder().add(name, value).build();
    return new DirectCall<>(this, tag, null, new TypedBody(form, formType));
  }

  @Override
  public String toString() {
    return "Endpoint{" + url.encodedPath() + '}';
  }

  /** A body under another media type, as Retrofit sends a form whose {@code Content-Type} a header names. */
  private static final class TypedBody extends RequestBody {
    private final RequestBody body;
    private final MediaType type;

    TypedBody(RequestBody body, MediaType type) {
      this.body = body;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink);
    }
  }

  /**
   * One request of an endpoint, with Retrofit's {@code OkHttpCall} semantics for the answer. The
   * request is built on first use (so that a bad path segment is refused before anything is sent,
   * as Retrofit refuses it); the OkHttp call is created when it is executed, with the credentials
   * and the timeout set until then.
   */
  private static final class DirectCall<T> implements Call<T> {
    private final Endpoint<T> endpoint;
    private final CallTag tag;
    private final @Nullable String segment;
    private final @Nullable RequestBody body;
    /** The call's timeout until the OkHttp call exists, then handed on to it. */
    private final Timeout timeout = new Timeout();
    private Request.@Nullable Builder request;
    private okhttp3.@Nullable Call raw;
    private boolean executed;
    private volatile boolean canceled;

    DirectCall(Endpoint<T> endpoint, CallTag tag, @Nullable String segment, @Nullable RequestBody body) {
      this.endpoint = endpoint;
      this.tag = Objects.requireNonNull(tag, "tag");
      this.segment = segment;
      this.body = body;
    }

    /** The request without credentials; throws IllegalArgumentException for a request that must not go out. */
    private synchronized Request.Builder prepared() {
      if (request == null) {
        request = newRequest();
      }
      return request;
    }

    /** The OkHttp call of the authorised request; created once, by the one execution. */
    private synchronized okhttp3.Call raw() {
      if (raw == null) {
        Request.Builder prepared = prepared();
        RequestAuth auth = endpoint.auth;
        raw = endpoint.http.newCall((auth == null ? prepared : auth.authorize(prepared)).build());
        raw.timeout().timeout(timeout.timeoutNanos(), TimeUnit.NANOSECONDS);
        if (timeout.hasDeadline()) {
          raw.timeout().deadlineNanoTime(timeout.deadlineNanoTime());
        }
        if (canceled) {
          raw.cancel();
        }
      }
      return raw;
    }

    /**
     * The request before the chain (and before the credentials), as Retrofit's call answers it.
     * Once executed, the prepared builder holds the credentials: the request is built anew then.
     */
    @Override
    public synchronized Request request() {
      return raw == null ? prepared().build() : newRequest().build();
    }

    private Request.Builder newRequest() {
      HttpUrl url = endpoint.url;
      if (segment != null) {
        if (segment.equals(".") || segment.equals("..")) {
          // Retrofit's rule for @Path: a dot segment would change the path, not name a resource.
          throw new IllegalArgumentException(
              "@Path parameters shouldn't perform path traversal ('.' or '..'): " + segment);
        }
        url = url.newBuilder().addPathSegment(segment).build();
      }
      Request.Builder request = new Request.Builder().url(url).headers(endpoint.headers).tag(CallTag.class, tag);
      return body == null ? request.get() : request.post(body);
    }

    @Override
    public Response<T> execute() throws IOException {
      okhttp3.Call call;
      synchronized (this) {
        if (executed) {
          throw new IllegalStateException("Already executed.");
        }
        executed = true;
        call = raw();
      }
      return parse(call.execute());
    }

    /** Retrofit's reading of an answer: errors buffered, 204/205 without body, 2xx through Jackson. */
    private Response<T> parse(okhttp3.Response raw) throws IOException {
      ResponseBody rawBody = raw.body();
      int code = raw.code();
      if (code < 200 || code >= 300) {
        try {
          return Response.error(buffer(rawBody), raw);
        } finally {
          if (rawBody != null) {
            rawBody.close();
          }
        }
      }
      if (rawBody == null || code == 204 || code == 205) {
        if (rawBody != null) {
          rawBody.close();
        }
        return Response.success(null, raw);
      }
      try (rawBody) {
        return Response.success(endpoint.reader.readValue(rawBody.byteStream()), raw);
      }
    }

    private static ResponseBody buffer(@Nullable ResponseBody body) throws IOException {
      if (body == null) {
        return ResponseBody.create(new byte[0], null);
      }
      Buffer buffer = new Buffer();
      body.source().readAll(buffer);
      return ResponseBody.create(buffer, body.contentType(), body.contentLength());
    }

    @Override
    public void enqueue(Callback<T> callback) {
      Objects.requireNonNull(callback, "callback");
      okhttp3.Call call;
      synchronized (this) {
        if (executed) {
          throw new IllegalStateException("Already executed.");
        }
        executed = true;
        try {
          call = raw();
        } catch (RuntimeException e) {
          callback.onFailure(this, e);
          return;
        }
      }
      Call<T> self = this;
      call.enqueue(new okhttp3.Callback() {
        @Override
        public void onResponse(okhttp3.Call c, okhttp3.Response response) {
          Response<T> parsed;
          try {
            parsed = parse(response);
          } catch (IOException | RuntimeException e) {
            callback.onFailure(self, e);
            return;
          }
          callback.onResponse(self, parsed);
        }

        @Override
        public void onFailure(okhttp3.Call c, IOException e) {
          callback.onFailure(self, e);
        }
      });
    }

    @Override
    public synchronized boolean isExecuted() {
      return executed;
    }

    @Override
    public void cancel() {
      canceled = true;
      okhttp3.Call call;
      synchronized (this) {
        call = raw;
      }
      if (call != null) {
        call.cancel();
      }
    }

    @Override
    public boolean isCanceled() {
      if (canceled) {
        return true;
      }
      synchronized (this) {
        return raw != null && raw.isCanceled();
      }
    }

    @Override
    @SuppressWarnings("MethodDoesntCallSuperMethod")
    public Call<T> clone() {
      return new DirectCall<>(endpoint, tag, segment, body);
    }

    @Override
    public synchronized Timeout timeout() {
      if (raw != null) {
        return raw.timeout();
      }
      prepared(); // refuses a bad request here, as Retrofit's call does
      return timeout;
    }
  }
}
