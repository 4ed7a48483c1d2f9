package io.imfacade.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The fault matrix: every remote operation of every remote provider ({@link RemoteOperation} ×
 * {@link Vendor}) against every way a vendor can fail a request ({@link VendorFault}), with every
 * request of the call failing the same way (the Easemob app token excepted, which is answered
 * normally). Operations that read before or after they write meet the fault on their first read:
 * they too must end with a neutral exception in bounded time ({@link WriteFaultsTest} makes only
 * the writes fail).
 *
 * <p>Each case asserts:
 *
 * <ul>
 *   <li>the neutral exception the fault calls for ({@link VendorFault#expected()}): thrown, or — a
 *       batch write — reported for every member of the request, none dropped, none "succeeded";
 *       never anything but an {@code ImException}. A status-only operation ({@link
 *       RemoteOperation#statusOnly}) succeeds on a 200 whose extra fields have the wrong type;
 *   <li>the call ends within its deadline ({@link FaultSettings#callTimeout}) plus {@link
 *       FaultSettings#DEADLINE_MARGIN};
 *   <li>no message, vendor message, cause or suppressed exception contains the configured secret
 *       (which the fault bodies quote) or the case's password;
 *   <li>the retries: the client sent the call's first request as many times as the fault and the
 *       request's idempotency call for ({@link VendorFault#attempts}): a non-idempotent write never
 *       twice after an ambiguous failure, an idempotent request {@link FaultSettings#MAX_ATTEMPTS}
 *       times (fewer only when the deadline left no room for the retry), an unreadable success
 *       answer once; and no write the provider declares non-idempotent was sent twice, nor received
 *       twice by the server, at any point of the call (a 429 excepted: the vendor did not process
 *       it);
 *   <li>a 429 whose {@code Retry-After} reaches past the deadline is not waited for, and the
 *       exception says how long the vendor asked to wait.
 * </ul>
 *
 * <p>Operations a provider declares unsupported are not in the matrix; each is listed, and
 * checked to fail with {@link UnsupportedCapabilityException} before any request. The last test
 * reads the log file of this module's tests (see {@code simplelogger.properties}: the transport's
 * debug line of every request) and finds no configured secret and no password in it.
 *
 * <p>The cases run at the same time on {@value #THREADS} threads against one {@link FaultServer}:
 * they wait on timeouts and on the server, not on the CPU. Each case has its own user and group
 * ids ({@link CaseIds}), by which the server's {@link RequestLog} and the client's {@link
 * ClientLog} tell its requests apart. On a loaded machine a plain answer can come after the read
 * timeout, and the case then tests another fault than its own: a case whose client met a timeout
 * its fault does not cause is run again with fresh ids, at most {@value #RERUNS} times, and the
 * number of such runs is printed ({@link CaseOutcome#disturbance}).
 */
class FaultMatrixTest {

  private static final int THREADS = 12;
  /** Within this of the deadline, a retry is left out: the largest backoff, and then some. */
  private static final Duration DEADLINE_SKIP = Duration.ofMillis(100);
  /** How many times a case the machine disturbed is run again. */
  private static final int RERUNS = 2;
  /** Case numbers for the runs again: above the matrix's, below the warm-up's. */
  private static final AtomicInteger SPARE_IDS = new AtomicInteger(90_000);
  /** A case that has not ended by then hangs: reported as such instead of stalling the build. */
  private static final Duration HUNG = Duration.ofSeconds(60);
  private static final Path LOG_FILE = Path.of("target", "imfacade-tck-test.log");

  /** The operations whose first request is the non-idempotent write, by vendor family. */
  private static final Map<Vendor.Family, Set<RemoteOperation>> WRITE_FIRST = Map.of(
      Vendor.Family.EASEMOB, EnumSet.of(RemoteOperation.ACCOUNTS_REGISTER, RemoteOperation.ACCOUNTS_REGISTER_ALL,
          RemoteOperation.GROUPS_CREATE, RemoteOperation.GROUPS_DELETE),
      Vendor.Family.NETEASE, EnumSet.of(RemoteOperation.ACCOUNTS_REGISTER, RemoteOperation.ACCOUNTS_REGISTER_ALL));

  private static FaultServer server;
  private static ConcurrentCases cases;
  private static final List<CompletableFuture<CaseOutcome>> ALL = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = new FaultServer(THREADS);
    cases = new ConcurrentCases("fault-matrix", THREADS);
    warmUp();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (cases != null) {
      System.out.printf(Locale.ROOT, "fault matrix: %d cases in %.1f s of wall time (%d threads), slowest case %d ms,"
              + " %d of them run again after the machine's load disturbed them%n", ALL.size(),
          cases.wallTime().toMillis() / 1000.0, THREADS, cases.slowestCase().toMillis(), cases.reruns());
      cases.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * One call per provider before the matrix, so that the first cases do not pay for class loading
   * and a cold JIT on top of their deadline (on a loaded machine that alone took seconds).
   */
  private static void warmUp() {
    for (Vendor vendor : Vendor.values()) {
      try (ImClient client = server.open(vendor, VendorFault.HTTP_500)) {
        RemoteOperation.PROFILES_GET.call(client, new CaseIds(WARM_UP + vendor.ordinal()));
      } catch (RuntimeException expected) {
        // every request fails: only the loading mattered
      }
    }
  }


  /** Case numbers of the warm-up calls: used by nothing else. */
  private static final int WARM_UP = 99_000;

  @TestFactory
  Stream<DynamicNode> faultMatrix() {
    List<DynamicNode> byVendor = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    int number = 0;
    for (Vendor vendor : Vendor.values()) {
      Map<Capability, String> missing = ImFacade.metadata(vendor.id()).orElseThrow().unsupported();
      List<DynamicNode> byOperation = new ArrayList<>();
      int vendorCases = 0;
      for (RemoteOperation op : RemoteOperation.values()) {
        if (op.capability() != null && missing.containsKey(op.capability())) {
          unsupported.add(vendor.id() + " " + op.label());
          byOperation.add(unsupportedCase(vendor, op, new CaseIds(number++), missing.get(op.capability())));
          continue;
        }
        List<DynamicTest> byFault = new ArrayList<>();
        for (VendorFault fault : VendorFault.values()) {
          CaseIds ids = new CaseIds(number++);
          CompletableFuture<CaseOutcome> outcome = schedule(vendor, fault, op, ids);
          ALL.add(outcome);
          vendorCases++;
          byFault.add(dynamicTest(fault + ": " + fault.description(),
              named(vendor, op, fault, () -> check(vendor, op, fault, await(outcome)))));
        }
        byOperation.add(dynamicContainer(op.label(), byFault));
      }
      System.out.printf(Locale.ROOT, "fault matrix: %s: %d operations × %d faults = %d cases%n", vendor.id(),
          vendorCases / VendorFault.values().length, VendorFault.values().length, vendorCases);
      byVendor.add(dynamicContainer(vendor.id(), byOperation));
    }
    System.out.printf(Locale.ROOT, "fault matrix: %d cases (%d providers × %d operations × %d faults, less %d operations"
            + " declared unsupported: %s)%n", ALL.size(), Vendor.values().length, RemoteOperation.values().length,
        VendorFault.values().length, unsupported.size(), String.join(", ", unsupported));
    byVendor.add(dynamicTest("no configured secret or password in any log line", FaultMatrixTest::checkLog));
    return byVendor.stream();
  }

  /**
   * Schedules one case; a run the machine disturbed ({@link CaseOutcome#disturbance}) is made again
   * with fresh ids and a fresh client, at most {@value #RERUNS} times.
   */
  private static CompletableFuture<CaseOutcome> schedule(Vendor vendor, VendorFault fault, RemoteOperation op,
      CaseIds ids) {
    return cases.submitRerunning(vendor.id() + " " + op.label() + " " + fault, n -> {
      if (n == 0) {
        return run(server.client(vendor, fault), vendor, op, ids);
      }
      try (ImClient fresh = server.open(vendor, fault)) {
        return run(fresh, vendor, op, new CaseIds(SPARE_IDS.getAndIncrement()));
      }
    }, outcome -> outcome.disturbance(fault), RERUNS);
  }

  /** One run of {@code op} on {@code client}, whose every request meets the case's fault. */
  private static CaseOutcome run(ImClient client, Vendor vendor, RemoteOperation op, CaseIds ids) {
    Object result = null;
    Throwable thrown = null;
    long start = System.nanoTime();
    try {
      result = op.call(client, ids);
    } catch (Throwable t) {
      thrown = t;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new CaseOutcome(ids, result, thrown, elapsed, server.sentOf(vendor, ids), server.receivedOf(vendor, ids),
        server.clientFailuresOf(ids));
  }

  private static void check(Vendor vendor, RemoteOperation op, VendorFault fault, CaseOutcome outcome) {
    CaseIds ids = outcome.ids();
    if (op != RemoteOperation.PROFILES_TOTAL_SIZE) { // the one request that names no user or group
      assertThat(outcome.sent()).as("the call sent a request (it ended with %s)", outcome.thrown()).isNotEmpty();
    }
    if (fault.wrongShape() && op.statusOnly(vendor.family())) {
      outcome.assertSucceeded(op.members(ids));
    } else {
      outcome.assertFailedWith(fault.expected(), op.members(ids));
    }
    outcome.assertWithinDeadline(fault);
    outcome.assertNothingLeaks(List.of(vendor.secret(), ids.password()));
    if (!outcome.sent().isEmpty()) {
      boolean repeatable = !vendor.isNonIdempotentWrite(outcome.sent().get(0));
      long attempts = outcome.attemptsOfFirstRequest();
      int expected = fault.attempts(repeatable);
      String sent = String.format(Locale.ROOT, "times the first request (%s) was sent, in a call of %d ms that ended with"
          + " %s; all requests: %s", outcome.sent().get(0), outcome.elapsed().toMillis(), outcome.thrown(),
          outcome.sent());
      assertThat(attempts).as(sent).isLessThanOrEqualTo(expected);
      if (attempts < expected) {
        // A retry is skipped only when its backoff would end past the deadline (RestExecutor):
        // on a loaded machine, the Easemob token fetch can take that long.
        assertThat(outcome.elapsed()).as(sent + "; a retry may only be left out at the deadline")
            .isGreaterThanOrEqualTo(FaultSettings.callTimeout(fault).minus(DEADLINE_SKIP));
      }
    }
    if (fault.retried() != VendorFault.Retried.ALWAYS) {
      int writes = outcome.assertNoReplayedWrite(vendor);
      if (WRITE_FIRST.get(vendor.family()).contains(op)) {
        assertThat(writes).as("the non-idempotent write was sent").isPositive();
      }
    }
    if (fault == VendorFault.RATE_LIMITED_PAST_DEADLINE && outcome.thrown() instanceof RateLimitedException e) {
      assertThat(e.retryAfter()).as("the vendor's Retry-After").contains(FaultSettings.LONG_RETRY_AFTER);
    }
  }

  /** An operation {@code vendor} declares unsupported: refused with the reason, before any request. */
  private static DynamicTest unsupportedCase(Vendor vendor, RemoteOperation op, CaseIds ids, String reason) {
    return dynamicTest(op.label() + ": unsupported (" + reason + ")", () -> {
      try (ImClient client = server.open(vendor, VendorFault.CONNECTION_RESET)) {
        assertThatThrownBy(() -> op.call(client, ids)).isInstanceOf(UnsupportedCapabilityException.class)
            .hasMessageContaining(reason);
      }
      assertThat(server.sentOf(vendor, ids)).as("requests sent for an unsupported operation").isEmpty();
    });
  }

  private static CaseOutcome await(CompletableFuture<CaseOutcome> outcome) throws Exception {
    try {
      return outcome.get(HUNG.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the case did not end within " + HUNG.toSeconds() + " s: it hangs", e);
    }
  }

  /** {@code check} with the case named in its failure: the reports show dynamic tests by index only. */
  private static Executable named(Vendor vendor, RemoteOperation op, VendorFault fault, Executable check) {
    return () -> {
      try {
        check.execute();
      } catch (AssertionError e) {
        AssertionError named = new AssertionError(vendor.id() + " " + op.label() + " " + fault + ": " + e.getMessage(),
            e.getCause());
        named.setStackTrace(e.getStackTrace());
        throw named;
      }
    };
  }

  /** After every case: the transport logged the matrix's requests, and no configured secret or password. */
  private static void checkLog() throws IOException {
    ALL.forEach(CompletableFuture::join);
    assertThat(LOG_FILE).as("slf4j-simple's log file (simplelogger.properties)").exists();
    List<String> lines = Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8);
    long matrixLines = lines.stream().filter(l -> l.contains("-connection-reset/")).count();
    assertThat(matrixLines).as("debug lines of the matrix's requests in %s", LOG_FILE).isPositive();
    for (Vendor vendor : Vendor.values()) {
      assertThat(lines).as("log lines").noneMatch(line -> line.contains(vendor.secret()));
    }
    // Every case's password starts so (CaseIds#password): sent in bodies, never logged.
    assertThat(lines).as("log lines").noneMatch(line -> line.contains("Pw-fm"));
  }
}
