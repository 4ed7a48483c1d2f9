package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.spi.ProviderContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many tenants, one shared OkHttpClient: no request may carry another tenant's token. */
class MultiTenantTest {

  private static final int TENANTS = 50;
  private static final int CALLS_PER_TENANT = 10;
  private static final Pattern TENANT_PATH = Pattern.compile("/tenants/(t\\d+)/ping");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
      .build();

  @Test
  void fiftyTenantsInParallel_neverCrossTokens() throws Exception {
    wm.stubFor(WireMock.get(urlPathMatching("/tenants/.*/ping")).willReturn(okJson("{\"ok\":true}")));
    try (ProviderContext context = ProviderContext.create()) {
      List<RemoteCore<TestApi>> tenants = new ArrayList<>();
      List<CountingTokenSource> sources = new ArrayList<>();
      for (int i = 0; i < TENANTS; i++) {
        CountingTokenSource source = new CountingTokenSource("t" + i, Instant.MAX);
        sources.add(source);
        // Each tenant is its own vendor app, with its own credentials and limiter.
        tenants.add(Cores.to(wm.baseUrl(), context).appKey("testvendor:t" + i).tokens(source).build());
      }

      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int round = 0; round < CALLS_PER_TENANT; round++) {
          for (int i = 0; i < TENANTS; i++) {
            RemoteCore<TestApi> core = tenants.get(i);
            String tenant = "t" + i;
            calls.add(pool.submit(() -> core.call(Operation.idempotent("ping"), tag -> core.api().ping(tag, tenant))));
          }
        }
        for (Future<?> f : calls) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      List<LoggedRequest> requests = wm.findAll(WireMock.getRequestedFor(urlPathMatching("/tenants/.*/ping")));
      assertThat(requests).hasSize(TENANTS * CALLS_PER_TENANT);
      for (LoggedRequest r : requests) {
        Matcher m = TENANT_PATH.matcher(r.getUrl());
        assertThat(m.matches()).as(r.getUrl()).isTrue();
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + CountingTokenSource.token(m.group(1), 1));
      }
      assertThat(sources).allSatisfy(s -> assertThat(s.fetches).hasValue(1));
      // Every tenant's client is derived from the context's one OkHttpClient: one pool, all idle.
      OkHttpClient shared = HttpClients.shared(context);
      assertThat(shared.connectionPool().connectionCount()).isEqualTo(shared.connectionPool().idleConnectionCount());
    }
  }
}
