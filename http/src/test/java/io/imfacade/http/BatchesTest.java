package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.spi.CallContext;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchesTest {

  private static final Duration NO_HANG = Duration.ofSeconds(30);

  private final ProviderContext context = ProviderContext.create();

  @AfterEach
  void close() {
    context.close();
  }

  private static List<Integer> numbers(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  @Test
  void resultsComeInInputOrder() {
    List<Integer> items = numbers(1_000);
    List<List<Integer>> results = assertTimeoutPreemptively(NO_HANG, () -> Batches.inChunks(context, items, 7, 4, chunk -> chunk));

    assertThat(results).hasSize(143);
    assertThat(results).allMatch(c -> c.size() <= 7);
    assertThat(results.stream().flatMap(List::stream).collect(Collectors.toList())).isEqualTo(items);
  }

  @Test
  void resultsComeInInputOrder_whenTheLastChunkFinishesFirst() {
    CountDownLatch lastDone = new CountDownLatch(1);
    List<Integer> finished = new CopyOnWriteArrayList<>();
    List<List<Integer>> results = assertTimeoutPreemptively(NO_HANG, () -> Batches.inChunks(context, numbers(4), 2, 2, chunk -> {
      if (chunk.get(0) == 0) {
        await(lastDone); // the first chunk ends only after the second
      }
      finished.add(chunk.get(0));
      if (chunk.get(0) == 2) {
        lastDone.countDown();
      }
      return chunk;
    }));
    assertThat(finished).containsExactly(2, 0);
    assertThat(results).containsExactly(List.of(0, 1), List.of(2, 3));
  }

  @Test
  void atMostParallelismChunksAreInFlight_andThatManyAreReached() {
    int parallelism = 3;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch firstWave = new CountDownLatch(parallelism);
    assertTimeoutPreemptively(NO_HANG, () -> Batches.inChunks(context, numbers(40), 2, parallelism, chunk -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      firstWave.countDown();
      try {
        // The first chunks wait for each other: only a run with `parallelism` workers gets past
        // quickly, and none can exceed it.
        firstWave.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return chunk.size();
    }));
    assertThat(maxInFlight).hasValue(parallelism);
  }

  @Test
  void theFirstFailure_isRethrownAsItIs_andStopsTheRest() {
    NotFoundException boom = new NotFoundException("group g1 not found");
    AtomicInteger started = new AtomicInteger();
    assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(() ->
        Batches.inChunks(context, numbers(1_000), 1, 2, chunk -> {
          started.incrementAndGet();
          if (chunk.get(0) == 3) {
            throw boom;
          }
          return chunk;
        })).isSameAs(boom));

    assertThat(started.get()).isLessThan(1_000);
  }

  @Test
  void aFailure_interruptsAChunkThatIsStillWaiting() throws InterruptedException {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    assertTimeoutPreemptively(NO_HANG, () -> {
      Thread caller = Thread.currentThread(); // assertTimeoutPreemptively runs this on its own thread
      assertThatThrownBy(() -> Batches.inChunks(context, numbers(2), 1, 2, chunk -> {
          if (Thread.currentThread() != caller) {
            slowStarted.countDown();
            try {
              never.await(); // a long backoff or rate-limit wait, ended only by an interrupt
            } catch (InterruptedException e) {
              interrupted.countDown();
            }
            return chunk;
          }
          await(slowStarted);
          throw new ImException("the caller's chunk failed");
        })).isExactlyInstanceOf(ImException.class).hasMessage("the caller's chunk failed");
    });

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the waiting chunk was interrupted").isTrue();
  }

  @Test
  void otherRuntimeExceptions_areRethrownToo() {
    assertThatThrownBy(() -> Batches.inChunks(context, numbers(10), 2, 3, chunk -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
  }

  @Test
  void aSingleChunk_runsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    List<Thread> ran = Batches.inChunks(context, numbers(5), 10, 4, chunk -> Thread.currentThread());
    assertThat(ran).containsExactly(caller);
  }

  @Test
  void helpers_areNamedDaemonThreads() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch together = new CountDownLatch(4);
    Batches.inChunks(context, numbers(4), 1, 4, chunk -> {
      threads.add(Thread.currentThread());
      together.countDown();
      try {
        together.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return chunk;
    });
    List<Thread> helpers = new ArrayList<>(threads);
    helpers.remove(Thread.currentThread());
    assertThat(helpers).hasSize(3);
    assertThat(helpers).allMatch(Thread::isDaemon);
    assertThat(helpers).allMatch(t -> t.getName().matches("imfacade-http-\\d+"));
  }

  @Test
  void helpers_workInTheCallersCallContext() {
    CallContext call = CallContext.of("testvendor", "items.setAll", "tenant-7");
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<CallContext> seen = new CopyOnWriteArrayList<>();
    CountDownLatch together = new CountDownLatch(4);
    try (CallContext.Scope ignored = call.enter()) {
      Batches.inChunksSettled(context, numbers(4), 1, 4, chunk -> {
        threads.add(Thread.currentThread());
        seen.add(CallContext.current());
        together.countDown();
        try {
          together.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return chunk;
      });
    }
    assertThat(threads).hasSize(4); // the caller and three helpers
    // So every chunk shares the call's deadline, and its exceptions name the call's tenant.
    assertThat(seen).hasSize(4).allSatisfy(c -> assertThat(c).isSameAs(call));
  }

  @Test
  void emptyInput_runsNothing() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(Batches.inChunks(context, List.<Integer>of(), 10, 4, chunk -> calls.incrementAndGet())).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void parallelismOne_runsSequentiallyOnTheCaller() {
    Thread caller = Thread.currentThread();
    List<Thread> ran = Batches.inChunks(context, numbers(10), 3, 1, chunk -> Thread.currentThread());
    assertThat(ran).hasSize(4).containsOnly(caller);
  }

  @Test
  void resultsMayBeNull() {
    assertThat(Batches.inChunks(context, numbers(6), 2, 3, chunk -> (String) null)).containsExactly(null, null, null);
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> Batches.inChunks(context, numbers(3), 0, 1, c -> c)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Batches.inChunks(context, numbers(3), 1, 0, c -> c)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Batches.inChunks(context, null, 1, 1, c -> c)).isInstanceOf(NullPointerException.class);
  }

  // ---- inChunksSettled: batch writes report every chunk ----

  @Test
  void settled_everyChunkRuns_evenWhenSomeFail_andOutcomesComeInChunkOrder() {
    NotFoundException missing = new NotFoundException("group g1 not found");
    Set<Integer> ran = ConcurrentHashMap.newKeySet();
    List<Batches.Settled<Integer, Integer>> settled = assertTimeoutPreemptively(NO_HANG,
        () -> Batches.inChunksSettled(context, numbers(10), 2, 3, chunk -> {
          ran.add(chunk.get(0));
          if (chunk.contains(2)) {
            throw missing;
          }
          if (chunk.contains(6)) {
            throw new IllegalStateException("a bug in the chunk");
          }
          return chunk.size();
        }));

    assertThat(ran).containsExactlyInAnyOrder(0, 2, 4, 6, 8);
    assertThat(settled).extracting(Batches.Settled::chunk)
        .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4, 5), List.of(6, 7), List.of(8, 9));
    assertThat(settled).extracting(s -> s.result().orElse(-1)).containsExactly(2, -1, 2, -1, 2);
    assertThat(settled.get(1).failure()).containsSame(missing);
    // Anything else a chunk throws is a neutral failure of that chunk, keeping its cause.
    assertThat(settled.get(3).failure()).hasValueSatisfying(f -> {
      assertThat(f).isExactlyInstanceOf(ImException.class).hasCauseInstanceOf(IllegalStateException.class);
      assertThat(f.getMessage()).contains("IllegalStateException").doesNotContain("a bug in the chunk");
    });
    assertThat(settled.get(0).failure()).isEmpty();
  }

  @Test
  void settled_aLaterFailure_doesNotHideWhatEarlierChunksDid_sequentially() {
    List<Batches.Settled<Integer, List<Integer>>> settled = Batches.inChunksSettled(context, numbers(5), 2, 1, chunk -> {
      if (chunk.contains(4)) {
        throw new ImException("last chunk failed");
      }
      return chunk;
    });
    assertThat(settled).hasSize(3);
    assertThat(settled.get(0).result()).contains(List.of(0, 1));
    assertThat(settled.get(1).result()).contains(List.of(2, 3));
    assertThat(settled.get(2).failure()).hasValueSatisfying(f -> assertThat(f).hasMessage("last chunk failed"));
    assertThat(settled.get(2).chunk()).containsExactly(4);
  }

  @Test
  void settled_oneChunk_runsOnTheCaller_andAFailureIsReportedNotThrown() {
    Thread caller = Thread.currentThread();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    List<Batches.Settled<Integer, Integer>> settled = Batches.inChunksSettled(context, numbers(3), 10, 4, chunk -> {
      threads.add(Thread.currentThread());
      throw new NotFoundException("nope");
    });
    assertThat(threads).containsExactly(caller);
    assertThat(settled).singleElement().satisfies(s -> {
      assertThat(s.result()).isEmpty();
      assertThat(s.failure()).hasValueSatisfying(f -> assertThat(f).isInstanceOf(NotFoundException.class));
    });
  }

  @Test
  void settled_inChunkOrder_whenTheLastChunkFinishesFirst() {
    CountDownLatch lastDone = new CountDownLatch(1);
    List<Batches.Settled<Integer, Integer>> settled = assertTimeoutPreemptively(NO_HANG,
        () -> Batches.inChunksSettled(context, numbers(4), 2, 2, chunk -> {
          if (chunk.get(0) == 0) {
            await(lastDone);
            throw new ImException("first chunk failed after the second succeeded");
          }
          lastDone.countDown();
          return chunk.get(0);
        }));
    assertThat(settled.get(0).failure()).isPresent();
    assertThat(settled.get(1).result()).contains(2);
  }

  @Test
  void settled_emptyInput_runsNothing() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(Batches.inChunksSettled(context, List.<Integer>of(), 3, 2, chunk -> calls.incrementAndGet())).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void settled_anErrorInAHelper_isRethrown_notAHang() {
    CountDownLatch helperTookAChunk = new CountDownLatch(1);
    assertTimeoutPreemptively(NO_HANG, () -> {
      Thread caller = Thread.currentThread();
      assertThatThrownBy(() -> Batches.inChunksSettled(context, numbers(2), 1, 2, chunk -> {
        if (Thread.currentThread() != caller) {
          helperTookAChunk.countDown();
          throw new AssertionError("an Error in a worker");
        }
        await(helperTookAChunk); // the caller's chunk ends only once a helper has one
        return chunk;
      })).isInstanceOf(AssertionError.class).hasMessage("an Error in a worker");
    });
  }

  // ---- readInOrder: batch reads merged in the caller's order ----

  @Test
  void readInOrder_mergesChunksInTheOrderOfTheIds_andSkipsAbsentIds() {
    List<String> ids = List.of("u9", "u1", "u5", "u3", "u7", "u2", "u8");
    List<List<String>> asked = new CopyOnWriteArrayList<>();
    Map<String, String> read = assertTimeoutPreemptively(NO_HANG, () -> Batches.readInOrder(context, ids, 3, 3, chunk -> {
      asked.add(chunk);
      // The vendor answers in its own order, leaves out unknown ids and adds one nobody asked for.
      Map<String, String> answer = new TreeMap<>();
      chunk.stream().filter(id -> !id.equals("u5") && !id.equals("u8")).forEach(id -> answer.put(id, "profile-" + id));
      answer.put("zz-extra", "not asked");
      return answer;
    }));

    assertThat(asked).containsExactlyInAnyOrder(List.of("u9", "u1", "u5"), List.of("u3", "u7", "u2"), List.of("u8"));
    assertThat(new ArrayList<>(read.keySet())).containsExactly("u9", "u1", "u3", "u7", "u2");
    assertThat(read).containsEntry("u9", "profile-u9").doesNotContainKeys("u5", "u8", "zz-extra");
    assertThatThrownBy(() -> read.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readInOrder_oneChunk_keepsTheIdsOrder_andNoIdsReadsNothing() {
    Map<Integer, String> read = Batches.readInOrder(context, List.of(3, 1, 2), 5, 4, chunk -> {
      Map<Integer, String> answer = new HashMap<>();
      chunk.forEach(id -> answer.put(id, "v" + id));
      return answer;
    });
    assertThat(new ArrayList<>(read.keySet())).containsExactly(3, 1, 2);

    AtomicInteger calls = new AtomicInteger();
    assertThat(Batches.readInOrder(context, List.<Integer>of(), 5, 4, chunk -> {
      calls.incrementAndGet();
      return Map.<Integer, String>of();
    })).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void readInOrder_aFailingChunk_failsTheRead() {
    NotFoundException boom = new NotFoundException("chunk failed");
    assertThatThrownBy(() -> Batches.readInOrder(context, numbers(10), 3, 2, chunk -> {
      if (chunk.contains(7)) {
        throw boom;
      }
      return Map.<Integer, Integer>of();
    })).isSameAs(boom);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
