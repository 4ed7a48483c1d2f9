package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.simulator.Fault;
import io.imfacade.simulator.Http;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EasemobFaultsTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("alice");
  }

  private Http.Req get() {
    return Http.get(url(SIM, "/metadata/user/alice")).bearer(token);
  }

  @Test
  void failNextAnswersJsonErrorsThenRecovers() throws Exception {
    SIM.simulator().faults().failNext(2, 500).failNext(1, 503);

    assertError(get().send(), 500, "internal_server_error", "Internal Server Error");
    assertThat(get().send().status).isEqualTo(500);
    assertError(get().send(), 503, "service_unavailable", "Service Unavailable");
    assertThat(get().send().status).isEqualTo(200);
  }

  @Test
  void a502IsAnHtmlGatewayPage() throws Exception {
    SIM.simulator().faults().failNext(1, 502);

    Http.Resp resp = get().send();

    assertThat(resp.status).isEqualTo(502);
    assertThat(resp.body).isEqualTo("<html>Bad Gateway</html>");
    assertThat(resp.header("Content-Type")).startsWith("text/html");
  }

  @Test
  void rateLimitNextAnswers429WithOptionalRetryAfter() throws Exception {
    SIM.simulator().faults().rateLimitNext(1, Duration.ofMillis(1500)).rateLimitNext(1, null);

    Http.Resp withHeader = get().send();
    Http.Resp without = get().send();

    assertError(withHeader, 429, "reach_limit", "This request has reached api limit");
    assertThat(withHeader.header("Retry-After")).isEqualTo("2");
    assertThat(without.status).isEqualTo(429);
    assertThat(without.header("Retry-After")).isNull();
    assertThat(get().send().status).isEqualTo(200);
    assertThat(SIM.simulator().rateLimitedRequests()).isZero();
  }

  @Test
  void faultedRequestsAreNotCarriedOut() throws Exception {
    SIM.simulator().faults().failNext(1, 500);

    Http.Resp resp = Http.put(url(SIM, "/metadata/user/alice")).bearer(token)
        .rawBody("application/x-www-form-urlencoded", "nickname=A").send();

    assertThat(resp.status).isEqualTo(500);
    assertThat(SIM.simulator().userMetadata("alice")).isEmpty();
  }

  // A PUT, because the JDK client silently retries a GET once after a broken connection.
  private Http.Req put() {
    return Http.put(url(SIM, "/metadata/user/alice")).bearer(token).rawBody("application/x-www-form-urlencoded", "nickname=A");
  }

  @Test
  void connectionResetBreaksTheCallAndLosesTheRequest() {
    SIM.simulator().faults().faultNext(1, Fault.CONNECTION_RESET);

    assertThatThrownBy(() -> put().send()).isInstanceOf(IOException.class);
    assertThat(SIM.simulator().userMetadata("alice")).isEmpty();
    assertThat(SIM.simulator().requests()).isEqualTo(1);
  }

  @Test
  void emptyResponseBreaksTheCall() {
    SIM.simulator().faults().faultNext(1, Fault.EMPTY_RESPONSE);

    assertThatThrownBy(() -> put().send()).isInstanceOf(IOException.class);
    assertThat(SIM.simulator().userMetadata("alice")).isEmpty();
  }

  @Test
  void randomBytesBreakTheCall() {
    SIM.simulator().faults().faultNext(1, Fault.RANDOM_BYTES);

    assertThatThrownBy(() -> put().send()).isInstanceOf(IOException.class);
    assertThat(SIM.simulator().userMetadata("alice")).isEmpty();
  }

  @Test
  void malformedJsonIsA200WithATruncatedBody() throws Exception {
    SIM.simulator().faults().faultNext(1, Fault.MALFORMED_JSON);

    Http.Resp resp = get().send();

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.body).isEqualTo("{\"data\":");
    assertThatThrownBy(resp::json).isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void aDelayedRequestTimesOutTheClientButIsCarriedOut() throws Exception {
    SIM.simulator().faults().faultNext(1, Fault.delay(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> Http.put(url(SIM, "/metadata/user/alice")).bearer(token)
        .rawBody("application/x-www-form-urlencoded", "nickname=Late").timeout(Duration.ofMillis(300)).send())
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(SIM.simulator().userMetadata("alice")).containsEntry("nickname", "Late");
  }

  @Test
  void latencyDelaysEveryAnswer() {
    SIM.simulator().faults().latency(Duration.ofSeconds(3));

    assertThatThrownBy(() -> get().timeout(Duration.ofMillis(300)).send()).isInstanceOf(HttpTimeoutException.class);
    assertThatThrownBy(() -> Http.post(url(SIM, "/token")).timeout(Duration.ofMillis(300))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)).send())
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void faultsSkipTheTokenRequestUnlessToldOtherwise() throws Exception {
    SIM.simulator().faults().failNext(1, 500);
    String fresh = EasemobTests.token(SIM);
    assertThat(get().send().status).isEqualTo(500);

    SIM.simulator().faults().includingToken().failNext(1, 503);
    Http.Resp tokenResp = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)).send();

    assertThat(fresh).isNotEmpty();
    assertThat(tokenResp.status).isEqualTo(503);
    assertThat(get().send().status).isEqualTo(200);
  }

  @Test
  void faultsComeInTheOrderTheyWereScheduled() throws Exception {
    SIM.simulator().faults().rateLimitNext(1, null).failNext(1, 500).rateLimitNext(1, null);

    assertThat(get().send().status).isEqualTo(429);
    assertThat(get().send().status).isEqualTo(500);
    assertThat(get().send().status).isEqualTo(429);
    assertThat(get().send().status).isEqualTo(200);
  }

  @Test
  void resetClearsStateFaultsCountersAndJournal() throws Exception {
    SIM.simulator().faults().latency(Duration.ofSeconds(5)).failNext(3, 500);
    SIM.simulator().putUserMetadata("alice", Map.of("nickname", "A"));
    assertThat(SIM.server().getAllServeEvents()).isNotEmpty();

    SIM.simulator().reset();

    assertThat(SIM.simulator().userMetadata("alice")).isEmpty();
    assertThat(SIM.simulator().tokenRequests()).isZero();
    assertThat(SIM.simulator().requests()).isZero();
    assertThat(SIM.server().getAllServeEvents()).isEmpty();
    SIM.simulator().createUsers("alice");
    assertThat(get().timeout(Duration.ofSeconds(2)).send().status).isEqualTo(200);
  }

  @Test
  void faultArgumentsAreChecked() {
    assertThatThrownBy(() -> SIM.simulator().faults().failNext(0, 500)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SIM.simulator().faults().failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SIM.simulator().faults().latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Fault.delay(Duration.ofSeconds(1))).isEqualTo(Fault.delay(Duration.ofSeconds(1)));
    assertThat(Fault.delay(Duration.ofSeconds(1)).kind()).isEqualTo(Fault.Kind.DELAY);
  }
}
