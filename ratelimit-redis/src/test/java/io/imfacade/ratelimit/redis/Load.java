package io.imfacade.ratelimit.redis;

import io.imfacade.http.AppRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Busy callers on limiters: every thread takes permits back to back until the run ends. */
final class Load {

  private Load() {}

  /**
   * Runs {@code threadsPerLimiter} threads on each limiter for {@code duration} and returns when
   * each permit was released ({@link System#nanoTime()}), those released after the end left out.
   * One permit per limiter is taken before, to connect it.
   */
  static List<Long> run(List<AppRateLimiter> limiters, int threadsPerLimiter, Duration duration) throws Exception {
    // Connected and warm before the clock starts: the figures are about the steady state.
    for (AppRateLimiter limiter : limiters) {
      limiter.acquire(Instant.now().plusSeconds(10));
    }
    ConcurrentLinkedQueue<Long> releases = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(limiters.size() * threadsPerLimiter);
    long end = System.nanoTime() + duration.toNanos();
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (AppRateLimiter limiter : limiters) {
        for (int i = 0; i < threadsPerLimiter; i++) {
          threads.add(pool.submit(() -> {
            while (System.nanoTime() - end < 0) {
              limiter.acquire(Instant.now().plusSeconds(10));
              long now = System.nanoTime();
              if (now - end < 0) {
                releases.add(now);
              }
            }
            return null;
          }));
        }
      }
      for (Future<?> f : threads) {
        f.get(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(releases);
  }
}
