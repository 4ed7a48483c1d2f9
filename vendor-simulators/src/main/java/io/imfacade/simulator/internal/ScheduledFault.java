package io.imfacade.simulator.internal;

import io.imfacade.simulator.Fault;
import java.time.Duration;
import java.util.Objects;

/** One fault taken from a {@link FaultSchedule} for one request. Immutable. Internal. */
public final class ScheduledFault {

  /** What the request gets. */
  public enum Type {
    /** An error status: {@link #status()}. */
    FAIL,
    /** The vendor's rate-limit answer, with an optional {@link #retryAfter()}. */
    RATE_LIMIT,
    /** A transport fault or a delay: {@link #fault()}. */
    TRANSPORT
  }

  private final Type type;
  private final int status;
  private final Duration retryAfter;
  private final Fault fault;

  private ScheduledFault(Type type, int status, Duration retryAfter, Fault fault) {
    this.type = type;
    this.status = status;
    this.retryAfter = retryAfter;
    this.fault = fault;
  }

  static ScheduledFault fail(int status) {
    return new ScheduledFault(Type.FAIL, status, null, null);
  }

  static ScheduledFault rateLimit(Duration retryAfter) {
    return new ScheduledFault(Type.RATE_LIMIT, 0, retryAfter, null);
  }

  static ScheduledFault transport(Fault fault) {
    return new ScheduledFault(Type.TRANSPORT, 0, null, Objects.requireNonNull(fault, "fault"));
  }

  /** The kind of answer. */
  public Type type() {
    return type;
  }

  /** The HTTP (or NetEase body) status of a {@link Type#FAIL}. */
  public int status() {
    return status;
  }

  /** The Retry-After of a {@link Type#RATE_LIMIT}, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The fault of a {@link Type#TRANSPORT}, or null. */
  public Fault fault() {
    return fault;
  }

  /** The Retry-After header value in whole seconds, rounded up, or null. */
  public String retryAfterSeconds() {
    if (retryAfter == null) {
      return null;
    }
    long millis = retryAfter.toMillis();
    return Long.toString(Math.max(0, (millis + 999) / 1000));
  }

  @Override
  public String toString() {
    return switch (type) {
      case FAIL -> "FAIL(" + status + ")";
      case RATE_LIMIT -> "RATE_LIMIT(" + retryAfter + ")";
      default -> fault.toString();
    };
  }
}
