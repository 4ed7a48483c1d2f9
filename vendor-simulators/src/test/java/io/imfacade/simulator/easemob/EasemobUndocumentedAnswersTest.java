package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every plausible answer of {@link Undocumented}: the default (first constant) and each other
 * constant, chosen per test with {@link EasemobSimulator#answer}, which the reset before each test
 * undoes.
 */
class EasemobUndocumentedAnswersTest {

  private static final String GROUP = "1001";

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  private String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("user1", "user2", "user3", "user4");
    SIM.simulator().createGroup(GROUP, "user1", List.of("user2"));
  }

  private EasemobSimulator sim() {
    return SIM.simulator();
  }

  private Http.Resp post(String path, Object json) throws Exception {
    return Http.post(url(SIM, path)).bearer(token).json(json).send();
  }

  private Http.Resp addContact(String owner, String friend) throws Exception {
    return Http.post(url(SIM, "/users/" + owner + "/contacts/users/" + friend)).bearer(token)
        .header("Content-Type", "application/json").send();
  }

  private Http.Resp block(String... users) throws Exception {
    return post("/users/user1/blocks/users", Map.of("usernames", List.of(users)));
  }

  @Test
  void everyBehaviourHasItsFirstConstantByDefaultAndAnswerRejectsOtherEnums() {
    for (Class<? extends Enum<?>> behaviour : Undocumented.behaviours()) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Enum<?> current = sim().answerFor((Class) behaviour);
      assertThat(current).as(behaviour.getSimpleName()).isSameAs(behaviour.getEnumConstants()[0]);
    }
    assertThat(new java.util.ArrayList<Class<?>>(Undocumented.behaviours())).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(Undocumented.class.getDeclaredClasses());
    assertThatThrownBy(() -> sim().answer(java.time.DayOfWeek.MONDAY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EasemobSimulator.builder().answer(CursorQuirk.STUCK_CURSOR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderChoicesSurviveTheResetAndRuntimeChoicesDoNot() {
    EasemobSimulator s = EasemobSimulator.builder().easemob("o", "a")
        .answer(Undocumented.AddExistingContact.FORBIDDEN_OP_403).cursorQuirk(CursorQuirk.STUCK_CURSOR).build();
    s.answer(Undocumented.AddExistingContact.ILLEGAL_ARGUMENT_400);
    s.answer(Undocumented.EmptyRemark.CLEARS);
    assertThat(s.answerFor(Undocumented.AddExistingContact.class)).isEqualTo(Undocumented.AddExistingContact.ILLEGAL_ARGUMENT_400);

    s.reset();

    assertThat(s.answerFor(Undocumented.AddExistingContact.class)).isEqualTo(Undocumented.AddExistingContact.FORBIDDEN_OP_403);
    assertThat(s.answerFor(Undocumented.EmptyRemark.class)).isEqualTo(Undocumented.EmptyRemark.STORED_EMPTY);
    assertThat(s.answerFor(CursorQuirk.class)).isEqualTo(CursorQuirk.STUCK_CURSOR);
  }

  // ---- contacts ----

  @Test
  void addingAnExistingContact() throws Exception {
    sim().addContact("user1", "user2");
    assertThat(addContact("user1", "user2").status).as("default").isEqualTo(200);

    sim().answer(Undocumented.AddExistingContact.ILLEGAL_ARGUMENT_400);
    assertThat(addContact("user2", "user1").json().get("error").asText()).isEqualTo("illegal_argument");
    assertThat(addContact("user2", "user1").status).isEqualTo(400);

    sim().answer(Undocumented.AddExistingContact.FORBIDDEN_OP_403);
    Http.Resp forbidden = addContact("user1", "user2");
    assertThat(forbidden.status).isEqualTo(403);
    assertThat(forbidden.json().get("error").asText()).isEqualTo("forbidden_op");
    assertThat(addContact("user1", "user3").status).as("a new contact").isEqualTo(200);
    assertThat(sim().contactsOf("user1")).containsExactly("user2", "user3");
  }

  @Test
  void removingANonContact() throws Exception {
    assertThat(Http.delete(url(SIM, "/users/user1/contacts/users/user2")).bearer(token).send().status).isEqualTo(200);

    sim().answer(Undocumented.RemoveAbsentContact.NOT_FOUND_404);
    assertError(Http.delete(url(SIM, "/users/user1/contacts/users/user2")).bearer(token).send(),
        404, "service_resource_not_found", "Service resource not found");

    sim().answer(Undocumented.RemoveAbsentContact.ILLEGAL_ARGUMENT_400);
    assertThat(Http.delete(url(SIM, "/users/user1/contacts/users/user2")).bearer(token).send().status).isEqualTo(400);
    sim().addContact("user1", "user2");
    assertThat(Http.delete(url(SIM, "/users/user1/contacts/users/user2")).bearer(token).send().status)
        .as("a real contact").isEqualTo(200);
    assertThat(sim().contactsOf("user2")).isEmpty();
  }

  @Test
  void remarkLengthInEachUnitAndTheEmptyRemark() throws Exception {
    sim().addContact("user1", "user2");
    String emoji = "\uD83D\uDE00".repeat(50); // 100 UTF-16 units, 50 code points, 200 bytes
    String url = url(SIM, "/user/user1/contacts/users/user2");

    assertThat(Http.put(url).bearer(token).json(Map.of("remark", emoji)).send().status).as("UTF-16").isEqualTo(200);
    sim().answer(Undocumented.RemarkLength.CODE_POINTS);
    assertThat(Http.put(url).bearer(token).json(Map.of("remark", emoji + emoji)).send().status).as("code points").isEqualTo(200);
    sim().answer(Undocumented.RemarkLength.BYTES);
    assertThat(Http.put(url).bearer(token).json(Map.of("remark", emoji)).send().status).as("bytes").isEqualTo(400);
    assertThat(Http.put(url).bearer(token).json(Map.of("remark", "中".repeat(33))).send().status).isEqualTo(200);

    assertThat(Http.put(url).bearer(token).json(Map.of("remark", "")).send().status).isEqualTo(200);
    assertThat(sim().remarkOf("user1", "user2")).as("stored empty").contains("");
    sim().answer(Undocumented.EmptyRemark.CLEARS);
    assertThat(Http.put(url).bearer(token).json(Map.of("remark", "")).send().status).isEqualTo(200);
    assertThat(sim().remarkOf("user1", "user2")).as("cleared").isEmpty();
  }

  @Test
  void theContactCursorAtTheTopOrInDataAndNeverOnTheLastPage() throws Exception {
    sim().createUsers("f1", "f2", "f3");
    for (String f : List.of("f1", "f2", "f3")) {
      sim().addContact("user1", f);
    }
    JsonNode top = Http.get(url(SIM, "/user/user1/contacts?limit=2")).bearer(token).send().json();
    assertThat(top.has("cursor")).isTrue();
    assertThat(top.get("data").has("cursor")).isFalse();

    sim().answer(Undocumented.ContactPageCursor.IN_DATA);
    JsonNode inData = Http.get(url(SIM, "/user/user1/contacts?limit=2")).bearer(token).send().json();
    assertThat(inData.has("cursor")).isFalse();
    String cursor = inData.get("data").get("cursor").asText();
    JsonNode last = Http.get(url(SIM, "/user/user1/contacts?limit=2&cursor=" + cursor)).bearer(token).send().json();
    assertThat(last.get("data").get("contacts").findValuesAsText("username")).containsExactly("f1");
    assertThat(last.has("cursor")).isFalse();
    assertThat(last.get("data").has("cursor")).isFalse();
  }

  // ---- block list ----

  @Test
  void blockingAnUnknownUserIsRefusedAsAWholeByDefault() throws Exception {
    assertError(block("user2", "ghost", "user3"), 404, "service_resource_not_found", "Service resource not found");
    assertThat(sim().blockListOf("user1")).isEmpty();
  }

  @Test
  void blockingAnUnknownUserAppliesTheUsersBeforeIt() throws Exception {
    sim().answer(Undocumented.BlockUnknownUser.APPLIED_UNTIL_UNKNOWN_404);

    assertThat(block("user2", "ghost", "user3").status).isEqualTo(404);
    assertThat(sim().blockListOf("user1")).containsExactly("user2");
  }

  @Test
  void blockingAnUnknownUserSkipsItVisiblyInData() throws Exception {
    sim().answer(Undocumented.BlockUnknownUser.SKIPPED_200);

    Http.Resp resp = block("user2", "ghost", "user3");

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.json().get("data").toString()).isEqualTo("[\"user2\",\"user3\"]");
    assertThat(sim().blockListOf("user1")).containsExactly("user2", "user3");
  }

  @Test
  void blockingBlockedUsersAgain() throws Exception {
    sim().block("user1", List.of("user2"));
    assertThat(block("user2", "user3").json().get("data").toString()).as("listed").isEqualTo("[\"user2\",\"user3\"]");

    sim().answer(Undocumented.BlockBlockedUser.LEFT_OUT_OF_DATA);
    assertThat(block("user2", "user4").json().get("data").toString()).as("left out").isEqualTo("[\"user4\"]");

    sim().reset();
    token = EasemobTests.token(SIM);
    sim().createUsers("user1", "user2", "user3");
    sim().block("user1", List.of("user2"));
    sim().answer(Undocumented.BlockBlockedUser.ILLEGAL_ARGUMENT_400);
    assertThat(block("user2", "user3").status).isEqualTo(400);
    sim().answer(Undocumented.BlockBlockedUser.FORBIDDEN_OP_403);
    Http.Resp forbidden = block("user3", "user2");
    assertThat(forbidden.status).isEqualTo(403);
    assertThat(forbidden.json().get("error").asText()).isEqualTo("forbidden_op");
    assertThat(sim().blockListOf("user1")).as("nobody of the refused requests").containsExactly("user2");
  }

  /** The cap is fixed per simulator, so the state is driven directly with a list of one. */
  @Test
  void aFullBlockListInEachPlausibleAnswer() {
    Map<Undocumented.BlockListFull, String> expected = Map.of(
        Undocumented.BlockListFull.EXCEED_LIMIT_403, "403 exceed_limit",
        Undocumented.BlockListFull.FORBIDDEN_OP_403, "403 forbidden_op",
        Undocumented.BlockListFull.ILLEGAL_ARGUMENT_400, "400 illegal_argument");
    expected.forEach((answer, status) -> {
      EasemobState state = new EasemobState(Clock.systemUTC(), 10, 1, new Answers(Map.of(Undocumented.BlockListFull.class, answer)));
      state.createUsers(List.of("a", "b", "c"));
      state.block("a", List.of("b"));

      assertThatThrownBy(() -> state.block("a", List.of("c"))).as("%s", answer).isInstanceOfSatisfying(EasemobError.class,
          e -> assertThat(e.status() + " " + e.error()).isEqualTo(status));
      assertThat(state.block("a", List.of("b"))).as("a repeat on a full list").containsExactly("b");
      assertThat(state.blockListOf("a")).containsExactly("b");
    });
  }

  @Test
  void unblockingAUserNotBlocked() throws Exception {
    String url = url(SIM, "/users/user1/blocks/users/user2");
    assertThat(Http.delete(url).bearer(token).send().status).isEqualTo(200);
    assertError(Http.delete(url(SIM, "/users/user1/blocks/users/ghost")).bearer(token).send(),
        404, "service_resource_not_found", "Service resource not found");

    sim().answer(Undocumented.UnblockAbsentUser.NOT_FOUND_404);
    assertThat(Http.delete(url).bearer(token).send().status).isEqualTo(404);
    sim().answer(Undocumented.UnblockAbsentUser.ILLEGAL_ARGUMENT_400);
    assertThat(Http.delete(url).bearer(token).send().status).isEqualTo(400);
    sim().block("user1", List.of("user2"));
    assertThat(Http.delete(url).bearer(token).send().status).as("a blocked user").isEqualTo(200);
  }

  @Test
  void theLastBlockListPageSaysItIsTheLastInEachPlausibleWay() throws Exception {
    sim().block("user1", List.of("user2"));
    String url = url(SIM, "/users/user1/blocks/users?pageSize=10");

    assertThat(Http.get(url).bearer(token).send().json().has("cursor")).isFalse();
    sim().answer(Undocumented.BlockPageLastCursor.NULL);
    assertThat(Http.get(url).bearer(token).send().json().get("cursor").isNull()).isTrue();
    sim().answer(Undocumented.BlockPageLastCursor.EMPTY_STRING);
    assertThat(Http.get(url).bearer(token).send().json().get("cursor").asText()).isEmpty();
    assertThat(Http.get(url(SIM, "/users/user1/blocks/users")).bearer(token).send().json().has("cursor"))
        .as("the unpaged list").isFalse();
  }

  // ---- user attributes ----

  @Test
  void emptyPropertiesInEachPlausibleAnswer() throws Exception {
    sim().putUserMetadata("user1", Map.of("nickname", "A"));
    Map<String, Object> request = Map.of("targets", List.of("user1"), "properties", List.of());

    assertThat(post("/metadata/user/get", request).json().get("data").toString()).isEqualTo("{\"user1\":{}}");
    sim().answer(Undocumented.EmptyProperties.ALL_KEYS);
    assertThat(post("/metadata/user/get", request).json().get("data").toString()).isEqualTo("{\"user1\":{\"nickname\":\"A\"}}");
    sim().answer(Undocumented.EmptyProperties.REFUSED_400);
    assertThat(post("/metadata/user/get", request).status).isEqualTo(400);
    assertThat(post("/metadata/user/get", Map.of("targets", List.of("user1"))).status).as("absent").isEqualTo(400);
  }

  @Test
  void unknownTargetsOfTheBatchRead() throws Exception {
    Map<String, Object> request = Map.of("targets", List.of("user1", "ghost"), "properties", List.of("nickname"));

    assertThat(post("/metadata/user/get", request).json().get("data").toString()).isEqualTo("{\"user1\":{},\"ghost\":{}}");
    sim().answer(Undocumented.UnknownBatchTarget.LEFT_OUT);
    assertThat(post("/metadata/user/get", request).json().get("data").toString()).isEqualTo("{\"user1\":{}}");
  }

  @Test
  void writingAndReadingTheAttributesOfAnUnknownUser() throws Exception {
    String ghost = url(SIM, "/metadata/user/ghost");
    assertError(Http.put(ghost).bearer(token).form(Map.of("nickname", "G")).send(),
        404, "service_resource_not_found", "Service resource not found");
    assertThat(Http.get(ghost).bearer(token).send().json().get("data").toString()).isEqualTo("{}");

    sim().answer(Undocumented.UnknownUserAttributesWrite.STORED_200);
    assertThat(Http.put(ghost).bearer(token).form(Map.of("nickname", "G")).send().status).isEqualTo(200);
    assertThat(Http.get(ghost).bearer(token).send().json().get("data").toString()).isEqualTo("{\"nickname\":\"G\"}");
    assertThat(sim().userMetadata("ghost")).containsEntry("nickname", "G");
    assertThat(Http.delete(ghost).bearer(token).send().json().get("data").asBoolean()).isTrue();
    assertThat(sim().userMetadata("ghost")).isEmpty();

    sim().answer(Undocumented.UnknownUserAttributesRead.NOT_FOUND_404);
    Http.Resp unknown = Http.get(ghost).bearer(token).send();
    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.json().get("data").toString()).isEqualTo("{}");
    assertThat(unknown.json().has("error")).as("the 2021 body has no error field").isFalse();
    assertThat(Http.get(url(SIM, "/metadata/user/user1")).bearer(token).send().status).as("a user without attributes")
        .isEqualTo(200);
  }

  @Test
  void theFieldLimitsInEachUnit() throws Exception {
    String user1 = url(SIM, "/metadata/user/user1");
    String emoji = "\uD83D\uDE00".repeat(32); // 64 UTF-16 units, 32 code points, 128 bytes
    assertThat(Http.put(user1).bearer(token).form(Map.of("nickname", emoji + emoji)).send().status).as("not enforced")
        .isEqualTo(200);

    sim().answer(Undocumented.UserAttributeFieldLimits.UTF16_UNITS);
    assertThat(Http.put(user1).bearer(token).form(Map.of("nickname", emoji)).send().status).isEqualTo(200);
    assertError(Http.put(user1).bearer(token).form(Map.of("nickname", emoji + "a")).send(), 403, "FORBIDDEN",
        "size of metadata for this single user exceeds the current mysql column size, 64Bytes");
    sim().answer(Undocumented.UserAttributeFieldLimits.CODE_POINTS);
    assertThat(Http.put(user1).bearer(token).form(Map.of("nickname", emoji + emoji)).send().status).isEqualTo(200);
    sim().answer(Undocumented.UserAttributeFieldLimits.BYTES);
    assertThat(Http.put(user1).bearer(token).form(Map.of("nickname", emoji)).send().status).isEqualTo(403);
    assertThat(Http.put(user1).bearer(token).form(Map.of("nickname", "中".repeat(21), "ext", emoji + emoji)).send().status)
        .as("ext has no field limit").isEqualTo(200);
  }

  // ---- member attributes ----

  private Http.Resp putBatch(Object items) throws Exception {
    return Http.put(url(SIM, "/metadata/chatgroup/" + GROUP + "/users/batch")).bearer(token).json(items).send();
  }

  @Test
  void theOutcomeKeysWithOrWithoutTheColon() throws Exception {
    Object items = List.of(Map.of("username", "user2", "metadata", Map.of("k", "v")));
    assertThat(putBatch(items).json().get("data").fieldNames()).toIterable()
        .containsExactly("updateMetadataFailed:", "updateMetadataSucceeded:");

    sim().answer(Undocumented.BatchOutcomeKeys.WITHOUT_COLON);
    assertThat(putBatch(items).json().get("data").fieldNames()).toIterable()
        .containsExactly("updateMetadataFailed", "updateMetadataSucceeded");
  }

  @Test
  void theFieldsOfAFailedEntry() throws Exception {
    Map<String, String> over4k = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      over4k.put("k" + i, "v".repeat(512)); // 8 x 512 bytes of values alone: over 4096 as JSON
    }
    Object items = List.of(Map.of("username", "user2", "metadata", over4k));
    String tooBig = "exceeds chatgroup user metadata total size limit, 4096Bytes";

    assertThat(putBatch(items).json().get("data").get("updateMetadataFailed:").get(0).get("errorMessage").asText())
        .isEqualTo(tooBig);
    sim().answer(Undocumented.FailedEntryFields.USERNAME_AND_ERROR);
    assertThat(putBatch(items).json().get("data").get("updateMetadataFailed:").get(0).toString())
        .isEqualTo("{\"username\":\"user2\",\"error\":\"" + tooBig + "\"}");
    sim().answer(Undocumented.FailedEntryFields.USER_AND_REASON);
    assertThat(putBatch(items).json().get("data").get("updateMetadataFailed:").get(0).toString())
        .isEqualTo("{\"user\":\"user2\",\"reason\":\"" + tooBig + "\"}");
    sim().answer(Undocumented.FailedEntryFields.USERNAME_ONLY);
    assertThat(putBatch(items).json().get("data").get("updateMetadataFailed:").get(0).toString())
        .isEqualTo("{\"username\":\"user2\"}");
  }

  @Test
  void theNamesOfUsersNotInTheGroup() throws Exception {
    Object items = List.of(Map.of("username", "user3", "metadata", Map.of("k", "v")),
        Map.of("username", "user4", "metadata", Map.of("k", "v")));

    assertError(putBatch(items), 400, "metadata_error", "Some users are not in the group: user3,user4");
    sim().answer(Undocumented.NotInGroupNames.BRACKETED);
    assertError(putBatch(items), 400, "metadata_error", "Some users are not in the group: [user3, user4]");
    sim().answer(Undocumented.NotInGroupNames.FIRST_ONLY);
    assertError(putBatch(items), 400, "metadata_error", "Some users are not in the group: user3");
  }

  @Test
  void aNonMemberInTheBatchRead() throws Exception {
    sim().putMemberMetadata(GROUP, "user2", Map.of("k", "v"));
    String path = "/metadata/chatgroup/" + GROUP + "/get";
    Map<String, Object> request = Map.of("targets", List.of("user2", "user3"), "properties", List.of("k"));

    assertThat(post(path, request).json().get("data").toString()).isEqualTo("{\"user2\":{\"k\":\"v\"}}");
    sim().answer(Undocumented.NonMemberInBatchRead.EMPTY_OBJECT);
    assertThat(post(path, request).json().get("data").toString()).isEqualTo("{\"user2\":{\"k\":\"v\"},\"user3\":{}}");
    sim().answer(Undocumented.NonMemberInBatchRead.NOT_IN_GROUP_400);
    assertError(post(path, request), 400, "metadata_error", "Some users are not in the group: user3");
    sim().answer(Undocumented.NonMemberInBatchRead.USER_NOT_IN_GROUP_404);
    assertError(post(path, request), 404, "MetadataException", "user not in group");
    assertThat(post(path, Map.of("targets", List.of("user2"), "properties", List.of())).status).as("members only")
        .isEqualTo(200);
  }

  // ---- the user-account read ----

  @Test
  void theUserAccountReadAnswersTheEntityOr404() throws Exception {
    sim().putUserMetadata("user2", Map.of("nickname", "Two"));

    JsonNode user = Http.get(url(SIM, "/users/USER2")).bearer(token).send().json();

    assertThat(user.get("entities").get(0).get("username").asText()).isEqualTo("user2");
    assertThat(user.get("entities").get(0).get("nickname").asText()).isEqualTo("Two");
    assertThat(user.get("count").asInt()).isEqualTo(1);
    assertError(Http.get(url(SIM, "/users/ghost")).bearer(token).send(), 404, "service_resource_not_found",
        "Service resource not found");
  }
}
