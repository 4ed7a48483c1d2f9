package io.imfacade.simulator;

import java.time.Duration;

/**
 * The faults a simulator injects, for testing how a client copes with a slow, failing or
 * overloaded vendor. Thread-safe; every method returns this schedule so that calls chain:
 *
 * <pre>{@code
 * simulator.faults().latency(Duration.ofMillis(20)).failNext(2, 503).faultNext(1, Fault.CONNECTION_RESET);
 * }</pre>
 *
 * <p>The one-shot faults ({@code failNext}, {@code rateLimitNext}, {@code faultNext}) queue up in
 * the order they are scheduled: each of the next requests takes the oldest fault still pending.
 * They hit API requests only, never the Easemob token request, unless scheduled through {@link
 * #includingToken()}. A faulted request is not carried out (except {@link Fault#delay}).
 * The simulator's {@code reset()} clears the schedule.
 */
public interface Faults {

  /**
   * Delays every answer by {@code latency}, token requests and faulted answers included, until set
   * again; {@link Duration#ZERO} turns it off. Like network latency, it costs no server capacity.
   */
  Faults latency(Duration latency);

  /**
   * The next {@code n} requests fail with HTTP {@code status} (400 to 599) and the vendor's error
   * body for it. Easemob: a JSON error body such as {@code {"error":"internal_server_error",...}};
   * 502 and 504 answer an HTML gateway page instead. NetEase answers business failures with HTTP
   * 200 and the code in the body ({@code {"code":500,"desc":...}}); 502 and 504 are real HTTP
   * statuses with an HTML page there too.
   */
  Faults failNext(int n, int status);

  /**
   * The next {@code n} requests are answered as rate limited: Easemob HTTP 429 {@code reach_limit},
   * NetEase code 416. With a non-null {@code retryAfter}, the answer carries a {@code Retry-After}
   * header in whole seconds (rounded up), which neither vendor documents but clients may honour.
   */
  Faults rateLimitNext(int n, Duration retryAfter);

  /** The next {@code n} requests get {@code fault} instead of a normal answer. */
  Faults faultNext(int n, Fault fault);

  /**
   * A view of this schedule whose one-shot faults also hit the Easemob token request (NetEase has
   * none). Latency and the queue are shared with this schedule.
   */
  Faults includingToken();

  /** Removes the latency and every pending fault. */
  Faults clear();
}
