package io.imfacade.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.imfacade.BatchOutcome;
import io.imfacade.error.ImException;
import io.imfacade.group.BatchResult;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What one neutral call did: its result or what it threw, how long it took, the requests it sent
 * and the vendor received, and what the client met. The assertions every fault test makes live
 * here.
 *
 * @param ids the ids the case used
 * @param result what the call returned (null for a void call or when it threw)
 * @param thrown what it threw, or null
 * @param elapsed from the call to its end
 * @param sent the requests of the case the client put on the wire, oldest first, app token requests left out
 * @param received the requests of the case the server received, likewise (on a loaded machine, a
 *     request the client gave up on may not reach the server)
 * @param clientFailures the I/O failures the HTTP client met ({@link ClientLog})
 */
record CaseOutcome(CaseIds ids, @Nullable Object result, @Nullable Throwable thrown, Duration elapsed,
    List<SentRequest> sent, List<SentRequest> received, List<ClientLog.Failure> clientFailures) {

  /**
   * How the machine, not {@code fault}, decided the case, if it did, when every request of the case
   * but the app token's meets the fault: see {@link #disturbance(VendorFault, Predicate)}.
   */
  Optional<String> disturbance(VendorFault fault) {
    return disturbance(fault, request -> true);
  }

  /**
   * How the machine, not {@code fault}, decided the case, if it did: the call overran its deadline and
   * margin, or the client met a timeout or a refused connection that the fault does not cause —
   * on a request that does not meet the fault (only {@code faulted} ones do; the app token
   * request never does), any; on one that does, any but the read timeout of {@link
   * VendorFault#PAST_READ_TIMEOUT} and the deadline of {@link VendorFault#SLOW_BODY} (the other
   * faults answer at once). Such a case is run again.
   */
  Optional<String> disturbance(VendorFault fault, Predicate<SentRequest> faulted) {
    if (elapsed.compareTo(FaultSettings.callTimeout(fault).plus(FaultSettings.DEADLINE_MARGIN)) > 0) {
      return Optional.of("the call took " + elapsed.toMillis() + " ms");
    }
    List<Throwable> failures = new ArrayList<>();
    if (thrown != null) {
      failures.add(thrown);
    }
    Members reported = Members.of(result);
    if (reported != null) {
      failures.addAll(reported.failed().values());
    }
    for (Throwable e : causes(failures)) {
      if (e instanceof ImException failure && failure.operation().orElse("").equals("auth.token")) {
        return Optional.of("the app token request failed: " + e); // it meets no fault
      }
    }
    for (ClientLog.Failure failure : clientFailures) {
      boolean meetsFault = faulted.test(failure.request());
      for (Throwable e : causes(List.of(failure.exception()))) {
        if (e instanceof ImException im && im.operation().orElse("").equals("auth.token")) {
          return Optional.of("the app token request failed: " + e);
        }
        boolean connect = e instanceof ConnectException
            || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
        boolean readTimeout = e instanceof SocketTimeoutException && !connect;
        boolean callTimeout = e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
        boolean explained = meetsFault && ((readTimeout && fault == VendorFault.PAST_READ_TIMEOUT)
            || (callTimeout && fault == VendorFault.SLOW_BODY));
        if ((connect || readTimeout || callTimeout) && !explained) {
          return Optional.of(e + " on " + failure.request() + (meetsFault ? "" : " (answered normally)"));
        }
      }
    }
    return Optional.empty();
  }

  /** The failures and their causes: a failed token fetch reaches OkHttp wrapped. */
  private static List<Throwable> causes(List<? extends Throwable> failures) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable e : failures) {
      for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
        all.add(t);
      }
    }
    return all;
  }

  /** Every member's outcome of a batch write, whether it reported them as a BatchResult or a BatchOutcome. */
  record Members(Set<String> succeeded, Map<String, ImException> failed) {

    static @Nullable Members of(@Nullable Object result) {
      if (result instanceof BatchResult r) {
        return new Members(r.succeeded().keySet(), r.failed());
      }
      if (result instanceof BatchOutcome<?> o) {
        return new Members(o.succeeded().keySet(), o.failed());
      }
      return null;
    }
  }

  /** The call ended before its deadline against {@code fault} plus the margin. */
  void assertWithinDeadline(VendorFault fault) {
    Duration deadline = FaultSettings.callTimeout(fault);
    assertThat(elapsed)
        .as("the call took %d ms; its deadline is %d ms (+%d ms margin)", elapsed.toMillis(),
            deadline.toMillis(), FaultSettings.DEADLINE_MARGIN.toMillis())
        .isLessThanOrEqualTo(deadline.plus(FaultSettings.DEADLINE_MARGIN));
  }

  /**
   * The call failed with {@code expected}: it threw one, or — a batch write — it reported every
   * member of {@code members} as failed with one (and none as succeeded, since nothing could
   * succeed). Nothing but an {@link ImException} escaped.
   */
  void assertFailedWith(Class<? extends ImException> expected, @Nullable List<String> members) {
    if (thrown != null) {
      if (!(thrown instanceof ImException)) {
        fail("a non-ImException escaped the call: " + thrown, thrown);
      }
      if (!expected.isInstance(thrown)) {
        fail("expected " + expected.getSimpleName() + " but the call threw " + describe(thrown), thrown);
      }
      return;
    }
    Members reported = Members.of(result);
    if (members == null || reported == null) {
      fail("expected " + expected.getSimpleName() + " but the call returned " + result);
      return;
    }
    assertThat(reported.succeeded()).as("members reported as succeeded although every request failed").isEmpty();
    assertThat(reported.failed().keySet()).as("every member reported, none dropped")
        .containsExactlyInAnyOrderElementsOf(members);
    reported.failed().forEach((member, e) -> {
      if (!expected.isInstance(e)) {
        fail("member " + member + ": expected " + expected.getSimpleName() + " but it failed with " + describe(e), e);
      }
    });
  }

  /** The call succeeded (no exception) and, for a batch write, reported every member as succeeded. */
  void assertSucceeded(@Nullable List<String> members) {
    if (thrown != null) {
      fail("expected success (the vendor answered a status-only request with 200) but the call threw "
          + describe(thrown), thrown);
    }
    Members reported = Members.of(result);
    if (members != null && reported != null) {
      assertThat(reported.succeeded()).containsExactlyInAnyOrderElementsOf(members);
    }
  }

  /** No message, {@code toString}, vendor message, cause or suppressed exception contains any of {@code forbidden}. */
  void assertNothingLeaks(Collection<String> forbidden) {
    List<Throwable> all = new ArrayList<>();
    if (thrown != null) {
      all.add(thrown);
    }
    Members reported = Members.of(result);
    if (reported != null) {
      all.addAll(reported.failed().values());
    }
    for (String text : texts(all)) {
      for (String secret : forbidden) {
        assertThat(text).as("a message of the call").doesNotContain(secret);
      }
    }
    if (result != null) {
      String shown = result.toString();
      forbidden.forEach(secret -> assertThat(shown).as("the call's result").doesNotContain(secret));
    }
  }

  /**
   * No write the vendor's provider declares non-idempotent was sent twice, nor received twice:
   * identical requests (method, URL, body) to such an endpoint. (Only an answer saying the
   * vendor did not process the request, a 429, allows sending it again.)
   *
   * @return how many such writes were sent
   */
  int assertNoReplayedWrite(Vendor vendor) {
    assertNoReplay(vendor, received, "received by the vendor");
    return assertNoReplay(vendor, sent, "sent by the client");
  }

  private static int assertNoReplay(Vendor vendor, List<SentRequest> requests, String how) {
    Map<String, Long> times = requests.stream().filter(vendor::isNonIdempotentWrite)
        .collect(Collectors.groupingBy(SentRequest::identity, LinkedHashMap::new, Collectors.counting()));
    times.forEach((request, n) -> assertThat(n)
        .as("a non-idempotent write was %s %d times:%n%s", how, n, request)
        .isEqualTo(1L));
    return times.size();
  }

  /** How many times the client sent the call's first request: the first attempt and its retries. */
  long attemptsOfFirstRequest() {
    if (sent.isEmpty()) {
      return 0;
    }
    String first = sent.get(0).identity();
    return sent.stream().filter(r -> r.identity().equals(first)).count();
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** Every text a caller or a log could show of these exceptions, their causes and suppressed ones. */
  static List<String> texts(Collection<? extends Throwable> roots) {
    List<String> texts = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>(roots);
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(pending.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
      if (t instanceof ImException e) {
        texts.add(e.plainMessage());
        e.vendorMessage().ifPresent(texts::add);
        texts.add(String.valueOf(e.details()));
      }
      pending.add(t.getCause());
      pending.addAll(List.of(t.getSuppressed()));
    }
    return texts;
  }
}
