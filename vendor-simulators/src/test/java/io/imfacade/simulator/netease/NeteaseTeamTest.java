package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static io.imfacade.simulator.netease.NeteaseTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.JsonShape;
import io.imfacade.simulator.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Team members' nick and custom string. */
class NeteaseTeamTest {

  static final String TID = "6001";
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  // The member fields of the SDK's QueryTeamInfoDetailsResponseV1 (reference §3.7).
  static final String DETAIL_SHAPE = """
      {"code":200,"tinfo":{"tid":6001,"tname":"t","icon":"","announcement":"","intro":"","maxusers":200,"size":3,
       "mute":false,
       "owner":{"accid":"boss","mute":false,"createtime":1,"updatetime":1},
       "admins":[],
       "members":[{"accid":"m1","nick":"n","custom":"{}","mute":false,"createtime":1,"updatetime":1}],
       "createtime":1,"updatetime":1}}""";

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

  @BeforeEach
  void setUp() {
    SIM.simulator().createUsers("boss", "m1", "m2", "outsider");
    SIM.simulator().createTeam(TID, "boss", List.of("m1", "m2"));
  }

  private JsonNode updateNick(Map<String, String> form) throws Exception {
    return call(SIM, CLOCK, "team/updateTeamNick.action", form);
  }

  @Test
  void theOwnerSetsAMembersNickAndCustom() throws Exception {
    assertOk(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "nick", "n", "custom", "{}")));

    JsonNode detail = call(SIM, CLOCK, "team/queryDetail.action", Map.of("tid", TID));

    JsonShape.assertSameShape(DETAIL_SHAPE, detail);
    JsonNode tinfo = detail.get("tinfo");
    assertThat(tinfo.get("tid").asLong()).isEqualTo(6001);
    assertThat(tinfo.get("owner").get("accid").asText()).isEqualTo("boss");
    assertThat(tinfo.get("members").findValuesAsText("accid")).containsExactly("m1", "m2");
    assertThat(tinfo.get("members").get(0).get("custom").asText()).isEqualTo("{}");
    assertThat(tinfo.get("members").get(1).has("custom")).isFalse();
    assertThat(SIM.simulator().teamMemberNick(TID, "m1")).contains("n");
  }

  @Test
  void customAloneLeavesTheNickAndEmptyClears() throws Exception {
    updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "nick", "n", "custom", "c1"));
    updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "custom", "c2"));
    assertThat(SIM.simulator().teamMemberNick(TID, "m1")).contains("n");
    assertThat(SIM.simulator().teamMemberCustom(TID, "m1")).contains("c2");

    updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "custom", ""));
    assertThat(SIM.simulator().teamMemberCustom(TID, "m1")).isEmpty();
  }

  @Test
  void theOwnerCanSetItsOwnMemberAttributes() throws Exception {
    assertOk(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "boss", "custom", "mine")));

    JsonNode owner = call(SIM, CLOCK, "team/queryDetail.action", Map.of("tid", TID)).get("tinfo").get("owner");
    assertThat(owner.get("custom").asText()).isEqualTo("mine");
  }

  @Test
  void teamCodes() throws Exception {
    assertCode(updateNick(Map.of("tid", "999", "owner", "boss", "accid", "m1", "custom", "c")), 803, "team not exist");
    assertCode(updateNick(Map.of("tid", TID, "owner", "m2", "accid", "m1", "custom", "c")), 802, "no permission");
    assertCode(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "outsider", "custom", "c")), 804, "not in team");
    assertCode(call(SIM, CLOCK, "team/queryDetail.action", Map.of("tid", "999")), 803, "team not exist");
  }

  @Test
  void limitsAndRequiredParameters() throws Exception {
    String kb = "x".repeat(1024);
    assertOk(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "custom", kb)));
    assertCode(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "custom", "é".repeat(513))), 414, "1024 bytes");
    assertCode(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1", "nick", "n".repeat(33))), 414, "nick");
    assertCode(updateNick(Map.of("tid", TID, "owner", "boss", "accid", "m1")), 414, "nick or custom");
    assertCode(updateNick(Map.of("owner", "boss", "accid", "m1", "custom", "c")), 414, "tid is required");
    assertCode(call(SIM, CLOCK, "team/queryDetail.action", Map.of("tid", "abc")), 414, "tid");
    assertThat(SIM.simulator().teamMemberCustom(TID, "m1")).contains(kb);
  }

  @Test
  void seedingTeams() {
    SIM.simulator().updateTeamMember(TID, "m2", "nick2", "{\"k\":\"v\"}");
    assertThat(SIM.simulator().teamMemberCustom(TID, "m2")).contains("{\"k\":\"v\"}");

    SIM.simulator().removeTeamMembers(TID, List.of("m2"));
    assertThat(SIM.simulator().teamMemberNick(TID, "m2")).isEmpty();
    SIM.simulator().addTeamMembers(TID, List.of("m2"));
    assertThatThrownBy(() -> SIM.simulator().createTeam("abc", "boss", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SIM.simulator().createTeam(TID, "boss", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SIM.simulator().updateTeamMember(TID, "outsider", "x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("804");
  }
}
