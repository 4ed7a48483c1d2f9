package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contacts, remarks and block lists, replaying seed 002's examples. */
class EasemobContactsTest {

  // Seed 002's response examples, verbatim.
  static final String ADD_RESPONSE = """
      {
      "action": "post",
      "application": "8bXXXX402",
      "path": "/users/475XXXXba/contacts",
      "uri": "https://XXXX/XXXX/XXXX/users/475XXXXba/contacts",
      "entities": [
      {
      "uuid": "b2aXXXXf1",
      "type": "user",
      "created": 1542356523769,
      "modified": 1542597334500,
      "username": "user2",
      "activated": true,
      "nickname": "testuser"
      }
      ],
      "timestamp": 1542598913819,
      "duration": 63,
      "organization": "XXXX",
      "applicationName": "testapp"
      }""";
  static final String REMOVE_RESPONSE = ADD_RESPONSE.replace("\"post\"", "\"delete\"");
  static final String REMARK_RESPONSE = """
      {
      "action": "put",
      "duration": 22,
      "status": "ok",
      "timestamp": 1700633088329,
      "uri": "https://{host}/{org_name}/{app_name}/user/{owner_username}/contacts/users/{friend_username}"
      }""";
  static final String PAGE_RESPONSE = """
      {
      "uri": "http://XXXX/XXXX/XXXX/users/XXXX/rostersByPage",
      "timestamp": 1706238297509,
      "entities": [],
      "count": 1,
      "action": "get",
      "data": {
      "contacts": [
      {
      "remark": null,
      "username": "username"
      }
      ]
      },
      "duration": 27
      }""";
  static final String ALL_RESPONSE = """
      {
      "action": "get",
      "uri": "https://XXXX/XXXX/XXXX/users/user1/contacts/users",
      "entities": [],
      "data": ["user3", "user2"],
      "timestamp": 1543819826513,
      "duration": 12,
      "count": 2
      }""";
  static final String BLOCK_RESPONSE = """
      {
      "action": "post",
      "application": "8bXXXX402",
      "uri": "https://XXXX.com/XXXX/testapp",
      "entities": [],
      "data": ["user2"],
      "timestamp": 1542600372046,
      "duration": 11,
      "organization": "XXXX",
      "applicationName": "testapp"
      }""";
  static final String BLOCKS_PAGE_RESPONSE = """
      {
      "uri": "https://XXXX/XXXX/XXXX/users/XXXX/blocks/users",
      "timestamp": 1682064422108,
      "entities": [],
      "cursor": "MTA5OTAwMzMwNDUzNTA2ODY1NA==",
      "count": 2,
      "action": "get",
      "data": [
      "tst05",
      "tst04"
      ],
      "duration": 52
      }""";
  static final String UNBLOCK_RESPONSE = """
      {
      "action": "delete",
      "application": "8bXXXX402",
      "path": "/users/475XXXXba/blocks",
      "uri": "https://XXXX/XXXX/XXXX/users/475XXXXba/blocks",
      "entities": [
      {
      "uuid": "b2aXXXXf1",
      "type": "user",
      "created": 1542356523769,
      "modified": 1542597334500,
      "username": "user2",
      "activated": true,
      "nickname": "testuser"
      }
      ],
      "timestamp": 1542600712985,
      "duration": 20,
      "organization": "XXXX",
      "applicationName": "testapp"
      }""";

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "testapp").clientCredentials(CLIENT_ID, CLIENT_SECRET).contactsMax(130).build();

  String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("user1", "user2", "user3");
    SIM.simulator().putUserMetadata("user2", Map.of("nickname", "testuser"));
  }

  private Http.Resp add(String owner, String friend) throws Exception {
    return Http.post(url(SIM, "/users/" + owner + "/contacts/users/" + friend)).bearer(token)
        .header("Content-Type", "application/json").send();
  }

  private Http.Resp page(String owner, String query) throws Exception {
    return Http.get(url(SIM, "/user/" + owner + "/contacts" + query)).bearer(token).send();
  }

  private Http.Resp blocksPage(String owner, String query) throws Exception {
    return Http.get(url(SIM, "/users/" + owner + "/blocks/users" + query)).bearer(token).send();
  }

  @Test
  void seedAddContactIsTwoWay() throws Exception {
    Http.Resp resp = add("user1", "user2");

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(ADD_RESPONSE, resp.json());
    JsonNode entity = resp.json().get("entities").get(0);
    assertThat(entity.get("username").asText()).isEqualTo("user2");
    assertThat(entity.get("nickname").asText()).isEqualTo("testuser");
    assertThat(resp.json().get("organization").asText()).isEqualTo("org");
    assertThat(resp.json().get("applicationName").asText()).isEqualTo("testapp");
    assertThat(resp.json().get("uri").asText()).startsWith(SIM.baseUrl() + "/org/testapp/users/");
    assertThat(SIM.simulator().contactsOf("user1")).containsExactly("user2");
    assertThat(SIM.simulator().contactsOf("user2")).containsExactly("user1");
  }

  @Test
  void addingTwiceChangesNothingAndSelfOrUnknownFail() throws Exception {
    add("user1", "user2");
    assertThat(add("USER1", "user2").status).isEqualTo(200);
    assertThat(SIM.simulator().contactsOf("user1")).containsExactly("user2");

    assertThat(add("user1", "user1").status).isEqualTo(400);
    assertThat(add("user1", "ghost").json().get("error").asText()).isEqualTo("service_resource_not_found");
    assertThat(add("ghost", "user1").status).isEqualTo(404);
  }

  @Test
  void seedRemoveContactEndsBothDirections() throws Exception {
    add("user1", "user2");

    Http.Resp resp = Http.delete(url(SIM, "/users/user1/contacts/users/user2")).bearer(token).send();
    Http.Resp again = Http.delete(url(SIM, "/users/user1/contacts/users/user2")).bearer(token).send();

    JsonShape.assertSameShape(REMOVE_RESPONSE, resp.json());
    assertThat(again.status).isEqualTo(200);
    assertThat(SIM.simulator().contactsOf("user1")).isEmpty();
    assertThat(SIM.simulator().contactsOf("user2")).isEmpty();
  }

  @Test
  void seedRemarkIsPerDirection() throws Exception {
    add("user1", "user2");

    Http.Resp resp = Http.put(url(SIM, "/user/user1/contacts/users/user2")).bearer(token)
        .json("{\"remark\": \"colleague\"}").send();

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(REMARK_RESPONSE, resp.json());
    assertThat(SIM.simulator().remarkOf("user1", "user2")).contains("colleague");
    assertThat(SIM.simulator().remarkOf("user2", "user1")).isEmpty();
    JsonNode contact = page("user1", "?limit=10&needReturnRemark=true").json().get("data").get("contacts").get(0);
    assertThat(contact.get("remark").asText()).isEqualTo("colleague");
  }

  /**
   * A remark for a non-friend gets the documented answer, literally (easemob-doc
   * user_relationship_remark_set.md; shengwang-chat-doc user_relationship.md); an unknown user the
   * documented 404.
   */
  @Test
  void remarkNeedsAContactAndAtMost100Characters() throws Exception {
    add("user1", "user2");

    Http.Resp notContact = Http.put(url(SIM, "/user/user1/contacts/users/user3")).bearer(token).json("{\"remark\":\"x\"}").send();
    Http.Resp unknown = Http.put(url(SIM, "/user/user1/contacts/users/ghost")).bearer(token).json("{\"remark\":\"x\"}").send();
    Http.Resp tooLong = Http.put(url(SIM, "/user/user1/contacts/users/user2")).bearer(token)
        .json(Map.of("remark", "r".repeat(101))).send();
    Http.Resp longest = Http.put(url(SIM, "/user/user1/contacts/users/user2")).bearer(token)
        .json(Map.of("remark", "r".repeat(100))).send();

    assertError(notContact, 400, "illegal_argument", "updateRemark they are not friends, please add as a friend first.");
    assertError(unknown, 404, "service_resource_not_found", "Service resource not found");
    assertThat(SIM.simulator().remarkOf("user1", "user3")).isEmpty();
    assertThat(tooLong.status).isEqualTo(400);
    assertThat(longest.status).isEqualTo(200);
  }

  @Test
  void seedPagedContactsShape() throws Exception {
    add("user1", "user2");

    Http.Resp resp = page("user1", "?limit=10&needReturnRemark=true");

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(PAGE_RESPONSE, resp.json());
    assertThat(resp.json().get("data").get("contacts").get(0).get("remark").isNull()).isTrue();
  }

  @Test
  void withoutNeedReturnRemarkItemsCarryOnlyTheUsername() throws Exception {
    add("user1", "user2");

    JsonNode contact = page("user1", "").json().get("data").get("contacts").get(0);

    assertThat(contact.toString()).isEqualTo("{\"username\":\"user2\"}");
  }

  /** Newest first: "按照添加好友时间的倒序返回" (user_relationship_friend_list_paged.md). */
  @Test
  void cursorsVisit120ContactsOnceNewestFirst() throws Exception {
    List<String> friends = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      friends.add(String.format("f%03d", i));
    }
    SIM.simulator().createUsers(friends);
    for (String friend : friends) {
      SIM.simulator().addContact("user1", friend);
    }

    List<String> seen = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      Http.Resp resp = page("user1", "?limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(resp.status).as("%s", resp).isEqualTo(200);
      JsonNode json = resp.json();
      json.get("data").get("contacts").forEach(c -> seen.add(c.get("username").asText()));
      counts.add(json.get("count").asInt());
      cursor = json.has("cursor") ? json.get("cursor").asText() : null;
      assertThat(cursor == null || cursors.add(cursor)).isTrue();
    } while (cursor != null);

    Collections.reverse(friends);
    assertThat(seen).isEqualTo(friends);
    assertThat(counts).containsExactly(50, 50, 20);
  }

  @Test
  void aCursorStaysValidWhenContactsChangeBetweenPages() throws Exception {
    SIM.simulator().createUsers("a", "b", "c", "d");
    for (String f : List.of("a", "b", "c")) {
      SIM.simulator().addContact("user1", f);
    }
    JsonNode first = page("user1", "?limit=2").json();
    SIM.simulator().addContact("user1", "d");
    Http.Resp removed = Http.delete(url(SIM, "/users/user1/contacts/users/b")).bearer(token).send();
    JsonNode second = page("user1", "?limit=2&cursor=" + first.get("cursor").asText()).json();

    assertThat(first.get("data").get("contacts").findValuesAsText("username")).containsExactly("c", "b");
    assertThat(removed.status).isEqualTo(200);
    assertThat(second.get("data").get("contacts").findValuesAsText("username")).containsExactly("a");
    assertThat(second.has("cursor")).isFalse();
  }

  @Test
  void pageSizesOutside1To50AndBadCursorsAre400() throws Exception {
    assertThat(page("user1", "?limit=0").status).isEqualTo(400);
    assertThat(page("user1", "?limit=51").status).isEqualTo(400);
    assertThat(page("user1", "?limit=x").status).isEqualTo(400);
    assertThat(page("user1", "?cursor=%25%25").status).isEqualTo(400);
    assertThat(blocksPage("user1", "?pageSize=51").status).isEqualTo(400);
    assertThat(page("user1", "?limit=50").status).isEqualTo(200);
    assertThat(page("ghost", "").status).isEqualTo(404);
  }

  @Test
  void seedAllContactsNewestFirst() throws Exception {
    add("user1", "user2");
    add("user1", "user3");

    Http.Resp resp = Http.get(url(SIM, "/users/user1/contacts/users")).bearer(token).send();

    JsonShape.assertSameShape(ALL_RESPONSE, resp.json());
    assertThat(resp.json().get("data").toString()).isEqualTo("[\"user3\",\"user2\"]");
    assertThat(resp.json().get("count").asInt()).isEqualTo(2);
  }

  @Test
  void aFullContactListIs403ExceedLimit() throws Exception {
    List<String> friends = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      friends.add("x" + i);
    }
    SIM.simulator().createUsers(friends);
    friends.forEach(f -> SIM.simulator().addContact("user1", f));

    assertError(add("user1", "user2"), 403, "exceed_limit", "user contact number exceed limit");
    assertError(add("user2", "user1"), 403, "exceed_limit", "user contact number exceed limit");
  }

  @Test
  void seedBlockAndBlockListPages() throws Exception {
    Http.Resp block = Http.post(url(SIM, "/users/user1/blocks/users")).bearer(token)
        .json("{\"usernames\": [\"user2\"]}").send();
    assertThat(block.status).isEqualTo(200);
    JsonShape.assertSameShape(BLOCK_RESPONSE, block.json());

    SIM.simulator().createUsers("tst03", "tst04", "tst05");
    Http.post(url(SIM, "/users/user1/blocks/users")).bearer(token).json("{\"usernames\": [\"tst03\", \"tst04\", \"tst05\"]}").send();
    Http.Resp page = blocksPage("user1", "?pageSize=2");

    JsonShape.assertSameShape(BLOCKS_PAGE_RESPONSE, page.json());
    assertThat(page.json().get("data").toString()).isEqualTo("[\"tst05\",\"tst04\"]");
    Http.Resp next = blocksPage("user1", "?pageSize=2&cursor=" + page.json().get("cursor").asText());
    assertThat(next.json().get("data").toString()).isEqualTo("[\"tst03\",\"user2\"]");
    assertThat(next.json().has("cursor")).isFalse();
    Http.Resp unpaged = blocksPage("user1", "");
    assertThat(unpaged.json().get("count").asInt()).isEqualTo(4);
    assertThat(unpaged.json().has("cursor")).isFalse();
  }

  @Test
  void blockListsAreOneWayAndIndependentOfContacts() throws Exception {
    add("user1", "user2");
    Http.post(url(SIM, "/users/user1/blocks/users")).bearer(token).json("{\"usernames\":[\"user2\"]}").send();

    assertThat(SIM.simulator().blockListOf("user1")).containsExactly("user2");
    assertThat(SIM.simulator().blockListOf("user2")).isEmpty();
    assertThat(SIM.simulator().contactsOf("user1")).containsExactly("user2");
  }

  @Test
  void seedUnblock() throws Exception {
    SIM.simulator().block("user1", List.of("user2"));

    Http.Resp resp = Http.delete(url(SIM, "/users/user1/blocks/users/user2")).bearer(token).send();

    JsonShape.assertSameShape(UNBLOCK_RESPONSE, resp.json());
    assertThat(SIM.simulator().blockListOf("user1")).isEmpty();
  }

  @Test
  void aBlockListHoldsAtMost500() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add("b" + i);
    }
    SIM.simulator().createUsers(many);
    Http.Resp full = Http.post(url(SIM, "/users/user1/blocks/users")).bearer(token).json(Map.of("usernames", many)).send();
    Http.Resp over = Http.post(url(SIM, "/users/user1/blocks/users")).bearer(token).json("{\"usernames\":[\"user2\"]}").send();

    assertThat(full.status).isEqualTo(200);
    assertThat(over.status).isEqualTo(403);
    assertThat(over.json().get("error").asText()).isEqualTo("exceed_limit");
    assertThat(SIM.simulator().blockListOf("user1")).hasSize(500).doesNotContain("user2");
  }
}
