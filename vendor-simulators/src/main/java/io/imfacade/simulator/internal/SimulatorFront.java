package io.imfacade.simulator.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.imfacade.simulator.Fault;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The HTTP front of every vendor simulator, so that faults, latency and lost answers work alike
 * for all vendors: a request is counted, gets the current latency and the next one-shot fault of
 * the {@link FaultSchedule}; if none stops it, the vendor's API carries it out, and its answer may
 * still be lost. Only the vendors' bodies differ; the constructor takes them. It also keeps the
 * servers it is installed on, whose request journals a reset empties. Thread-safe. Internal.
 */
public final class SimulatorFront {

  private final String pathPrefix;
  private final IntFunction<Answer> failure;
  private final Supplier<Answer> rateLimited;
  private final String cutShortBody;
  private final FaultSchedule faults = new FaultSchedule();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong tokenRequests = new AtomicLong();
  private final List<WireMockServer> servers = new CopyOnWriteArrayList<>();
  /** Key (see {@link #respond}) to how many of its next answers are lost after the request is carried out. */
  private final Map<String, Integer> lostAnswers = new HashMap<>();

  /**
   * A front for the vendor API below {@code pathPrefix}.
   *
   * @param failure the vendor's answer to an injected failure status (502 and 504 excepted: a
   *     gateway answers those, alike for every vendor)
   * @param rateLimited the vendor's rate-limit answer, before any {@code Retry-After}
   * @param cutShortBody the start of a success body, cut off where the JSON is still open
   */
  public SimulatorFront(String pathPrefix, IntFunction<Answer> failure, Supplier<Answer> rateLimited, String cutShortBody) {
    this.pathPrefix = pathPrefix;
    this.failure = failure;
    this.rateLimited = rateLimited;
    this.cutShortBody = cutShortBody;
  }

  /** Routes every request below the path prefix on {@code server} to {@code simulator} (see {@link WireMockSupport#install}). */
  public void install(WireMockServer server, Extension simulator) {
    WireMockSupport.install(server, simulator, pathPrefix);
    servers.add(server);
  }

  /**
   * Answers one request: {@code api} carries it out unless a fault stops it first, and then its
   * answer is lost if {@link #loseAnswers} asked so for {@code lossKey}. Faults scheduled for API
   * requests skip a token request, which never loses its answer.
   */
  public ResponseDefinition respond(boolean tokenRequest, String lossKey, Supplier<Answer> api) {
    (tokenRequest ? tokenRequests : requests).incrementAndGet();
    Duration delay = faults.currentLatency();
    Optional<ScheduledFault> scheduled = faults.poll(tokenRequest);
    if (scheduled.isPresent()) {
      ScheduledFault fault = scheduled.get();
      switch (fault.type()) {
        case FAIL:
          return WireMockSupport.render(failure(fault.status()), delay);
        case RATE_LIMIT:
          Answer limited = rateLimited.get();
          String retryAfter = fault.retryAfterSeconds();
          return WireMockSupport.render(retryAfter == null ? limited : limited.withHeader("Retry-After", retryAfter), delay);
        default:
          Fault.Kind kind = fault.fault().kind();
          if (kind == Fault.Kind.MALFORMED_JSON) {
            return WireMockSupport.render(Answer.text(200, Answer.JSON_UTF8, cutShortBody), delay);
          }
          if (kind != Fault.Kind.DELAY) {
            return WireMockSupport.renderFault(kind, delay);
          }
          delay = delay.plus(fault.fault().delay());
      }
    }
    Answer answer = api.get();
    if (!tokenRequest && takeLostAnswer(lossKey)) {
      // Carried out, then the connection breaks: the client cannot know that its write landed.
      return WireMockSupport.renderFault(Fault.Kind.CONNECTION_RESET, delay);
    }
    return WireMockSupport.render(answer, delay);
  }

  /** A 502 or 504 comes from a gateway before the vendor's server, so its HTML page is the same for every vendor. */
  private Answer failure(int status) {
    return switch (status) {
      case 502 -> Answer.text(502, "text/html", "<html>Bad Gateway</html>");
      case 504 -> Answer.text(504, "text/html", "<html>Gateway Timeout</html>");
      default -> failure.apply(status);
    };
  }

  /**
   * The next {@code n} requests with {@code lossKey} (after the fault schedule: a faulted request
   * is not carried out and does not count) are carried out and then the connection is reset.
   */
  public void loseAnswers(String lossKey, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    synchronized (lostAnswers) {
      lostAnswers.merge(lossKey, n, Integer::sum);
    }
  }

  private boolean takeLostAnswer(String lossKey) {
    synchronized (lostAnswers) {
      Integer left = lostAnswers.remove(lossKey);
      if (left != null && left > 1) {
        lostAnswers.put(lossKey, left - 1);
      }
      return left != null;
    }
  }

  /** The fault schedule. */
  public FaultSchedule faults() {
    return faults;
  }

  /** API requests (all but token requests) since the last reset, faulted ones included. */
  public long requests() {
    return requests.get();
  }

  /** Token requests since the last reset, faulted ones included. */
  public long tokenRequests() {
    return tokenRequests.get();
  }

  /** Clears the faults, lost answers included, and the counters, and empties the running servers' request journals. */
  public void reset() {
    faults.clear();
    synchronized (lostAnswers) {
      lostAnswers.clear();
    }
    requests.set(0);
    tokenRequests.set(0);
    servers.removeIf(server -> !server.isRunning());
    servers.forEach(WireMockServer::resetRequests);
  }
}
