/**
 * The transport that every REST provider shares: one OkHttpClient per {@link
 * io.imfacade.spi.ProviderContext} ({@link io.imfacade.http.HttpClients}), Retrofit with a
 * tolerant Jackson mapper, the token cache ({@link io.imfacade.http.TokenCache}), the per-app rate
 * limiter ({@link io.imfacade.http.AppRateLimiter}), retries, deadlines and error mapping ({@link
 * io.imfacade.http.RestExecutor}), and chunked batches ({@link io.imfacade.http.Batches}).
 *
 * <p>Debug lines go to the SLF4J logger {@code io.imfacade.http}: method, path, status and duration
 * of each attempt. Tokens, signatures, headers and bodies are never logged.
 */
package io.imfacade.http;
