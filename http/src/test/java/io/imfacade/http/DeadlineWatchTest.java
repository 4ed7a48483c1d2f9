package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;

/** Real Retrofit calls against a server that answers late, watched by a watch of the test's own. */
class DeadlineWatchTest {

  private static final long DEADLINE_MS = 200;
  private static final long LATE_ANSWER_MS = 3_000;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final List<Thread> watchThreads = new CopyOnWriteArrayList<>();
  private final DeadlineWatch watch = new DeadlineWatch(Duration.ofMillis(5), Duration.ofMillis(100), runnable -> {
    Thread thread = DaemonThreads.factory("test-deadlines-").newThread(runnable);
    watchThreads.add(thread);
    return thread;
  });
  private ProviderContext context;
  private TestApi api;

  @BeforeEach
  void setUp() throws IOException {
    wm.stubFor(get("/items/slow").willReturn(aResponse().withFixedDelay((int) LATE_ANSWER_MS).withBody("{\"id\":\"slow\"}")));
    wm.stubFor(get("/items/fast").willReturn(aResponse().withBody("{\"id\":\"fast\"}")));
    context = ProviderContext.create();
    HttpSettings settings = HttpSettings.from(ImConfig.of(Map.of(ImConfig.PROVIDER, "testvendor",
        ImConfig.HTTP_READ_TIMEOUT_MS, "10000")), 1000);
    api = HttpClients.retrofit(wm.baseUrl() + "/",
        HttpClients.forClient(HttpClients.shared(context), "testvendor", settings, null, null)).create(TestApi.class);
    // Unwatched: the JVM's first call loads classes and connects, which can take longer than a deadline here.
    api.get(null, "fast").execute();
  }

  @AfterEach
  void tearDown() {
    context.close();
  }

  @Test
  void aCallStillRunningAtItsDeadline_isCancelled_andTheEntrySaysItExpired() {
    Call<TestApi.Item> call = api.get(null, "slow");
    long start = System.nanoTime();
    try (DeadlineWatch.Watched entry = watch.watch(call, start + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS))) {
      assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(tookMs).isGreaterThanOrEqualTo(DEADLINE_MS).isLessThan(LATE_ANSWER_MS);
      assertThat(entry.expired()).isTrue();
      assertThat(call.isCanceled()).isTrue();
    }
  }

  @Test
  void aCallClosedBeforeItsDeadline_isLeftAlone() throws IOException {
    Call<TestApi.Item> call = api.get(null, "fast");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    DeadlineWatch.Watched entry = watch.watch(call, deadline);
    try (entry) {
      assertThat(call.execute().body().id).isEqualTo("fast");
    }
    // Another call keeps the thread sweeping past the first one's deadline.
    Call<TestApi.Item> later = api.get(null, "slow");
    try (DeadlineWatch.Watched other = watch.watch(later, deadline + TimeUnit.MILLISECONDS.toNanos(100))) {
      assertThatThrownBy(later::execute).isInstanceOf(IOException.class);
      assertThat(other.expired()).isTrue();
    }
    assertThat(System.nanoTime() - deadline).isPositive();
    assertThat(entry.expired()).isFalse();
    assertThat(call.isCanceled()).isFalse();
  }

  @Test
  void theThreadEndsWhenIdle_andTheNextCallStartsOneAgain() throws IOException {
    Call<TestApi.Item> first = api.get(null, "fast");
    try (DeadlineWatch.Watched entry = watch.watch(first, System.nanoTime() + TimeUnit.SECONDS.toNanos(10))) {
      assertThat(watch.isRunning()).isTrue();
      first.execute();
    }
    awaitTrue(() -> !watch.isRunning(), Duration.ofSeconds(10));

    Call<TestApi.Item> second = api.get(null, "slow");
    try (DeadlineWatch.Watched entry = watch.watch(second, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS))) {
      assertThat(watch.isRunning()).isTrue();
      assertThatThrownBy(second::execute).isInstanceOf(IOException.class);
      assertThat(entry.expired()).isTrue();
    }
  }

  @Test
  void anInterruptOfTheWatchThread_doesNotStopTheWatch() {
    Call<TestApi.Item> call = api.get(null, "slow");
    try (DeadlineWatch.Watched entry = watch.watch(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS))) {
      assertThat(watchThreads).hasSize(1);
      watchThreads.get(0).interrupt();
      assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
      assertThat(entry.expired()).isTrue();
    }
    assertThat(watchThreads).hasSize(1);
    assertThat(watchThreads.get(0).isAlive()).isTrue();
  }

  @Test
  void anErrorThatEndsTheWatchThread_doesNotStopTheWatchForGood() {
    Call<?> broken = (Call<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Call.class},
        (proxy, method, args) -> {
          throw new AssertionError("cancel failed with an Error");
        });
    watch.watch(broken, System.nanoTime());
    awaitTrue(() -> !watch.isRunning(), Duration.ofSeconds(10));
    assertThat(watchThreads).hasSize(1);

    Call<TestApi.Item> call = api.get(null, "slow");
    try (DeadlineWatch.Watched entry = watch.watch(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS))) {
      assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
      assertThat(entry.expired()).isTrue();
    }
    assertThat(watchThreads).hasSize(2);
  }

  @Test
  void manyThreadsAtOnce_onlyTheCallsPastTheirDeadlineAreCancelled() throws Exception {
    int threads = 8;
    int fastCallsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          int[] cancelled = new int[2]; // [fast calls cancelled, slow calls cancelled]
          for (int i = 0; i <= fastCallsEach; i++) {
            boolean slow = i == fastCallsEach / 2;
            Call<TestApi.Item> call = api.get(null, slow ? "slow" : "fast");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(slow ? DEADLINE_MS : 10_000);
            try (DeadlineWatch.Watched entry = watch.watch(call, deadline)) {
              try {
                call.execute();
              } catch (IOException e) {
                // counted below through the entry
              }
              if (entry.expired()) {
                cancelled[slow ? 1 : 0]++;
              }
            }
          }
          return cancelled;
        }));
      }
      for (Future<int[]> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(0, 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", within).isLessThan(end);
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
