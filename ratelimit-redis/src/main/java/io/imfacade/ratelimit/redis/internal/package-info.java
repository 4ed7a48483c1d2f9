/**
 * The implementation of the Redis rate-limit store: the connection and its health ({@link
 * io.imfacade.ratelimit.redis.internal.RedisLink}), the shared limiter ({@link
 * io.imfacade.ratelimit.redis.internal.RedisRateLimiter}), key names and the bucket clock. Not an
 * API: it may change in any release.
 */
@NullMarked
package io.imfacade.ratelimit.redis.internal;

import org.jspecify.annotations.NullMarked;
