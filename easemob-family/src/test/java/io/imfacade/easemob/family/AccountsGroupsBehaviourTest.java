package io.imfacade.easemob.family;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.group.MemberChange;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What accounts and groups do with answers no simulator mode gives: success answers whose shape
 * contradicts the documented one (never read as "done" or "empty"), a registration whose answer is
 * lost (never repeated), and the token expiry fields.
 */
class AccountsGroupsBehaviourTest {

  private static final Scripted SCRIPT = new Scripted();

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(SCRIPT))
      .build();

  private static ProviderContext context;
  private ImClient client;

  @BeforeAll
  static void openContext() {
    context = ProviderContext.create();
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  @BeforeEach
  void openClient() {
    client = ImFacade.open(ImConfig.of(Map.of(
        "provider", TestFamilyProvider.ID,
        "family-test.baseUrl", WM.baseUrl(),
        "family-test.appPath", "org/app",
        "family-test.appToken", "fixed-token",
        ImConfig.RETRY_MAX_ATTEMPTS, "3",
        ImConfig.RETRY_INITIAL_BACKOFF_MS, "1",
        ImConfig.RETRY_MAX_BACKOFF_MS, "2",
        ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "10000")), context);
  }

  @AfterEach
  void closeClient() {
    client.close();
    SCRIPT.clear();
  }

  /** Answers by "METHOD path-below-the-app". */
  private static void script(Function<String, Object> answers) {
    SCRIPT.script(request -> {
      String path = request.getUrl().split("\\?")[0].substring("/org/app/".length());
      Object answer = answers.apply(request.getMethod().getName() + " " + path);
      return answer == null ? Scripted.json(599, "{}") : Scripted.json(200, answer);
    });
  }

  private static String group(String... members) {
    StringBuilder affiliations = new StringBuilder();
    for (String m : members) {
      affiliations.append("{\"member\":\"").append(m).append("\"},");
    }
    return "{\"data\":[{\"id\":\"7\",\"name\":\"g\",\"owner\":\"owner1\",\"maxusers\":200,\"affiliations_count\":"
        + (members.length + 1) + ",\"affiliations\":[" + affiliations + "{\"owner\":\"owner1\"}]}]}";
  }

  @Test
  void aRegistrationAnswerWithoutEntitiesFailsEveryUserAsUnavailable() {
    script(call -> call.equals("POST users") ? "{\"action\":\"post\"}" : null);

    BatchOutcome<Account> outcome = client.accounts().registerAll(List.of(Registration.of("u1", "pw-1"),
        Registration.of("u2", "pw-2")));

    assertThat(outcome.succeeded()).isEmpty();
    assertThat(outcome.failed().values()).hasSize(2)
        .allSatisfy(e -> assertThat(e).isInstanceOf(ProviderUnavailableException.class));
  }

  /** A user the answer names neither as registered nor as failed is not "registered". */
  @Test
  void aUserTheAnswerDoesNotMentionIsNotRegistered() {
    script(call -> call.equals("POST users")
        ? "{\"entities\":[{\"username\":\"u1\",\"created\":1}],\"data\":[]}" : null);

    BatchOutcome<Account> outcome = client.accounts().registerAll(List.of(Registration.of("u1", "pw-1"),
        Registration.of("u2", "pw-2")));

    assertThat(outcome.succeeded()).containsOnlyKeys("u1");
    assertThat(outcome.failed().get("u2")).isInstanceOfSatisfying(ProviderUnavailableException.class,
        e -> assertThat(e.isRetryable()).isTrue());
  }

  /** A registration whose connection breaks is not sent again: a repeat would answer "exists" for the new user. */
  @Test
  void aRegistrationIsNeverRepeated() {
    WM.stubFor(post(urlPathEqualTo("/org/app/users")).atPriority(1)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.accounts().register(Registration.of("u1", "pw-1")))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.isRetryable()).isTrue());
    WM.verify(1, postRequestedFor(urlPathEqualTo("/org/app/users")));
  }

  @Test
  void anAddAnswerWithoutNewmembersFailsTheChunkAsUnavailable() {
    script(call -> call.equals("GET chatgroups/7") ? group()
        : call.equals("POST chatgroups/7/users") ? "{\"data\":{\"groupid\":\"7\"}}" : null);

    BatchOutcome<MemberChange> outcome = client.groups().addMembers("7", List.of("u1", "u2"));

    assertThat(outcome.failed().values()).hasSize(2)
        .allSatisfy(e -> assertThat(e).isInstanceOf(ProviderUnavailableException.class));
  }

  /** A success that leaves an existing user out, who is still no member: failed, with no outcome invented. */
  @Test
  void anAddThatSilentlyLeavesAUserOutFailsThatUser() {
    script(call -> switch (call) {
      case "GET chatgroups/7" -> group();
      case "POST chatgroups/7/users" -> "{\"data\":{\"newmembers\":[\"u1\"]}}";
      case "GET users/u2" -> "{\"entities\":[{\"username\":\"u2\"}]}";
      default -> null;
    });

    BatchOutcome<MemberChange> outcome = client.groups().addMembers("7", List.of("u1", "u2"));

    assertThat(outcome.succeeded()).isEqualTo(Map.of("u1", MemberChange.ADDED));
    assertThat(outcome.failed().get("u2")).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void malformedGroupAnswersAreUnavailableNotEmpty() {
    script(call -> switch (call) {
      case "GET chatgroups/7" -> "{\"data\":[]}";
      case "GET chatgroups/8" -> "{\"data\":[{\"id\":\"8\",\"owner\":\"o\",\"affiliations\":[{\"guest\":\"x\"}]}]}";
      case "GET chatgroups/7/users" -> "{\"data\":[{\"owner\":\"o\"},{\"joined_time\":1}]}";
      case "DELETE chatgroups/7" -> "{\"data\":{\"success\":false,\"groupid\":\"7\"}}";
      default -> null;
    });

    assertThatThrownBy(() -> client.groups().get("7")).isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.groups().get("8")).isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.groups().members("7", PageRequest.first(5)))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.groups().delete("7")).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void aTokenExpiresAsTheAnswerSays() {
    script(call -> call.equals("POST token") ? "{\"access_token\":\"YWMt-a\",\"expires_in\":0}" : null);
    assertThat(client.accounts().issueToken("u1", Duration.ofHours(1)))
        .isEqualTo(new Credential(Credential.Kind.TOKEN, "YWMt-a", null));

    script(call -> call.equals("POST token")
        ? "{\"access_token\":\"YWMt-b\",\"expires_in\":3600,\"expire_timestamp\":1700000000000}" : null);
    assertThat(client.accounts().issueToken("u1", Duration.ofHours(1)).expiresAt())
        .as("the epoch-millisecond expiry wins").isEqualTo(Instant.ofEpochMilli(1700000000000L));

    script(call -> call.equals("POST token") ? "{\"expires_in\":3600}" : null);
    assertThatThrownBy(() -> client.accounts().issueToken("u1", Duration.ofHours(1)))
        .isInstanceOf(ProviderUnavailableException.class);
  }
}
