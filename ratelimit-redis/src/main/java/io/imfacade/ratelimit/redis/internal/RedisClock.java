package io.imfacade.ratelimit.redis.internal;

import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The clock of the shared token buckets: Redis's own time ({@code TIME}), carried forward on this
 * JVM's monotonic {@link System#nanoTime()} between synchronisations. Bucket4j computes refills on
 * the client, so instances on hosts whose clocks disagree would otherwise disagree on when tokens
 * come due; on one clock they only differ by half a round trip. Until the first synchronisation it
 * is this host's wall clock. Thread-safe.
 */
final class RedisClock implements TimeMeter {

  /** One reading of Redis's time and the local monotonic time it corresponds to. */
  private record Base(long redisNanos, long localNanos) {}

  private volatile Base base = new Base(wallNanos(), System.nanoTime());

  @Override
  public long currentTimeNanos() {
    Base b = base;
    return b.redisNanos + (System.nanoTime() - b.localNanos);
  }

  /** True: Redis's time is wall-clock time, which bucket expiry needs. */
  @Override
  public boolean isWallClockBased() {
    return true;
  }

  /**
   * Adopts the answer of {@code TIME} (seconds and microseconds, as text), sent at {@code sentNanos}
   * and received at {@code receivedNanos}: Redis read its clock about half-way in between.
   */
  void sync(List<byte[]> time, long sentNanos, long receivedNanos) {
    if (time == null || time.size() < 2) {
      return;
    }
    long seconds = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII));
    long micros = Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII));
    base = new Base(seconds * 1_000_000_000L + micros * 1_000L, sentNanos + (receivedNanos - sentNanos) / 2);
  }

  private static long wallNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public String toString() {
    return "RedisClock";
  }
}
