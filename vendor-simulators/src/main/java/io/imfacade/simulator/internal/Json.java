package io.imfacade.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one Jackson mapper of the simulators, and the size measure of attribute maps. Internal. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code value} as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A mutable JSON object of {@code keysAndValues} (key, value, key, value...) in that order: the
   * simulators answer fields in the vendors' documented order, and {@link Map#of} keeps no order.
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** Parses JSON text; throws {@link IOException} on malformed input. */
  public static JsonNode read(String text) throws IOException {
    return MAPPER.readTree(text);
  }

  /**
   * The bytes {@code map} takes as compact UTF-8 JSON, {@code {"k":"v",...}}: the measure the
   * vendors' attribute size limits are checked against.
   */
  public static int sizeOf(Map<String, String> map) {
    try {
      return MAPPER.writeValueAsBytes(map).length;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
