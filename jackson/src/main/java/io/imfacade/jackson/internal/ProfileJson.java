package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link UserProfile} as {@code {"userId":"alice","nickname":"Alice","gender":"FEMALE",
 * "customAttributes":{"level":"3"}}}: the fields in the record's order, absent ones (null, gender
 * {@code UNKNOWN}, no custom attribute) left out.
 */
public final class ProfileJson {

  private ProfileJson() {}

  /** Writes a profile. */
  public static final class Serializer extends StdSerializer<UserProfile> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(UserProfile.class);
    }

    @Override
    public void serialize(UserProfile v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      g.writeStringField("userId", v.userId());
      for (ProfileField f : ProfileField.values()) {
        if (f == ProfileField.GENDER) {
          if (v.gender() != Gender.UNKNOWN) {
            g.writeStringField(f.fieldName(), v.gender().name());
          }
        } else {
          Json.writeIfPresent(g, f.fieldName(), v.get(f));
        }
      }
      if (!v.customAttributes().isEmpty()) {
        Json.writeStringMap(g, "customAttributes", v.customAttributes());
      }
      g.writeEndObject();
    }
  }

  /** Reads a profile; {@code userId} is required, an unknown property is handled as the mapper is configured. */
  public static final class Deserializer extends StdDeserializer<UserProfile> {
    private static final long serialVersionUID = 1L;

    /** The deserializer. */
    public Deserializer() {
      super(UserProfile.class);
    }

    @Override
    public UserProfile deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String userId = null;
      Gender gender = Gender.UNKNOWN;
      Map<ProfileField, String> fields = new java.util.EnumMap<>(ProfileField.class);
      Map<String, String> custom = Map.of();
      for (JsonToken t = Json.enterObject(p, ctxt, UserProfile.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        ProfileField field = ProfileFields.byName(name);
        if (name.equals("userId")) {
          userId = Json.string(p, ctxt, UserProfile.class, name);
        } else if (field == ProfileField.GENDER) {
          gender = gender(p, ctxt, UserProfile.class);
        } else if (field != null) {
          fields.put(field, Json.string(p, ctxt, UserProfile.class, name));
        } else if (name.equals("customAttributes")) {
          custom = Json.stringMap(p, ctxt, UserProfile.class, name);
        } else {
          ctxt.handleUnknownProperty(p, this, UserProfile.class, name);
        }
      }
      if (userId == null) {
        ctxt.reportInputMismatch(this, "a UserProfile needs a 'userId'");
      }
      try {
        UserProfile.Builder b = UserProfile.builder(userId).gender(gender);
        fields.forEach(b::set);
        custom.forEach(b::customAttribute);
        return b.build();
      } catch (InvalidRequestException e) {
        throw Json.invalid(ctxt, UserProfile.class, e);
      }
    }
  }

  /** A gender by its name, in any case; JSON null is {@code UNKNOWN}. */
  static Gender gender(JsonParser p, DeserializationContext ctxt, Class<?> target) throws IOException {
    @Nullable String text = Json.string(p, ctxt, target, "gender");
    if (text == null) {
      return Gender.UNKNOWN;
    }
    try {
      return Gender.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ctxt.weirdStringException(text, Gender.class, "not one of UNKNOWN, MALE, FEMALE");
    }
  }
}
