package io.imfacade.tck.faults;

import io.imfacade.ImConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short transport settings the fault tests run with, so that a fault costs milliseconds to
 * a second, and a call that overruns its deadline is told apart at once: two attempts, backoffs
 * of 10 to 20 ms, and timeouts by fault.
 *
 * <ul>
 *   <li>Most faults answer at once: a read timeout of {@link #READ_TIMEOUT} and a deadline of
 *       {@link #CALL_TIMEOUT}, roomy enough for a loaded machine (the matrix runs its cases side
 *       by side, on two cores shared with other builds) to answer a plain request in time.
 *   <li>{@link VendorFault#PAST_READ_TIMEOUT} answers {@link #SLOW_ANSWER} late: its clients have
 *       a read timeout of {@link #SHORT_READ_TIMEOUT}, so each attempt ends by it, twice within
 *       the deadline of {@link #SHORT_CALL_TIMEOUT}.
 *   <li>{@link VendorFault#SLOW_BODY} trickles its body in for {@link #TRICKLE}, each piece well
 *       within the read timeout: only the deadline of {@link #SHORT_CALL_TIMEOUT} can end it.
 * </ul>
 */
final class FaultSettings {

  /** {@code http.readTimeoutMs} of most faults. */
  static final Duration READ_TIMEOUT = Duration.ofMillis(1000);
  /** {@code http.callTimeoutMs} of most faults: the deadline of one neutral call. */
  static final Duration CALL_TIMEOUT = Duration.ofMillis(3000);
  /** {@code http.readTimeoutMs} against {@link VendorFault#PAST_READ_TIMEOUT}. */
  static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(400);
  /** {@code http.callTimeoutMs} against the slow faults. */
  static final Duration SHORT_CALL_TIMEOUT = Duration.ofMillis(2000);
  /** {@code retry.maxAttempts}. */
  static final int MAX_ATTEMPTS = 2;
  /**
   * What a call may take beyond its deadline: the time to notice it (OkHttp's call timeout fires
   * on its watchdog thread) and to build the exception, on a loaded machine.
   */
  static final Duration DEADLINE_MARGIN = Duration.ofMillis(500);
  /** How late {@link VendorFault#PAST_READ_TIMEOUT} answers: past the read timeout, and past the deadline. */
  static final Duration SLOW_ANSWER = Duration.ofMillis(2500);
  /** How long the body of {@link VendorFault#SLOW_BODY} takes to arrive, in {@link #TRICKLE_PIECES} pieces. */
  static final Duration TRICKLE = Duration.ofMillis(4000);
  /** The pieces of that body: one every 200 ms, within any read timeout. */
  static final int TRICKLE_PIECES = 20;
  /**
   * The {@code Retry-After} of {@link VendorFault#RATE_LIMITED_PAST_DEADLINE}: more than the
   * deadline, less than the 5 s from which one client's 429 pauses its whole app (which would
   * slow the other cases of the app down).
   */
  static final Duration LONG_RETRY_AFTER = Duration.ofSeconds(4);
  /** The size of the large bodies: 256 times the transport's cap on error bodies. */
  static final int LARGE_BODY_BYTES = 2 * 1024 * 1024;

  private FaultSettings() {}

  /** The read timeout of the clients that meet {@code fault}. */
  static Duration readTimeout(VendorFault fault) {
    return fault == VendorFault.PAST_READ_TIMEOUT ? SHORT_READ_TIMEOUT : READ_TIMEOUT;
  }

  /** The deadline of the calls that meet {@code fault}. */
  static Duration callTimeout(VendorFault fault) {
    return fault == VendorFault.PAST_READ_TIMEOUT || fault == VendorFault.SLOW_BODY ? SHORT_CALL_TIMEOUT : CALL_TIMEOUT;
  }

  /** The common keys of a client that meets {@code fault}: its timeouts, two attempts, small backoffs, no client-side rate limit to speak of. */
  static Map<String, String> transport(VendorFault fault) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put(ImConfig.HTTP_CONNECT_TIMEOUT_MS, "1000");
    config.put(ImConfig.HTTP_READ_TIMEOUT_MS, Long.toString(readTimeout(fault).toMillis()));
    config.put(ImConfig.HTTP_CALL_TIMEOUT_MS, Long.toString(callTimeout(fault).toMillis()));
    config.put(ImConfig.RETRY_MAX_ATTEMPTS, Integer.toString(MAX_ATTEMPTS));
    config.put(ImConfig.RETRY_INITIAL_BACKOFF_MS, "10");
    config.put(ImConfig.RETRY_MAX_BACKOFF_MS, "20");
    config.put(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "5000");
    return config;
  }
}
