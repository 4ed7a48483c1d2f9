/**
 * The {@code redis} rate-limit store ({@code rateLimit.store=redis}): one request rate per vendor
 * app shared by every instance of a service through Redis, with vendor pauses shared too, and a
 * local fallback when Redis is unreachable. See {@link
 * io.imfacade.ratelimit.redis.RedisRateLimiterStore}.
 */
@NullMarked
package io.imfacade.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
