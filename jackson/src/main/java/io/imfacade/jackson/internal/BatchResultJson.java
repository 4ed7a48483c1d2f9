package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.imfacade.error.ImException;
import io.imfacade.group.BatchResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link BatchResult} as {@code {"succeeded":{"alice":{"role":"admin"}},"failed":{"bob":{"type":
 * "NotFoundException","message":"...","details":{...}}}}}: both maps always written, in the result's
 * order; a failed member reads back as the {@link ImException} subclass its {@code type} names.
 */
public final class BatchResultJson {

  private BatchResultJson() {}

  /** Writes a batch result. */
  public static final class Serializer extends StdSerializer<BatchResult> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(BatchResult.class);
    }

    @Override
    public void serialize(BatchResult v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      g.writeObjectFieldStart("succeeded");
      for (Map.Entry<String, Map<String, String>> e : v.succeeded().entrySet()) {
        Json.writeStringMap(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("failed");
      for (Map.Entry<String, ImException> e : v.failed().entrySet()) {
        provider.defaultSerializeField(e.getKey(), e.getValue(), g);
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** Reads a batch result; a missing map is empty. */
  public static final class Deserializer extends StdDeserializer<BatchResult> {
    private static final long serialVersionUID = 1L;

    /** The deserializer. */
    public Deserializer() {
      super(BatchResult.class);
    }

    @Override
    public BatchResult deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      TypeFactory types = ctxt.getTypeFactory();
      JavaType attributes = types.constructMapType(LinkedHashMap.class, String.class, String.class);
      JavaType succeededType = types.constructMapType(LinkedHashMap.class, types.constructType(String.class), attributes);
      JavaType failedType = types.constructMapType(LinkedHashMap.class, String.class, ImException.class);
      Map<String, Map<String, String>> succeeded = Map.of();
      Map<String, ImException> failed = Map.of();
      for (JsonToken t = Json.enterObject(p, ctxt, BatchResult.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "succeeded":
            succeeded = ctxt.readValue(p, succeededType);
            break;
          case "failed":
            failed = ctxt.readValue(p, failedType);
            break;
          default:
            ctxt.handleUnknownProperty(p, this, BatchResult.class, name);
        }
      }
      if (failed.containsValue(null)) {
        ctxt.reportInputMismatch(this, "a failed member of a BatchResult needs its exception");
      }
      try {
        return new BatchResult(succeeded, failed);
      } catch (IllegalArgumentException e) {
        throw ctxt.instantiationException(BatchResult.class, e);
      }
    }
  }
}
