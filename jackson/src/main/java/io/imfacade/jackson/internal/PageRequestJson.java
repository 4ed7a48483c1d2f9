package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import java.io.IOException;

/** {@link PageRequest} as {@code {"size":50,"cursor":"..."}}, the cursor left out for the first page. */
public final class PageRequestJson {

  private PageRequestJson() {}

  /** Writes a page request. */
  public static final class Serializer extends StdSerializer<PageRequest> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(PageRequest.class);
    }

    @Override
    public void serialize(PageRequest v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      g.writeNumberField("size", v.size());
      Json.writeIfPresent(g, "cursor", v.cursor().orElse(null));
      g.writeEndObject();
    }
  }

  /** Reads a page request; {@code size} is required. */
  public static final class Deserializer extends StdDeserializer<PageRequest> {
    private static final long serialVersionUID = 1L;

    /** The deserializer. */
    public Deserializer() {
      super(PageRequest.class);
    }

    @Override
    public PageRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Integer size = null;
      String cursor = null;
      for (JsonToken t = Json.enterObject(p, ctxt, PageRequest.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "size":
            size = _parseIntPrimitive(p, ctxt);
            break;
          case "cursor":
            cursor = Json.string(p, ctxt, PageRequest.class, name);
            break;
          default:
            ctxt.handleUnknownProperty(p, this, PageRequest.class, name);
        }
      }
      if (size == null) {
        ctxt.reportInputMismatch(this, "a PageRequest needs a 'size'");
      }
      try {
        return cursor == null ? PageRequest.first(size) : PageRequest.after(cursor, size);
      } catch (InvalidRequestException e) {
        throw Json.invalid(ctxt, PageRequest.class, e);
      }
    }
  }
}
