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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User cards, replaying seed 003's examples. */
class NeteaseUserCardTest {

  // Seed 003's response examples with the minimal syntax fixes: the // comments removed and the
  // missing comma between the two uinfos items added.
  static final String GET_RESPONSE = """
      {
        "code":200,
        "uinfos":
          [
            {
              "accid": "t1",
              "name": "小明",
              "icon": "https://nim-nosdn.netease.im/MTAxMTAwMg==/bmltYV8xMDU5Njk3XzE1NzMwMjgxNTYyMTRfNGExMmY5ZGUtMWU2Ni00ZTAwLWIyZjgtZmFiM2E0YzAxYTEw",
              "sign": "hello",
              "email": "t1@163.com",
              "birth": "2015-12-23",
              "mobile": "18645454545",
              "ex": "",
              "gender": 1,
              "valid": true,
              "mute": true
            },
            {"accid":"t2","name":"def","gender":0}
          ]
      }""";
  static final String GET_MUTE_STATUS_RESPONSE = """
      {
        "code":200,
        "uinfos":
          [
            {
              "accid": "t1",
              "name": "小明",
              "icon": "https://nim-nosdn.netease.im/MTAxMTAwMg==/bmltYV8xMDU5Njk3XzE1NzMwMjgxNTYyMTRfNGExMmY5ZGUtMWU2Ni00ZTAwLWIyZjgtZmFiM2E0YzAxYTEw",
              "sign": "hello",
              "email": "t1@163.com",
              "birth": "2015-12-23",
              "mobile": "18645454545",
              "ex": "",
              "gender": 1,
              "valid": true,
              "mute": true,
              "muteP2P": false,
              "muteQChat": false,
              "muteTeam": false,
              "muteRoom": false
            },
            {"accid":"t2","name":"def","gender":0}
          ]
      }""";
  static final String ERROR_RESPONSE = "{\"code\":414, \"desc\":\"limit max accids size: 200\"}";
  static final String UPDATE_RESPONSE = "{\"code\":200}";

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

  @BeforeEach
  void setUp() {
    SIM.simulator().createUsers("t1", "t2", "zhangsan");
  }

  private JsonNode update(Map<String, String> form) throws Exception {
    return call(SIM, CLOCK, "user/updateUinfo.action", form);
  }

  private void seedCards() throws Exception {
    assertOk(update(Http.fields("accid", "t1", "name", "小明",
        "icon", "https://nim-nosdn.netease.im/MTAxMTAwMg==/bmltYV8xMDU5Njk3XzE1NzMwMjgxNTYyMTRfNGExMmY5ZGUtMWU2Ni00ZTAwLWIyZjgtZmFiM2E0YzAxYTEw",
        "sign", "hello", "email", "t1@163.com", "birth", "2015-12-23", "mobile", "18645454545", "ex", "{}", "gender", "1")));
    assertOk(update(Http.fields("accid", "t2", "name", "def")));
  }

  @Test
  void seedGetUinfosRequestAsCurlSendsIt() throws Exception {
    seedCards();

    // The seed's curl body, sent as is: the JSON array is not percent-encoded.
    Http.Resp resp = NeteaseTests.signed(SIM, CLOCK, "user/getUinfos.action")
        .rawBody("application/x-www-form-urlencoded", "accids=[\"t1\",\"t2\"]&muteStatus=true").send();

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(GET_MUTE_STATUS_RESPONSE, resp.json());
    JsonNode t1 = resp.json().get("uinfos").get(0);
    assertThat(t1.get("name").asText()).isEqualTo("小明");
    assertThat(t1.get("gender").asInt()).isEqualTo(1);
  }

  @Test
  void withoutMuteStatusTheAnswerHasTheFirstExamplesShape() throws Exception {
    seedCards();

    JsonNode body = call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[\"t1\",\"t2\"]"));

