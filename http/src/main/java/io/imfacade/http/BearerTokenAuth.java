package io.imfacade.http;

import io.imfacade.spi.CallContext;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-token authentication in the OkHttp chain: as a {@link RequestAuth} (an interceptor) it adds
 * {@code Authorization: Bearer <token>} from the {@link TokenCache}; as an {@link Authenticator} it
 * answers a 401 to a request it authorised by invalidating that token, fetching a fresh one and
 * replaying the request <b>once</b>.
 *
 * <p>The replay is authentication, not retry: it happens whatever the retry policy (even with
 * {@code retry.maxAttempts=1}), takes its own rate-limit permit, and never happens twice for one
 * request. If the fresh token is the one just refused (the cache will not fetch again so soon),
 * there is no replay and the 401 reaches the caller as an authentication failure.
 */
public final class BearerTokenAuth implements RequestAuth, Authenticator {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.http");
  private static final String HEADER = "Authorization";
  private static final String PREFIX = "Bearer ";

  private final TokenCache tokens;
  private final AppRateLimiter rateLimiter;

  /** Authenticates with tokens from {@code tokens}; replays take a permit of {@code rateLimiter}. */
  public BearerTokenAuth(TokenCache tokens, AppRateLimiter rateLimiter) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
  }

  @Override
  public Request.Builder authorize(Request.Builder request) {
    return request.header(HEADER, PREFIX + tokens.current());
  }

  @Override
  public boolean isAuthorized(Request request) {
    return request.header(HEADER) != null;
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response) {
    String sent = response.request().header(HEADER);
    if (sent == null || !sent.startsWith(PREFIX) || response.priorResponse() != null) {
      return null; // not ours, or already replayed once
    }
    String rejected = sent.substring(PREFIX.length());
    tokens.invalidate(rejected);
    String fresh;
    try {
      fresh = tokens.current();
    } catch (RuntimeException e) {
      response.close(); // the 401 is not handed on: release its connection before failing
      throw e;
    }
    if (fresh.equals(rejected)) {
      return null;
    }
    CallTag tag = response.request().tag(CallTag.class);
    rateLimiter.acquire(tag == null ? Instant.now().plusSeconds(30) : tag.deadline());
    LOG.debug("{}: token refused (HTTP 401); replaying once with a fresh token", tag == null ? "call" : tag);
    CallContext.recordAttempt();
    return response.request().newBuilder().header(HEADER, PREFIX + fresh).build();
  }

  /** The token value a request was sent with, or null. */
  static @Nullable String tokenOf(Request request) {
    String sent = request.header(HEADER);
    return sent != null && sent.startsWith(PREFIX) ? sent.substring(PREFIX.length()) : null;
  }
}
