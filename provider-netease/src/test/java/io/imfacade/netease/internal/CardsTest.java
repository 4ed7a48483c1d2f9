package io.imfacade.netease.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.imfacade.http.HttpClients;
import io.imfacade.profile.Gender;
import io.imfacade.profile.UserProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reading of a {@code getUinfos} answer ({@link Cards}) gives what the record
 * reading gave ({@link Wire.Uinfos}, then a profile per card): the same code and desc, the same
 * profiles, the same refusals of a body of the wrong shape. The reference below is that record
 * reading, kept here as the specification.
 */
class CardsTest {

  private static final ObjectMapper JSON = HttpClients.json();

  /** The record reading: code, desc, and the profiles, "no uinfos" or "no accid". */
  private static List<Object> records(String body) throws JsonProcessingException {
    Wire.Uinfos answer = JSON.readValue(body, Wire.Uinfos.class);
    if (answer == null) {
      return List.of("null");
    }
    String head = answer.code() + "|" + answer.desc();
    if (answer.uinfos() == null) {
      return List.of(head, "no uinfos");
    }
    Map<String, UserProfile> found = new HashMap<>();
    for (Wire.Uinfo u : answer.uinfos()) {
      if (u == null || Wire.isBlank(u.accid())) {
        return List.of(head, "no accid");
      }
      UserProfile p = UserProfile.builder(u.accid().toLowerCase(Locale.ROOT)).nickname(u.name()).avatarUrl(u.icon())
          .sign(u.sign()).birth(u.birth()).email(u.email()).phone(u.mobile()).ext(u.ex())
          .gender(Gender.fromWireText(u.gender())).build();
      if (!p.isEmpty()) {
        found.putIfAbsent(p.userId(), p);
      }
    }
    return List.of(head, found);
  }

  private static List<Object> streaming(String body) throws JsonProcessingException {
    Cards answer = JSON.readValue(body, Cards.class);
    if (answer == null) {
      return List.of("null");
    }
    String head = answer.code() + "|" + answer.desc();
    if (!answer.hasUinfos()) {
      return List.of(head, "no uinfos");
    }
    if (answer.missingAccid()) {
      return List.of(head, "no accid");
    }
    return List.of(head, answer.profiles());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // seed 003, both documented answers
      "{\"code\":200,\"uinfos\":[{\"accid\":\"t1\",\"name\":\"小明\",\"icon\":\"https://x/y==\",\"sign\":\"hello\","
          + "\"email\":\"t1@163.com\",\"birth\":\"2015-12-23\",\"mobile\":\"18645454545\",\"ex\":\"\",\"gender\":1,"
          + "\"valid\":true,\"mute\":true},{\"accid\":\"t2\",\"name\":\"def\",\"gender\":0}]}",
      "{\"code\":200,\"uinfos\":[{\"accid\":\"t1\",\"name\":\"a\",\"muteP2P\":false,\"muteQChat\":false,\"muteTeam\":false,"
          + "\"muteRoom\":false,\"valid\":true,\"mute\":{\"x\":[1]}}]}",
      // odd values: converted as Jackson converts them for a String field
      "{\"code\":200,\"uinfos\":[{\"accid\":\"T3\",\"name\":12,\"sign\":1.50,\"birth\":true,\"gender\":\"2\",\"ex\":null}]}",
      "{\"code\":\"200\",\"desc\":7,\"uinfos\":[]}",
      // twice the same user, other spellings, empty cards, unknown fields around
      "{\"uinfos\":[{\"accid\":\"a\",\"name\":\"\"},{\"accid\":\"A\",\"name\":\"x\"},{\"accid\":\"a\",\"name\":\"y\"}],\"size\":3}",
      "{\"code\":200,\"uinfos\":[{\"accid\":\"a\",\"name\":\"first\",\"name\":\"last\"}]}",
      // no uinfos, null items, no accid
      "{\"code\":200}", "{\"code\":200,\"uinfos\":null}", "{\"code\":200,\"uinfos\":[null]}",
      "{\"code\":200,\"uinfos\":[{\"name\":\"x\"}]}", "{\"code\":200,\"uinfos\":[{\"accid\":\" \",\"name\":\"x\"}]}",
      "{\"code\":200,\"uinfos\":[{\"accid\":\"a\",\"name\":\"x\"},{}]}",
      // a failure answer, and the last of two uinfos
      "{\"code\":414,\"desc\":\"limit max accids size:200\"}",
      "{\"code\":200,\"uinfos\":[{\"accid\":\"old\",\"name\":\"o\"}],\"uinfos\":[{\"accid\":\"new\",\"name\":\"n\"}]}",
      "null",
  })
  void theStreamingReadingIsTheRecordReading(String body) throws JsonProcessingException {
    assertThat(streaming(body)).isEqualTo(records(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]", "\"x\"", "{\"code\":200,\"uinfos\":[{\"accid\":\"a\",\"name\":{}}]}",
      "{\"code\":200,\"uinfos\":[{\"accid\":[\"a\"]}]}", "{\"code\":200,\"uinfos\":[\"a\"]}", "{\"code\":200,\"uinfos\":[7]}",
      "{\"code\":200,\"uinfos\":{\"accid\":\"a\"}}", "{\"code\":200,\"uinfos\":7}", "{\"code\":{},\"uinfos\":[]}",
      "{\"code\":12345678901,\"uinfos\":[]}", "{\"code\":200,\"uinfos\":[{\"accid\":\"a\"}", "{\"code\":200,",
  })
  void whatTheRecordRefuses_isRefused(String body) {
    assertThatThrownBy(() -> JSON.readValue(body, Wire.Uinfos.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> JSON.readValue(body, Cards.class)).isInstanceOf(JsonProcessingException.class);
  }

  /** A mapper that refuses numbers for strings refuses them in both readings; one that maps them to null, too. */
  @Test
  void theMappersCoercionSettingsApplyAsInTheRecord() throws JsonProcessingException {
    String body = "{\"code\":200,\"uinfos\":[{\"accid\":\"a\",\"name\":\"n\",\"gender\":2}]}";
    ObjectMapper strict = HttpClients.json();
    strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    assertThatThrownBy(() -> strict.readValue(body, Wire.Uinfos.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> strict.readValue(body, Cards.class)).isInstanceOf(JsonProcessingException.class);

    ObjectMapper nulls = HttpClients.json();
    nulls.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.AsNull);
    assertThat(nulls.readValue(body, Wire.Uinfos.class).uinfos().get(0).gender()).isNull();
    assertThat(nulls.readValue(body, Cards.class).profiles().get("a").gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(JSON.readValue(body, Cards.class).profiles().get("a").gender()).isEqualTo(Gender.FEMALE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"code\":200,\"uinfos\":\"\"}", "{\"code\":200,\"uinfos\":[\"\"]}"})
  void theUndocumentedShapesJacksonCoerces_fareAsInTheRecord(String body) throws JsonProcessingException {
    List<Object> expected;
    try {
      expected = records(body);
    } catch (JsonProcessingException e) {
      assertThatThrownBy(() -> streaming(body)).isInstanceOf(JsonProcessingException.class);
      return;
    }
    assertThat(streaming(body)).isEqualTo(Objects.requireNonNull(expected));
  }
}
