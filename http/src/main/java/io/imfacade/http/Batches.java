package io.imfacade.http;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.spi.CallContext;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
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
import org.jspecify.annotations.Nullable;

/**
 * Runs a large input as vendor-sized chunks with bounded parallelism and keeps the results in
 * input order: {@link #inChunks} (the first failing chunk fails the call, the others are
 * cancelled), {@link #readInOrder} (a batch read merged in the order of its ids) and {@link
 * #inChunksSettled} (every chunk's outcome, for batch writes). Nothing is dropped silently. Worker
 * threads are daemon threads shared through the {@link ProviderContext}; they run the chunks in the
 * caller's {@link CallContext}, so that all chunks share the call's deadline.
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
    List<List<T>> chunks = chunks(context, items, chunkSize, parallelism, work);
    if (chunks.size() <= 1 || parallelism == 1) {
      List<R> results = new ArrayList<>(chunks.size());
      for (List<T> chunk : chunks) {
        results.add(work.apply(chunk));
      }
      return Collections.unmodifiableList(results);
    }
    List<Settled<T, R>> settled = new Run<>(chunks, work, true).execute(workers(context), Math.min(parallelism, chunks.size()));
    List<R> results = new ArrayList<>(settled.size());
    settled.forEach(s -> results.add(s.result));
    return Collections.unmodifiableList(results);
  }

  /**
   * Like {@link #inChunks}, but every chunk runs whatever happens to the others, and each chunk's
   * outcome (its result or its {@link ImException}) is returned, in chunk order. For batch writes,
   * where what earlier chunks did must be reported even when a later chunk fails.
   *
   * @throws ImException only when the calling thread is interrupted while waiting
   * @throws Error an {@link Error} thrown by a chunk, as it was thrown
   */
  public static <T, R> List<Settled<T, R>> inChunksSettled(ProviderContext context, List<T> items, int chunkSize,
      int parallelism, Function<List<T>, R> work) {
    List<List<T>> chunks = chunks(context, items, chunkSize, parallelism, work);
    if (chunks.size() <= 1 || parallelism == 1) {
      List<Settled<T, R>> results = new ArrayList<>(chunks.size());
      for (List<T> chunk : chunks) {
        results.add(Settled.of(chunk, work));
      }
      return Collections.unmodifiableList(results);
    }
    return new Run<>(chunks, work, false).execute(workers(context), Math.min(parallelism, chunks.size()));
  }

  /**
   * Reads {@code ids} in chunks and merges the chunks' maps into one map in the order of {@code
   * ids}; ids no chunk answered are absent. The order-preserving read every batch read needs.
   *
   * <p>The maps {@code read} returns are handed over: a single chunk's map that is already in the
   * order of {@code ids} becomes the (unmodifiable) result as it is, so {@code read} must return a
   * fresh map and not keep it.
   */
  public static <K, V> Map<K, V> readInOrder(ProviderContext context, List<K> ids, int chunkSize, int parallelism,
      Function<List<K>, Map<K, V>> read) {
    if (ids.size() <= chunkSize) {
      Map<K, V> one = ids.isEmpty() ? Map.of() : read.apply(ids);
      return inOrder(ids, List.of(one));
    }
    return inOrder(ids, inChunks(context, ids, chunkSize, parallelism, read));
  }

  private static <K, V> Map<K, V> inOrder(List<K> ids, List<Map<K, V>> parts) {
    if (parts.size() == 1 && inOrderAlready(ids, parts.get(0))) {
      // The usual single chunk whose answer came in request order: no copy needed.
      return Collections.unmodifiableMap(parts.get(0));
    }
    Map<K, V> all = parts.size() == 1 ? parts.get(0) : new HashMap<>();
    if (parts.size() > 1) {
      parts.forEach(all::putAll);
    }
    Map<K, V> ordered = new LinkedHashMap<>(Math.max(16, all.size() * 2));
    for (K id : ids) {
      V value = all.get(id);
      if (value != null) {
        ordered.put(id, value);
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  /**
   * Whether {@code part} holds only keys of {@code ids}, none with a null value, in the order of
   * their first appearance in {@code ids}: then it is already what the ordering copy would make of
   * it. An id passed over on the way to the next key must be absent from {@code part}, or that key
   * came out of order (or ids repeat).
   */
  private static <K, V> boolean inOrderAlready(List<K> ids, Map<K, V> part) {
    int next = 0;
    int n = ids.size();
    for (Map.Entry<K, V> e : part.entrySet()) {
      if (e.getValue() == null) {
        return false;
      }
      K key = e.getKey();
      while (next < n && !ids.get(next).equals(key)) {
        if (part.containsKey(ids.get(next))) {
          return false;
        }
        next++;
      }
      if (next == n) {
        return false; // not asked for, or out of order
      }
      next++;
    }
    return true;
  }

  private static <T> List<List<T>> chunks(ProviderContext context, List<T> items, int chunkSize, int parallelism,
      Object work) {
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
    return chunks;
  }

  private static ExecutorService workers(ProviderContext context) {
    return context.shared(WORKERS_KEY, SharedWorkers.class, SharedWorkers::new).executor;
  }

  /**
   * The outcome of one chunk: its items and either its result or the failure that ended it.
   *
   * @param <T> the item type
   * @param <R> the result type
   */
  public static final class Settled<T, R> {
    private final List<T> chunk;
    private final @Nullable R result;
    private final @Nullable ImException failure;

    private Settled(List<T> chunk, @Nullable R result, @Nullable ImException failure) {
      this.chunk = chunk;
      this.result = result;
      this.failure = failure;
    }

    static <T, R> Settled<T, R> of(List<T> chunk, Function<List<T>, R> work) {
      try {
        return new Settled<>(chunk, work.apply(chunk), null);
      } catch (ImException e) {
        return new Settled<>(chunk, null, e);
      } catch (RuntimeException e) {
        return new Settled<>(chunk, null, new ImException("a batch chunk failed: " + e.getClass().getName(),
            ErrorDetails.none(), e));
      }
    }

    /** The chunk's items. */
    public List<T> chunk() {
      return chunk;
    }

    /** The chunk's result, when it succeeded. */
    public Optional<R> result() {
      return Optional.ofNullable(result);
    }

    /** What ended the chunk, when it failed. */
    public Optional<ImException> failure() {
      return Optional.ofNullable(failure);
    }
  }

  /** One call's chunks, claimed one at a time by the caller and up to parallelism-1 helpers. */
  private static final class Run<T, R> {
    private final List<List<T>> chunks;
    private final Function<List<T>, R> work;
    private final boolean failFast;
    private final Object[] outcomes;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Counts finished chunks; released at once by the first failure when failing fast. */
    private final CountDownLatch finished;

    Run(List<List<T>> chunks, Function<List<T>, R> work, boolean failFast) {
      this.chunks = chunks;
      this.work = work;
      this.failFast = failFast;
      this.outcomes = new Object[chunks.size()];
      this.finished = new CountDownLatch(chunks.size());
    }

    List<Settled<T, R>> execute(ExecutorService workers, int parallelism) {
      List<Future<?>> helpers = new ArrayList<>(parallelism - 1);
      // The helpers work in the caller's call: its deadline, its tenant on their exceptions, its MDC.
      Callable<Void> help = CallContext.wrap((Callable<Void>) () -> {
        work();
        return null;
      });
      for (int i = 1; i < parallelism; i++) {
        try {
          helpers.add(workers.submit(help));
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
      List<Settled<T, R>> ordered = new ArrayList<>(outcomes.length);
      for (Object o : outcomes) {
        @SuppressWarnings("unchecked")
        Settled<T, R> settled = (Settled<T, R>) o;
        ordered.add(settled);
      }
      return Collections.unmodifiableList(ordered);
    }

    private void work() {
      while (failure.get() == null) {
        int i = next.getAndIncrement();
        if (i >= chunks.size()) {
          return;
        }
        try {
          // Settled.of keeps any exception as the chunk's outcome: only an Error escapes it.
          outcomes[i] = failFast ? new Settled<>(chunks.get(i), work.apply(chunks.get(i)), null) : Settled.of(chunks.get(i), work);
          finished.countDown();
        } catch (Throwable t) {
          // Ends the call (the caller rethrows it) instead of leaving it waiting for this chunk.
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
