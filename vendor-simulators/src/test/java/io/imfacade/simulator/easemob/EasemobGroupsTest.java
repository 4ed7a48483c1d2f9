package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The group endpoints (facts §12): creation with an issued id, the group read, adding and removing
 * members, the member pages (owner included), deletion, with the documented shapes, errors (three
 * spellings of "group not found") and limits, and the plausible answers where the sources are
 * silent. A group created here is the group whose member attributes the metadata endpoints keep.
 */
class EasemobGroupsTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  private String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    sim().createUsers("owner1", "user1", "user2", "user3", "user4");
  }

  private EasemobSimulator sim() {
    return SIM.simulator();
  }

  private Http.Resp create(Map<String, Object> body) throws Exception {
    return Http.post(url(SIM, "/chatgroups")).bearer(token).json(body).send();
  }

  private static Map<String, Object> group(String owner, List<String> members, Integer maxUsers) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("groupname", "testgroup");
    body.put("description", "test");
    body.put("public", false);
    if (maxUsers != null) {
      body.put("maxusers", maxUsers);
    }
    body.put("owner", owner);
    body.put("members", members);
    return body;
  }

  private String created(List<String> members, Integer maxUsers) throws Exception {
    Http.Resp resp = create(group("owner1", members, maxUsers));
    assertThat(resp.status).as("%s", resp).isEqualTo(200);
    return resp.json().get("data").get("groupid").asText();
  }

  private Http.Resp add(String group, String... users) throws Exception {
    return Http.post(url(SIM, "/chatgroups/" + group + "/users")).bearer(token)
        .json(Map.of("usernames", List.of(users))).send();
  }

  private Http.Resp remove(String group, String members) throws Exception {
    return Http.delete(url(SIM, "/chatgroups/" + group + "/users/" + members)).bearer(token).send();
  }

  @Test
  void aCreatedGroupHasAnIssuedIdAndIsTheGroupOfEveryEndpoint() throws Exception {
    Http.Resp resp = create(group("owner1", List.of("User1", "user2"), null));
    Http.Resp again = create(group("owner1", List.of("user1"), null));

    assertThat(resp.status).isEqualTo(200);
    JsonNode answer = resp.json();
    assertThat(answer.get("entities")).isEmpty();
    String id = answer.get("data").get("groupid").asText();
    assertThat(id).matches("[0-9]{15}");
    assertThat(again.json().get("data").get("groupid").asText()).isNotEqualTo(id);
    JsonNode details = Http.get(url(SIM, "/chatgroups/" + id)).bearer(token).send().json().get("data").get(0);
    assertThat(details.get("id").asText()).isEqualTo(id);
    assertThat(details.get("name").asText()).isEqualTo("testgroup");
    assertThat(details.get("description").asText()).isEqualTo("test");
    assertThat(details.get("owner").asText()).isEqualTo("owner1");
    assertThat(details.get("maxusers").asInt()).as("the documented default").isEqualTo(200);
    assertThat(details.get("affiliations_count").asInt()).isEqualTo(3);
    assertThat(details.get("public").asBoolean()).isFalse();
    assertThat(details.get("affiliations")).extracting(JsonNode::toString)
        .containsExactly("{\"member\":\"user1\"}", "{\"member\":\"user2\"}", "{\"owner\":\"owner1\"}");
    // The member attribute endpoints keep this group's members.
    Http.Resp attributes = Http.put(url(SIM, "/metadata/chatgroup/" + id + "/user/user1")).bearer(token)
        .json(Map.of("metaData", Map.of("role", "admin"))).send();
    assertThat(attributes.status).isEqualTo(200);
    assertThat(sim().memberMetadata(id, "user1")).isEqualTo(Map.of("role", "admin"));
  }

  @Test
  void theDocumentedRefusalsOfACreation() throws Exception {
    Map<String, Object> noPublic = group("owner1", List.of(), null);
    noPublic.remove("public");

    assertError(create(noPublic), 400, "invalid_parameter", "group must contain public field!");
    assertError(create(group("ghost", List.of(), null)), 404, "resource_not_found", "username ghost doesn't exist!");
    assertError(create(group("owner1", List.of("user1", "ghost"), null)), 404, "resource_not_found",
        "username ghost doesn't exist!");
    assertError(create(group("owner1", List.of("user1", "user2"), 2)), 403, "exceed_limit",
        "members size is greater than max user size !");
    assertThat(create(group("owner1", List.of("user1"), 2)).status).as("maxusers counts the owner").isEqualTo(200);
  }

  /** The 2023 page allows 1–100 members at creation (the other answer); the current pages up to maxusers. */
  @Test
  void moreThan100MembersAtCreationAreRefusedOnlyInThe2023Answer() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("m" + i);
    }
    sim().createUsers(many);

    assertThat(create(group("owner1", many, 300)).status).isEqualTo(200);
    sim().answer(Undocumented.CreateGroupMembers.AT_MOST_100);
    assertThat(create(group("owner1", many, 300)).status).isEqualTo(400);
    assertThat(create(group("owner1", many.subList(0, 100), 300)).status).isEqualTo(200);
  }

  @Test
  void addingMembersAnswersTheNewOnesAndTheDocumentedRefusals() throws Exception {
    String g = created(List.of("user1"), 4);

    Http.Resp ok = add(g, "user2", "user3");
    Http.Resp allMembers = add(g, "user1", "user2");
    Http.Resp full = add(g, "user4");
    Http.Resp unknownGroup = add("999", "user4");
    List<String> sixtyOne = new ArrayList<>();
    for (int i = 0; i < 61; i++) {
      sixtyOne.add("x" + i);
    }
    Http.Resp tooMany = add(g, sixtyOne.toArray(new String[0]));

    assertThat(ok.status).isEqualTo(200);
    JsonNode data = ok.json().get("data");
    assertThat(data.get("newmembers")).extracting(JsonNode::asText).containsExactlyInAnyOrder("user2", "user3");
    assertThat(data.get("groupid").asText()).isEqualTo(g);
    assertThat(data.get("action").asText()).isEqualTo("add_member");
    assertError(allMembers, 403, "forbidden_op", "can not join this group, reason:user: user1 already in group: " + g + "\n");
    assertError(full, 403, "exceed_limit", "members size is greater than max user size !");
    assertError(unknownGroup, 404, "resource_not_found", "grpID 999 does not exist!");
    assertError(tooMany, 403, "exceed_limit", "members size is greater than max user size !");
    assertThat(sim().membersOf(g)).containsExactly("owner1", "user1", "user2", "user3");
  }

  @Test
  void anUnknownUserInAnAddIsAnsweredAsChosen() throws Exception {
    String g = created(List.of(), null);

    assertError(add(g, "user1", "ghost"), 404, "resource_not_found", "username ghost doesn't exist!");
    sim().answer(Undocumented.AddUnknownMember.REFUSED_400);
    assertError(add(g, "user1", "ghost"), 400, "illegal_argument", "group member ghost doesn't exist");
    assertThat(sim().membersOf(g)).containsExactly("owner1");
    sim().answer(Undocumented.AddUnknownMember.SKIPPED_200);
    Http.Resp skipped = add(g, "user1", "ghost");
    assertThat(skipped.json().get("data").get("newmembers")).extracting(JsonNode::asText).containsExactly("user1");
    assertThat(sim().membersOf(g)).containsExactly("owner1", "user1");
  }

  @Test
  void membersAmongNewUsersAreAnsweredAsChosen() throws Exception {
    String g = created(List.of("user1"), null);

    Http.Resp leftOut = add(g, "user1", "user2");
    sim().answer(Undocumented.AddExistingMember.LISTED_200);
    Http.Resp listed = add(g, "user1", "user3");
    sim().answer(Undocumented.AddExistingMember.REFUSED_403);
    Http.Resp refused = add(g, "user1", "user4");

    assertThat(leftOut.json().get("data").get("newmembers")).extracting(JsonNode::asText).containsExactly("user2");
    assertThat(listed.json().get("data").get("newmembers")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("user1", "user3");
    assertThat(refused.status).isEqualTo(403);
    assertThat(sim().membersOf(g)).containsExactly("owner1", "user1", "user2", "user3");
  }

  @Test
  void removingMembersAnswersPerUserAndTheDocumentedRefusals() throws Exception {
    String g = created(List.of("user1", "user2", "user3"), null);
    sim().putMemberMetadata(g, "user1", Map.of("k", "v"));

    Http.Resp batch = remove(g, "ghost,user1,user4");
    Http.Resp single = remove(g, "user2");
    Http.Resp owner = remove(g, "owner1");
    Http.Resp none = remove(g, "user4,ghost");
    Http.Resp notMember = remove(g, "user4");
    List<String> sixtyOne = new ArrayList<>();
    for (int i = 0; i < 61; i++) {
      sixtyOne.add("x" + i);
    }
    Http.Resp tooMany = remove(g, String.join(",", sixtyOne));

    JsonNode results = batch.json().get("data");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).toString()).contains("\"result\":false", "\"reason\":\"user ghost doesn't exist.\"",
        "\"user\":\"ghost\"");
    assertThat(results.get(1).get("result").asBoolean()).isTrue();
    assertThat(results.get(1).get("user").asText()).isEqualTo("user1");
    assertThat(results.get(2).get("result").asBoolean()).isFalse();
    assertThat(single.json().get("data").isObject()).as("one user: an object").isTrue();
    assertThat(single.json().get("data").get("result").asBoolean()).isTrue();
    assertError(owner, 403, "forbidden_op", "forbidden operation on group owner!");
    assertError(none, 403, "forbidden_op", "users [user4, ghost] are not members of this group!");
    assertError(notMember, 403, "forbidden_op", "users [user4] are not members of this group!");
    assertError(tooMany, 400, "invalid_parameter", "kickMember: kickMembers number more than maxSize : 60");
    assertThat(sim().membersOf(g)).containsExactly("owner1", "user3");
    assertThat(sim().memberMetadata(g, "user1")).as("a removed member's attributes go").isEmpty();
  }

  @Test
  void nonMembersAndTheOwnerInABatchRemovalAreAnsweredAsChosen() throws Exception {
    String g = created(List.of("user1", "user2"), null);

    sim().answer(Undocumented.RemoveNonMember.LEFT_OUT);
    Http.Resp leftOut = remove(g, "user1,user4");
    Http.Resp ownerRefused = remove(g, "owner1,user2");
    sim().answer(Undocumented.RemoveOwnerInBatch.RESULT_FALSE);
    Http.Resp ownerEntry = remove(g, "owner1,user2");

    assertThat(leftOut.json().get("data")).extracting(r -> r.get("user").asText()).containsExactly("user1");
    assertError(ownerRefused, 403, "forbidden_op", "forbidden operation on group owner!");
    assertThat(ownerEntry.json().get("data").get(0).get("reason").asText()).isEqualTo("forbidden operation on group owner!");
    assertThat(sim().membersOf(g)).containsExactly("owner1");
  }

  @Test
  void memberPagesListTheOwnerFirstAndTheMissingGroupIsThisEndpointsOwn404() throws Exception {
    String g = created(List.of("user1", "user2", "user3"), null);

    JsonNode first = Http.get(url(SIM, "/chatgroups/" + g + "/users?pagenum=1&pagesize=3")).bearer(token).send().json();
    JsonNode second = Http.get(url(SIM, "/chatgroups/" + g + "/users?pagenum=2&pagesize=3&joined_time=true"))
        .bearer(token).send().json();
    JsonNode all = Http.get(url(SIM, "/chatgroups/" + g + "/users")).bearer(token).send().json();

    assertThat(first.get("data")).extracting(JsonNode::toString)
        .containsExactly("{\"owner\":\"owner1\"}", "{\"member\":\"user1\"}", "{\"member\":\"user2\"}");
    assertThat(first.get("count").asInt()).isEqualTo(3);
    assertThat(first.get("params").get("pagesize").get(0).asText()).isEqualTo("3");
    assertThat(second.get("data")).hasSize(1);
    assertThat(second.get("data").get(0).get("member").asText()).isEqualTo("user3");
    assertThat(second.get("data").get(0).get("joined_time").isNumber()).isTrue();
    assertThat(all.get("data")).as("default page size 1000").hasSize(4);
    assertError(Http.get(url(SIM, "/chatgroups/999/users")).bearer(token).send(), 404, "service_resource_not_found",
        "do not find this group:999");
  }

  @Test
  void aDeletedGroupIsGoneForEveryEndpoint() throws Exception {
    String g = created(List.of("user1"), null);

    Http.Resp deleted = Http.delete(url(SIM, "/chatgroups/" + g)).bearer(token).send();

    assertThat(deleted.status).isEqualTo(200);
    assertThat(deleted.json().get("data").get("success").asBoolean()).isTrue();
    assertThat(deleted.json().get("data").get("groupid").asText()).isEqualTo(g);
    assertError(Http.get(url(SIM, "/chatgroups/" + g)).bearer(token).send(), 404, "resource_not_found",
        "grpID " + g + " does not exist!");
    assertError(Http.delete(url(SIM, "/chatgroups/" + g)).bearer(token).send(), 404, "resource_not_found",
        "grpID " + g + " does not exist!");
    assertError(Http.get(url(SIM, "/metadata/chatgroup/" + g + "/user/user1")).bearer(token).send(), 404,
        "metadata_error", "group not exists");
  }
}
