package io.imfacade.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the facade costs on top of the HTTP call it makes: {@code profiles().getAll(100 ids)} on the
 * {@code easemob} provider against a hand-written OkHttp + Jackson call of the same request ({@code
 * POST /{org}/{app}/metadata/user/get}, same JSON body, same bearer header, answer parsed into a
 * {@code Map}), both against one loopback WireMock stub with a static answer for 100 users.
 *
 * <p>The facade runs with a fixed app token (no token request) and a rate limit far above what one
 * thread can reach, so that neither the token endpoint nor the limiter's pacing is measured: what
 * remains is validation, the limiter's bookkeeping, Retrofit, the interceptors, the error checks and
 * the mapping into {@link UserProfile}s. Sample-time mode, so that JMH reports the median (p0.50)
 * of each; see BENCHMARKS.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Server and client share one JVM and two cores: the C2 compilation of Jetty, WireMock, OkHttp and
// Jackson takes some 20 s before the per-call time settles, hence the long warm-up.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class FacadeOverheadBenchmark {

  static final String ORG = "bench";
  static final String APP = "app";
  static final String TOKEN = "YWMtbenchmark-fixed-app-token";
  static final int USERS = 100;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private WireMockServer server;
  private ImClient facade;
  private List<String> ids;

  // The raw baseline: what a careful developer would write by hand with the same libraries.
  private OkHttpClient http;
  private ObjectMapper json;
  private HttpUrl rawUrl;
  private String authorization;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    ids = new ArrayList<>(USERS);
    for (int i = 0; i < USERS; i++) {
      ids.add("user_" + i);
    }
    server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true));
    server.start();
    server.stubFor(post(urlPathEqualTo("/" + ORG + "/" + APP + "/metadata/user/get"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json;charset=UTF-8")
            .withBody(answer(ids))));
    String baseUrl = "http://127.0.0.1:" + server.port();

    facade = ImFacade.open(Map.of(
        "provider", "easemob",
        "easemob.baseUrl", baseUrl,
        "easemob.orgName", ORG,
        "easemob.appName", APP,
        "easemob.appToken", TOKEN,
        // Far above what one thread reaches: the limiter's bookkeeping is measured, not its pacing.
        "rateLimit.requestsPerSecond", "1000000000"));

    http = new OkHttpClient();
    json = new ObjectMapper();
    rawUrl = HttpUrl.get(baseUrl + "/" + ORG + "/" + APP + "/metadata/user/get");
    authorization = "Bearer " + TOKEN;

    // Both sides must do the same work: the same 100 users back, or the comparison means nothing.
    int fromFacade = facade().size();
    @SuppressWarnings("unchecked")
    int fromRaw = ((Map<String, Object>) raw().get("data")).size();
    if (fromFacade != USERS || fromRaw != USERS) {
      throw new IllegalStateException("expected " + USERS + " users from both, got facade " + fromFacade + ", raw " + fromRaw);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    facade.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.stop();
  }

  /** The facade: validate 100 ids, one rate-limited, retried-if-needed POST, 100 neutral profiles. */
  @Benchmark
  public Map<String, UserProfile> facade() {
    return facade.profiles().getAll(ids);
  }

  /** The same POST by hand: JSON body, bearer header, answer parsed into a Map. */
  @Benchmark
  public Map<String, Object> raw() {
    try {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("targets", ids);
      body.put("properties", List.of());
      Request request = new Request.Builder()
          .url(rawUrl)
          .header("Authorization", authorization)
          .header("Accept", "application/json")
          .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
          .build();
      try (Response response = http.newCall(request).execute()) {
        ResponseBody responseBody = response.body();
        if (!response.isSuccessful() || responseBody == null) {
          throw new IllegalStateException("HTTP " + response.code());
        }
        return json.readValue(responseBody.byteStream(), MAP);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vendor's batch-get answer (seed 000's shape) for {@code ids}, each with six attributes. */
  static String answer(List<String> ids) throws IOException {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("nickname", "User " + i);
      attributes.put("avatarurl", "https://cdn.example.com/avatars/" + i + ".png");
      attributes.put("gender", i % 2 == 0 ? "2" : "1");
      attributes.put("sign", "Hello, I am user number " + i);
      attributes.put("birth", "1990-01-" + (10 + i % 18));
      attributes.put("ext", "{\"level\":" + i + "}");
      data.put(ids.get(i), attributes);
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("timestamp", 1_700_000_000_000L);
    envelope.put("data", data);
    envelope.put("duration", 1);
    return new ObjectMapper().writeValueAsString(envelope);
  }
}
