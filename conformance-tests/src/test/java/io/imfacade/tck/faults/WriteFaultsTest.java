package io.imfacade.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.imfacade.ImClient;
import io.imfacade.error.ImException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.http.HttpClients;
import io.imfacade.http.RemoteCore;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Writes against the stateful vendor simulators while only some of their requests fail, the rest
 * answered as the vendor would: batch writes larger than one request report every member's
 * outcome, true to what the vendor did, and writes that come after reads are never replayed; all
 * within the call's deadline.
 *
 * <p><b>One chunk fails</b>: each {@link BatchWrite} of each provider, with three chunks, whose
 * second chunk's write meets each {@link VendorFault} while every other request (the other
 * chunks, the reads before and after) is answered by the simulator. Each case asserts that the
 * call does not throw; that every member is reported exactly once, in {@code succeeded()} or
 * {@code failed()}; that the members of the failed chunk failed with the fault's neutral exception
 * (a status-only write's 200 aside) and were not written; that a member reported as succeeded was
 * written (the simulator's state shows it); that the members of the other chunks succeeded, or —
 * only when the fault held the call up to its deadline — failed as unavailable; that the call
 * ended within its deadline; that no secret is in any failure; and that no non-idempotent write
 * was sent twice.
 *
 * <p><b>Every chunk is slow</b>: each batch write with {@value #MANY_CHUNKS} chunks, more than run
 * at once ({@link RemoteCore#PARALLELISM}), or run one after the other, each answered with a body
 * that trickles in past the deadline ({@link VendorFault#SLOW_BODY}): the call still ends by its
 * deadline, and reports every member as failed.
 *
 * <p><b>A write after reads fails</b>: each {@link LateWrite} of each provider, whose write (and
 * only it) meets each fault: the neutral exception of the fault (a status-only write's 200 aside),
 * the write not applied, no replay, within the deadline.
 */
class WriteFaultsTest {

  private static final int THREADS = 8;
  /** Chunks of a one-chunk-fails case: the second one fails. */
  private static final int CHUNKS = 3;
  /** Chunks of an every-chunk-is-slow case: more waves than one deadline holds. */
  private static final int MANY_CHUNKS = 2 * RemoteCore.PARALLELISM + 1;
  private static final int RERUNS = 2;

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB = EasemobSimulatorExtension.easemob(Vendor.EASEMOB_ORG,
      Vendor.EASEMOB_APP).clientCredentials(Vendor.EASEMOB_CLIENT_ID, Vendor.EASEMOB.secret()).build();

  @RegisterExtension
  static final EasemobSimulatorExtension SHENGWANG = EasemobSimulatorExtension.shengwang(Vendor.SHENGWANG_APP_ID)
      // Any AccessToken2 ("007" + base64): the provider's unit tests check the signature.
      .acceptToken(token -> token.startsWith("007"))
      .build();

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE = NeteaseSimulatorExtension.app(Vendor.NETEASE_APP_KEY,
      Vendor.NETEASE.secret()).requestsPerSecond(0).build();

  private static final AtomicInteger NEXT_CASE = new AtomicInteger(60_000);
  private static final Poisons POISONS = new Poisons();
  private static final RequestLog RECEIVED = new RequestLog();
  private static final ClientLog CLIENT_LOG = new ClientLog();
  private static final Map<String, ImClient> CLIENTS = new ConcurrentHashMap<>();
  private static OkHttpClient http;
  private static ProviderContext context;
  private static ConcurrentCases cases;

  @BeforeAll
  static void start() {
    http = CLIENT_LOG.baseClient();
    context = ProviderContext.create();
    context.shared(HttpClients.SHARED_CLIENT_KEY, OkHttpClient.class, () -> http);
    for (Vendor vendor : Vendor.values()) {
      WireMockServer server = server(vendor);
      POISONS.install(server, vendor);
      server.addMockServiceRequestListener(RECEIVED);
    }
    cases = new ConcurrentCases("write-faults", THREADS);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (cases != null) {
      System.out.printf(Locale.ROOT, "write faults: %d cases in %.1f s of wall time (%d threads), slowest case %d ms,"
              + " %d of them run again after the machine's load disturbed them%n", cases.count() - cases.reruns(),
          cases.wallTime().toMillis() / 1000.0, THREADS, cases.slowestCase().toMillis(), cases.reruns());
      cases.close();
    }
    CLIENTS.values().forEach(ImClient::close);
    if (context != null) {
      context.close();
    }
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @TestFactory
  Stream<DynamicNode> batchWrites() {
    List<DynamicNode> byVendor = new ArrayList<>();
    List<String> singleChunk = new ArrayList<>();
    for (Vendor vendor : Vendor.values()) {
      List<DynamicNode> byOperation = new ArrayList<>();
      for (BatchWrite op : BatchWrite.values()) {
        if (!op.fits(vendor, CHUNKS)) {
          singleChunk.add(vendor.id() + " " + op.label());
          continue;
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (VendorFault fault : VendorFault.values()) {
          CompletableFuture<Ran> ran = schedule(vendor, op, fault, CHUNKS, false);
          tests.add(dynamicTest("second of " + CHUNKS + " chunks: " + fault + ": " + fault.description(),
              () -> named(vendor, op.label(), fault, () -> checkOneChunkFailed(vendor, op, fault, await(ran)))));
        }
        if (op.fits(vendor, MANY_CHUNKS)) {
          CompletableFuture<Ran> ran = schedule(vendor, op, VendorFault.SLOW_BODY, MANY_CHUNKS, true);
          tests.add(dynamicTest("every one of " + MANY_CHUNKS + " chunks: " + VendorFault.SLOW_BODY.description(),
              () -> named(vendor, op.label(), VendorFault.SLOW_BODY, () -> checkEveryChunkSlow(vendor, op, await(ran)))));
        }
        byOperation.add(dynamicContainer(op.label(), tests));
      }
      byVendor.add(dynamicContainer(vendor.id(), byOperation));
    }
    System.out.printf(Locale.ROOT, "write faults: not here, one request holds the largest batch: %s%n",
        String.join(", ", singleChunk));
    return byVendor.stream();
  }

  @TestFactory
  Stream<DynamicNode> writesAfterReads() {
    List<DynamicNode> byVendor = new ArrayList<>();
    for (Vendor vendor : Vendor.values()) {
      List<DynamicNode> byOperation = new ArrayList<>();
      for (LateWrite op : LateWrite.values()) {
        List<DynamicNode> tests = new ArrayList<>();
        for (VendorFault fault : VendorFault.values()) {
          CompletableFuture<CaseOutcome> ran = cases.submitRerunning(vendor.id() + " " + op.label() + " " + fault,
              n -> runLate(vendor, op, fault, n == 0),
              o -> o.disturbance(fault, r -> op.isTheWrite(vendor, r)), RERUNS);
          tests.add(dynamicTest("the write: " + fault + ": " + fault.description(),
              () -> named(vendor, op.label(), fault, () -> checkLateWrite(vendor, op, fault, await(ran)))));
        }
        byOperation.add(dynamicContainer(op.label(), tests));
      }
      byVendor.add(dynamicContainer(vendor.id(), byOperation));
    }
    return byVendor.stream();
  }

  private static CaseOutcome runLate(Vendor vendor, LateWrite op, VendorFault fault, boolean sharedClient) {
    CaseIds ids = new CaseIds(NEXT_CASE.getAndIncrement());
    op.seed(simulated(vendor), ids);
    POISONS.put(ids, fault, r -> op.isTheWrite(vendor, r));
    return call(vendor, fault, ids, sharedClient, client -> op.call(client, ids));
  }

  private static void checkLateWrite(Vendor vendor, LateWrite op, VendorFault fault, CaseOutcome o) {
    assertThat(o.sent()).as("the write was sent").anyMatch(r -> op.isTheWrite(vendor, r));
    if (fault.wrongShape() && op.statusOnly(vendor)) {
      o.assertSucceeded(null);
    } else {
      o.assertFailedWith(fault.expected(), null);
    }
    assertThat(op.applied(simulated(vendor), o.ids())).as("the write was applied").isFalse();
    checkCommon(vendor, fault, o);
  }

  /** One run of a case: the members it wrote, those whose requests met the fault, and the outcome. */
  private record Ran(Vendor vendor, CaseOutcome outcome, List<String> members, Set<String> poisoned,
      Predicate<SentRequest> faulted) {}

  private static CompletableFuture<Ran> schedule(Vendor vendor, BatchWrite op, VendorFault fault, int chunks,
      boolean everyChunk) {
    return cases.submitRerunning(vendor.id() + " " + op.label() + " " + fault + (everyChunk ? " (every chunk)" : ""),
        n -> run(vendor, op, fault, chunks, everyChunk, n == 0),
        ran -> ran.outcome().disturbance(fault, ran.faulted()), RERUNS);
  }

  /**
   * One run, with fresh ids: seeds the simulator, poisons the writes of the second chunk (or of
   * every chunk), calls the batch write.
   */
  private static Ran run(Vendor vendor, BatchWrite op, VendorFault fault, int chunks, boolean everyChunk,
      boolean sharedClient) {
    CaseIds ids = new CaseIds(NEXT_CASE.getAndIncrement());
    Simulated sim = simulated(vendor);
    List<String> members = op.members(vendor, ids, chunks);
    op.seed(sim, ids, members);
    int size = op.chunkSize(vendor);
    Set<String> poisoned = new LinkedHashSet<>(everyChunk ? members : members.subList(size, 2 * size));
    String marker = members.get(size); // the second chunk's first member: only its write names it
    Predicate<SentRequest> writes = r -> op.writesAChunk(vendor, r);
    Predicate<SentRequest> faulted = everyChunk ? writes : writes.and(r -> names(r, marker));
    POISONS.put(ids, fault, faulted);
    CaseOutcome outcome = call(vendor, fault, ids, sharedClient, client -> op.call(client, ids, members));
    return new Ran(vendor, outcome, members, poisoned, faulted);
  }

  /** Runs {@code call} on a client of {@code vendor} with the timeouts of {@code fault}: what it did, and sent. */
  private static CaseOutcome call(Vendor vendor, VendorFault fault, CaseIds ids, boolean sharedClient,
      Function<ImClient, Object> call) {
    ImClient client = sharedClient ? client(vendor, fault) : open(vendor, fault);
    Object result = null;
    Throwable thrown = null;
    long start = System.nanoTime();
    try {
      result = call.apply(client);
    } catch (Throwable t) {
      thrown = t;
    } finally {
      if (!sharedClient) {
        client.close();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new CaseOutcome(ids, result, thrown, elapsed,
        CLIENT_LOG.sent(ids).stream().filter(r -> !vendor.isAppTokenRequest(r)).toList(),
        RECEIVED.of(ids).stream().filter(r -> !vendor.isAppTokenRequest(r)).toList(), CLIENT_LOG.failures(ids));
  }

  private static void checkOneChunkFailed(Vendor vendor, BatchWrite op, VendorFault fault, Ran ran) {
    CaseOutcome o = ran.outcome();
    CaseOutcome.Members reported = everyMemberOnce(o, ran.members());
    Simulated sim = simulated(vendor);
    boolean saidDone = fault.wrongShape() && op.statusOnly(vendor);
    for (String member : ran.members()) {
      boolean succeeded = reported.succeeded().contains(member);
      ImException failure = reported.failed().get(member);
      if (ran.poisoned().contains(member)) {
        assertThat(op.applied(sim, o.ids(), member)).as("member %s of the failed chunk was written", member).isFalse();
        if (saidDone) {
          assertThat(succeeded).as("member %s: the vendor answered its status-only write with 200", member).isTrue();
        } else if (!fault.expected().isInstance(failure)) {
          fail("member " + member + " of the failed chunk: expected " + fault.expected().getSimpleName() + " but "
              + (succeeded ? "it succeeded" : "it failed with " + failure), failure);
        }
      } else if (succeeded) {
        assertThat(op.applied(sim, o.ids(), member)).as("member %s reported as succeeded was written", member).isTrue();
      } else if (!(slow(fault) && failure instanceof ProviderUnavailableException)) {
        fail("member " + member + " of a chunk the vendor answered failed with " + failure, failure);
      }
    }
    checkCommon(vendor, fault, o);
  }

  private static void checkEveryChunkSlow(Vendor vendor, BatchWrite op, Ran ran) {
    CaseOutcome o = ran.outcome();
    CaseOutcome.Members reported = everyMemberOnce(o, ran.members());
    assertThat(reported.succeeded()).as("members reported as succeeded although no write was answered").isEmpty();
    reported.failed().forEach((member, e) -> assertThat(e).as("member %s", member)
        .isInstanceOf(ProviderUnavailableException.class));
    Simulated sim = simulated(vendor);
    for (String member : ran.members()) {
      assertThat(op.applied(sim, o.ids(), member)).as("member %s was written", member).isFalse();
    }
    checkCommon(vendor, VendorFault.SLOW_BODY, o);
  }

  /** No exception; every member in exactly one of the two outcomes. */
  private static CaseOutcome.Members everyMemberOnce(CaseOutcome o, List<String> members) {
    if (o.thrown() != null) {
      fail("a batch write threw although its requests could be sent: " + o.thrown(), o.thrown());
    }
    CaseOutcome.Members reported = CaseOutcome.Members.of(o.result());
    assertThat(reported).as("the outcome of a batch write").isNotNull();
    Set<String> both = new HashSet<>(reported.succeeded());
    both.retainAll(reported.failed().keySet());
    assertThat(both).as("members reported both succeeded and failed").isEmpty();
    List<String> all = new ArrayList<>(reported.succeeded());
    all.addAll(reported.failed().keySet());
    assertThat(all).as("every member reported, none dropped, none added").containsExactlyInAnyOrderElementsOf(members);
    return reported;
  }

  private static void checkCommon(Vendor vendor, VendorFault fault, CaseOutcome o) {
    o.assertWithinDeadline(fault);
    o.assertNothingLeaks(List.of(vendor.secret(), o.ids().password()));
    if (fault.retried() != VendorFault.Retried.ALWAYS) {
      o.assertNoReplayedWrite(vendor);
    }
  }

  /** The faults that hold a request up to its timeout or the deadline. */
  private static boolean slow(VendorFault fault) {
    return fault == VendorFault.PAST_READ_TIMEOUT || fault == VendorFault.SLOW_BODY;
  }

  /** Whether the request names {@code user} (users of a case never prefix one another). */
  private static boolean names(SentRequest request, String user) {
    return request.url().contains(user) || request.body().contains(user);
  }

  private static ImClient client(Vendor vendor, VendorFault fault) {
    return CLIENTS.computeIfAbsent(vendor + "/" + FaultSettings.callTimeout(fault) + "/"
        + FaultSettings.readTimeout(fault), key -> open(vendor, fault));
  }

  private static ImClient open(Vendor vendor, VendorFault fault) {
    return vendor.open(baseUrl(vendor), context, FaultSettings.transport(fault));
  }

  private static String baseUrl(Vendor vendor) {
    return switch (vendor) {
      case EASEMOB -> EASEMOB.baseUrl();
      case SHENGWANG -> SHENGWANG.baseUrl();
      case NETEASE -> NETEASE.baseUrl();
    };
  }

  private static WireMockServer server(Vendor vendor) {
    return switch (vendor) {
      case EASEMOB -> EASEMOB.server();
      case SHENGWANG -> SHENGWANG.server();
      case NETEASE -> NETEASE.server();
    };
  }

  private static Simulated simulated(Vendor vendor) {
    return switch (vendor) {
      case EASEMOB -> Simulated.of(EASEMOB.simulator());
      case SHENGWANG -> Simulated.of(SHENGWANG.simulator());
      case NETEASE -> Simulated.of(NETEASE.simulator());
    };
  }

  private static <T> T await(CompletableFuture<T> ran) throws Exception {
    return ran.get(60, TimeUnit.SECONDS);
  }

  /** {@code check} with the case named in its failure: the reports show dynamic tests by index only. */
  private static void named(Vendor vendor, String op, VendorFault fault, Executable check) throws Throwable {
    try {
      check.execute();
    } catch (AssertionError e) {
      AssertionError named = new AssertionError(vendor.id() + " " + op + " " + fault + ": " + e.getMessage(),
          e.getCause());
      named.setStackTrace(e.getStackTrace());
      throw named;
    }
  }
}
