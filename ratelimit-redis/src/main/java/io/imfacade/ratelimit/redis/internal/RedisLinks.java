package io.imfacade.ratelimit.redis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The links of one store, one per Redis server and timeout: 500 tenants on one Redis share one
 * connection. Closing closes them all. Thread-safe.
 */
public final class RedisLinks implements AutoCloseable {

  private final ConcurrentMap<String, RedisLink> links = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * The link for {@code settings}, created (without I/O) on first use.
   *
   * @throws IllegalStateException if closed
   */
  public RedisLink linkFor(RedisSettings settings) {
    if (closed) {
      throw new IllegalStateException("the Redis rate-limit store is closed");
    }
    return links.computeIfAbsent(settings.linkKey(), k -> new RedisLink(settings));
  }

  @Override
  public void close() {
    closed = true;
    List<RedisLink> all = new ArrayList<>(links.values());
    links.clear();
    RuntimeException first = null;
    for (RedisLink link : all) {
      try {
        link.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "RedisLinks" + links.values();
  }
}
