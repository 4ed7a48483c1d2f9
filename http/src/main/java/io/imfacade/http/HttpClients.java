package io.imfacade.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.imfacade.spi.ProviderContext;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Builds the HTTP objects of a client on top of one shared {@link OkHttpClient} per {@link
 * ProviderContext} (one connection pool and dispatcher for every client in the JVM), so that
 * hundreds of tenants cost one pool.
 *
 * <p>To use an OkHttpClient of your own (a proxy, custom TLS), register it in the context before
 * the first client is opened: {@code context.shared(HttpClients.SHARED_CLIENT_KEY,
 * OkHttpClient.class, () -> myClient)}. It is then used as the base of every client and is not
 * shut down with the context: it stays yours.
 */
public final class HttpClients {

  /** The {@link ProviderContext#shared} key of the shared OkHttpClient. */
  public static final String SHARED_CLIENT_KEY = "io.imfacade.http.OkHttpClient";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      // Vendors add fields to their answers without notice; an unknown field must not fail a call.
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  private HttpClients() {}

  /** The context's shared OkHttpClient, created on first use; closed with the context. */
  public static OkHttpClient shared(ProviderContext context) {
    Objects.requireNonNull(context, "context");
    Object shared = context.shared(SHARED_CLIENT_KEY, Object.class, SharedOkHttpClient::new);
    if (shared instanceof OkHttpClient) {
      return (OkHttpClient) shared; // registered by the user
    }
    return ((SharedOkHttpClient) shared).client();
  }

  /**
   * A client-specific OkHttpClient derived from the shared one ({@code newBuilder()}: same pool
   * and dispatcher) with this client's timeouts, its authentication (an interceptor that adds the
   * credentials, and an {@link Authenticator} for a 401, either may be absent), the redacting
   * debug logging of {@code provider} on the wire, and the 8 KB cap on error bodies.
   *
   * <p>No OkHttp call timeout is set: {@link RestExecutor} cancels an attempt still running at the
   * call deadline. OkHttp's own silent retry on connection failures is off: the executor retries,
   * knowing whether the operation may be repeated.
   */
  public static OkHttpClient forClient(OkHttpClient shared, String provider, HttpSettings settings,
      @Nullable Interceptor auth, @Nullable Authenticator authenticator) {
    Objects.requireNonNull(shared, "shared");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(settings, "settings");
    OkHttpClient.Builder builder = shared.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .retryOnConnectionFailure(false);
    if (auth != null) {
      builder.addInterceptor(auth);
    }
    if (authenticator != null) {
      builder.authenticator(authenticator);
    }
    builder.addInterceptor(TransportInterceptor.errorBodyCap());
    // A network interceptor: it logs exactly what goes on the wire, the authenticator's replay included.
    builder.addNetworkInterceptor(TransportInterceptor.wireLog(provider));
    builder.addNetworkInterceptor(TransportInterceptor.holdRetryAfter());
    return builder.build();
  }

  /** A Retrofit for {@code baseUrl} (must end with '/') with the Jackson converter of {@link #json()}. */
  public static Retrofit retrofit(String baseUrl, OkHttpClient client) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(client, "client");
    if (!baseUrl.endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end with '/': " + baseUrl);
    }
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(json()))
        .build();
  }

  /**
   * The shared Jackson mapper: unknown properties ignored, no failure on empty beans. Each call
   * returns a copy, so that a caller reconfiguring it cannot change it for other clients. Numbers
   * bind to the declared type: declare timestamps as {@code Long}; an untyped number too large for
   * an int binds as a {@code Long}.
   */
  public static ObjectMapper json() {
    return MAPPER.copy();
  }

  /** The shared mapper itself, for code of this package that never reconfigures it. */
  static ObjectMapper sharedJson() {
    return MAPPER;
  }
}
