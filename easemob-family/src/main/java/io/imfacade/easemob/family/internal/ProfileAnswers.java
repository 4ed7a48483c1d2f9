package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.imfacade.easemob.family.EasemobFamilyLimits;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The answers of the user-attribute reads (seed 000: {@code {"timestamp", "data", "duration"}}),
 * read by Jackson's streaming parser straight into the neutral profiles: no tree of the answer, no
 * attribute maps, no second copy. The values mean what {@link Wire#attributes} makes of a tree:
 * a string is itself, another scalar its JSON text, an object or array its compact JSON, a JSON
 * null nothing; of a key given twice, the last value counts.
 *
 * <p>A shape that contradicts the documented one is not an exception here (the parser knows no
 * operation to name): the answer records it in the words of {@link Answers#describe}, and the
 * service reports it as {@link io.imfacade.http.RemoteCore#malformed}. A body that is not JSON, or
 * whose top level is not an object, fails the read as any other body does.
 */
final class ProfileAnswers {

  /** Neutral field by the vendor's attribute key ({@link EasemobFamilyLimits#PROFILE_KEYS}). */
  private static final Map<String, ProfileField> FIELD_BY_KEY = new HashMap<>();

  static {
    EasemobFamilyLimits.PROFILE_KEYS.forEach((field, key) -> FIELD_BY_KEY.put(key, field));
  }

  private ProfileAnswers() {}

  /** Whether {@code key} holds a neutral field (else it is a custom attribute). */
  static boolean isNeutralKey(String key) {
    return FIELD_BY_KEY.containsKey(key);
  }

  /** The answer of {@code GET metadata/user/{username}}: one user's attributes. */
  @JsonDeserialize(using = OneReader.class)
  static final class One {
    /** What {@code data} was when it was not an object ({@code absent}, {@code a string}, ...), else null. */
    @Nullable String dataShape = "absent";
    final Attributes attributes = new Attributes();
  }

  /**
   * The answer of {@code POST metadata/user/get}: profiles by lower-case user id, every custom
   * attribute the vendor answered kept (the service filters them), users without any value left out.
   */
  @JsonDeserialize(using = ManyReader.class)
  static final class Many {
    /** What {@code data} was when it was not an object, else null. */
    @Nullable String dataShape = "absent";
    /** Raw user id to what its value was when it was not an object; null when there was none. */
    @Nullable Map<String, String> userShapes;
    /** In answer order: usually the order asked in, which spares the batch helper its ordering copy. */
    final Map<String, UserProfile> profiles = new LinkedHashMap<>();
    /** Whether a profile holds a custom attribute (only then must the service look at them). */
    boolean customAttributes;

    /** What the first user's value that was not an object was, or null. */
    @Nullable String firstUserShape() {
      return userShapes == null || userShapes.isEmpty() ? null : userShapes.values().iterator().next();
    }
  }

  /** One user's attribute values while they are read; reused from user to user. */
  static final class Attributes {
    @Nullable String nickname;
    @Nullable String avatarUrl;
    @Nullable String gender;
    @Nullable String sign;
    @Nullable String birth;
    @Nullable String email;
    @Nullable String phone;
    @Nullable String ext;
    /** Other keys in answer order; a null value is a key answered with JSON null (absent). */
    @Nullable LinkedHashMap<String, String> custom;

    void clear() {
      nickname = avatarUrl = gender = sign = birth = email = phone = ext = null;
      if (custom != null) {
        custom.clear();
      }
    }

    void put(String key, @Nullable String value) {
      ProfileField field = FIELD_BY_KEY.get(key);
      if (field == null) {
        if (custom == null) {
          custom = new LinkedHashMap<>();
        }
        custom.put(key, value);
        return;
      }
      switch (field) {
        case NICKNAME -> nickname = value;
        case AVATAR_URL -> avatarUrl = value;
        case GENDER -> gender = value;
        case SIGN -> sign = value;
        case BIRTH -> birth = value;
        case EMAIL -> email = value;
        case PHONE -> phone = value;
        case EXT -> ext = value;
      }
    }

    /**
     * The neutral profile of these values (empty ones read as absent; gender 1 male, 2 female,
     * anything else unknown), with the custom attributes {@code keep} admits: all when it is null,
     * none when it is empty.
     */
    UserProfile profile(String userId, @Nullable Set<String> keep) {
      Map<String, String> kept = Map.of();
      if (custom != null && !custom.isEmpty() && (keep == null || !keep.isEmpty())) {
        if (keep == null) {
          kept = custom; // the profile copies it (and drops the nulls)
        } else {
          LinkedHashMap<String, String> some = new LinkedHashMap<>();
          custom.forEach((k, v) -> {
            if (keep.contains(k)) {
              some.put(k, v);
            }
          });
          kept = some;
        }
      }
      return new UserProfile(userId, nickname, avatarUrl, Gender.fromWireText(gender), sign, birth, email, phone,
          ext, kept);
    }
  }

  /** {@code what} in the words of {@link Answers#describe} for the JSON value at {@code token}. */
  static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_NULL -> "null";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_ARRAY -> "a array";
      case START_OBJECT -> "a object";
      default -> "a pojo";
    };
  }

  /**
   * Reads the attribute object the parser stands at (START_OBJECT) into {@code into}, leaving the
   * parser at its END_OBJECT.
   */
  static void readAttributes(JsonParser p, DeserializationContext ctxt, Attributes into) throws IOException {
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      into.put(key, switch (t) {
        case VALUE_STRING -> p.getText();
        case VALUE_NULL -> null;
        // Numbers, booleans, nested JSON: exactly the text the tree reading gave them.
        default -> Wire.text(ctxt.readTree(p));
      });
    }
  }

  /**
   * Walks the envelope the parser stands at, handing the value of each {@code data} field to
   * {@code data} (the last one counts, as in a tree); skips every other field.
   */
  private static void envelope(JsonParser p, DeserializationContext ctxt, Class<?> type, DataReader data)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    }
    if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      ctxt.handleUnexpectedToken(type, p); // not an object: unreadable, like a body of another shape
      return;
    }
    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("data")) {
        data.read(value);
      } else {
        p.skipChildren();
      }
    }
  }

  @FunctionalInterface
  private interface DataReader {
    void read(JsonToken value) throws IOException;
  }

  /** Reads {@link One}. */
  static final class OneReader extends JsonDeserializer<One> {
    @Override
    public One deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      One answer = new One();
      envelope(p, ctxt, One.class, value -> {
        answer.attributes.clear();
        if (value == JsonToken.START_OBJECT) {
          readAttributes(p, ctxt, answer.attributes);
          answer.dataShape = null;
        } else {
          // A JSON null reads as no data at all, as Answers.data has it.
          answer.dataShape = value == JsonToken.VALUE_NULL ? "absent" : describe(value);
          p.skipChildren();
        }
      });
      return answer;
    }
  }

  /** Reads {@link Many}. */
  static final class ManyReader extends JsonDeserializer<Many> {
    @Override
    public Many deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Many answer = new Many();
      Attributes attributes = new Attributes();
      envelope(p, ctxt, Many.class, value -> {
        answer.profiles.clear();
        answer.userShapes = null;
        answer.customAttributes = false;
        if (value != JsonToken.START_OBJECT) {
          answer.dataShape = value == JsonToken.VALUE_NULL ? "absent" : describe(value);
          p.skipChildren();
          return;
        }
        answer.dataShape = null;
        for (String rawId = p.nextFieldName(); rawId != null; rawId = p.nextFieldName()) {
          JsonToken t = p.nextToken();
          if (t != JsonToken.START_OBJECT) {
            if (answer.userShapes == null) {
              answer.userShapes = new LinkedHashMap<>();
            }
            answer.userShapes.put(rawId, describe(t));
            p.skipChildren();
            continue;
          }
          if (answer.userShapes != null) {
            answer.userShapes.remove(rawId); // the last value of a key counts
          }
          attributes.clear();
          readAttributes(p, ctxt, attributes);
          // Every vendor of the family treats ids case-insensitively: the last spelling counts.
          String id = Wire.lowerCase(rawId);
          UserProfile profile = attributes.profile(id, null);
          if (profile.isEmpty()) {
            answer.profiles.remove(id);
          } else {
            answer.profiles.put(id, profile);
            answer.customAttributes |= !profile.customAttributes().isEmpty();
          }
        }
      });
      return answer;
    }
  }

  /**
   * Keeps in {@code profiles} only the custom attributes {@code keep} admits, and only the
   * profiles that still hold a value.
   */
  static void keepCustom(Map<String, UserProfile> profiles, Set<String> keep) {
    for (Iterator<Map.Entry<String, UserProfile>> it = profiles.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, UserProfile> e = it.next();
      UserProfile p = e.getValue();
      if (p.customAttributes().isEmpty() || keep.containsAll(p.customAttributes().keySet())) {
        continue;
      }
      Map<String, String> kept = new LinkedHashMap<>();
      p.customAttributes().forEach((k, v) -> {
        if (keep.contains(k)) {
          kept.put(k, v);
        }
      });
      UserProfile filtered = new UserProfile(p.userId(), p.nickname(), p.avatarUrl(), p.gender(), p.sign(), p.birth(),
          p.email(), p.phone(), p.ext(), kept);
      if (filtered.isEmpty()) {
        it.remove();
      } else {
        e.setValue(filtered);
      }
    }
  }
}
