package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.imfacade.error.ImException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the serializers and deserializers share. */
final class Json {

  private Json() {}

  /** Writes a string field unless the value is absent. */
  static void writeIfPresent(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /** Writes a map of strings as an object, in the map's order. */
  static void writeStringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /**
   * Moves the parser onto the first field name of an object (or its end) and returns that token;
   * anything but an object is reported as the mapper reports a mismatch.
   */
  static JsonToken enterObject(JsonParser p, DeserializationContext ctxt, Class<?> target) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return p.nextToken();
    }
    if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
      return t;
    }
    ctxt.handleUnexpectedToken(target, p);
    throw JsonMappingException.from(p, "expected a JSON object for " + target.getSimpleName());
  }

  /** The current value as a string: null for JSON null, the text of any scalar, else a mismatch. */
  static @Nullable String string(JsonParser p, DeserializationContext ctxt, Class<?> target, String field)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != null && t.isScalarValue()) {
      return p.getText();
    }
    ctxt.reportInputMismatch(target, "'%s' of %s must be a string, was %s", field, target.getSimpleName(), t);
    return null; // not reached: reportInputMismatch throws
  }

  /** The current value as an object of strings, in its order; JSON null is an empty map. */
  static Map<String, String> stringMap(JsonParser p, DeserializationContext ctxt, Class<?> target, String field)
      throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return map;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      ctxt.reportInputMismatch(target, "'%s' of %s must be an object of strings, was %s", field,
          target.getSimpleName(), p.currentToken());
    }
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String key = p.currentName();
      p.nextToken();
      map.put(key, string(p, ctxt, target, field + "." + key));
    }
    return map;
  }

  /**
   * A failure of the model's own checks while building {@code target} (a blank id, say), as the
   * mapper reports a value it cannot build, with the model's exception as the cause.
   */
  static JsonMappingException invalid(DeserializationContext ctxt, Class<?> target, ImException e) {
    return ctxt.instantiationException(target, e);
  }
}
