package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User attributes, replaying seed 000's examples. */
class EasemobUserMetadataTest {

  // Seed 000's response examples, verbatim.
  static final String SET_RESPONSE = """
      {
        "timestamp": 1620445147011,
        "data": {
          "ext": "ext",
          "nickname": "nickname",
          "avatarurl": "https://www.XXXX.com/avatar.png"
        },
        "duration": 166
      }""";
  static final String BATCH_GET_RESPONSE = """
      {
        "timestamp": 1620448826647,
        "data": {
          "user1": {
            "ext": "ext",
            "nickname": "nickname",
            "avatarurl": "https://www.XXXX.com/avatar.png"
          },
          "user2": {
            "ext": "ext",
            "nickname": "nickname",
            "avatarurl": "https://www.XXXX.com/avatar.png"
          },
          "user3": {
            "ext": "ext",
            "nickname": "nickname",
            "avatarurl": "https://www.XXXX.com/avatar.png"
          }
        },
        "duration": 3
      }""";
  static final String CAPACITY_RESPONSE = "{\"timestamp\": 1620447051368, \"data\": 1673, \"duration\": 55}";
  static final String DELETE_RESPONSE = "{\"timestamp\": 1616573382270, \"duration\": 10, \"data\": true}";
  static final String SEED_FORM = "avatarurl=https://www.shengwang.com/avatar.png&ext=ext&nickname=nickname";

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("user1", "user2", "user3");
  }

  private Http.Resp putForm(String user, String form) throws Exception {
    return Http.put(url(SIM, "/metadata/user/" + user)).bearer(token)
        .rawBody("application/x-www-form-urlencoded", form).send();
  }

  @Test
  void seedSetRequestIsAnsweredWithTheSetPairs() throws Exception {
    Http.Resp resp = putForm("user1", SEED_FORM);

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(SET_RESPONSE, resp.json());
    assertThat(resp.json().get("data").get("avatarurl").asText()).isEqualTo("https://www.shengwang.com/avatar.png");
    assertThat(SIM.simulator().userMetadata("user1"))
        .containsExactly(Map.entry("avatarurl", "https://www.shengwang.com/avatar.png"), Map.entry("ext", "ext"),
            Map.entry("nickname", "nickname"));
  }

  @Test
  void setIsAPatchAndGetReturnsEverything() throws Exception {
    putForm("user1", SEED_FORM);
    Http.Resp patch = putForm("user1", "nickname=Alice&gender=2");

    assertThat(patch.json().get("data")).hasSize(2);
    Http.Resp get = Http.get(url(SIM, "/metadata/user/user1")).bearer(token).header("Accept", "application/json").send();
    JsonShape.assertSameShape(SET_RESPONSE.replace("\"ext\": \"ext\",", "\"ext\": \"ext\", \"gender\": \"2\","), get.json());
    assertThat(get.json().get("data").get("nickname").asText()).isEqualTo("Alice");
  }

  @Test
  void emptyValuesAreStoredNotRemoved() throws Exception {
    putForm("user1", "nickname=Alice&sign=hi");
    putForm("user1", "sign=");

    assertThat(SIM.simulator().userMetadata("user1")).containsEntry("sign", "").containsEntry("nickname", "Alice");
  }

  @Test
  void utf8AndReservedCharactersSurviveTheFormEncoding() throws Exception {
    putForm("user1", Http.formEncode(Map.of("nickname", "小明 & co=1+1")));

    assertThat(SIM.simulator().userMetadata("user1")).containsEntry("nickname", "小明 & co=1+1");
  }

  @Test
  void userIdsAreCaseInsensitive() throws Exception {
    putForm("USER1", "nickname=A");

    Http.Resp get = Http.get(url(SIM, "/metadata/user/User1")).bearer(token).send();
    assertThat(get.json().get("data").get("nickname").asText()).isEqualTo("A");
  }

  @Test
  void getOfAnUnknownUserIsEmpty() throws Exception {
    Http.Resp resp = Http.get(url(SIM, "/metadata/user/ghost")).bearer(token).send();

    assertThat(resp.status).isEqualTo(200);
    assertThat(resp.json().get("data").isObject()).isTrue();
    assertThat(resp.json().get("data")).isEmpty();
  }

  @Test
  void setOfAnUnknownUserIs404() throws Exception {
    Http.Resp resp = putForm("ghost", "nickname=x");

    assertThat(resp.status).isEqualTo(404);
    assertThat(resp.json().get("error").asText()).isEqualTo("service_resource_not_found");
  }

  @Test
  void setNeedsAFormBody() throws Exception {
    Http.Resp json = Http.put(url(SIM, "/metadata/user/user1")).bearer(token).json(Map.of("nickname", "x")).send();
    Http.Resp empty = putForm("user1", "");

    assertThat(json.status).isEqualTo(415);
    assertThat(empty.status).isEqualTo(400);
  }

  @Test
  void aUserHoldsAtMost2048BytesMeasuredAsCompactJson() throws Exception {
    // {"ext":"<v>"} is 10 bytes of JSON around the value.
    String fits = "x".repeat(2048 - 10);
    assertThat(putForm("user1", "ext=" + fits).status).isEqualTo(200);

    Http.Resp over = putForm("user1", "a=b");

    assertError(over, 403, "FORBIDDEN", "size of metadata for this single user exceeds the user defined limit, 2048Bytes");
    assertThat(SIM.simulator().userMetadata("user1")).containsOnlyKeys("ext");
  }

  @Test
  void multiByteCharactersCountInUtf8() throws Exception {
    // 682 three-byte characters = 2046 bytes of value: over the limit once the JSON is around it.
    Http.Resp over = putForm("user1", Http.formEncode(Map.of("ext", "中".repeat(682))));

    assertThat(over.status).isEqualTo(403);
  }

  @Test
  void seedBatchGetAnswersTheSeedShape() throws Exception {
    for (String user : List.of("user1", "user2", "user3")) {
      putForm(user, SEED_FORM + "&phone=123");
    }
    Http.Resp resp = Http.post(url(SIM, "/metadata/user/get")).bearer(token)
        .header("Accept", "application/json")
        .json("{\"properties\": [\"avatarurl\", \"ext\", \"nickname\"], \"targets\": [\"user1\", \"user2\", \"user3\"]}")
        .send();

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(BATCH_GET_RESPONSE, resp.json());
  }

  /** By default an unknown target maps to {@code {}}, and a missing or empty filter matches no key. */
  @Test
  void batchGetGivesEmptyObjectsForUnknownUsersAndNoKeysWithoutProperties() throws Exception {
    putForm("user1", "nickname=A&sign=s");
    Http.Resp named = Http.post(url(SIM, "/metadata/user/get")).bearer(token)
        .json(Map.of("targets", List.of("user1", "ghost"), "properties", List.of("nickname", "sign"))).send();
    Http.Resp absent = Http.post(url(SIM, "/metadata/user/get")).bearer(token)
        .json(Map.of("targets", List.of("user1", "ghost"))).send();
    Http.Resp empty = Http.post(url(SIM, "/metadata/user/get")).bearer(token)
        .json(Map.of("targets", List.of("user1"), "properties", List.of())).send();

    assertThat(named.json().get("data").get("user1")).hasSize(2);
    assertThat(named.json().get("data").get("ghost")).isEmpty();
    assertThat(absent.json().get("data").toString()).isEqualTo("{\"user1\":{},\"ghost\":{}}");
    assertThat(empty.json().get("data").toString()).isEqualTo("{\"user1\":{}}");
  }

  @Test
  void batchGetTakesAtMost100Targets() throws Exception {
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      targets.add("u" + i);
    }
    assertThat(Http.post(url(SIM, "/metadata/user/get")).bearer(token)
        .json(Map.of("targets", targets, "properties", List.of("nickname"))).send().status).isEqualTo(200);

    targets.add("u100");
    Http.Resp over = Http.post(url(SIM, "/metadata/user/get")).bearer(token)
        .json(Map.of("targets", targets, "properties", List.of("nickname"))).send();

    assertError(over, 400, "BAD_REQUEST", "exceed allowed batch size 100");
  }

  @Test
  void deleteAlwaysAnswersTrue() throws Exception {
    putForm("user1", "nickname=A");

    Http.Resp known = Http.delete(url(SIM, "/metadata/user/user1")).bearer(token).send();
    Http.Resp unknown = Http.delete(url(SIM, "/metadata/user/ghost")).bearer(token).send();

    JsonShape.assertSameShape(DELETE_RESPONSE, known.json());
    assertThat(known.json().get("data").asBoolean()).isTrue();
    assertThat(unknown.json().get("data").asBoolean()).isTrue();
    assertThat(SIM.simulator().userMetadata("user1")).isEmpty();
  }

  @Test
  void capacityIsTheSumOfEveryUsersJsonSize() throws Exception {
    putForm("user1", "nickname=A");       // {"nickname":"A"} = 16 bytes
    putForm("user2", "ext=%E4%B8%AD");     // {"ext":"中"} = 13 bytes

    Http.Resp resp = Http.get(url(SIM, "/metadata/user/capacity")).bearer(token).send();

    JsonShape.assertSameShape(CAPACITY_RESPONSE, resp.json());
    assertThat(resp.json().get("data").asLong()).isEqualTo(29);
  }

  @Test
  void parallelWritersToOneUserLoseNothing() throws Exception {
    int writers = 8;
    int keysEach = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        for (int k = 0; k < keysEach; k++) {
          String key = "k" + w + "_" + k;
          statuses.add(pool.submit(() -> putForm("user1", key + "=v").status));
        }
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, String> stored = new LinkedHashMap<>(SIM.simulator().userMetadata("user1"));
    assertThat(stored).hasSize(writers * keysEach);
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < keysEach; k++) {
        assertThat(stored).containsEntry("k" + w + "_" + k, "v");
      }
    }
  }
}
