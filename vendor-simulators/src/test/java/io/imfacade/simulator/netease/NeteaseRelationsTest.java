package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static io.imfacade.simulator.netease.NeteaseTests.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import io.imfacade.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Friends, block and mute lists. */
class NeteaseRelationsTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM =
      NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).friendsMax(3).blockListMax(2).build();

  @BeforeEach
  void setUp() {
    SIM.simulator().createUsers("a", "b", "c", "d", "e");
  }

  private JsonNode add(String accid, String faccid) throws Exception {
    return call(SIM, CLOCK, "friend/add.action", Map.of("accid", accid, "faccid", faccid, "type", "1", "msg", "hi"));
  }

  private JsonNode friends(String accid, long updatetime) throws Exception {
    return call(SIM, CLOCK, "friend/get.action", Map.of("accid", accid, "updatetime", Long.toString(updatetime)));
  }

  private JsonNode relation(String accid, String target, int type, int value) throws Exception {
    return call(SIM, CLOCK, "user/setSpecialRelation.action",
        Map.of("accid", accid, "targetAcc", target, "relationType", Integer.toString(type), "value", Integer.toString(value)));
  }

  @Test
  void addingAFriendDirectlyIsTwoWay() throws Exception {
    assertOk(add("a", "B"));
    assertOk(add("a", "b"));

    assertThat(SIM.simulator().friendsOf("a")).containsExactly("b");
    assertThat(SIM.simulator().friendsOf("b")).containsExactly("a");
  }

  @Test
  void friendListHasTheDocumentedFields() throws Exception {
    add("a", "b");
    CLOCK.advance(Duration.ofSeconds(1));
    add("a", "c");
    assertOk(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "a", "faccid", "c", "alias", "Cee")));

    JsonNode body = friends("a", 0);

    JsonShape.assertSameShape(
        "{\"code\":200,\"size\":2,\"friends\":[{\"faccid\":\"b\",\"createtime\":1714521600000,\"bidirection\":true}]}", body);
    JsonNode second = body.get("friends").get(1);
    assertThat(second.get("faccid").asText()).isEqualTo("c");
    assertThat(second.get("alias").asText()).isEqualTo("Cee");
    assertThat(second.get("createtime").asLong()).isEqualTo(CLOCK.millis());
    assertThat(SIM.simulator().aliasOf("a", "c")).contains("Cee");
    assertThat(SIM.simulator().aliasOf("c", "a")).isEmpty();
  }

  @Test
  void updatetimeReturnsOnlyFriendsChangedSince() throws Exception {
    add("a", "b");
    CLOCK.advance(Duration.ofMinutes(1));
    long later = CLOCK.millis();
    add("a", "c");

    assertThat(friends("a", later).get("friends").findValuesAsText("faccid")).containsExactly("c");
    assertThat(friends("a", later).get("size").asInt()).isEqualTo(1);
  }

  @Test
  void aliasNeedsAFriendshipAndAtMost128Characters() throws Exception {
    add("a", "b");

    assertCode(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "a", "faccid", "c", "alias", "x")), 403, "not friends: a -> c");
    assertCode(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "a", "faccid", "b", "alias", "x".repeat(129))), 414, "alias");
    assertOk(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "a", "faccid", "b", "alias", "x".repeat(128))));
    assertOk(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "a", "faccid", "b", "alias", "")));
    assertThat(SIM.simulator().aliasOf("a", "b")).isEmpty();
  }

  @Test
  void deleteEndsBothDirectionsAndIsIdempotent() throws Exception {
    add("a", "b");

    assertOk(call(SIM, CLOCK, "friend/delete.action", Map.of("accid", "b", "faccid", "a", "isDeleteAlias", "true")));
    assertOk(call(SIM, CLOCK, "friend/delete.action", Map.of("accid", "b", "faccid", "a")));

    assertThat(SIM.simulator().friendsOf("a")).isEmpty();
    assertThat(SIM.simulator().friendsOf("b")).isEmpty();
    assertCode(call(SIM, CLOCK, "friend/delete.action", Map.of("accid", "a", "faccid", "b", "isDeleteAlias", "yes")),
        414, "isDeleteAlias");
  }

  /**
   * isDeleteAlias defaults to false (netease-facts §1): the alias stays and comes back with the
   * next friendship. With true the caller's alias goes; the other side's alias stays either way.
   */
  @Test
  void deleteKeepsTheAliasUnlessAskedAndReAddingBringsItBack() throws Exception {
    add("a", "b");
    assertOk(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "a", "faccid", "b", "alias", "Bee")));
    assertOk(call(SIM, CLOCK, "friend/update.action", Map.of("accid", "b", "faccid", "a", "alias", "Ay")));

    assertOk(call(SIM, CLOCK, "friend/delete.action", Map.of("accid", "a", "faccid", "b")));
    assertThat(SIM.simulator().aliasOf("a", "b")).as("not friends: no alias shown").isEmpty();
    assertThat(SIM.simulator().storedAliasOf("a", "b")).contains("Bee");
    add("a", "b");
    assertThat(friends("a", 0).get("friends").get(0).get("alias").asText()).as("the old alias is back").isEqualTo("Bee");

    assertOk(call(SIM, CLOCK, "friend/delete.action", Map.of("accid", "a", "faccid", "b", "isDeleteAlias", "true")));
    assertThat(SIM.simulator().storedAliasOf("a", "b")).isEmpty();
    assertThat(SIM.simulator().storedAliasOf("b", "a")).as("the other side's alias").contains("Ay");
    add("a", "b");
    assertThat(friends("a", 0).get("friends").get(0).has("alias")).isFalse();
    assertThat(friends("b", 0).get("friends").get(0).get("alias").asText()).isEqualTo("Ay");
  }

  @Test
  void addRefusesOtherTypesSelfUnknownAndFullLists() throws Exception {
    assertCode(call(SIM, CLOCK, "friend/add.action", Map.of("accid", "a", "faccid", "b", "type", "2")), 414, "not simulated");
    assertCode(call(SIM, CLOCK, "friend/add.action", Map.of("accid", "a", "faccid", "b", "type", "9")), 414, "type");
    assertCode(call(SIM, CLOCK, "friend/add.action", Map.of("accid", "a", "faccid", "b")), 414, "type is required");
    assertCode(add("a", "a"), 414, "same");
    assertCode(add("a", "ghost"), 404, "accid not exist: ghost");
    assertCode(friends("ghost", 0), 404, "accid not exist");

    add("a", "b");
    add("a", "c");
    add("a", "d");
    assertCode(add("a", "e"), 419, "friend count");
    assertCode(add("e", "a"), 419, "friend count");
  }

  @Test
  void blockAndMuteListsAreSeparateOneWayLists() throws Exception {
    add("a", "b");
    assertOk(relation("a", "b", 1, 1));
    assertOk(relation("a", "c", 2, 1));
    assertOk(relation("a", "c", 1, 1));

    JsonNode lists = call(SIM, CLOCK, "user/listBlackAndMuteList.action", Map.of("accid", "a"));

    JsonShape.assertSameShape("{\"code\":200,\"blacklist\":[\"b\"],\"mutelist\":[\"c\"]}", lists);
    assertThat(lists.get("blacklist").toString()).isEqualTo("[\"b\",\"c\"]");
    assertThat(lists.get("mutelist").toString()).isEqualTo("[\"c\"]");
    assertThat(SIM.simulator().blockListOf("b")).isEmpty();
    assertThat(SIM.simulator().friendsOf("a")).containsExactly("b");

    assertOk(relation("a", "b", 1, 0));
    assertOk(relation("a", "b", 1, 0));
    assertThat(SIM.simulator().blockListOf("a")).containsExactly("c");
    assertThat(SIM.simulator().muteListOf("a")).containsExactly("c");
  }

  @Test
  void relationArgumentsAndLimitsAreChecked() throws Exception {
    assertCode(relation("a", "b", 3, 1), 414, "relationType");
    assertCode(relation("a", "b", 1, 2), 414, "value");
    assertCode(relation("a", "a", 1, 1), 414, "same");
    assertCode(relation("a", "ghost", 1, 1), 404, "ghost");
    SIM.simulator().block("a", List.of("b", "c"));
    assertCode(relation("a", "d", 1, 1), 419, "blacklist");
    assertOk(relation("a", "b", 1, 1));
  }

  @Test
  void formEncodedUtf8AliasesSurvive() throws Exception {
    add("a", "b");
    Http.Resp resp = NeteaseTests.signed(SIM, CLOCK, "friend/update.action")
        .form(Map.of("accid", "a", "faccid", "b", "alias", "老王 & co")).send();

    assertOk(resp.json());
    assertThat(SIM.simulator().aliasOf("a", "b")).contains("老王 & co");
  }
}
