package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static io.imfacade.simulator.netease.NeteaseTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import io.imfacade.simulator.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plausible-answer modes: each undocumented case answered the way the configured mode says
 * ({@link AbsentAnswers}, {@link RepeatAnswers}, {@link ListOrder}, the over-limit code, {@link
 * EmailCheck}, {@code omitEmptyAdmins}), the existence probe {@code userOnlineStatus}, and lost
 * answers of writes that landed.
 */
class NeteaseAnswerModesTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  private static JsonNode post(NeteaseSimulatorExtension sim, String action, String... fields) throws Exception {
    return call(sim, CLOCK, action, Http.fields(fields));
  }

  /** The default mode, and what every mode shares. */
  @Nested
  class Defaults {
    @RegisterExtension
    final NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

    @BeforeEach
    void setUp() {
      sim.simulator().createUsers("a", "b", "c");
    }

    @Test
    void mixedAnswers404ForUnknownAccounts403ForTheAliasOfANonFriendAnd200ForRemovingNothing() throws Exception {
      assertCode(post(sim, "friend/add.action", "accid", "a", "faccid", "ghost", "type", "1"), 404, "accid not exist: ghost");
      assertCode(post(sim, "user/updateUinfo.action", "accid", "ghost", "name", "x"), 404, "accid not exist: ghost");
      assertCode(post(sim, "friend/update.action", "accid", "a", "faccid", "b", "alias", "x"), 403, "not friends: a -> b");
      assertOk(post(sim, "friend/delete.action", "accid", "a", "faccid", "b"));
      assertOk(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "b", "relationType", "1", "value", "0"));
      JsonNode cards = post(sim, "user/getUinfos.action", "accids", "[\"ghost\",\"a\"]");
      assertThat(cards.get("uinfos").findValuesAsText("accid")).containsExactly("a");
    }

    @Test
    void aRepeatedWriteSucceedsAndChangesNothing() throws Exception {
      assertOk(post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1"));
      assertOk(post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1"));
      assertOk(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "c", "relationType", "1", "value", "1"));
      assertOk(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "c", "relationType", "1", "value", "1"));

      assertThat(sim.simulator().friendsOf("a")).containsExactly("b");
      assertThat(sim.simulator().blockListOf("a")).containsExactly("c");
    }

    /** The SDK's test: a never-created accid comes back in data.invalidAccids, as sent. */
    @Test
    void userOnlineStatusListsTheAccidsThatDoNotExist() throws Exception {
      JsonNode body = post(sim, "user/userOnlineStatus.action", "accids", "[\"a\",\"Ghost\",\"b\",\"Ghost\",\"nobody\"]");

      JsonShape.assertSameShape("{\"code\":200,\"data\":{\"invalidAccids\":[\"x\"],\"status\":{}}}", body);
      assertThat(body.get("data").get("invalidAccids").toString()).isEqualTo("[\"Ghost\",\"nobody\"]");
      assertCode(post(sim, "user/userOnlineStatus.action", "accids", "a"), 414, "accids");
    }

    /** The observed refusal {"desc":"邮件 not email","code":414}; "" clears; a value with text around an @ passes. */
    @Test
    void anEmailWithoutAnAtSignIsRefusedAsObserved() throws Exception {
      assertCode(post(sim, "user/updateUinfo.action", "accid", "a", "email", "邮件"), 414, "邮件 not email");
      assertThat(post(sim, "user/updateUinfo.action", "accid", "a", "email", "邮件").get("desc").asText())
          .isEqualTo("邮件 not email");
      assertCode(post(sim, "user/updateUinfo.action", "accid", "a", "email", "a@"), 414, "a@ not email");
      assertCode(post(sim, "user/updateUinfo.action", "accid", "a", "email", "@b"), 414, "@b not email");
      assertThat(sim.simulator().userCard("a")).doesNotContainKey("email");

      assertOk(post(sim, "user/updateUinfo.action", "accid", "a", "email", "张三@例子.中国"));
      assertOk(post(sim, "user/updateUinfo.action", "accid", "a", "email", "o'brien+tag@example.com"));
      assertOk(post(sim, "user/updateUinfo.action", "accid", "a", "email", ""));
      assertThat(sim.simulator().userCard("a")).doesNotContainKey("email");
    }

    @Test
    void aLostAnswerBelongsToAWriteThatLanded() throws Exception {
      sim.simulator().loseAnswers("friend/add.action", 1);

      assertThatThrownBy(() -> NeteaseTests.signed(sim, CLOCK, "friend/add.action")
          .form(Map.of("accid", "a", "faccid", "b", "type", "1")).send()).isInstanceOf(IOException.class);

      assertThat(sim.simulator().friendsOf("a")).as("carried out").containsExactly("b");
      assertOk(post(sim, "friend/add.action", "accid", "a", "faccid", "c", "type", "1"));
      assertThat(sim.simulator().requests()).isEqualTo(2);
    }

    @Test
    void aLostAnswerOnlyHitsItsActionAndResetClearsIt() throws Exception {
      sim.simulator().loseAnswers("friend/add.action", 2);
      assertOk(post(sim, "friend/get.action", "accid", "a", "updatetime", "0"));
      sim.simulator().reset();
      sim.simulator().createUsers("a", "b");

      assertOk(post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1"));
      assertThatThrownBy(() -> sim.simulator().loseAnswers("friend/add.action", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOverLimitCodeIsOneOfThePlausibleOnes() {
      assertThatThrownBy(() -> NeteaseSimulator.builder().overLimitCode(500)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** 404 for everything absent, 417 for repeats, newest first, 403 over the caps, no empty admins. */
  @Nested
  class NotFound {
    @RegisterExtension
    final NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .absentAnswers(AbsentAnswers.NOT_FOUND_404).repeatAnswers(RepeatAnswers.REPEATED_OPERATION_417)
        .listOrder(ListOrder.NEWEST_FIRST).overLimitCode(403).friendsMax(2).blockListMax(1).omitEmptyAdmins(true).build();

    @BeforeEach
    void setUp() {
      sim.simulator().createUsers("a", "b", "c", "d");
    }

    @Test
    void everythingAbsentIs404() throws Exception {
      assertCode(post(sim, "friend/delete.action", "accid", "a", "faccid", "b"), 404, "friend relation not exist: a -> b");
      assertCode(post(sim, "friend/update.action", "accid", "a", "faccid", "b", "alias", "x"), 404, "friend relation not exist");
      assertCode(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "b", "relationType", "1", "value", "0"),
          404, "relation not exist: a -> b");
      assertCode(post(sim, "friend/get.action", "accid", "ghost", "updatetime", "0"), 404, "accid not exist: ghost");

      JsonNode cards = post(sim, "user/getUinfos.action", "accids", "[\"Ghost\",\"a\"]");
      assertThat(cards.get("uinfos").get(0).toString())
          .isEqualTo("{\"accid\":\"ghost\",\"gender\":0,\"valid\":false,\"mute\":false}");
      assertThat(cards.get("uinfos").get(1).get("valid").asBoolean()).isTrue();
    }

    @Test
    void repeatsAre417AndChangeNothing() throws Exception {
      assertOk(post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1"));
      assertCode(post(sim, "friend/add.action", "accid", "b", "faccid", "a", "type", "1"), 417, "friend already exists: b -> a");
      assertOk(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "c", "relationType", "1", "value", "1"));
      assertCode(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "c", "relationType", "1", "value", "1"),
          417, "relation already exists");

      assertThat(sim.simulator().friendsOf("a")).containsExactly("b");
      assertThat(sim.simulator().blockListOf("a")).containsExactly("c");
    }

    @Test
    void listsAreNewestFirstAndFullListsAnswer403() throws Exception {
      post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1");
      CLOCK.advance(Duration.ofSeconds(1));
      post(sim, "friend/add.action", "accid", "a", "faccid", "c", "type", "1");
      post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "d", "relationType", "1", "value", "1");

      assertThat(post(sim, "friend/get.action", "accid", "a", "updatetime", "0").get("friends").findValuesAsText("faccid"))
          .containsExactly("c", "b");
      assertCode(post(sim, "friend/add.action", "accid", "a", "faccid", "d", "type", "1"), 403, "friend count exceeds the limit of 2");
      assertCode(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "b", "relationType", "1", "value", "1"),
          403, "blacklist count exceeds the limit of 1");
    }

    @Test
    void aTeamWithoutAdminsHasNoAdminsField() throws Exception {
      sim.simulator().createTeam("1001", "a", List.of("b"));

      JsonNode tinfo = post(sim, "team/queryDetail.action", "tid", "1001").get("tinfo");

      assertThat(tinfo.has("admins")).isFalse();
      assertThat(tinfo.get("owner").get("accid").asText()).isEqualTo("a");
      assertThat(tinfo.get("members").findValuesAsText("accid")).containsExactly("b");
    }
  }

  /** 414 for everything absent and for repeats, shuffled lists, 414 over the caps, a strict email check. */
  @Nested
  class ParameterError {
    @RegisterExtension
    final NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .absentAnswers(AbsentAnswers.PARAMETER_414).repeatAnswers(RepeatAnswers.PARAMETER_414)
        .listOrder(ListOrder.SHUFFLED).overLimitCode(414).friendsMax(40).emailCheck(EmailCheck.STRICT_PATTERN).build();

    @BeforeEach
    void setUp() {
      sim.simulator().createUsers("a", "b", "c");
    }

    @Test
    void everythingAbsentIs414NamingWhatIsMissing() throws Exception {
      assertCode(post(sim, "friend/add.action", "accid", "a", "faccid", "ghost", "type", "1"), 414, "faccid not exists: ghost");
      assertCode(post(sim, "friend/add.action", "accid", "ghost", "faccid", "a", "type", "1"), 414, "accid not exists: ghost");
      assertCode(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "ghost", "relationType", "1", "value", "1"),
          414, "targetAcc not exists: ghost");
      assertCode(post(sim, "user/updateUinfo.action", "accid", "ghost", "name", "x"), 414, "accid not exists: ghost");
      assertCode(post(sim, "friend/delete.action", "accid", "a", "faccid", "b"), 414, "friend relation not exist: a -> b");
      assertCode(post(sim, "friend/update.action", "accid", "a", "faccid", "b", "alias", "x"), 414, "friend relation not exist");
      assertCode(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "b", "relationType", "1", "value", "0"),
          414, "relation not exist");
      assertCode(post(sim, "user/getUinfos.action", "accids", "[\"a\",\"ghost\",\"Nobody\"]"), 414, "accid not exists: ghost,Nobody");
      assertOk(post(sim, "user/getUinfos.action", "accids", "[\"a\",\"B\"]"));
    }

    @Test
    void repeatsAre414() throws Exception {
      assertOk(post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1"));
      assertCode(post(sim, "friend/add.action", "accid", "a", "faccid", "b", "type", "1"), 414, "already friends: a -> b");
      assertOk(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "c", "relationType", "1", "value", "1"));
      assertCode(post(sim, "user/setSpecialRelation.action", "accid", "a", "targetAcc", "c", "relationType", "1", "value", "1"),
          414, "already in blacklist: a -> c");
    }

    @Test
    void theStrictEmailPatternRefusesNonAsciiAndQuotes() throws Exception {
      assertCode(post(sim, "user/updateUinfo.action", "accid", "a", "email", "张三@例子.中国"), 414, "张三@例子.中国 not email");
      assertCode(post(sim, "user/updateUinfo.action", "accid", "a", "email", "o'brien+tag@example.com"), 414, "not email");
      assertOk(post(sim, "user/updateUinfo.action", "accid", "a", "email", "o.brien+tag@example.com"));
      assertThat(sim.simulator().userCard("a")).containsEntry("email", "o.brien+tag@example.com");
    }

    @Test
    void listsComeInChangingOrders() throws Exception {
      List<String> friends = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        friends.add("f" + i);
      }
      sim.simulator().createUsers(friends);
      friends.forEach(f -> sim.simulator().addFriend("a", f));

      Set<List<String>> orders = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        List<String> listed = post(sim, "friend/get.action", "accid", "a", "updatetime", "0").get("friends").findValuesAsText("faccid");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(friends);
        orders.add(listed);
      }
      assertThat(orders).as("5 answers of 30 shuffled friends").hasSizeGreaterThan(1);
    }
  }
}
