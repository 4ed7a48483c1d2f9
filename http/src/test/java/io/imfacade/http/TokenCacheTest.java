package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.RateLimitedException;
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
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private static final Duration MARGIN = Duration.ofSeconds(60);
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

  @Test
  void fetchesOnFirstUse_thenServesFromMemory() {
    Source source = new Source(Duration.ofHours(2));
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
    assertThat(source.fetches).hasValue(0);

    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofMinutes(30));
    assertThat(cache.current()).isEqualTo("t1");
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void twoHundredCallersAtExpiry_causeExactlyOneFetch() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch callersStarted = new CountDownLatch(200);
    TokenSource slow = () -> {
      int n = fetches.incrementAndGet();
      if (n > 1) {
        // Keep the fetch in flight until every caller is in current(), or close to it.
        await(callersStarted);
        sleep(100);
      }
      return IssuedToken.of("t" + n, time.instant().plus(Duration.ofHours(1)));
    };
    TokenCache cache = new TokenCache(slow, time, MARGIN, NEGATIVE_TTL);
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofHours(1)); // expired now

    ExecutorService pool = Executors.newFixedThreadPool(200);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> {
          callersStarted.countDown();
          go.await();
          return cache.current();
        }));
      }
      go.countDown();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      for (Future<String> f : results) {
        seen.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(seen).containsExactly("t2");
      assertThat(fetches).hasValue(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refreshesAtHalfLife_whenThatComesBeforeTheMargin() {
    Source source = new Source(Duration.ofMinutes(10));
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofMinutes(4));
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofMinutes(2)); // past half-life, still 4 minutes valid
    assertThat(cache.current()).isEqualTo("t2");
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void refreshesAtTheMargin_whenThatComesBeforeHalfLife() {
    Source source = new Source(Duration.ofSeconds(100));
    TokenCache cache = new TokenCache(source, time, Duration.ofSeconds(80), NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofSeconds(19));
    assertThat(cache.current()).isEqualTo("t1");
    time.advance(Duration.ofSeconds(2));
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
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofMinutes(40)); // due for refresh, valid for 20 more minutes

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
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofMinutes(40));
    assertThat(cache.current()).isEqualTo("t1");
    assertThat(cache.current()).isEqualTo("t1"); // failure remembered: no second attempt yet
    assertThat(fetches).hasValue(2);
    time.advance(NEGATIVE_TTL);
    assertThat(cache.current()).isEqualTo("t3");
  }

  @Test
  void expiredToken_isFetchedAgain() {
    Source source = new Source(Duration.ofSeconds(30));
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
    cache.current();
    time.advance(Duration.ofSeconds(31));
    assertThat(cache.current()).isEqualTo("t2");
  }

  @Test
  void failedFetch_isRememberedForTheNegativeTtl_asTheSameKindAndMessage() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource failing = () -> {
      fetches.incrementAndGet();
      throw new AuthenticationException("client_id does not match");
    };
    TokenCache cache = new TokenCache(failing, time, MARGIN, NEGATIVE_TTL);

    AuthenticationException first = catchThrowableOfType(AuthenticationException.class, cache::current);
    time.advance(NEGATIVE_TTL.minusMillis(1));
    AuthenticationException remembered = catchThrowableOfType(AuthenticationException.class, cache::current);

    assertThat(fetches).hasValue(1);
    assertThat(remembered).isNotSameAs(first).hasMessage(first.getMessage()).hasCause(first);
    time.advance(Duration.ofMillis(1));
    assertThatThrownBy(cache::current).isInstanceOf(AuthenticationException.class);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aBugInTheSource_becomesAnImException_withoutItsMessage() {
    TokenCache cache = new TokenCache(() -> {
      throw new IllegalStateException("secret-in-message");
    }, time, MARGIN, NEGATIVE_TTL);
    assertThatThrownBy(cache::current)
        .isExactlyInstanceOf(ImException.class)
        .hasMessageNotContaining("secret-in-message")
        .hasMessageContaining("IllegalStateException");
  }

  @Test
  void invalidate_forgetsOnlyTheRejectedToken() {
    Source source = new Source(Duration.ofHours(2));
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
    cache.current();

    cache.invalidate("some-older-token");
    assertThat(cache.current()).isEqualTo("t1");
    cache.invalidate(null);
    assertThat(cache.current()).isEqualTo("t1");
    cache.invalidate("t1");
    assertThat(cache.current()).isEqualTo("t2");
    cache.invalidate("t1"); // a late 401 with the old token keeps the new one
    assertThat(cache.current()).isEqualTo("t2");
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void tokenThatNeverExpires_isFetchedOnce() {
    CountingTokenSource source = new CountingTokenSource();
    TokenCache cache = new TokenCache(source, time, MARGIN, NEGATIVE_TTL);
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
    assertThatThrownBy(() -> new TokenCache(new CountingTokenSource(), time, Duration.ofSeconds(-1), NEGATIVE_TTL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