    JsonShape.assertSameShape(GET_RESPONSE, body);
    JsonNode t2 = body.get("uinfos").get(1);
    assertThat(t2.get("accid").asText()).isEqualTo("t2");
    assertThat(t2.get("name").asText()).isEqualTo("def");
    assertThat(t2.get("gender").asInt()).isZero();
    assertThat(t2.has("email")).as("unset fields are left out").isFalse();
  }

  @Test
  void unknownAccidsAreLeftOutAndOrderIsKept() throws Exception {
    JsonNode body = call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[\"t2\",\"ghost\",\"T1\",\"t2\"]"));

    assertThat(body.get("uinfos").findValuesAsText("accid")).containsExactly("t2", "t1");
  }

  @Test
  void atMost200AccidsAreAccepted() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add("\"u" + i + "\"");
    }
    JsonNode two100 = call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[" + String.join(",", ids) + "]"));
    ids.add("\"u200\"");
    JsonNode over = call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[" + String.join(",", ids) + "]"));

    assertOk(two100);
    JsonShape.assertSameShape(ERROR_RESPONSE, over);
    assertCode(over, 414, "limit max accids size: 200");
  }

  @Test
  void accidsMustBeAJsonArrayString() throws Exception {
    assertCode(call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "t1,t2")), 414, "accids");
    assertCode(call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[1,2]")), 414, "accids");
    assertCode(call(SIM, CLOCK, "user/getUinfos.action", Map.of()), 414, "accids");
  }

  @Test
  void seedUpdateUinfo() throws Exception {
    Http.Resp resp = NeteaseTests.signed(SIM, CLOCK, "user/updateUinfo.action")
        .rawBody("application/x-www-form-urlencoded", "accid=zhangsan&name=Jack").send();

    JsonShape.assertSameShape(UPDATE_RESPONSE, resp.json());
    assertThat(SIM.simulator().userCard("zhangsan")).containsEntry("name", "Jack");
  }

  @Test
  void updateIsAPatchAndEmptyClears() throws Exception {
    update(Http.fields("accid", "t1", "name", "A", "sign", "s", "gender", "2"));
    update(Http.fields("accid", "T1", "sign", "", "email", "a@b.c"));

    assertThat(SIM.simulator().userCard("t1"))
        .containsOnly(Map.entry("name", "A"), Map.entry("email", "a@b.c"), Map.entry("gender", "2"));
    JsonNode item = call(SIM, CLOCK, "user/getUinfos.action", Map.of("accids", "[\"t1\"]")).get("uinfos").get(0);
    assertThat(item.has("sign")).isFalse();
  }

  @Test
  void fieldLimitsAreEnforcedAndNothingIsWrittenOnFailure() throws Exception {
    assertOk(update(Http.fields("accid", "t1", "name", "名".repeat(64))));
    assertOk(update(Http.fields("accid", "t1", "icon", "i".repeat(1024))));
    assertCode(update(Http.fields("accid", "t1", "sign", "new", "name", "n".repeat(65))), 414, "name");
    assertCode(update(Http.fields("accid", "t1", "icon", "é".repeat(513))), 414, "icon is longer than 1024 bytes");
    assertCode(update(Http.fields("accid", "t1", "sign", "s".repeat(257))), 414, "sign");
    assertCode(update(Http.fields("accid", "t1", "email", "e".repeat(65))), 414, "email");
    assertCode(update(Http.fields("accid", "t1", "birth", "b".repeat(17))), 414, "birth");
    assertCode(update(Http.fields("accid", "t1", "mobile", "1".repeat(33))), 414, "mobile");
    assertCode(update(Http.fields("accid", "t1", "ex", "x".repeat(1025))), 414, "ex");
    assertCode(update(Http.fields("accid", "t1", "gender", "3")), 414, "gender");
    assertCode(update(Http.fields("accid", "a".repeat(33), "name", "x")), 414, "accid");

    assertThat(SIM.simulator().userCard("t1")).doesNotContainKey("sign");
  }

  @Test
  void updatingAnUnknownAccountIs404() throws Exception {
    assertCode(update(Http.fields("accid", "ghost", "name", "x")), 404, "accid not exist");
  }

  @Test
  void seedingUsesTheEndpointsRules() {
    SIM.simulator().updateUserCard("t1", Map.of("name", "Seeded", "gender", "1"));

    assertThat(SIM.simulator().userCard("t1")).containsEntry("name", "Seeded").containsEntry("gender", "1");
    assertThatThrownBy(() -> SIM.simulator().updateUserCard("t1", Map.of("gender", "9")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("414");
    assertThatThrownBy(() -> SIM.simulator().createUsers("a".repeat(33))).isInstanceOf(IllegalArgumentException.class);
  }
}
