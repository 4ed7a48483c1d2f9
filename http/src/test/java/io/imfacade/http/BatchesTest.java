package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
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
  void resultsComeInInputOrder_whateverOrderChunksFinishIn() {
    List<Integer> items = numbers(1_000);
    List<List<Integer>> results = assertTimeoutPreemptively(NO_HANG, () -> Batches.inChunks(context, items, 7, 4, chunk -> {
      sleepMillis(ThreadLocalRandom.current().nextInt(3));
      return chunk;
    }));

    assertThat(results).hasSize(143);
    assertThat(results).allMatch(c -> c.size() <= 7);
    assertThat(results.stream().flatMap(List::stream).collect(Collectors.toList())).isEqualTo(items);
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
        sleepMillis(2);
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
    Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(() ->
        Batches.inChunks(context, numbers(1_000), 1, 2, chunk -> {
          started.incrementAndGet();
          if (chunk.get(0) == 3) {
            throw boom;
          }
          return chunk;
        })));

    assertThat(thrown).isSameAs(boom);
    assertThat(started.get()).isLessThan(1_000);
  }

  @Test
  void aFailure_interruptsAChunkThatIsStillWaiting() throws InterruptedException {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> {
      Thread caller = Thread.currentThread(); // assertTimeoutPreemptively runs this on its own thread
      return catchThrowable(() -> Batches.inChunks(context, numbers(2), 1, 2, chunk -> {
          if (Thread.currentThread() != caller) {
            slowStarted.countDown();
            try {
              Thread.sleep(60_000); // a long backoff or rate-limit wait
            } catch (InterruptedException e) {
              interrupted.countDown();
            }
            return chunk;
          }
          try {
            slowStarted.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new ImException("the caller's chunk failed");
        }));
    });

    assertThat(thrown).hasMessage("the caller's chunk failed");
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

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
