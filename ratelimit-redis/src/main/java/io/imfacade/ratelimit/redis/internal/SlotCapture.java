package io.imfacade.ratelimit.redis.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Learns the wait of a reservation from bucket4j's scheduling API. {@code
 * asScheduler().asVerbose().tryConsume(1, maxWait, scheduler)} reserves a token in Redis and then
 * schedules the completion of its future after the wait: this "scheduler" notes the wait and
 * completes the future at once, so that the caller does the waiting itself (it must still notice
 * a pause that begins meanwhile) and never waits longer than its own deadline for Redis. The wait
 * counts from the verbose result's operation time, the bucket clock's reading when the
 * reservation was computed. Only {@link #schedule(Runnable, long, TimeUnit)} is used; one instance
 * per reservation.
 */
final class SlotCapture extends AbstractExecutorService implements ScheduledExecutorService {

  private volatile long delayNanos;

  /** The reservation's wait in nanoseconds; 0 when the token was there (bucket4j then schedules nothing). */
  long delayNanos() {
    return delayNanos;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    // Noted before the future completes: the caller reads it after the completion.
    delayNanos = unit.toNanos(delay);
    command.run();
    return null; // bucket4j ignores it
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
