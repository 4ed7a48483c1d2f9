package io.imfacade.http;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import retrofit2.Call;

/**
 * Cancels the HTTP calls that are still running when their deadline passes, for every client of
 * the JVM, on one daemon thread that looks at the calls in flight once per tick.
 *
 * <p>Why not OkHttp's call timeout: it is enforced by okio's watchdog thread, and a call that
 * enters an empty watchdog queue signals that thread, so every sequential call costs a thread
 * wake-up (two futex calls and a context switch, measured at 1–3 % of a loopback call; see
 * BENCHMARKS.md §2). Here a call only joins a lock-free queue and leaves it by a volatile write; the
 * thread wakes once per tick whatever the call rate. The price is precision: a call ends at most
 * one tick after its deadline, which is nothing next to deadlines of seconds.
 *
 * <p>The thread runs only while there are calls to watch: after {@code idle} with none, it ends
 * (so that an unused library holds no thread and pins no class loader), and the next call starts
 * a new one. Thread-safe.
 */
final class DeadlineWatch {

  /** The instance every executor uses. */
  static final DeadlineWatch SHARED = new DeadlineWatch(Duration.ofMillis(10), Duration.ofSeconds(2),
      DaemonThreads.factory("imfacade-deadlines-"));

  private final long tickNanos;
  private final long idleNanos;
  private final ThreadFactory threads;
  private final ConcurrentLinkedQueue<Watched> watched = new ConcurrentLinkedQueue<>();
  /** Whether a thread is watching; set by whoever starts one, cleared by the thread that ends. */
  private final AtomicBoolean running = new AtomicBoolean();

  DeadlineWatch(Duration tick, Duration idle, ThreadFactory threads) {
    this.tickNanos = tick.toNanos();
    this.idleNanos = idle.toNanos();
    this.threads = threads;
  }

  /**
   * Watches {@code call} until the returned entry is {@linkplain Watched#close closed}: if it is
   * still open at {@code deadlineNanoTime} (on {@link System#nanoTime}'s scale), the call is
   * cancelled and the entry says it {@linkplain Watched#expired expired}.
   */
  Watched watch(Call<?> call, long deadlineNanoTime) {
    Watched entry = new Watched(call, deadlineNanoTime);
    watched.add(entry);
    if (!running.get() && running.compareAndSet(false, true)) {
      try {
        threads.newThread(this::watchWhileBusy).start();
      } catch (RuntimeException | Error e) {
        running.set(false); // no thread (out of native threads): the next call tries again
        throw e;
      }
    }
    return entry;
  }

  /** Whether a thread is watching now (tests). */
  boolean isRunning() {
    return running.get();
  }

  private void watchWhileBusy() {
    boolean handedOver = false;
    try {
      long lastBusy = System.nanoTime();
      while (true) {
        Thread.interrupted(); // nobody may stop the watch; a kept interrupt would make parkNanos spin
        LockSupport.parkNanos(this, tickNanos);
        long now = System.nanoTime();
        if (sweep(now)) {
          lastBusy = now;
        } else if (now - lastBusy >= idleNanos) {
          running.set(false);
          handedOver = true;
          // A call that joined after the sweep may have seen the flag still set and started no
          // thread: this one carries on for it, unless a new thread has already taken over.
          if (watched.isEmpty() || !running.compareAndSet(false, true)) {
            return;
          }
          handedOver = false;
        }
      }
    } finally {
      if (!handedOver) {
        running.set(false); // ended by an Error: the next call starts a new thread
      }
    }
  }

  /** Drops closed entries, cancels expired ones; whether any call is still being watched. */
  private boolean sweep(long now) {
    boolean busy = false;
    for (Iterator<Watched> it = watched.iterator(); it.hasNext(); ) {
      Watched entry = it.next();
      if (entry.closed) {
        it.remove();
      } else if (entry.isDue(now)) {
        it.remove(); // first: a cancel that throws an Error must not meet the next thread again
        entry.expire();
      } else {
        busy = true;
      }
    }
    return busy;
  }

  /** One watched call: close it when the call is over. */
  static final class Watched implements AutoCloseable {
    private final Call<?> call;
    private final long deadlineNanoTime;
    private volatile boolean closed;
    private volatile boolean expired;

    private Watched(Call<?> call, long deadlineNanoTime) {
      this.call = call;
      this.deadlineNanoTime = deadlineNanoTime;
    }

    /** Whether the deadline passed while the call ran, so that it was cancelled. */
    boolean expired() {
      return expired;
    }

    /** The call is over: it is no longer watched. */
    @Override
    public void close() {
      closed = true;
    }

    private boolean isDue(long now) {
      return now - deadlineNanoTime >= 0;
    }

    private void expire() {
      expired = true; // before the cancel, so that the failure it causes is read as the deadline
      try {
        call.cancel();
      } catch (RuntimeException e) {
        // A call that cannot be cancelled ends by its socket timeouts; the watch must go on.
      }
    }
  }
}
