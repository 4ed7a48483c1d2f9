package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 item 2, end to end: a client built like a provider's, whose token source calls the
 * vendor's {@code POST /token}, on a fake clock. Vendors warn that frequent token requests can get
 * an account banned: whatever the tokens' lifetime, the token endpoint is asked rarely.
 */
class TokenLifetimeTest {

  private static final Operation GET = Operation.idempotent("items.get");
  private static final String SECRET = "client-secret-0123456789";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(60))
      .build();

  private final FakeTime time = new FakeTime();
  private final ProviderContext context = ProviderContext.create(time);

  @AfterEach
  void close() {
    context.close();
  }

  private RemoteCore<TestApi> clientWithTokensLiving(long expiresInSeconds) {
    wm.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"tok\",\"expires_in\":" + expiresInSeconds + "}")));
    return Cores.to(wm.baseUrl(), context)
        .set("testvendor.clientSecret", SECRET)
        .tokens(fetch -> new Cores.EndpointTokens(fetch, time, SECRET))
        .build();
  }

  private static int tokenRequests() {
    return wm.countRequestsMatching(postRequestedFor(urlEqualTo("/token")).build()).getCount();
  }

  private static int itemRequestsWith(String token) {
    return wm.countRequestsMatching(getRequestedFor(urlEqualTo("/items/a"))
        .withHeader("Authorization", equalTo("Bearer " + token)).build()).getCount();
  }

  @Test
  void aTwoMinuteToken_isFetchedOnceForAMinuteOfCalls_andRefreshedAtSixtySeconds() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = clientWithTokensLiving(120);

    for (int second = 0; second < 60; second++) { // 0 s .. 59 s
      core.call(GET, tag -> core.api().get(tag, "a"));
      time.advance(Duration.ofSeconds(1));
    }
    assertThat(tokenRequests()).as("token requests during the first minute").isEqualTo(1);
    assertThat(itemRequestsWith("tok-1")).isEqualTo(60);

    core.call(GET, tag -> core.api().get(tag, "a")); // at 60 s: half the lifetime is left
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(itemRequestsWith("tok-2")).isEqualTo(1);
  }

  @Test
  void aOneSecondToken_givesAboutOneTokenRequestPerSecond_notOnePerCall() {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = clientWithTokensLiving(1);

    Instant end = time.instant().plusSeconds(3);
    int calls = 0;
    while (time.instant().isBefore(end)) {
      core.call(GET, tag -> core.api().get(tag, "a"));
      calls++;
      time.advance(Duration.ofMillis(20));
    }
    assertThat(calls).isEqualTo(150);
    assertThat(tokenRequests()).as("token requests over 3 s of calls").isBetween(3, 4);
  }

  @Test
  void aTokenDeadOnArrival_underAHundredConcurrentCalls_isFetchedOncePerNegativeTtl_andCallersGetANeutralException()
      throws Exception {
    wm.stubFor(get("/items/a").willReturn(okJson("{\"id\":\"a\"}")));
    RemoteCore<TestApi> core = clientWithTokensLiving(0);

    for (int window = 1; window <= 2; window++) {
      List<Throwable> outcomes = hundredConcurrentCalls(core);
      assertThat(outcomes).hasSize(100).allSatisfy(t -> assertThat(t)
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.getMessage()).contains("already expired")));
      assertThat(tokenRequests()).as("token requests in negative-TTL window " + window).isEqualTo(window);
      // The negative TTL of RemoteCore's token cache: 5 s.
      time.advance(Duration.ofSeconds(5));
    }
    wm.verify(0, getRequestedFor(urlEqualTo("/items/a")));
  }

  @Test
  void aVendorThatRefusesEveryFreshToken_isAskedForATokenAtMostOncePerSecond() {
    wm.stubFor(get("/items/a").willReturn(aResponse().withStatus(401).withBody("{\"error\":\"unauthorized\"}")));
    RemoteCore<TestApi> core = clientWithTokensLiving(7200);

    Instant end = time.instant().plusSeconds(3);
    while (time.instant().isBefore(end)) {
      assertThatThrownBy(() -> core.call(GET, tag -> core.api().get(tag, "a"))).isInstanceOf(AuthenticationException.class);
      time.advance(Duration.ofMillis(20));
    }
    assertThat(tokenRequests()).as("token requests over 3 s of refused calls").isBetween(3, 4);
  }

  private List<Throwable> hundredConcurrentCalls(RemoteCore<TestApi> core) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Throwable>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          try {
            core.call(GET, tag -> core.api().get(tag, "a"));
            return null;
          } catch (ImException e) {
            return e;
          }
        }));
      }
      go.countDown();
      List<Throwable> outcomes = new ArrayList<>();
      for (Future<Throwable> f : calls) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
