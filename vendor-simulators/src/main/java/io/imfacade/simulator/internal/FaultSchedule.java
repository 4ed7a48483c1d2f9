package io.imfacade.simulator.internal;

import io.imfacade.simulator.Fault;
import io.imfacade.simulator.Faults;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/** The {@link Faults} of one simulator. Thread-safe. Internal. */
public final class FaultSchedule implements Faults {

  /** State shared by the schedule and its {@link #includingToken()} view. */
  private static final class Shared {
    private Duration latency = Duration.ZERO;
    private final Deque<Pending> queue = new ArrayDeque<>();
  }

  private static final class Pending {
    final ScheduledFault fault;
    final boolean tokenToo;
    int remaining;

    Pending(ScheduledFault fault, boolean tokenToo, int remaining) {
      this.fault = fault;
      this.tokenToo = tokenToo;
      this.remaining = remaining;
    }
  }

  private final Shared shared;
  private final boolean tokenToo;

  /** An empty schedule: no latency, no pending fault. */
  public FaultSchedule() {
    this(new Shared(), false);
  }

  private FaultSchedule(Shared shared, boolean tokenToo) {
    this.shared = shared;
    this.tokenToo = tokenToo;
  }

  @Override
  public Faults latency(Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    synchronized (shared) {
      shared.latency = latency;
    }
    return this;
  }

  @Override
  public Faults failNext(int n, int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400 to 599: " + status);
    }
    return enqueue(n, ScheduledFault.fail(status));
  }

  @Override
  public Faults rateLimitNext(int n, Duration retryAfter) {
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    return enqueue(n, ScheduledFault.rateLimit(retryAfter));
  }

  @Override
  public Faults faultNext(int n, Fault fault) {
    return enqueue(n, ScheduledFault.transport(fault));
  }

  @Override
  public Faults includingToken() {
    return new FaultSchedule(shared, true);
  }

  @Override
  public Faults clear() {
    synchronized (shared) {
      shared.latency = Duration.ZERO;
      shared.queue.clear();
    }
    return this;
  }

  /** The latency every answer gets now. */
  public Duration currentLatency() {
    synchronized (shared) {
      return shared.latency;
    }
  }

  /**
   * Takes the oldest pending fault that applies to this request, if any: faults scheduled without
   * {@link #includingToken()} are left in the queue when {@code tokenRequest} is true.
   */
  public Optional<ScheduledFault> poll(boolean tokenRequest) {
    synchronized (shared) {
      Iterator<Pending> it = shared.queue.iterator();
      while (it.hasNext()) {
        Pending pending = it.next();
        if (tokenRequest && !pending.tokenToo) {
          continue;
        }
        if (--pending.remaining == 0) {
          it.remove();
        }
        return Optional.of(pending.fault);
      }
      return Optional.empty();
    }
  }

  private Faults enqueue(int n, ScheduledFault fault) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    synchronized (shared) {
      shared.queue.addLast(new Pending(fault, tokenToo, n));
    }
    return this;
  }

  @Override
  public String toString() {
    synchronized (shared) {
      StringBuilder s = new StringBuilder("Faults{latency=").append(shared.latency).append(", pending=[");
      boolean first = true;
      for (Pending p : shared.queue) {
        s.append(first ? "" : ", ").append(p.remaining).append('x').append(p.fault);
        first = false;
      }
      return s.append("]}").toString();
    }
  }
}
