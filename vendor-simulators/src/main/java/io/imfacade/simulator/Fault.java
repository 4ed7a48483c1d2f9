package io.imfacade.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A broken answer a simulator can be told to give instead of a normal one, with {@link
 * Faults#faultNext(int, Fault)}. Immutable.
 *
 * <p>Every kind except {@link #delay(Duration)} answers without touching the simulator's state: the
 * request is lost on the way, as when a connection breaks before the vendor sees it. A delayed
 * request is carried out, and only its answer is late, so a client that times out cannot know
 * whether its write happened — like against the real vendor.
 */
public final class Fault {

  /** The kinds of fault. */
  public enum Kind {
    /** The connection is reset before any answer (a TCP RST). */
    CONNECTION_RESET,
    /** The connection is closed without any answer. */
    EMPTY_RESPONSE,
    /** HTTP 200 with a truncated JSON body, such as <code>{"data":</code> for Easemob. */
    MALFORMED_JSON,
    /** Random bytes instead of HTTP, then the connection is closed. */
    RANDOM_BYTES,
    /** The normal answer, sent late. */
    DELAY
  }

  /** The connection is reset before any answer. */
  public static final Fault CONNECTION_RESET = new Fault(Kind.CONNECTION_RESET, Duration.ZERO);

  /** The connection is closed without any answer. */
  public static final Fault EMPTY_RESPONSE = new Fault(Kind.EMPTY_RESPONSE, Duration.ZERO);

  /** HTTP 200 whose JSON body is cut short. */
  public static final Fault MALFORMED_JSON = new Fault(Kind.MALFORMED_JSON, Duration.ZERO);

  /** Random bytes instead of an HTTP answer, then the connection is closed. */
  public static final Fault RANDOM_BYTES = new Fault(Kind.RANDOM_BYTES, Duration.ZERO);

  private final Kind kind;
  private final Duration delay;

  private Fault(Kind kind, Duration delay) {
    this.kind = kind;
    this.delay = delay;
  }

  /**
   * The normal answer, sent {@code delay} later than it would be (on top of any {@link
   * Faults#latency(Duration) latency}). The request itself is carried out.
   */
  public static Fault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new Fault(Kind.DELAY, delay);
  }

  /** What happens to the answer. */
  public Kind kind() {
    return kind;
  }

  /** The extra delay of a {@link Kind#DELAY} fault; zero for the other kinds. */
  public Duration delay() {
    return delay;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault && ((Fault) o).kind == kind && ((Fault) o).delay.equals(delay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, delay);
  }

  @Override
  public String toString() {
    return kind == Kind.DELAY ? "DELAY(" + delay + ")" : kind.name();
  }
}
