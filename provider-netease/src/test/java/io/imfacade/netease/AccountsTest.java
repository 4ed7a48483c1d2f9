package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.account.Account;
import io.imfacade.account.Registration;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accounts against answers no simulator mode gives: refusals of {@code create} in every plausible
 * form, decided by the existence probe; malformed answers; lost answers; the per-user outcomes of
 * {@code registerAll}.
 */
class AccountsTest {

  private static final String CREATE = "/nimserver/user/create.action";
  private static final String UPDATE = "/nimserver/user/update.action";
  private static final String REFRESH = "/nimserver/user/refreshToken.action";
  private static final String ONLINE = "/nimserver/user/userOnlineStatus.action";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    client = TestClients.to(WM.baseUrl()).open(context);
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  private static void exists(boolean exists, String accid) {
    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":200,\"data\":{\"invalidAccids\":"
        + (exists ? "[]" : "[\"" + accid + "\"]") + ",\"status\":{}}}")));
  }

  private static long calls(String path) {
    return WM.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path)).count();
  }

  /** Any refusal of create that NetEase could send for a duplicate: the probe finds the account, a conflict. */
  @ParameterizedTest
  @CsvSource({
      "414, accid already exists",
      "414, 账号已存在",
      "417, repeated operation",
      "403, illegal operation",
      "404, object exists",
      "431, http request repeated"})
  void aRefusalOfAnAccountThatExistsIsAConflictKeepingTheVendorsWords(int code, String desc) {
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":" + code + ",\"desc\":\"" + desc + "\"}")));
    exists(true, "alice");

    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice", "pw")))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.vendorCode()).contains(Integer.toString(code));
          assertThat(e.vendorMessage()).contains(desc);
          assertThat(e.getMessage()).contains("alice");
        });
    assertThat(calls(CREATE)).as("a registration is never repeated").isEqualTo(1);
    assertThat(calls(ONLINE)).isEqualTo(1);
  }

  @Test
  void aRefusalOfAnAccountThatDoesNotExistIsThrownAsItIs() {
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":414,\"desc\":\"token illegal\"}")));
    exists(false, "alice");

    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice", "pw")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.vendorMessage()).contains("token illegal"));
  }

  @Test
  void whenTheProbeCannotAnswerTheRegistrationFailsAsUnavailable() {
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":403,\"desc\":\"illegal operation\"}")));
    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":500,\"desc\":\"server error\"}")));

    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice")))
        .as("whether it exists cannot be told: neither a conflict nor the refusal")
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(calls(CREATE)).isEqualTo(1);
  }

  @Test
  void aCodeThatSaysWhatItMeansIsNotProbed() {
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":422,\"desc\":\"account disabled\"}")));

    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice"))).isInstanceOf(InvalidRequestException.class);
    assertThat(calls(ONLINE)).isZero();
  }

  @Test
  void aRegistrationWhoseAnswerIsLostIsNotRepeated() {
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice", "pw")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(calls(CREATE)).isEqualTo(1);

    WM.resetAll();
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":500,\"desc\":\"server error\"}")));
    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice", "pw")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(calls(CREATE)).as("not after a 500 either").isEqualTo(1);
  }

  @Test
  void anAnswerWithoutTheGeneratedTokenIsMalformedAndSaysTheAccountExists() {
    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":200,\"info\":{\"accid\":\"alice\",\"name\":\"\"}}")));
    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice")))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("was registered").hasMessageContaining("issueToken");

    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":200}")));
    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice", "pw")))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("without 'info'");

    WM.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"code\":200,\"info\":{\"accid\":\"bob\",\"token\":\"t\"}}")));
    assertThatThrownBy(() -> client.accounts().register(Registration.of("alice", "pw")))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("another accid");
  }

  @Test
  void registerAllReportsEveryUserInOrderOneCreateEach() {
    WM.stubFor(post(urlEqualTo(CREATE)).withRequestBody(containing("accid=a1"))
        .willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"tok-a1\",\"accid\":\"a1\",\"name\":\"\"}}")));
    WM.stubFor(post(urlEqualTo(CREATE)).withRequestBody(containing("accid=a2"))
        .willReturn(okJson("{\"desc\":\"already register\",\"code\":414}")));
    WM.stubFor(post(urlEqualTo(CREATE)).withRequestBody(containing("accid=a3"))
        .willReturn(okJson("{\"code\":503,\"desc\":\"server busy\"}")));
    WM.stubFor(post(urlEqualTo(CREATE)).withRequestBody(containing("accid=a4"))
        .willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"mine\",\"accid\":\"a4\",\"name\":\"\"}}")));

    BatchOutcome<Account> outcome = client.accounts().registerAll(List.of(
        Registration.of("A1"), Registration.of("a2"), Registration.of("a3"), Registration.of("a4", "mine")));

    assertThat(outcome.succeeded().keySet()).containsExactly("A1", "a4");
    assertThat(outcome.succeeded().get("A1").credential().secret()).isEqualTo("tok-a1");
    assertThat(outcome.succeeded().get("a4").credential()).isNull();
    assertThat(outcome.failed().keySet()).containsExactly("a2", "a3");
    assertThat(outcome.failed().get("a2")).isInstanceOf(ConflictException.class);
    assertThat(outcome.failed().get("a3")).isInstanceOf(ProviderUnavailableException.class);
    assertThat(calls(CREATE)).isEqualTo(4);
    assertThat(outcome.toString()).doesNotContain("tok-a1");
  }

  @Test
  void setPasswordOfAnUnknownUserIsNotFoundAndNothingIsWritten() {
    exists(false, "ghost");
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(REFRESH)).willReturn(okJson("{\"code\":200,\"info\":{\"token\":\"t\",\"accid\":\"ghost\"}}")));

    assertThatThrownBy(() -> client.accounts().setPassword("ghost", "pw")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.accounts().issueToken("ghost", Duration.ofHours(1))).isInstanceOf(NotFoundException.class);
    assertThat(calls(UPDATE) + calls(REFRESH)).as("a server answering 200 for an unknown accid is never asked").isZero();
  }

  @Test
  void aRefusedWriteOfAnExistingUserIsThrownAsItIs() {
    exists(true, "alice");
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":403,\"desc\":\"illegal operation\"}")));

    assertThatThrownBy(() -> client.accounts().setPassword("alice", "pw")).isInstanceOf(FeatureNotEnabledException.class);
  }

  @Test
  void aTokenAnswerWithoutTheTokenSaysTheOldOneMayBeGone() {
    exists(true, "alice");
    WM.stubFor(post(urlEqualTo(REFRESH)).willReturn(okJson("{\"code\":200,\"info\":{\"accid\":\"alice\"}}")));

    assertThatThrownBy(() -> client.accounts().issueToken("alice", Duration.ofHours(1)))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("may no longer work");
  }

  @Test
  void existenceIsTheProbesInvalidAccidsAndAMalformedProbeIsNoAnswer() {
    exists(false, "ghost");
    assertThat(client.accounts().get("Ghost")).isEmpty();
    exists(true, "alice");
    assertThat(client.accounts().exists("alice")).isTrue();

    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":200}")));
    assertThatThrownBy(() -> client.accounts().exists("alice")).isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.accounts().get("alice")).isInstanceOf(ImException.class);
  }
}
