package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.assertError;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Group member attributes, replaying seed 001's examples. */
class EasemobGroupMetadataTest {

  static final String GROUP = "207059303858177";

  // Seed 001's examples, verbatim.
  static final String SET_REQUEST = """
      {
      "metaData": {
      "key1": "value1"
      }
      }""";
  static final String SET_RESPONSE = """
      {
      "timestamp": 1678674135533,
      "data": {
      "key1": "value1"
      },
      "duration": 53
      }""";
  static final String BATCH_REQUEST = """
      [
      {
      "username": "user1",
      "metadata": {
      "metadataKey1": "value1",
      "metadataKey2": "value2"
      }
      },
      {
      "username": "user2",
      "metadata": {
      "metadataKey3": "value3",
      "metadataKey4": ""
      }
      }
      ]""";
  static final String BATCH_RESPONSE = """
      {
      "timestamp": 1727593257722,
      "data": {
      "updateMetadataFailed:": [],
      "updateMetadataSucceeded:": [
      {
      "username": "user1",
      "metadata": {
      "metadataKey1": "value1",
      "metadataKey2": "value2"
      }
      },
      {
      "username": "user2",
      "metadata": {
      "metadataKey3": "value3"
      }
      }
      ]
      },
      "duration": 483
      }""";
  static final String GET_BY_KEYS_REQUEST = """
      {
      "targets":["test1","test2"],
      "properties":["key1","key2"]
      }""";
  static final String GET_BY_KEYS_RESPONSE = """
      {
      "timestamp": 1678674292783,
      "data": {
      "test1": {
      "key1": "value1"
      },
      "test2": {
      "key1": "value1"
      }
      },
      "duration": 2
      }""";

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("easemob-demo", "testy").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("owner", "user1", "user2", "test1", "test2", "outsider", "user99");
    SIM.simulator().createGroup(GROUP, "owner", List.of("user1", "user2", "test1", "test2"));
  }

  private Http.Resp putMember(String user, String json) throws Exception {
    return Http.put(url(SIM, "/metadata/chatgroup/" + GROUP + "/user/" + user)).bearer(token).json(json).send();
  }

  private Http.Resp putBatch(String json) throws Exception {
    return Http.put(url(SIM, "/metadata/chatgroup/" + GROUP + "/users/batch")).bearer(token).json(json).send();
  }

  @Test
  void seedSetOneMember() throws Exception {
    Http.Resp resp = putMember("test2", SET_REQUEST);

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(SET_RESPONSE, resp.json());
    assertThat(SIM.simulator().memberMetadata(GROUP, "test2")).containsExactly(Map.entry("key1", "value1"));
  }

  @Test
  void setMergesAndAnEmptyValueRemovesTheKey() throws Exception {
    putMember("user1", "{\"metaData\":{\"a\":\"1\",\"b\":\"2\"}}");
    Http.Resp resp = putMember("user1", "{\"metaData\":{\"a\":\"\",\"c\":\"3\"}}");

    assertThat(resp.json().get("data").toString()).isEqualTo("{\"c\":\"3\"}");
    assertThat(SIM.simulator().memberMetadata(GROUP, "user1")).containsOnly(Map.entry("b", "2"), Map.entry("c", "3"));
  }

  @Test
  void seedBatchSetAnswersWithTheSeedsKeysTrailingColonIncluded() throws Exception {
    Http.Resp resp = putBatch(BATCH_REQUEST);

    assertThat(resp.status).as("%s", resp).isEqualTo(200);
    JsonShape.assertSameShape(BATCH_RESPONSE, resp.json());
    assertThat(resp.json().get("data").has(EasemobApi.BATCH_SUCCEEDED_KEY)).isTrue();
    assertThat(EasemobApi.BATCH_SUCCEEDED_KEY).isEqualTo("updateMetadataSucceeded:");
    assertThat(EasemobApi.BATCH_FAILED_KEY).isEqualTo("updateMetadataFailed:");
    assertThat(resp.json().get("data").get("updateMetadataSucceeded:").get(1).get("metadata").toString())
        .isEqualTo("{\"metadataKey3\":\"value3\"}");
    assertThat(SIM.simulator().memberMetadata(GROUP, "user1")).hasSize(2);
  }

  @Test
  void batchSucceededEntriesCarryTheMembersAttributesAfterTheUpdate() throws Exception {
    putMember("user1", "{\"metaData\":{\"old\":\"1\"}}");

    Http.Resp resp = putBatch("[{\"username\":\"user1\",\"metadata\":{\"new\":\"2\"}}]");

    assertThat(resp.json().get("data").get("updateMetadataSucceeded:").get(0).get("metadata").toString())
        .isEqualTo("{\"old\":\"1\",\"new\":\"2\"}");
  }

  @Test
  void batchNamesEveryUserOutsideTheGroupAndWritesNothing() throws Exception {
    Http.Resp resp = putBatch("[{\"username\":\"user1\",\"metadata\":{\"k\":\"v\"}},"
        + "{\"username\":\"user99\",\"metadata\":{\"k\":\"v\"}},{\"username\":\"outsider\",\"metadata\":{\"k\":\"v\"}}]");

    assertError(resp, 400, "metadata_error", "Some users are not in the group: user99,outsider");
    assertThat(SIM.simulator().memberMetadata(GROUP, "user1")).isEmpty();
  }

  @Test
  void batchTakesAtMost20Members() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      names.add("m" + i);
    }
    SIM.simulator().createUsers(names);
    SIM.simulator().addMembers(GROUP, names);
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      json.append(i == 0 ? "" : ",").append("{\"username\":\"m").append(i).append("\",\"metadata\":{\"k\":\"v\"}}");
    }
    Http.Resp over = putBatch(json.append("]").toString());
    Http.Resp twenty = putBatch(json.substring(0, json.lastIndexOf(",{")) + "]");

    assertError(over, 400, "metadata_error", "exceeds chatgroup metadata batch put users limit");
    assertThat(twenty.status).isEqualTo(200);
    assertThat(twenty.json().get("data").get("updateMetadataSucceeded:")).hasSize(20);
  }

  @Test
  void keysAndValuesAreLimitedInBytes() throws Exception {
    Http.Resp key16 = putMember("user1", "{\"metaData\":{\"" + "k".repeat(16) + "\":\"v\"}}");
    Http.Resp key17 = putMember("user1", "{\"metaData\":{\"" + "k".repeat(17) + "\":\"v\"}}");
    Http.Resp keyUtf8 = putMember("user1", "{\"metaData\":{\"" + "键".repeat(6) + "\":\"v\"}}");
    Http.Resp value512 = putMember("user1", "{\"metaData\":{\"k\":\"" + "v".repeat(512) + "\"}}");
    Http.Resp value513 = putMember("user1", "{\"metaData\":{\"k\":\"" + "v".repeat(513) + "\"}}");
    Http.Resp batchKey = putBatch("[{\"username\":\"user1\",\"metadata\":{\"" + "k".repeat(17) + "\":\"v\"}}]");

    assertThat(key16.status).isEqualTo(200);
    assertError(key17, 400, "metadata_error", "exceeds chatgroup user metadata single key limit");
    assertThat(keyUtf8.status).isEqualTo(400);
    assertThat(value512.status).isEqualTo(200);
    assertError(value513, 400, "metadata_error", "exceeds chatgroup user metadata single value limit");
    assertError(batchKey, 400, "metadata_error", "exceeds chatgroup user metadata single key limit");
  }

  @Test
  void aMemberHoldsAtMost4KB() throws Exception {
    // Eight 500-byte values fit ({"k0":"...",...} = 4065 bytes); a ninth does not.
    for (int i = 0; i < 8; i++) {
      assertThat(putMember("user1", "{\"metaData\":{\"k" + i + "\":\"" + "v".repeat(500) + "\"}}").status).isEqualTo(200);
    }
    Http.Resp over = putMember("user1", "{\"metaData\":{\"k8\":\"" + "v".repeat(500) + "\"}}");

    assertError(over, 403, "metadata_error", "exceeds chatgroup user metadata total size limit, 4096Bytes");
    assertThat(SIM.simulator().memberMetadata(GROUP, "user1")).hasSize(8);
  }

  @Test
  void inABatchAnOversizedMemberFailsAloneInTheFailedList() throws Exception {
    for (int i = 0; i < 8; i++) {
      putMember("user1", "{\"metaData\":{\"k" + i + "\":\"" + "v".repeat(500) + "\"}}");
    }
    Http.Resp resp = putBatch("[{\"username\":\"user1\",\"metadata\":{\"k8\":\"" + "v".repeat(500) + "\"}},"
        + "{\"username\":\"user2\",\"metadata\":{\"k\":\"v\"}}]");

    JsonNode data = resp.json().get("data");
    assertThat(resp.status).isEqualTo(200);
    assertThat(data.get("updateMetadataFailed:")).hasSize(1);
    assertThat(data.get("updateMetadataFailed:").get(0).get("username").asText()).isEqualTo("user1");
    assertThat(data.get("updateMetadataFailed:").get(0).get("errorMessage").asText()).contains("total size limit");
    assertThat(data.get("updateMetadataSucceeded:")).hasSize(1);
    assertThat(SIM.simulator().memberMetadata(GROUP, "user2")).containsEntry("k", "v");
  }

  @Test
  void seedGetOneMember() throws Exception {
    putMember("test2", SET_REQUEST);

    Http.Resp resp = Http.get(url(SIM, "/metadata/chatgroup/" + GROUP + "/user/test2")).bearer(token)
        .header("Content-Type", "application/json").send();

    JsonShape.assertSameShape(SET_RESPONSE, resp.json());
  }

  @Test
  void getOfANonMemberIs404MetadataException() throws Exception {
    Http.Resp resp = Http.get(url(SIM, "/metadata/chatgroup/" + GROUP + "/user/outsider")).bearer(token).send();
    Http.Resp set = putMember("outsider", SET_REQUEST);

    assertError(resp, 404, "MetadataException", "user not in group");
    assertError(set, 404, "MetadataException", "user not in group");
  }

  @Test
  void aMissingGroupIs404OnEveryEndpoint() throws Exception {
    String base = "/metadata/chatgroup/999";
    Http.Resp put = Http.put(url(SIM, base + "/user/user1")).bearer(token).json(SET_REQUEST).send();
    Http.Resp get = Http.get(url(SIM, base + "/user/user1")).bearer(token).send();
    Http.Resp batch = Http.put(url(SIM, base + "/users/batch")).bearer(token).json(BATCH_REQUEST).send();
    Http.Resp byKeys = Http.post(url(SIM, base + "/get")).bearer(token).json(GET_BY_KEYS_REQUEST).send();

    for (Http.Resp resp : List.of(put, get, batch, byKeys)) {
      assertError(resp, 404, "metadata_error", "group not exists");
    }
  }

  @Test
  void seedGetByKeys() throws Exception {
    putMember("test1", "{\"metaData\":{\"key1\":\"value1\",\"key3\":\"x\"}}");
    putMember("test2", SET_REQUEST);

    Http.Resp resp = Http.post(url(SIM, "/metadata/chatgroup/" + GROUP + "/get")).bearer(token).json(GET_BY_KEYS_REQUEST).send();

    assertThat(resp.status).isEqualTo(200);
    JsonShape.assertSameShape(GET_BY_KEYS_RESPONSE, resp.json());
  }

  @Test
  void getByKeysWithoutPropertiesGivesAllKeysAndLeavesNonMembersOut() throws Exception {
    putMember("test1", "{\"metaData\":{\"a\":\"1\",\"b\":\"2\"}}");

    Http.Resp resp = Http.post(url(SIM, "/metadata/chatgroup/" + GROUP + "/get")).bearer(token)
        .json("{\"targets\":[\"test1\",\"test2\",\"outsider\"],\"properties\":[]}").send();

    JsonNode data = resp.json().get("data");
    assertThat(data.get("test1")).hasSize(2);
    assertThat(data.get("test2")).isEmpty();
    assertThat(data.has("outsider")).isFalse();
  }

  @Test
  void getByKeysTakesAtMost10Targets() throws Exception {
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      targets.add("u" + i);
    }
    Http.Resp resp = Http.post(url(SIM, "/metadata/chatgroup/" + GROUP + "/get")).bearer(token)
        .json(Map.of("targets", targets, "properties", List.of("k"))).send();

    assertError(resp, 400, "metadata_error", "query param reaches limit.");
  }

  @Test
  void removedMembersLoseTheirAttributes() throws Exception {
    putMember("user1", SET_REQUEST);
    SIM.simulator().removeMembers(GROUP, List.of("user1"));

    assertThat(SIM.simulator().memberMetadata(GROUP, "user1")).isEmpty();
    assertThat(putMember("user1", SET_REQUEST).status).isEqualTo(404);
    assertThatThrownBy(() -> SIM.simulator().removeMembers(GROUP, List.of("owner")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seedingChecksItsInput() {
    assertThatThrownBy(() -> SIM.simulator().createGroup("1", "nobody", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    assertThatThrownBy(() -> SIM.simulator().createGroup(GROUP, "owner", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
    assertThatThrownBy(() -> SIM.simulator().putMemberMetadata(GROUP, "user1", Map.of("k".repeat(17), "v")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single key limit");

    SIM.simulator().putMemberMetadata(GROUP, "user1", Map.of("k", "v"));
    assertThat(SIM.simulator().memberMetadata(GROUP, "user1")).containsEntry("k", "v");
  }
}
