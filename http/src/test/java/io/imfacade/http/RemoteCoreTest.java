package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import io.imfacade.ImConfig;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-client core every REST provider builds on. */
class RemoteCoreTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Operation GET = Operation.idempotent("items.get");
  private static final Operation CREATE = Operation.nonIdempotent("items.create");

  private final FakeTime time = new FakeTime();
  private final ProviderContext context = ProviderContext.create(time);

  @AfterEach
  void close() {
    context.close();
  }

  private RemoteCore.Builder<TestApi> complete() {
    return RemoteCore.builder(TestApi.class)
        .metadata(Cores.METADATA)
        .config(ImConfig.builder().provider(Cores.PROVIDER).build())
        .context(context)
        .baseUrl(HttpUrl.get(wm.baseUrl()))
        .rateLimiterKey("testvendor:app")
        .errorMapper(new TestErrorMapper())
        .bearerTokens(fetch -> new CountingTokenSource());
  }

  @ParameterizedTest(name = "without {0}")
  @ValueSource(strings = {"metadata", "config", "context", "baseUrl", "rateLimiterKey", "errorMapper"})
  void build_namesAMissingPart(String part) {
    RemoteCore.Builder<TestApi> b = RemoteCore.builder(TestApi.class);
    Map<String, Consumer<RemoteCore.Builder<TestApi>>> setters = new HashMap<>();
    setters.put("metadata", x -> x.metadata(Cores.METADATA));
    setters.put("config", x -> x.config(ImConfig.builder().provider(Cores.PROVIDER).build()));
    setters.put("context", x -> x.context(context));
    setters.put("baseUrl", x -> x.baseUrl(HttpUrl.get(wm.baseUrl())));
    setters.put("rateLimiterKey", x -> x.rateLimiterKey("testvendor:app"));
    setters.put("errorMapper", x -> x.errorMapper(new TestErrorMapper()));
    setters.forEach((name, setter) -> {
      if (!name.equals(part)) {
        setter.accept(b);
      }
    });
    b.bearerTokens(fetch -> new CountingTokenSource());
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining(part);
  }

  @Test
  void build_needsTokensOrASigner() {
    RemoteCore.Builder<TestApi> b = RemoteCore.builder(TestApi.class)
        .metadata(Cores.METADATA).config(ImConfig.builder().provider(Cores.PROVIDER).build()).context(context)
        .baseUrl(HttpUrl.get(wm.baseUrl())).rateLimiterKey("k").errorMapper(new TestErrorMapper());
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("bearerTokens or a signer");
  }

  @Test
  void build_doesNoIo_andTheCoreExposesItsParts() {
    AtomicInteger fetches = new AtomicInteger();
    RemoteCore<TestApi> core = complete().bearerTokens(fetch -> {
      fetches.incrementAndGet();
      return new CountingTokenSource();
    }).build();
    assertThat(fetches).as("the source is built, not asked").hasValue(1);
    assertThat(core.provider()).isEqualTo("testvendor");
    assertThat(core.context()).isSameAs(context);
    assertThat(core.clock()).isSameAs(time);
    assertThat(core).hasToString("RemoteCore{testvendor}");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aBaseUrlWithoutTrailingSlash_keepsItsPathPrefix() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"x\"}")));
    RemoteCore<TestApi> core = complete().baseUrl(HttpUrl.get(wm.baseUrl() + "/org/app")).build();
    core.call(GET, tag -> core.api().get(tag, "u/1"));
    assertThat(wm.findAll(anyRequestedFor(anyUrl())).get(0).getUrl()).isEqualTo("/org/app/items/u%2F1");
  }

  @Test
  void aFixedToken_isSentAsIs_andNeverExpires() {
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    TokenSource fixed = RemoteCore.fixedToken("configured-token-123");
    assertThat(fixed.fetch().expiresAt()).isEqualTo(Instant.MAX);
    RemoteCore<TestApi> core = complete().bearerTokens(fetch -> fixed).build();
    core.call(GET, core.api()::status);
    time.advance(Duration.ofDays(365));
    core.call(GET, core.api()::status);
    wm.verify(2, getRequestedFor(urlEqualTo("/status")).withHeader("Authorization", equalTo("Bearer configured-token-123")));
  }

  @Test
  void theLastOfBearerTokensAndSigner_wins() {
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    RemoteCore<TestApi> signed = complete()
        .signer(chain -> chain.proceed(chain.request().newBuilder().header("CheckSum", "c").build())).build();
    signed.call(GET, signed.api()::status);
    wm.verify(1, getRequestedFor(urlEqualTo("/status")).withHeader("CheckSum", equalTo("c")).withoutHeader("Authorization"));
  }

  @Test
  void tokenRefreshMargin_isHonouredUpToHalfTheLifetime() {
    wm.stubFor(get("/status").willReturn(okJson("{}")));
    AtomicInteger fetches = new AtomicInteger();
    TokenSource tenMinutes = () -> IssuedToken.of("t" + fetches.incrementAndGet(), time.instant().plus(Duration.ofMinutes(10)));
    RemoteCore<TestApi> core = complete().bearerTokens(fetch -> tenMinutes).tokenRefreshMargin(Duration.ofMinutes(1)).build();
    core.call(GET, core.api()::status);
    time.advance(Duration.ofMinutes(8).plusSeconds(59));
    core.call(GET, core.api()::status);
    assertThat(fetches).hasValue(1);
    time.advance(Duration.ofSeconds(1));
    core.call(GET, core.api()::status);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void readInOrder_callsTheVendorPerChunk_andAnswersInTheCallersOrder() {
    wm.stubFor(get(urlEqualTo("/status")).willReturn(okJson("{}")));
    RemoteCore<TestApi> core = complete().build();
    List<String> ids = IntStream.range(0, 25).mapToObj(i -> "u" + (24 - i)).collect(Collectors.toList());
    Map<String, Integer> read = core.readInOrder(ids, 10, chunk -> {
      core.call(GET, core.api()::status);
      Map<String, Integer> answer = new HashMap<>();
      chunk.stream().filter(id -> !id.equals("u7")).forEach(id -> answer.put(id, Integer.parseInt(id.substring(1))));
      return answer;
    });
    List<String> expected = new ArrayList<>(ids);
    expected.remove("u7");
    assertThat(new ArrayList<>(read.keySet())).isEqualTo(expected);
    wm.verify(3, getRequestedFor(urlEqualTo("/status")));
  }

  @Test
  void writeSettled_reportsEveryChunk_whenOneFailsOnTheWire() {
    wm.stubFor(post("/items").willReturn(okJson("{\"id\":\"ok\"}")));
    wm.stubFor(post("/items").withRequestBody(containing("\"m3\"")).willReturn(aResponse().withStatus(500)));
    RemoteCore<TestApi> core = complete().build();
    List<String> members = IntStream.range(0, 9).mapToObj(i -> "m" + i).collect(Collectors.toList());

    List<Batches.Settled<String, String>> settled = core.writeSettled(members, 2,
        chunk -> core.call(CREATE, tag -> core.api().create(tag, Map.of("members", chunk))).id);

    assertThat(settled).extracting(Batches.Settled::chunk)
        .containsExactly(List.of("m0", "m1"), List.of("m2", "m3"), List.of("m4", "m5"), List.of("m6", "m7"), List.of("m8"));
    assertThat(settled.get(1).failure()).hasValueSatisfying(f -> assertThat(f)
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.httpStatus()).hasValue(500)));
    assertThat(settled).filteredOn(s -> s.failure().isEmpty()).hasSize(4).allSatisfy(s -> assertThat(s.result()).contains("ok"));
    // Not idempotent: the failed chunk was sent once, and every other chunk was sent.
    wm.verify(5, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void inChunks_failsOnTheFirstFailure() {
    RemoteCore<TestApi> core = complete().build();
    NotFoundException missing = core.notFound(GET, "group g1 not found");
    assertThatThrownBy(() -> core.inChunks(List.of(1, 2, 3), 1, chunk -> {
      if (chunk.get(0) == 2) {
        throw missing;
      }
      return chunk;
    })).isSameAs(missing);
  }

  @Test
  void notFoundAndMalformed_nameTheProviderAndTheOperation() {
    RemoteCore<TestApi> core = complete().build();
    assertThat(core.notFound(GET, "user u1 not found")).satisfies(e -> {
      assertThat(e.provider()).hasValue("testvendor");
      assertThat(e.operation()).hasValue("items.get");
      assertThat(e.getMessage()).contains("user u1 not found");
    });
    assertThat(core.malformed(GET, "data is a string")).satisfies(e -> {
      assertThat(e).isInstanceOf(ProviderUnavailableException.class);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.operation()).hasValue("items.get");
      assertThat(e.getMessage()).contains("documented shape").contains("data is a string");
    });
    assertThat(core.details(CREATE).build().operation()).hasValue("items.create");
  }
}
