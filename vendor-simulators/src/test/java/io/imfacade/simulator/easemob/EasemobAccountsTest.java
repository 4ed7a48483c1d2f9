package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account endpoints (facts §11): registration alone and in batches, the user read, deletion,
 * the password, user tokens, with the documented shapes, errors and limits, and the plausible
 * answers where the sources disagree or are silent. A user registered here is the user every other
 * endpoint knows.
 */
class EasemobAccountsTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  @RegisterExtension
  static final EasemobSimulatorExtension SHENGWANG = EasemobSimulatorExtension.shengwang("a1b2c3")
      .acceptToken(t -> t.equals("007-test")).build();

  private String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
  }

  private EasemobSimulator sim() {
    return SIM.simulator();
  }

  private Http.Resp register(Object body) throws Exception {
    return Http.post(url(SIM, "/users")).bearer(token).json(body).send();
  }

  private static Map<String, String> user(String name, String password) {
    return Map.of("username", name, "password", password);
  }

  @Test
  void registeringOneUserAnswersItsEntityAndTheUserExistsForEveryEndpoint() throws Exception {
    Http.Resp resp = register(List.of(user("User1", "123")));

    assertThat(resp.status).as("%s", resp).isEqualTo(200);
    JsonNode answer = resp.json();
    assertThat(answer.get("action").asText()).isEqualTo("post");
    assertThat(answer.get("path").asText()).isEqualTo("/users");
    JsonNode entity = answer.get("entities").get(0);
    assertThat(entity.get("username").asText()).as("lower-cased").isEqualTo("user1");
    assertThat(entity.get("type").asText()).isEqualTo("user");
    assertThat(entity.get("activated").asBoolean()).isTrue();
    assertThat(entity.get("created").isNumber()).isTrue();
    assertThat(answer.get("data")).as("an array registration has data").isEmpty();
    assertThat(sim().hasUser("user1")).isTrue();
    assertThat(sim().passwordOf("user1")).hasValue("123");
    // The other endpoints know the user: attributes and contacts.
    sim().createUsers("user2");
    assertThat(Http.post(url(SIM, "/users/user1/contacts/users/user2")).bearer(token)
        .header("Content-Type", "application/json").send().status).isEqualTo(200);
    assertThat(Http.get(url(SIM, "/users/user1")).bearer(token).send().json().get("entities").get(0)
        .get("username").asText()).isEqualTo("user1");
  }

  @Test
  void aSingleObjectRegistrationOfAnExistingUserIsTheDocumented400() throws Exception {
    sim().createUsers("user1");

    assertError(register(user("user1", "123")), 400, "duplicate_unique_property_exists",
        "Application null Entity user requires that property named username be unique, value of user1 exists");
  }

  /** Current pages (default): the existing user fails alone in {@code data}; the others are registered. */
  @Test
  void anExistingUserInABatchFailsAloneByDefault() throws Exception {
    sim().createUsers("user3");

    Http.Resp resp = register(List.of(user("user1", "123"), user("user2", "456"), user("user3", "789")));

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.json().get("entities")).extracting(e -> e.get("username").asText()).containsExactly("user1", "user2");
    JsonNode failed = resp.json().get("data").get(0);
    assertThat(failed.get("username").asText()).isEqualTo("user3");
    assertThat(failed.get("registerUserFailReason").asText()).isEqualTo("the user3 already exists");
    assertThat(sim().hasUser("user1")).isTrue();
  }

  /** 2023 error page: the whole batch is refused, nobody registered. */
  @Test
  void anExistingUserRefusesTheWholeBatchInThe2023Answer() throws Exception {
    sim().answer(Undocumented.RegisterExistingUser.WHOLE_BATCH_400);
    sim().createUsers("user3");

    Http.Resp resp = register(List.of(user("user1", "123"), user("user3", "789")));

    assertError(resp, 400, "duplicate_unique_property_exists",
        "Application null Entity user requires that property named username be unique, value of user3 exists");
    assertThat(sim().hasUser("user1")).isFalse();
  }

  @Test
  void theDocumentedRefusalsOfARegistration() throws Exception {
    List<Map<String, String>> sixtyOne = new ArrayList<>();
    for (int i = 0; i < 61; i++) {
      sixtyOne.add(user("u" + i, "pw"));
    }
    assertError(register(sixtyOne), 400, "illegal_argument",
        "Request body array size[61] had almost reached or been greater than the upper range value[60]");
    assertError(register(List.of(Map.of("username", "user1"))), 400, "illegal_argument", "password or pin must provided");
    assertError(register(List.of(user("a@b", "pw"))), 400, "illegal_argument", "username [a@b] is not legal");
    assertError(register(List.of(user("a".repeat(65), "pw"))), 400, "illegal_argument", "USERNAME_TOO_LONG");
    assertThat(register(List.of(user("a".repeat(64), "p".repeat(64)))).status).isEqualTo(200);
    assertThat(register(List.of(user("b1", "p".repeat(65)))).status).as("over 64 characters").isEqualTo(400);
    assertError(register(List.of(user("c1", "one"), user("c1", "two"))), 400, "duplicate_unique_property_exists",
        "the same user c1 has a different password, the passwords are one,two");
    assertThat(sim().hasUser("u0")).isFalse();
  }

  @Test
  void registrationNeedsTheAppToken() throws Exception {
    Http.Resp resp = Http.post(url(SIM, "/users")).json(List.of(user("user1", "123"))).send();

    assertThat(resp.status).isEqualTo(401);
    assertThat(sim().hasUser("user1")).isFalse();
  }

  /** Shengwang's body lists only {@code username}: accepted by default, refused in the other answer. */
  @Test
  void shengwangRegistersWithoutPasswordUnlessTheOtherAnswerIsChosen() throws Exception {
    EasemobSimulator sw = SHENGWANG.simulator();
    String path = SHENGWANG.baseUrl() + sw.pathPrefix() + "/users";

    Http.Resp accepted = Http.post(path).bearer("007-test").json(List.of(Map.of("username", "user1"))).send();
    sw.answer(Undocumented.RegisterWithoutPassword.REFUSED_400);
    Http.Resp refused = Http.post(path).bearer("007-test").json(List.of(Map.of("username", "user2"))).send();

    assertThat(accepted.status).isEqualTo(200);
    assertThat(sw.hasUser("user1")).isTrue();
    assertThat(sw.passwordOf("user1")).isEmpty();
    assertError(refused, 400, "illegal_argument", "password or pin must provided");
    assertThat(sw.hasUser("user2")).isFalse();
  }

  @Test
  void deletingAUserDeletesItsContactsMembershipsOwnedGroupsAndAttributes() throws Exception {
    sim().createUsers("user1", "user2", "user3");
    sim().addContact("user1", "user2");
    sim().block("user2", List.of("user1"));
    sim().putUserMetadata("user1", Map.of("nickname", "one"));
    String owned = sim().createGroup("user1", List.of("user2"));
    String joined = sim().createGroup("user2", List.of("user1", "user3"));

    Http.Resp resp = Http.delete(url(SIM, "/users/user1")).bearer(token).send();

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.json().get("action").asText()).isEqualTo("delete");
    assertThat(resp.json().get("entities").get(0).get("username").asText()).isEqualTo("user1");
    assertThat(sim().hasUser("user1")).isFalse();
    assertThat(sim().contactsOf("user2")).isEmpty();
    assertThat(sim().blockListOf("user2")).isEmpty();
    assertThat(sim().userMetadata("user1")).isEmpty();
    assertThat(sim().hasGroup(owned)).as("a group the user owned").isFalse();
    assertThat(sim().membersOf(joined)).containsExactly("user2", "user3");
    assertThat(Http.get(url(SIM, "/users/user1")).bearer(token).send().status).isEqualTo(404);
  }

  @Test
  void deletingAnUnknownUserIs404OrTheOther400() throws Exception {
    assertError(Http.delete(url(SIM, "/users/ghost")).bearer(token).send(), 404, "service_resource_not_found",
        "Service resource not found");
    sim().answer(Undocumented.DeleteUnknownUser.MANAGEMENT_400);
    assertError(Http.delete(url(SIM, "/users/ghost")).bearer(token).send(), 400, "management",
        "User with id null does not exist in app org#app");
  }

  @Test
  void thePasswordIsSetAsDocumented() throws Exception {
    sim().createUsers("user1");

    Http.Resp ok = Http.put(url(SIM, "/users/user1/password")).bearer(token).json(Map.of("newpassword", "newPassword")).send();
    Http.Resp missing = Http.put(url(SIM, "/users/user1/password")).bearer(token).json(Map.of()).send();
    Http.Resp unknown = Http.put(url(SIM, "/users/ghost/password")).bearer(token)
        .json(Map.of("newpassword", "newPassword")).send();
    Http.Resp tooShort = Http.put(url(SIM, "/users/user1/password")).bearer(token).json(Map.of("newpassword", "12345")).send();

    assertThat(ok.status).isEqualTo(200);
    assertThat(ok.json().get("action").asText()).isEqualTo("set user password");
    assertThat(sim().passwordOf("user1")).hasValue("newPassword");
    assertError(missing, 400, "illegal_argument", "newpassword is required");
    assertError(unknown, 404, "entity_not_found", "User null not found");
    assertThat(tooShort.status).as("at least 6 characters (password page)").isEqualTo(400);
  }

  /** By user id with the app token; never for an unknown user when {@code autoCreateUser} is false. */
  @Test
  void aUserTokenByUserIdNeedsTheAppTokenAndAnExistingUser() throws Exception {
    sim().createUsers("user1");
    Map<String, Object> request = Map.of("grant_type", "inherit", "username", "user1", "autoCreateUser", false,
        "ttl", 3600);

    Http.Resp ok = Http.post(url(SIM, "/token")).bearer(token).json(request).send();
    Http.Resp noAppToken = Http.post(url(SIM, "/token")).json(request).send();
    Http.Resp unknown = Http.post(url(SIM, "/token")).bearer(token)
        .json(Map.of("grant_type", "inherit", "username", "ghost", "autoCreateUser", false)).send();

    assertThat(ok.status).as("%s", ok).isEqualTo(200);
    String userToken = ok.json().get("access_token").asText();
    assertThat(ok.json().get("expires_in").asLong()).isEqualTo(3600);
    assertThat(ok.json().get("user").get("username").asText()).isEqualTo("user1");
    assertThat(sim().userTokenOwner(userToken)).hasValue("user1");
    assertThat(Http.get(url(SIM, "/users/user1")).bearer(userToken).send().status)
        .as("a user token is no app token").isEqualTo(401);
    assertThat(noAppToken.status).isEqualTo(401);
    assertError(unknown, 404, "invalid_grant", "user not found");
  }

  @Test
  void aUserTokenByPasswordChecksThePasswordAndAPasswordChangeRevokesTokens() throws Exception {
    register(List.of(user("user1", "right-pw")));

    Http.Resp wrong = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "password", "username", "user1", "password", "wrong")).send();
    Http.Resp right = Http.post(url(SIM, "/token"))
        .json(Map.of("grant_type", "password", "username", "user1", "password", "right-pw")).send();
    String userToken = right.json().get("access_token").asText();
    Http.put(url(SIM, "/users/user1/password")).bearer(token).json(Map.of("newpassword", "other-pw")).send();

    assertError(wrong, 400, "invalid_grant", "invalid password");
    assertThat(right.status).isEqualTo(200);
    assertThat(sim().userTokenOwner(userToken)).as("revoked by the password change").isEmpty();
  }
}
