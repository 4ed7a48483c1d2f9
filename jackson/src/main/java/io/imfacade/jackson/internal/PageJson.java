package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.contact.Page;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link Page} as {@code {"items":[...],"nextCursor":"..."}}, the cursor left out on the last page.
 * The items are read as the declared type argument ({@code Page<Contact>} reads contacts); a raw
 * {@code Page} reads them as plain JSON values.
 */
public final class PageJson {

  private PageJson() {}

  /** Writes a page; each item with the serializer of its own type. */
  @SuppressWarnings("rawtypes")
  public static final class Serializer extends StdSerializer<Page> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(Page.class);
    }

    @Override
    public void serialize(Page v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      provider.defaultSerializeField("items", v.items(), g);
      Page<?> page = v;
      Json.writeIfPresent(g, "nextCursor", page.nextCursor().orElse(null));
      g.writeEndObject();
    }
  }

  /** Reads a page of the item type it was created for. */
  @SuppressWarnings("rawtypes")
  public static final class Deserializer extends StdDeserializer<Page> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    private final @Nullable JavaType itemsType;
    private final transient @Nullable JsonDeserializer<Object> items;

    /** The deserializer before it knows its item type. */
    public Deserializer() {
      this(null, null);
    }

    private Deserializer(@Nullable JavaType itemsType, @Nullable JsonDeserializer<Object> items) {
      super(Page.class);
      this.itemsType = itemsType;
      this.items = items;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property)
        throws com.fasterxml.jackson.databind.JsonMappingException {
      JavaType type = ctxt.getContextualType();
      if (type == null && property != null) {
        type = property.getType();
      }
      JavaType item = type == null ? ctxt.getTypeFactory().constructType(Object.class) : type.containedTypeOrUnknown(0);
      JavaType list = ctxt.getTypeFactory().constructCollectionType(List.class, item);
      return new Deserializer(list, ctxt.findContextualValueDeserializer(list, property));
    }

    @Override
    public Page<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (items == null) {
        // Not contextualised (used directly): items as plain values.
        return new Deserializer().createContextualForObject(ctxt).deserialize(p, ctxt);
      }
      List<?> list = List.of();
      String cursor = null;
      for (JsonToken t = Json.enterObject(p, ctxt, Page.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "items":
            if (p.currentToken() != JsonToken.VALUE_NULL) {
              List<?> read = (List<?>) items.deserialize(p, ctxt);
              if (read.contains(null)) {
                ctxt.reportInputMismatch(this, "the items of a Page must not be null");
              }
              list = read;
            }
            break;
          case "nextCursor":
            cursor = Json.string(p, ctxt, Page.class, name);
            break;
          default:
            ctxt.handleUnknownProperty(p, this, Page.class, name);
        }
      }
      return Page.of(list, cursor);
    }

    private Deserializer createContextualForObject(DeserializationContext ctxt)
        throws com.fasterxml.jackson.databind.JsonMappingException {
      JavaType list = ctxt.getTypeFactory().constructCollectionType(List.class, Object.class);
      return new Deserializer(list, ctxt.findRootValueDeserializer(list));
    }

    @Override
    public String toString() {
      return "PageDeserializer{" + itemsType + '}';
    }
  }
}
