package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imfacade.error.ImException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

  private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  private final FakeTime time = new FakeTime();

  private LocalRateLimiter limiter(double rps) {
    return new LocalRateLimiter("app", rps, time, time::nanoTime, time);
  }

  /** Fake nanos at which each of {@code n} back-to-back acquisitions is granted. */
  private List<Long> grants(LocalRateLimiter limiter, int n) {
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      limiter.acquire(FAR);
      at.add(time.nanoTime());
    }
    return at;
  }

  @Test
  void permitsAreSpacedEvenly() {
    List<Long> at = grants(limiter(10), 5);
    assertThat(at).containsExactly(0L, 100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L);
  }

  @Test
  void lateWakeUpsCannotCrowdOneSecond() throws Exception {
    // Threads sleep on a hand-moved time line: they wake only when the test moves it.
    Object tick = new Object();
    long[] now = {0};
    Sleeper waitForTick = d -> {
      synchronized (tick) {
        long before = now[0];
        while (now[0] == before) {
          tick.wait();
        }
      }
    };
    LongSupplier nanos = () -> {
      synchronized (tick) {
        return now[0];
      }
    };
    LocalRateLimiter limiter = new LocalRateLimiter("app", 4, time, nanos, waitForTick);
    Map<String, Long> releasedAt = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    java.util.function.Consumer<String> start = name -> {
      Thread t = new Thread(() -> {
        limiter.acquire(FAR);
        releasedAt.put(name, nanos.getAsLong());
      });
      threads.add(t);
      t.start();
    };
    java.util.function.LongConsumer moveTo = millis -> {
      synchronized (tick) {
        now[0] = millis * 1_000_000L;
        tick.notifyAll();
      }
    };

    limiter.acquire(FAR); // slot 0, released at 0
    for (String name : List.of("s250", "s500", "s750")) {
      start.accept(name);
      awaitWaiting(threads.get(threads.size() - 1));
    }
    // The three sleepers oversleep: they all wake at 990 ms.
    moveTo.accept(990);
    awaitReleased(releasedAt, 3);
    start.accept("s1000");
    awaitWaiting(threads.get(3));
    moveTo.accept(1000);
    awaitReleased(releasedAt, 4);
    start.accept("s1250");
    awaitWaiting(threads.get(4));
    // By spacing alone slot 1250 is due, but (250, 1250] already holds 990, 990, 990 and 1000.
    moveTo.accept(1250);
    awaitWaiting(threads.get(4));
    assertThat(releasedAt).doesNotContainKey("s1250");
    moveTo.accept(1990);
    awaitReleased(releasedAt, 5);
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(releasedAt).containsEntry("s250", 990_000_000L).containsEntry("s1000", 1_000_000_000L)
        .containsEntry("s1250", 1_990_000_000L);
  }

  private static void awaitWaiting(Thread t) throws InterruptedException {
    awaitState(t, Thread.State.WAITING);
  }

  /** Spins until {@code t} is in {@code state} (or ended); bounded so that a bug cannot hang. */
  private static void awaitState(Thread t, Thread.State state) {
    long until = System.nanoTime() + 10_000_000_000L;
    while (t.getState() != state && t.isAlive() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static void awaitReleased(Map<String, Long> released, int count) throws InterruptedException {
    long until = System.nanoTime() + 10_000_000_000L;
    while (released.size() < count && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(released).hasSize(count);
  }

  @Test
  void idleTimeStoresNoBurst() {
    LocalRateLimiter limiter = limiter(4);
    limiter.acquire(FAR);
    time.advance(Duration.ofSeconds(10));
    long start = time.nanoTime();
    List<Long> at = grants(limiter, 3);
    assertThat(at).containsExactly(start, start + 250_000_000L, start + 500_000_000L);
  }

  @Test
  void aPermitAfterTheDeadline_failsAtOnce_andReservesNothing() {
    LocalRateLimiter limiter = limiter(1);
    limiter.acquire(FAR);
    Instant now = time.instant();

    assertThatThrownBy(() -> limiter.acquire(now.plusMillis(500)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
          assertThat(e.isRetryable()).isTrue();
        });
    assertThat(time.instant()).isEqualTo(now); // did not wait

    limiter.acquire(now.plusSeconds(2)); // the refused caller did not take the slot at +1 s
    assertThat(time.instant()).isEqualTo(now.plusSeconds(1));
  }

  @Test
  void pauseUntil_holdsEveryone_thenSpacingResumes() {
    LocalRateLimiter limiter = limiter(10);
    limiter.acquire(FAR);
    Instant blockedUntil = time.instant().plusSeconds(10);
    limiter.pauseUntil(blockedUntil);

    limiter.acquire(FAR);
    assertThat(time.instant()).isEqualTo(blockedUntil);
    limiter.acquire(FAR);
    assertThat(time.instant()).isEqualTo(blockedUntil.plusMillis(100));
  }

  @Test
  void pauseUntil_inThePastOrShorterThanTheCurrentPause_changesNothing() {
    LocalRateLimiter limiter = limiter(10);
    limiter.pauseUntil(time.instant().plusSeconds(5));
    limiter.pauseUntil(time.instant().plusSeconds(1));
    limiter.pauseUntil(time.instant().minusSeconds(1));
    Instant start = time.instant();
    limiter.acquire(FAR);
    assertThat(time.instant()).isEqualTo(start.plusSeconds(5));
  }

  @Test
  void aPauseThatBeginsWhileACallerSleeps_holdsThatCallerToo() {
    AtomicBoolean paused = new AtomicBoolean();
    AtomicReference<LocalRateLimiter> self = new AtomicReference<>();
    Sleeper pausingSleeper = d -> {
      if (paused.compareAndSet(false, true)) {
        self.get().pauseUntil(time.instant().plusSeconds(10)); // the vendor blocks the app meanwhile
      }
      time.sleep(d);
    };
    LocalRateLimiter limiter = new LocalRateLimiter("app", 10, time, time::nanoTime, pausingSleeper);
    self.set(limiter);
    limiter.acquire(FAR);
    Instant start = time.instant();

    limiter.acquire(FAR); // slot at +100 ms, but the pause until +10 s began during the sleep
    assertThat(time.instant()).isEqualTo(start.plusSeconds(10));
  }

  @Test
  void aPauseLongerThanTheDeadline_failsAtOnce() {
    LocalRateLimiter limiter = limiter(10);
    limiter.pauseUntil(time.instant().plusSeconds(10));
    assertThatThrownBy(() -> limiter.acquire(time.instant().plusSeconds(5)))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void interruptedWhileWaiting_restoresTheFlag_andThrowsANeutralException() {
    LocalRateLimiter limiter = new LocalRateLimiter("app", 0.1, Clock.systemUTC(), System::nanoTime, Sleeper.SYSTEM);
    limiter.acquire(FAR);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicBoolean flagAfter = new AtomicBoolean();
      Thread waiter = new Thread(() -> {
        try {
          limiter.acquire(FAR); // would wait 10 s
        } catch (Throwable t) {
          thrown.set(t);
          flagAfter.set(Thread.currentThread().isInterrupted());
        }
      });
      waiter.start();
      awaitState(waiter, Thread.State.TIMED_WAITING); // asleep in acquire(), not about to enter it
      waiter.interrupt();
      waiter.join();
      assertThat(thrown.get()).isExactlyInstanceOf(ImException.class).hasMessageContaining("interrupted");
      assertThat(flagAfter).isTrue();
    });
  }

  @Test
  void shared_isOnePerAppKeyAndContext() {
    try (ProviderContext one = ProviderContext.create(); ProviderContext two = ProviderContext.create()) {
      LocalRateLimiter a = LocalRateLimiter.shared(one, "easemob:org#app", 100);
      assertThat(LocalRateLimiter.shared(one, "easemob:org#app", 50)).isSameAs(a);
      // 5% below the configured rate: headroom for the jitter between our clock and the vendor's.
      assertThat(a.requestsPerSecond()).isEqualTo(100 * AppRateLimiter.JITTER_HEADROOM);
      assertThat(LocalRateLimiter.shared(one, "easemob:org#other", 100)).isNotSameAs(a);
      assertThat(LocalRateLimiter.shared(two, "easemob:org#app", 100)).isNotSameAs(a);
      assertThat(a.appKey()).isEqualTo("easemob:org#app");
      assertThat(a).hasToString("LocalRateLimiter{easemob:org#app, 95.0/s}");
    }
  }

  @Test
  void rejectsABadRate() {
    assertThatThrownBy(() -> limiter(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }
}
