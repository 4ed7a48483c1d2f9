package io.imfacade.migrate.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs units of work on a pool, at most {@code window} at a time, and hands their results to the
 * calling thread strictly in the order the units were given. A checkpoint can then record "the
 * first N records are done" and nothing else: whatever finished after the first unit that did
 * not is simply redone by a resumed run, and every write is idempotent. Internal.
 */
final class OrderedRun {

  /** How a run of units ended. */
  record Outcome(boolean cancelled, @Nullable Throwable failure) {}

  private final ExecutorService pool;
  private final int window;

  OrderedRun(ExecutorService pool, int window) {
    this.pool = pool;
    this.window = Math.max(1, window);
  }

  /**
   * Submits the units of {@code tasks} and commits their results in order, on this thread.
   *
   * @param cancelled polled between units: once true, nothing new is started, and what is under
   *     way is still committed
   * @return why it stopped early, if it did: cancelled, or the first unit that failed (the results
   *     after it are not committed)
   */
  Outcome run(Iterator<Callable<UnitResult>> tasks, Consumer<UnitResult> commit, BooleanSupplier cancelled) {
    Deque<Future<UnitResult>> inFlight = new ArrayDeque<>();
    boolean stop = false;
    boolean wasCancelled = false;
    Throwable failure = null;
    try {
      while (true) {
        if (!stop && cancelled.getAsBoolean()) {
          stop = true;
          wasCancelled = true;
        }
        while (!stop && inFlight.size() < window && tasks.hasNext()) {
          inFlight.addLast(pool.submit(tasks.next()));
        }
        Future<UnitResult> head = inFlight.pollFirst();
        if (head == null) {
          break;
        }
        UnitResult result;
        try {
          result = head.get();
        } catch (ExecutionException e) {
          failure = e.getCause();
          break;
        } catch (InterruptedException e) {
          inFlight.addFirst(head); // still under way: awaited below
          Thread.currentThread().interrupt();
          // Interrupted like a cancelled run: finish what is under way, but commit nothing more.
          wasCancelled = true;
          break;
        }
        commit.accept(result);
      }
    } catch (RuntimeException | Error e) {
      // A listener, the source iterator or a file: the run stops like a crash, as documented.
      failure = failure == null ? e : failure;
    } finally {
      awaitAll(inFlight);
    }
    return new Outcome(wasCancelled, failure);
  }

  /**
   * Lets the units under way finish (their writes are idempotent, and a half-done request is
   * worse than a finished one) without committing them.
   */
  private static void awaitAll(Deque<Future<UnitResult>> inFlight) {
    boolean interrupted = Thread.interrupted();
    for (Future<UnitResult> f : inFlight) {
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
