/**
 * The transport that every REST provider shares. A provider builds each client on one {@link
 * io.imfacade.http.RemoteCore}: Retrofit with a tolerant Jackson mapper over one OkHttpClient per
 * {@link io.imfacade.spi.ProviderContext} ({@link io.imfacade.http.HttpClients}); authentication in
 * the OkHttp chain ({@link io.imfacade.http.BearerTokenAuth} over the {@link
 * io.imfacade.http.TokenCache}, or a signing interceptor); the neutral operation as a request tag
 * ({@link io.imfacade.http.CallTag}); the per-app rate limiter ({@link
 * io.imfacade.http.AppRateLimiter}) from the store {@code rateLimit.store} names ({@link
 * io.imfacade.http.RateLimiterStore}: {@link io.imfacade.http.LocalRateLimiter} in this JVM by
 * default, or one shared by many instances, such as {@code imfacade-ratelimit-redis}); retries, deadlines, {@link io.imfacade.http.RetryAfter} and
 * error mapping ({@link io.imfacade.http.RestExecutor}) with every secret redacted ({@link
 * io.imfacade.http.Redactor}); and order-preserving chunked batches ({@link
 * io.imfacade.http.Batches}).
 *
 * <p>Debug lines go to the SLF4J logger {@code io.imfacade.http}: method, path, status and duration
 * of each attempt. Tokens, signatures, headers and bodies are never logged.
 */
@NullMarked
package io.imfacade.http;

import org.jspecify.annotations.NullMarked;
