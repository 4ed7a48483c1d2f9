package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.spi.CallContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  /** What RemoteCore uses: refresh at the latest 5 minutes before expiry. */
  private static final Duration MARGIN = Duration.ofMinutes(5);
  private static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);

  private final FakeTime time = new FakeTime();

  /** Tokens that live {@code lifetime} from the fake now, counted. */
  private final class Source implements TokenSource {
    final AtomicInteger fetches = new AtomicInteger();
    final Duration lifetime;

    Source(Duration lifetime) {
      this.lifetime = lifetime;
    }

    @Override
    public IssuedToken fetch() {
      return IssuedToken.of("t" + fetches.incrementAndGet(), time.instant().plus(lifetime));
    }
  }

  private TokenCache cache(TokenSource source) {
    return new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
  }

  /** {@code current()} every {@code step} until {@code span} has passed on the fake clock. */
  private void callEvery(TokenCache cache, Duration step, Duration span) {
    Instant end = time.instant().plus(span);
    while (time.instant().isBefore(end)) {
      cache.current();
      time.advance(step);
    }
  }

  @Test
  void fetchesOnFirstUse_thenServesFromMemory() {
    Source source = new Source(Duration.ofHours(2));
    TokenCache cache = cache(source);
    assertThat(source.fetches).hasValue(0);

    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofMinutes(30));
    assertThat(cache.current()).isEqualTo("t1");
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void twoHundredCallersAtExpiry_causeExactlyOneFetch() throws Exception {
    int callers = 200;
    AtomicInteger fetches = new AtomicInteger();
    AtomicInteger entered = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    TokenSource slow = () -> {
      int n = fetches.incrementAndGet();
      if (n > 1) {
        // Keep the fetch in flight until every other caller is in current() and blocked on it.
        awaitCondition(() -> entered.get() == callers);
        for (Thread t : threads) {
          if (t != Thread.currentThread()) {
            awaitCondition(() -> t.getState() == Thread.State.WAITING || !t.isAlive());
          }
        }
      }
      return IssuedToken.of("t" + n, time.instant().plus(Duration.ofHours(1)));
    };
    TokenCache cache = cache(slow);
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofHours(1)); // expired now

    CountDownLatch go = new CountDownLatch(1);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      threads.add(new Thread(() -> {
        try {
          go.await();
          entered.incrementAndGet();
          seen.add(cache.current());
        } catch (Throwable t) {
          synchronized (failures) {
            failures.add(t);
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread t : threads) {
      t.join(30_000);
    }
    assertThat(failures).isEmpty();
    assertThat(seen).containsExactly("t2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aTwoMinuteToken_isFetchedOnce_thenRefreshedAtHalfItsLife() {
    // Issue 9: with a fixed 5-minute margin, a 120-second token was "due" from the start and
    // fetched again on every call. The margin is at most half the lifetime.
    Source source = new Source(Duration.ofSeconds(120));
    TokenCache cache = cache(source);
    callEvery(cache, Duration.ofMillis(500), Duration.ofSeconds(60));
    assertThat(source.fetches).as("calls over the first 60 s").hasValue(1);

    assertThat(cache.current()).isEqualTo("t2"); // at 60 s: refreshed, one minute of validity left
    callEvery(cache, Duration.ofMillis(500), Duration.ofSeconds(59));
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void aOneSecondToken_isFetchedAboutOncePerSecond_notOncePerCall() {
    Source source = new Source(Duration.ofSeconds(1));
    TokenCache cache = cache(source);
    callEvery(cache, Duration.ofMillis(5), Duration.ofSeconds(3)); // 600 calls
    assertThat(source.fetches.get()).isBetween(3, 4);
  }

  @Test
  void tokensLivingLessThanTheMinFetchInterval_areFetchedAtMostOncePerInterval() {
    // The class promises that no two fetches are less than minFetchInterval apart: a vendor
    // issuing 100 ms tokens must not be asked ten times a second either.
    Source source = new Source(Duration.ofMillis(100));
    TokenCache cache = cache(source);
    int served = 0;
    int refused = 0;
    Instant end = time.instant().plusSeconds(3);
    while (time.instant().isBefore(end)) {
      try {
        assertThat(cache.current()).startsWith("t");
        served++;
      } catch (ProviderUnavailableException e) {
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("expired").doesNotContain("t1");
        refused++;
      }
      time.advance(Duration.ofMillis(5));
    }
    assertThat(source.fetches.get()).as("fetches over 3 s").isBetween(3, 4);
    assertThat(served).as("calls while a token was valid").isEqualTo(60);
    assertThat(refused).isEqualTo(600 - 60);
  }

  @Test
  void aDayLongToken_isRefreshedFiveMinutesBeforeItsEnd() {
    Source source = new Source(Duration.ofDays(1));
    TokenCache cache = cache(source);
    cache.current();
    time.advance(Duration.ofDays(1).minus(MARGIN).minusSeconds(1));
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofSeconds(1));
    assertThat(cache.current()).isEqualTo("t2");
  }

  @Test
  void refreshesAtTheMargin_whenThatComesAfterHalfLife() {
    Source source = new Source(Duration.ofMinutes(10));
    TokenCache cache = new TokenCache(source, time, Duration.ofSeconds(60), NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofMinutes(8)); // past half-life, but not yet within the margin
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofMinutes(1)); // 60 s left
    assertThat(cache.current()).isEqualTo("t2");
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void refreshesAtHalfLife_whenTheMarginIsLongerThanThat() {
    Source source = new Source(Duration.ofSeconds(100));
    TokenCache cache = new TokenCache(source, time, Duration.ofSeconds(80), NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofSeconds(49));
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofSeconds(1));
    assertThat(cache.current()).isEqualTo("t2");
  }

  @Test
  void whileOneCallerRefreshesAhead_theOthersKeepTheValidToken() throws Exception {
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = () -> {
      int n = fetches.incrementAndGet();
      if (n == 2) {
        refreshing.countDown();
        await(release);
      }
      return IssuedToken.of("t" + n, time.instant().plus(Duration.ofHours(1)));
    };
    TokenCache cache = cache(source);
    cache.current();
    time.advance(Duration.ofMinutes(57)); // due for refresh, valid for 3 more minutes

    ExecutorService refresher = Executors.newSingleThreadExecutor();
    try {
      Future<String> refreshed = refresher.submit(cache::current);
      assertThat(refreshing.await(30, TimeUnit.SECONDS)).isTrue();
      String meanwhile = assertTimeoutPreemptively(Duration.ofSeconds(30), cache::current);
      assertThat(meanwhile).isEqualTo("t1");
      release.countDown();
      assertThat(refreshed.get(30, TimeUnit.SECONDS)).isEqualTo("t2");
      assertThat(cache.current()).isEqualTo("t2");
    } finally {
      release.countDown();
      refresher.shutdownNow();
    }
  }

  @Test
  void failedRefreshAhead_keepsTheValidToken() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = () -> {
      if (fetches.incrementAndGet() == 2) {
        throw new RateLimitedException("token endpoint busy");
      }
      return IssuedToken.of("t" + fetches.get(), time.instant().plus(Duration.ofHours(1)));
    };
    TokenCache cache = cache(source);
    cache.current();
    time.advance(Duration.ofMinutes(57));
    assertThat(cache.current()).isEqualTo("t1");
    assertThat(cache.current()).isEqualTo("t1"); // failure remembered: no second attempt yet
    assertThat(fetches).hasValue(2);
    time.advance(NEGATIVE_TTL);
    assertThat(cache.current()).isEqualTo("t3");
  }

  @Test
  void expiredToken_isFetchedAgain() {
    Source source = new Source(Duration.ofSeconds(30));
    TokenCache cache = cache(source);
    cache.current();
    time.advance(Duration.ofSeconds(31));
    assertThat(cache.current()).isEqualTo("t2");
  }

  @Test
  void aTokenDeadOnArrival_isAFailure_rememberedForTheNegativeTtl() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource dead = () -> IssuedToken.of("dead-" + fetches.incrementAndGet(), time.instant().minusSeconds(1));
    TokenCache cache = cache(dead);

    assertThatThrownBy(cache::current).isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
      assertThat(e.getMessage()).contains("already expired").doesNotContain("dead-");
      assertThat(e.isRetryable()).isTrue();
    });
    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class);
      time.advance(NEGATIVE_TTL.dividedBy(200));
    }
    assertThat(fetches).as("within one negative TTL").hasValue(1);
    time.advance(NEGATIVE_TTL);
    assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aTokenExpiringTheMomentItArrives_isDeadToo() {
    AtomicInteger fetches = new AtomicInteger();
    TokenCache cache = cache(() -> IssuedToken.of("t" + fetches.incrementAndGet(), time.instant()));
    assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void hundredConcurrentCallers_ofADeadTokenSource_causeOneFetch_andEachGetsItsOwnNeutralException() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    TokenCache cache = cache(() -> IssuedToken.of("t" + fetches.incrementAndGet(), time.instant().minusMillis(1)));
    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Throwable>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(pool.submit(() -> {
          go.await();
          try {
            cache.current();
            return null;
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      go.countDown();
      Set<Throwable> distinct = ConcurrentHashMap.newKeySet();
      for (Future<Throwable> f : results) {
        Throwable t = f.get(30, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(ProviderUnavailableException.class);
        distinct.add(t);
      }
      assertThat(distinct).hasSize(100); // each thread its own stack trace
      assertThat(fetches).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failedFetch_isRememberedForTheNegativeTtl_asTheSameKindAndMessage() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource failing = () -> {
      fetches.incrementAndGet();
      throw new AuthenticationException("client_id does not match");
    };
    TokenCache cache = cache(failing);

    AtomicReference<AuthenticationException> first = new AtomicReference<>();
    assertThatThrownBy(cache::current).isInstanceOfSatisfying(AuthenticationException.class, first::set);
    time.advance(NEGATIVE_TTL.minusMillis(1));
    assertThatThrownBy(cache::current).isInstanceOfSatisfying(AuthenticationException.class,
        remembered -> assertThat(remembered).isNotSameAs(first.get()).hasMessage(first.get().getMessage()).hasCause(first.get()));

    assertThat(fetches).hasValue(1);
    time.advance(Duration.ofMillis(1));
    assertThatThrownBy(cache::current).isInstanceOf(AuthenticationException.class);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aBugInTheSource_becomesAnImException_withoutItsMessage() {
    TokenCache cache = cache(() -> {
      throw new IllegalStateException("secret-in-message");
    });
    assertThatThrownBy(cache::current)
        .isExactlyInstanceOf(ImException.class)
        .hasMessageNotContaining("secret-in-message")
        .hasMessageContaining("IllegalStateException");
  }

  @Test
  void invalidate_forgetsOnlyTheRejectedToken() {
    Source source = new Source(Duration.ofHours(2));
    TokenCache cache = cache(source);
    cache.current();
    time.advance(TokenCache.DEFAULT_MIN_FETCH_INTERVAL);

    cache.invalidate("some-older-token");
    assertThat(cache.current()).isEqualTo("t1");
    cache.invalidate(null);
    assertThat(cache.current()).isEqualTo("t1");
    cache.invalidate("t1");
    assertThat(cache.current()).isEqualTo("t2");
    time.advance(TokenCache.DEFAULT_MIN_FETCH_INTERVAL);
    cache.invalidate("t1"); // a late 401 with the old token keeps the new one
    assertThat(cache.current()).isEqualTo("t2");
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void aTokenRefusedWithinTheMinFetchInterval_isKept_soARefusingVendorIsNotHammered() {
    Source source = new Source(Duration.ofHours(2));
    TokenCache cache = cache(source);
    cache.current();
    // A vendor that refuses every token: a 401 on every call, 200 calls a second.
    for (int i = 0; i < 600; i++) {
      cache.invalidate(cache.current());
      time.advance(Duration.ofMillis(5));
    }
    assertThat(source.fetches.get()).as("fetches over 3 s").isBetween(3, 4);
  }

  @Test
  void aShorterMinFetchInterval_canBeConfigured() {
    Source source = new Source(Duration.ofHours(2));
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL, Duration.ZERO);
    cache.invalidate(cache.current());
    assertThat(cache.current()).isEqualTo("t2");
  }

  @Test
  void tokenThatNeverExpires_isFetchedOnce() {
    CountingTokenSource source = new CountingTokenSource();
    TokenCache cache = cache(source);
    cache.current();
    time.advance(Duration.ofDays(3650));
    cache.current();
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void issuedToken_hidesItsValue() {
    IssuedToken token = IssuedToken.of("abc-s3cr3t", Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(token.toString()).doesNotContain("s3cr3t").contains("2030-01-01T00:00:00Z");
    assertThat(IssuedToken.of("x", Instant.MAX).toString()).contains("never");
    assertThatThrownBy(() -> IssuedToken.of(" ", Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IssuedToken.of(null, Instant.MAX)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectsNegativeDurations() {
    CountingTokenSource source = new CountingTokenSource();
    assertThatThrownBy(() -> new TokenCache(source, time, Duration.ofSeconds(-1), NEGATIVE_TTL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenCache(source, time, MARGIN, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenCache(source, time, MARGIN, NEGATIVE_TTL, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFetchCutShortByItsCallsDeadline_isNotRemembered_theNextCallFetches() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = () -> {
      if (fetches.incrementAndGet() == 1) {
        time.advance(Duration.ofSeconds(2)); // the fetch outlives what its call had left
        throw new ProviderUnavailableException("no result within the call deadline of 1000 ms",
            io.imfacade.error.ErrorDetails.builder().retryable(true).build());
      }
      return IssuedToken.of("t" + fetches.get(), time.instant().plus(Duration.ofHours(1)));
    };
    TokenCache cache = cache(source);
    try (CallContext.Scope call = CallContext.of("testvendor", "items.get", null).enter()) {
      CallContext.deadline(time.instant().plusSeconds(1));
      assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class);
    }
    // Another call, within the negative TTL: it fetches instead of getting the cut-short failure.
    try (CallContext.Scope call = CallContext.of("testvendor", "items.get", null).enter()) {
      CallContext.deadline(time.instant().plusSeconds(1));
      assertThat(cache.current()).isEqualTo("t2");
    }
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aFailureWithinTheCallsTime_isStillRemembered() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = () -> {
      fetches.incrementAndGet();
      throw new ProviderUnavailableException("HTTP 503", io.imfacade.error.ErrorDetails.builder().build());
    };
    TokenCache cache = cache(source);
    for (int i = 0; i < 3; i++) {
      try (CallContext.Scope call = CallContext.of("testvendor", "items.get", null).enter()) {
        CallContext.deadline(time.instant().plusSeconds(30));
        assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class);
      }
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aCallWaitingForAnotherCallsFetch_givesUpAtItsOwnDeadline() throws Exception {
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TokenSource slow = () -> {
      fetching.countDown();
      await(release);
      return IssuedToken.of("t1", time.instant().plus(Duration.ofHours(1)));
    };
    TokenCache cache = cache(slow);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> first = pool.submit(cache::current);
      assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
      // Bounded, so that a waiter that ignores its deadline fails the test instead of hanging it.
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        try (CallContext.Scope call = CallContext.of("testvendor", "items.get", null).enter()) {
          CallContext.deadline(time.instant().plusMillis(200));
          assertThatThrownBy(cache::current).isInstanceOf(ProviderUnavailableException.class)
              .hasMessageContaining("call deadline");
        }
      });
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("t1");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /** Spins until {@code condition} holds; bounded so that a bug cannot hang the build. */
  private static void awaitCondition(java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not reached within 10 s");
      }
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
