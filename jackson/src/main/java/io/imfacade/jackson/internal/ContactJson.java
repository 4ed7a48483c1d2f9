package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.contact.Contact;
import io.imfacade.error.InvalidRequestException;
import java.io.IOException;

/** {@link Contact} as {@code {"userId":"bob","remark":"Bobby"}}, the remark left out when there is none. */
public final class ContactJson {

  private ContactJson() {}

  /** Writes a contact. */
  public static final class Serializer extends StdSerializer<Contact> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(Contact.class);
    }

    @Override
    public void serialize(Contact v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      g.writeStringField("userId", v.userId());
      Json.writeIfPresent(g, "remark", v.remark());
      g.writeEndObject();
    }
  }

  /** Reads a contact; {@code userId} is required. */
  public static final class Deserializer extends StdDeserializer<Contact> {
    private static final long serialVersionUID = 1L;

    /** The deserializer. */
    public Deserializer() {
      super(Contact.class);
    }

    @Override
    public Contact deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String userId = null;
      String remark = null;
      for (JsonToken t = Json.enterObject(p, ctxt, Contact.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "userId":
            userId = Json.string(p, ctxt, Contact.class, name);
            break;
          case "remark":
            remark = Json.string(p, ctxt, Contact.class, name);
            break;
          default:
            ctxt.handleUnknownProperty(p, this, Contact.class, name);
        }
      }
      if (userId == null) {
        ctxt.reportInputMismatch(this, "a Contact needs a 'userId'");
      }
      try {
        return Contact.of(userId, remark);
      } catch (InvalidRequestException e) {
        throw Json.invalid(ctxt, Contact.class, e);
      }
    }
  }
}
