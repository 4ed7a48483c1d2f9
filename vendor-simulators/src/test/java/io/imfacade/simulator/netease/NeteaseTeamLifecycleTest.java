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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Teams: {@code team/create}, {@code team/add}, {@code team/kick}, {@code team/remove} (netease-facts
 * §6) with their required parameters, limits and {@code faccid}, the {@link TeamAnswers} modes, and
 * that a team created through the API is a team the member endpoints work on.
 */
class NeteaseTeamLifecycleTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  /** jsdk CreateTeamResponseV1 / DOC jc2NDgzMTg: {@code tid} and, when some could not join, {@code faccid}. */
  static final String CREATED_WITH_FAILURES = "{\"code\":200,\"tid\":\"1\",\"faccid\":{\"accid\":[\"a\"],\"msg\":\"m\"}}";

  private static JsonNode post(NeteaseSimulatorExtension sim, String action, String... fields) throws Exception {
    return call(sim, CLOCK, action, Http.fields(fields));
  }

  private static String[] create(String owner, String members, String... more) {
    List<String> form = new ArrayList<>(List.of("tname", "Team A", "owner", owner, "members", members, "msg", "join us",
        "magree", "0", "joinmode", "1"));
    form.addAll(List.of(more));
    return form.toArray(String[]::new);
  }

  private static String tidOf(JsonNode created) {
    assertOk(created);
    return created.get("tid").asText();
  }

  /** The default mode. */
  @Nested
  class Defaults {

    @RegisterExtension
    final NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

    @BeforeEach
    void setUp() {
      sim.simulator().createUsers("boss", "m1", "m2", "m3", "outsider");
    }

    @Test
    void createAnswersAnIssuedTidAndTheTeamIsReadableAndWritable() throws Exception {
      JsonNode created = post(sim, "team/create.action", create("Boss", "[\"m1\",\"M2\"]", "intro", "about us",
          "teamMemberLimit", "5"));

      assertThat(created.get("tid").isTextual()).as("tid as text, as the doc shows it").isTrue();
      assertThat(created.has("faccid")).as("everyone joined").isFalse();
      String tid = tidOf(created);
      assertThat(tid).matches("[0-9]+");
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss", "m1", "m2");

      JsonNode tinfo = post(sim, "team/queryDetail.action", "tid", tid).get("tinfo");
      assertThat(tinfo.get("tname").asText()).isEqualTo("Team A");
      assertThat(tinfo.get("intro").asText()).isEqualTo("about us");
      assertThat(tinfo.get("maxusers").asInt()).isEqualTo(5);
      assertThat(tinfo.get("owner").get("accid").asText()).isEqualTo("boss");
      // Member attributes work on it: the team is a team like a seeded one.
      assertOk(post(sim, "team/updateTeamNick.action", "tid", tid, "owner", "boss", "accid", "m1", "custom", "{}"));
      assertThat(sim.simulator().teamMemberCustom(tid, "m1")).contains("{}");
    }

    @Test
    void membersMayBeEmptyOrLeftOutAndTheDefaultSizeIs200() throws Exception {
      String empty = tidOf(post(sim, "team/create.action", create("boss", "[]")));
      JsonNode absent = post(sim, "team/create.action", "tname", "t", "owner", "boss", "msg", "m", "magree", "0", "joinmode", "0");
      assertThat(sim.simulator().teamMembersOf(empty)).containsExactly("boss");
      assertThat(sim.simulator().teamMembersOf(tidOf(absent))).containsExactly("boss");
      assertThat(post(sim, "team/queryDetail.action", "tid", empty).get("tinfo").get("maxusers").asInt()).isEqualTo(200);
      assertThat(tidOf(absent)).as("each create issues a new id").isNotEqualTo(empty);
    }

    @Test
    void createRefusesMissingOrBadRequiredParameters() throws Exception {
      assertCode(post(sim, "team/create.action", "owner", "boss", "members", "[]", "msg", "m", "magree", "0", "joinmode", "0"),
          414, "tname is required");
      assertCode(post(sim, "team/create.action", "tname", "t", "owner", "boss", "members", "[]", "magree", "0", "joinmode", "0"),
          414, "msg is required");
      assertCode(post(sim, "team/create.action", "tname", "t", "owner", "boss", "members", "[]", "msg", "m", "joinmode", "0"),
          414, "magree is required");
      assertCode(post(sim, "team/create.action", "tname", "t", "owner", "boss", "members", "[]", "msg", "m", "magree", "0"),
          414, "joinmode is required");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "joinmode", "3")), 414, "joinmode must be one of");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "magree", "1")), 414, "not simulated");
      assertCode(post(sim, "team/create.action", create("boss", "m1")), 414, "members must be a JSON array");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "tname", "t".repeat(65))), 414, "tname is longer than 64");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "msg", "m".repeat(151))), 414, "msg is longer than 150");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "intro", "i".repeat(513))), 414, "intro is longer than 512");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "teamMemberLimit", "1")), 414, "teamMemberLimit must be 2 to 200");
      assertCode(post(sim, "team/create.action", create("boss", "[]", "teamMemberLimit", "201")), 414, "teamMemberLimit");
      assertCode(post(sim, "team/create.action", create("boss", "[\"m1\",\"m2\"]", "teamMemberLimit", "2")), 801,
          "team member limit exceeded");
      assertCode(post(sim, "team/create.action", create("ghost", "[]")), 404, "accid not exist: ghost");
      assertCode(post(sim, "team/create.action", create("boss", "[\"ghost\"]")), 404, "accid not exist: ghost");
      assertOk(post(sim, "team/create.action", create("boss", "[]", "tname", "t".repeat(64), "intro", "i".repeat(512),
          "msg", "m".repeat(150))));
    }

    @Test
    void addPullsMembersInAndAFullTeamRefusesTheWholeCall() throws Exception {
      String tid = tidOf(post(sim, "team/create.action", create("boss", "[\"m1\"]", "teamMemberLimit", "3")));

      assertOk(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m2\"]", "magree", "0", "msg", "hi"));
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss", "m1", "m2");

      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m3\"]", "magree", "0", "msg", "hi"),
          801, "team member limit exceeded");
      assertThat(sim.simulator().teamMembersOf(tid)).as("801: nobody added").containsExactly("boss", "m1", "m2");
    }

    @Test
    void addChecksItsParametersAndTheOperator() throws Exception {
      String tid = tidOf(post(sim, "team/create.action", create("boss", "[]")));
      List<String> many = new ArrayList<>();
      for (int i = 0; i < 201; i++) {
        many.add("\"u" + i + "\"");
      }
      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[" + String.join(",", many) + "]",
          "magree", "0", "msg", "hi"), 414, "more than 200");
      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m1\"]", "magree", "0"),
          414, "msg is required");
      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m1\"]", "msg", "hi"),
          414, "magree is required");
      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "m1", "members", "[\"m2\"]", "magree", "0", "msg", "hi"),
          802, "not the owner");
      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"ghost\"]", "magree", "0", "msg", "hi"),
          404, "accid not exist: ghost");
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss");
    }

    @Test
    void teamCodesForAMemberANonMemberTheOwnerAndAnUnknownTeam() throws Exception {
      String tid = tidOf(post(sim, "team/create.action", create("boss", "[\"m1\"]")));

      assertCode(post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m2\",\"m1\"]", "magree", "0",
          "msg", "hi"), 809, "user already in team: m1");
      assertCode(post(sim, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"m1\",\"m2\"]"), 804,
          "user not in team: m2");
      assertCode(post(sim, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"boss\"]"), 802,
          "the owner cannot be kicked");
      assertThat(sim.simulator().teamMembersOf(tid)).as("nothing changed").containsExactly("boss", "m1");
      assertCode(post(sim, "team/queryDetail.action", "tid", "42"), 803, "team not exist: 42");
      assertCode(post(sim, "team/remove.action", "tid", "42", "owner", "boss"), 803, "team not exist: 42");
      assertCode(post(sim, "team/add.action", "tid", "42", "owner", "boss", "members", "[\"m2\"]", "magree", "0", "msg", "h"),
          803, "team not exist: 42");
    }

    @Test
    void kickRemovesMembersAndMemberWinsOverMembers() throws Exception {
      String tid = tidOf(post(sim, "team/create.action", create("boss", "[\"m1\",\"m2\",\"m3\"]")));

      assertOk(post(sim, "team/kick.action", "tid", tid, "owner", "boss", "member", "m1", "members", "[\"m2\"]"));
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss", "m2", "m3");
      assertOk(post(sim, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"M2\",\"m3\"]"));
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss");
      assertCode(post(sim, "team/kick.action", "tid", tid, "owner", "m1", "members", "[\"boss\"]"), 802, "not the owner");
    }

    @Test
    void removeDismissesTheTeamAndOnlyTheOwnerMay() throws Exception {
      String tid = tidOf(post(sim, "team/create.action", create("boss", "[\"m1\"]")));

      assertCode(post(sim, "team/remove.action", "tid", tid, "owner", "m1"), 802, "not the owner");
      assertThat(sim.simulator().teamExists(tid)).isTrue();
      assertOk(post(sim, "team/remove.action", "tid", tid, "owner", "boss"));
      assertThat(sim.simulator().teamExists(tid)).isFalse();
      assertCode(post(sim, "team/updateTeamNick.action", "tid", tid, "owner", "boss", "accid", "m1", "custom", "x"),
          803, "team not exist");
    }

    @Test
    void seededTeamsAndIssuedIdsNeverCollide() {
      String first = sim.simulator().createTeam("boss", List.of("m1"));
      sim.simulator().createTeam(Long.toString(Long.parseLong(first) + 1), "boss", List.of());
      String next = sim.simulator().createTeam("boss", List.of());
      assertThat(Long.parseLong(next)).isEqualTo(Long.parseLong(first) + 2);
      assertThat(sim.simulator().teamMembersOf(first)).containsExactly("boss", "m1");
      assertThatThrownBy(() -> sim.simulator().createTeam("ghost", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** {@code faccid}: members at their limit of joined teams cannot join. */
  @Nested
  class JoinLimit {

    @RegisterExtension
    final NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .joinedTeamsMax(1).build();

    @Test
    void createAndAddAnswerWhoCouldNotJoin() throws Exception {
      sim.simulator().createUsers("boss", "busy", "free", "other");
      sim.simulator().createTeam("other", List.of("busy"));

      JsonNode created = post(sim, "team/create.action", create("boss", "[\"busy\",\"free\"]"));

      JsonShape.assertSameShape(CREATED_WITH_FAILURES, created);
      assertThat(created.get("faccid").get("accid").toString()).isEqualTo("[\"busy\"]");
      String tid = tidOf(created);
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss", "free");

      JsonNode added = post(sim, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"busy\"]", "magree", "0",
          "msg", "hi");
      assertOk(added);
      assertThat(added.get("faccid").get("accid").toString()).isEqualTo("[\"busy\"]");
      assertThat(sim.simulator().teamMembersOf(tid)).containsExactly("boss", "free");
    }
  }

  /** {@link TeamAnswers#NOT_FOUND_404} and {@link TeamAnswers#PARAMETER_414}. */
  @Nested
  class OtherModes {

    @RegisterExtension
    final NeteaseSimulatorExtension lenient = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .teamAnswers(TeamAnswers.NOT_FOUND_404).build();
    @RegisterExtension
    final NeteaseSimulatorExtension strict = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .teamAnswers(TeamAnswers.PARAMETER_414).build();

    @Test
    void notFound404SkipsMembersAndNonMembersSilently() throws Exception {
      lenient.simulator().createUsers("boss", "m1", "m2", "m3");
      String tid = lenient.simulator().createTeam("boss", List.of("m1"));

      assertOk(post(lenient, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m1\",\"m2\"]", "magree", "0",
          "msg", "hi"));
      assertThat(lenient.simulator().teamMembersOf(tid)).containsExactly("boss", "m1", "m2");
      assertOk(post(lenient, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"m2\",\"m3\"]"));
      assertThat(lenient.simulator().teamMembersOf(tid)).containsExactly("boss", "m1");
      assertCode(post(lenient, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"boss\"]"), 403,
          "the owner cannot be kicked");
      assertCode(post(lenient, "team/queryDetail.action", "tid", "42"), 404, "team not exist: 42");
      assertCode(post(lenient, "team/updateTeamNick.action", "tid", "42", "owner", "boss", "accid", "m1", "custom", "x"),
          404, "team not exist: 42");
    }

    @Test
    void parameter414ForEverything() throws Exception {
      strict.simulator().createUsers("boss", "m1", "m2");
      String tid = strict.simulator().createTeam("boss", List.of("m1"));

      assertCode(post(strict, "team/add.action", "tid", tid, "owner", "boss", "members", "[\"m2\",\"m1\"]", "magree", "0",
          "msg", "hi"), 414, "already in team: m1");
      assertCode(post(strict, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"m2\"]"), 414,
          "not team member: m2");
      assertCode(post(strict, "team/kick.action", "tid", tid, "owner", "boss", "members", "[\"boss\"]"), 414,
          "the owner cannot be kicked");
      assertThat(strict.simulator().teamMembersOf(tid)).containsExactly("boss", "m1");
      assertCode(post(strict, "team/queryDetail.action", "tid", "42"), 414, "tid not exists: 42");
      assertCode(post(strict, "team/remove.action", "tid", "42", "owner", "boss"), 414, "tid not exists: 42");
    }
  }
}
