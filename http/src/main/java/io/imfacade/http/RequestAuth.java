package io.imfacade.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A client's credentials on a request: a bearer token ({@link BearerTokenAuth}) or a vendor's
 * signature headers. As an application {@link Interceptor} it authorises every request of the
 * client that does not carry them yet. A prepared {@link Endpoint} applies it while it builds its
 * request instead, which spares the chain a copy of the request on the hottest calls; the chain
 * then sees the request {@linkplain #isAuthorized authorised} and passes it on.
 *
 * <p>Either way it runs once per HTTP attempt, on the calling thread, just before the attempt is
 * sent: a signature or nonce is never reused by a retry, and a token is the cache's current one.
 */
public interface RequestAuth extends Interceptor {

  /**
   * Adds the credentials to {@code request}.
   *
   * @return {@code request}
   * @throws io.imfacade.error.ImException if the credentials cannot be had (a token fetch failed)
   */
  Request.Builder authorize(Request.Builder request);

  /** Whether {@code request} carries credentials of this kind already. */
  boolean isAuthorized(Request request);

  @Override
  default Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    return chain.proceed(isAuthorized(request) ? request : authorize(request.newBuilder()).build());
  }
}
