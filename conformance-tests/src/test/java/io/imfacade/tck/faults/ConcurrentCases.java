package io.imfacade.tck.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs the cases of a matrix on a fixed pool of threads, so that the whole matrix takes seconds
 * although a case may wait for a read timeout: the cases wait on I/O, not on the CPU. Each dynamic
 * test then joins its own case, and reports it. Measures the wall time from the first case to the
 * last. A case the machine's load disturbed can be run again ({@link #submitRerunning}).
 */
final class ConcurrentCases implements AutoCloseable {

  private final String name;
  private final ExecutorService pool;
  private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong slowest = new AtomicLong();
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger reruns = new AtomicInteger();

  ConcurrentCases(String name, int threads) {
    this.name = name;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code work}; its outcome, or what it threw. */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    submitted.incrementAndGet();
    return CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      firstStart.accumulateAndGet(start, Math::min);
      try {
        return work.get();
      } finally {
        long end = System.nanoTime();
        lastEnd.accumulateAndGet(end, Math::max);
        slowest.accumulateAndGet(end - start, Math::max);
      }
    }, pool);
  }

  /**
   * Starts {@code run(0)}, and while {@code disturbance} says how the machine rather than the case
   * decided its outcome, {@code run(1)}, {@code run(2)}, ... (at most {@code maxReruns} more),
   * each logged with {@code name} and the reason: each joins the end of the queue, when the cases
   * load the machine less. The last run's outcome is the case's.
   */
  <T> CompletableFuture<T> submitRerunning(String name, IntFunction<T> run, Function<T, Optional<String>> disturbance,
      int maxReruns) {
    return submitRerunning(name, run, disturbance, maxReruns, 0);
  }

  private <T> CompletableFuture<T> submitRerunning(String name, IntFunction<T> run,
      Function<T, Optional<String>> disturbance, int maxReruns, int n) {
    return submit(() -> run.apply(n)).thenCompose(outcome -> {
      Optional<String> why = n >= maxReruns ? Optional.empty() : disturbance.apply(outcome);
      if (why.isEmpty()) {
        return CompletableFuture.completedFuture(outcome);
      }
      reruns.incrementAndGet();
      System.out.println(this.name + ": run again: " + name + ": " + why.get());
      return submitRerunning(name, run, disturbance, maxReruns, n + 1);
    });
  }

  /** How many runs again {@link #submitRerunning} made. */
  int reruns() {
    return reruns.get();
  }

  /** How many cases were submitted. */
  int count() {
    return submitted.get();
  }

  /** From the start of the first case to the end of the last one that ended. */
  Duration wallTime() {
    long first = firstStart.get();
    long last = lastEnd.get();
    return last < first ? Duration.ZERO : Duration.ofNanos(last - first);
  }

  /** The longest case, setup included. */
  Duration slowestCase() {
    return Duration.ofNanos(slowest.get());
  }

  @Override
  public void close() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
