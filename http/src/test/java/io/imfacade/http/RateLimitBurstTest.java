package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Five clients of one app fire five seconds' worth of requests at once: the app stays at its rate. */
class RateLimitBurstTest {

  private static final int RATE = 10;
  private static final int REQUESTS = 5 * RATE;
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void aBurstThroughTheSharedLimiter_staysUnderTheRate() throws Exception {
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
    Interceptor stamp = chain -> {
      sentAt.add(System.nanoTime());
      return chain.proceed(chain.request());
    };
    try (ProviderContext context = ProviderContext.create()) {
      // Five clients of one app, as a provider builds them (a NetEase-like signer in the chain).
      List<RemoteCore<TestApi>> clients = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        clients.add(Cores.to(wm.baseUrl(), context).appKey("testvendor:one-app")
            .set(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, Integer.toString(RATE))
            .signer(stamp).build());
      }

      ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
          RemoteCore<TestApi> core = clients.get(i % clients.size());
          calls.add(pool.submit(() -> core.call(Operation.idempotent("status"), core.api()::status)));
        }
        for (Future<?> f : calls) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    List<Long> times = new ArrayList<>(sentAt);
    Collections.sort(times);
    assertThat(times).hasSize(REQUESTS);
    // In any one-second window: at most RATE requests, plus 2 for the scheduling jitter of a busy
    // machine (a thread that wakes late lets the next slot's request come close behind it).
    int worst = 0;
    for (int i = 0; i < times.size(); i++) {
      int j = i;
      while (j < times.size() && times.get(j) - times.get(i) < SECOND) {
        j++;
      }
      worst = Math.max(worst, j - i);
    }
    assertThat(worst).isLessThanOrEqualTo(RATE + 2);
    // Over the whole burst: permits are 1/RATE apart, so the span is at least (n-1)/RATE,
    // less the first grant's own lateness.
    long span = times.get(times.size() - 1) - times.get(0);
    assertThat(span).isGreaterThanOrEqualTo((REQUESTS - 1) * SECOND / RATE - SECOND / 2);
  }
}
