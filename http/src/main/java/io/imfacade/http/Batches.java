package io.imfacade.http;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a large input as vendor-sized chunks with bounded parallelism and merges the results in
 * input order. The first failing chunk fails the call (the others are cancelled); nothing is
 * dropped silently. Worker threads are daemon threads shared through the {@link ProviderContext}.
 *
 * <p>The calling thread works on chunks too, and the shared workers only help: a call therefore
 * always progresses, even when every shared worker is busy (for instance with chunks of calls
 * made from inside a chunk).
 */
public final class Batches {

  private static final String WORKERS_KEY = Batches.class.getName() + ".workers";

  private Batches() {}

  /**
   * Splits {@code items} into chunks of at most {@code chunkSize}, runs {@code work} on them with
   * at most {@code parallelism} chunks in flight, and returns the results in chunk order. A single
   * chunk runs on the calling thread.
   *
   * @throws IllegalArgumentException if {@code chunkSize} or {@code parallelism} is below 1
   * @throws RuntimeException the first failure of a chunk, as it was thrown
   */
  public static <T, R> List<R> inChunks(ProviderContext context, List<T> items, int chunkSize, int parallelism, Function<List<T>, R> work) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(work, "work");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += chunkSize) {
      // A copy: the caller may change its list while chunks are in flight.
      chunks.add(Collections.unmodifiableList(new ArrayList<>(items.subList(from, Math.min(items.size(), from + chunkSize)))));
    }
    if (chunks.size() <= 1 || parallelism == 1) {
      List<R> results = new ArrayList<>(chunks.size());
      for (List<T> chunk : chunks) {
        results.add(work.apply(chunk));
      }
      return Collections.unmodifiableList(results);
    }
    ExecutorService workers = context.shared(WORKERS_KEY, SharedWorkers.class, SharedWorkers::new).executor;
    return new Run<>(chunks, work).execute(workers, Math.min(parallelism, chunks.size()));
  }

  /** One call's chunks, claimed one at a time by the caller and up to parallelism-1 helpers. */
  private static final class Run<T, R> {
    private final List<List<T>> chunks;
    private final Function<List<T>, R> work;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Counts finished chunks; released at once by the first failure. */
    private final CountDownLatch finished;

    Run(List<List<T>> chunks, Function<List<T>, R> work) {
      this.chunks = chunks;
      this.work = work;
      this.results = new Object[chunks.size()];
      this.finished = new CountDownLatch(chunks.size());
    }

    List<R> execute(ExecutorService workers, int parallelism) {
      List<Future<?>> helpers = new ArrayList<>(parallelism - 1);
      for (int i = 1; i < parallelism; i++) {
        try {
          helpers.add(workers.submit(this::work));
        } catch (RejectedExecutionException e) {
          break; // closing context: the caller does the rest alone
        }
      }
      work();
      try {
        finished.await();
      } catch (InterruptedException e) {
        cancel(helpers);
        throw Failures.interrupted(ErrorDetails.none(), "waiting for batch chunks", e);
      }
      Throwable first = failure.get();
      if (first != null) {
        cancel(helpers);
        throw rethrowable(first);
      }
      @SuppressWarnings("unchecked")
      List<R> ordered = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
      return ordered;
    }

    private void work() {
      while (failure.get() == null) {
        int i = next.getAndIncrement();
        if (i >= chunks.size()) {
          return;
        }
        try {
          results[i] = work.apply(chunks.get(i));
          finished.countDown();
        } catch (Throwable t) {
          if (failure.compareAndSet(null, t)) {
            while (finished.getCount() > 0) {
              finished.countDown();
            }
          }
          return;
        }
      }
    }

    private static void cancel(List<Future<?>> helpers) {
      // Interrupts chunks still in flight: their waits (backoff, rate limit) end at once.
      helpers.forEach(f -> f.cancel(true));
    }

    private static RuntimeException rethrowable(Throwable t) {
      if (t instanceof RuntimeException) {
        return (RuntimeException) t; // ImException as it is
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
      return new ImException("a batch chunk failed: " + t.getClass().getName(), ErrorDetails.none(), t);
    }
  }

  /** The context's pool of batch workers, shut down with it. */
  static final class SharedWorkers implements AutoCloseable {
    final ThreadPoolExecutor executor;

    SharedWorkers() {
      int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
      executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          DaemonThreads.factory("imfacade-http-"));
      executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
