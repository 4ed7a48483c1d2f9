package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import java.io.IOException;
import java.util.Map;

/**
 * {@link ProfileUpdate} as the fields it changes: {@code {"nickname":"Alice","sign":"",
 * "gender":"UNKNOWN","customAttributes":{"level":"3","old":""}}}. As in the model, {@code ""}
 * clears a field (and removes a custom attribute), {@code "UNKNOWN"} clears the gender, and a field
 * that is not named keeps its value. JSON {@code null} is refused, as the model refuses null, so
 * that a missing value in a request never wipes a field by accident.
 */
public final class ProfileUpdateJson {

  private ProfileUpdateJson() {}

  /** Writes an update: the fields it changes, in {@link ProfileField} order. */
  public static final class Serializer extends StdSerializer<ProfileUpdate> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(ProfileUpdate.class);
    }

    @Override
    public void serialize(ProfileUpdate v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      for (ProfileField f : ProfileField.values()) {
        if (f == ProfileField.GENDER) {
          if (v.gender().isPresent()) {
            g.writeStringField(f.fieldName(), v.gender().get().name());
          }
        } else {
          Json.writeIfPresent(g, f.fieldName(), v.values().get(f));
        }
      }
      if (!v.customAttributes().isEmpty()) {
        Json.writeStringMap(g, "customAttributes", v.customAttributes());
      }
      g.writeEndObject();
    }
  }

  /** Reads an update. */
  public static final class Deserializer extends StdDeserializer<ProfileUpdate> {
    private static final long serialVersionUID = 1L;

    /** The deserializer. */
    public Deserializer() {
      super(ProfileUpdate.class);
    }

    @Override
    public ProfileUpdate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      ProfileUpdate.Builder b = ProfileUpdate.builder();
      try {
        for (JsonToken t = Json.enterObject(p, ctxt, ProfileUpdate.class); t == JsonToken.FIELD_NAME;
            t = p.nextToken()) {
          String name = p.currentName();
          p.nextToken();
          ProfileField field = ProfileFields.byName(name);
          if (field == ProfileField.GENDER) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
              ctxt.reportInputMismatch(this, "'gender' must not be null: use \"UNKNOWN\" to clear it");
            }
            b.gender(ProfileJson.gender(p, ctxt, ProfileUpdate.class));
          } else if (field != null) {
            b.set(field, Json.string(p, ctxt, ProfileUpdate.class, name));
          } else if (name.equals("customAttributes")) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
              ctxt.reportInputMismatch(this, "'customAttributes' must not be null");
            }
            for (Map.Entry<String, String> e : Json.stringMap(p, ctxt, ProfileUpdate.class, name).entrySet()) {
              b.customAttribute(e.getKey(), e.getValue());
            }
          } else {
            ctxt.handleUnknownProperty(p, this, ProfileUpdate.class, name);
          }
        }
        return b.build();
      } catch (InvalidRequestException e) {
        throw Json.invalid(ctxt, ProfileUpdate.class, e);
      }
    }
  }
}
