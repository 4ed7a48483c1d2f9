package io.imfacade.easemob.family.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.easemob.family.EasemobFamilyLimits;
import io.imfacade.http.HttpClients;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reading of the user-attribute answers gives exactly what the reading through a
 * JSON tree gave ({@code data} as a tree, {@link Wire#attributes}, then the profile): the same
 * profiles, the same text of odd values, the same shape complaints. The reference below is that
 * tree reading, kept here as the specification.
 */
class ProfileAnswersTest {

  private static final ObjectMapper JSON = HttpClients.json();

  private static final Map<String, ProfileField> FIELD_BY_KEY = new HashMap<>();

  static {
    EasemobFamilyLimits.PROFILE_KEYS.forEach((field, key) -> FIELD_BY_KEY.put(key, field));
  }

  /** The tree reading of a batch answer: profiles by lower-case id, or the malformed complaint. */
  private static Object treeBatch(String body, Set<String> keep) throws JsonProcessingException {
    JsonNode root = JSON.readTree(body);
    JsonNode data = root.get("data");
    if (data == null || data.isNull() || data.isMissingNode() || !data.isObject()) {
      return "'data' is " + Answers.describe(data == null || data.isNull() ? null : data) + ", not the documented object";
    }
    Map<String, Map<String, String>> byUser = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : data.properties()) {
      if (!e.getValue().isObject()) {
        return "the attributes of a user in 'data' are " + Answers.describe(e.getValue()) + ", not the documented object";
      }
      byUser.put(e.getKey().toLowerCase(Locale.ROOT), Wire.attributes(e.getValue()));
    }
    Map<String, UserProfile> profiles = new HashMap<>();
    byUser.forEach((id, attributes) -> {
      attributes.keySet().removeIf(key -> !FIELD_BY_KEY.containsKey(key) && !keep.contains(key));
      UserProfile p = treeProfile(id, attributes, true);
      if (!p.isEmpty()) {
        profiles.put(id, p);
      }
    });
    return profiles;
  }

  private static UserProfile treeProfile(String id, Map<String, String> attributes, boolean custom) {
    UserProfile.Builder b = UserProfile.builder(id);
    attributes.forEach((key, value) -> {
      ProfileField field = FIELD_BY_KEY.get(key);
      if (field != null) {
        b.set(field, value);
      } else if (custom) {
        b.customAttribute(key, value);
      }
    });
    return b.build();
  }

  private static Object streamingBatch(String body, Set<String> keep) throws JsonProcessingException {
    ProfileAnswers.Many answer = JSON.readValue(body, ProfileAnswers.Many.class);
    if (answer.dataShape != null) {
      return "'data' is " + answer.dataShape + ", not the documented object";
    }
    if (answer.firstUserShape() != null) {
      return "the attributes of a user in 'data' are " + answer.firstUserShape() + ", not the documented object";
    }
    if (answer.customAttributes) {
      ProfileAnswers.keepCustom(answer.profiles, keep);
    }
    return answer.profiles;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"timestamp\":1,\"data\":{\"u1\":{\"nickname\":\"A\",\"gender\":\"2\",\"avatarurl\":\"x\",\"mail\":\"m@x\",\"phone\":\"1\","
          + "\"sign\":\"s\",\"birth\":\"b\",\"ext\":\"{\\\"k\\\":1}\"}},\"duration\":3}",
      // odd values: numbers as the tree writes them, booleans, nested JSON, nulls, empty strings
      "{\"data\":{\"u1\":{\"nickname\":1.50,\"sign\":1e2,\"birth\":-0,\"ext\":{\"a\":[1,2.0,\"x\"],\"b\":null},"
          + "\"phone\":true,\"mail\":null,\"gender\":1,\"avatarurl\":\"\"}}}",
      "{\"data\":{\"u1\":{\"nickname\":123456789012345678901234567890,\"ext\":[],\"sign\":{}}}}",
      // a key twice: the last value counts, a JSON null last clears it
      "{\"data\":{\"u1\":{\"nickname\":\"first\",\"nickname\":\"second\",\"sign\":\"s\",\"sign\":null}}}",
      // a user twice, and two spellings of one user: the last one counts
      "{\"data\":{\"u1\":{\"nickname\":\"a\"},\"U1\":{\"nickname\":\"b\"},\"u2\":{\"nickname\":\"c\"},\"u2\":{}}}",
      "{\"data\":{\"U3\":{\"nickname\":\"x\"},\"u3\":{\"nickname\":\"\"}}}",
      // custom attributes: asked for ones kept, others dropped, a profile with only dropped ones is absent
      "{\"data\":{\"u1\":{\"nickname\":\"n\",\"level\":\"7\",\"city\":\"c\"},\"u2\":{\"city\":\"c\"},\"u3\":{\"level\":null}}}",
      "{\"data\":{\"u1\":{\"level\":\"1\",\"level\":null,\"level\":\"3\",\"zz\":\"z\"}}}",
      // shapes the vendor does not document
      "{\"data\":\"oops\"}", "{\"data\":[]}", "{\"data\":7}", "{\"data\":true}", "{\"data\":null}", "{\"timestamp\":1}", "{}",
      "{\"data\":{\"a\":\"oops\"}}", "{\"data\":{\"a\":null}}", "{\"data\":{\"a\":[1]}}", "{\"data\":{\"a\":{},\"b\":3}}",
      "{\"data\":{\"a\":\"x\",\"a\":{\"nickname\":\"n\"}}}", "{\"data\":\"x\",\"data\":{\"u\":{\"nickname\":\"n\"}}}",
      // an empty answer and unknown fields around
      "{\"data\":{},\"extra\":{\"data\":\"no\"},\"list\":[{\"data\":1}]}",
      "{\"data\":{\"u1\":{\"nickname\":\"杭州 & co\",\"ext\":\"\\u0000\\ud83d\\ude00\"}}}",
  })
  void theStreamingBatchReadingIsTheTreeReading(String body) throws JsonProcessingException {
    for (Set<String> keep : List.of(Set.<String>of(), Set.of("level"))) {
      assertThat(streamingBatch(body, keep)).as("%s, keeping %s", body, keep).isEqualTo(treeBatch(body, keep));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"timestamp\":1,\"data\":{\"nickname\":\"A\",\"gender\":\"1\",\"level\":7,\"empty\":\"\"},\"duration\":3}",
      "{\"data\":{\"ext\":{\"a\":[true,null]},\"nickname\":\"x\",\"nickname\":null,\"sign\":2.50}}",
      "{\"data\":{}}", "{\"data\":{\"nickname\":\"\",\"gender\":\"0\"}}",
      "{\"data\":\"oops\"}", "{\"data\":[]}", "{\"data\":null}", "{\"timestamp\":1}", "{\"data\":1.5}",
  })
  void theStreamingSingleReadingIsTheTreeReading(String body) throws JsonProcessingException {
    JsonNode root = JSON.readTree(body);
    JsonNode data = root.get("data");
    ProfileAnswers.One answer = JSON.readValue(body, ProfileAnswers.One.class);
    if (data == null || data.isNull() || !data.isObject()) {
      assertThat(answer.dataShape).isEqualTo(Answers.describe(data == null || data.isNull() ? null : data));
      return;
    }
    assertThat(answer.dataShape).isNull();
    for (boolean custom : new boolean[] {true, false}) {
      assertThat(answer.attributes.profile("al", custom ? null : Set.of()))
          .isEqualTo(treeProfile("al", Wire.attributes(data), custom));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"data\"", "7", "{\"data\":{\"a\":{\"nickname\":", "{\"data\":{\"a\":{\"nickname\":\"x\"}}"})
  void aBodyThatIsNotAnObjectOrNotJsonIsUnreadable(String body) {
    assertThatThrownBy(() -> JSON.readValue(body, ProfileAnswers.Many.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> JSON.readValue(body, ProfileAnswers.One.class)).isInstanceOf(JsonProcessingException.class);
  }
}
