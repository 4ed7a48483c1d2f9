package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the documented shapes of the family's success answers. A success answer that contradicts
 * them ({@code {"data":"oops"}} where an object is documented, no {@code data} at all) is {@link
 * RemoteCore#malformed}: never read as "no data" or "all fine", because that would report a read
 * as empty or a write as done when the vendor said something else.
 */
final class Answers {

  private Answers() {}

  /** The {@code data} object of a metadata answer (seeds 000, 001). */
  static JsonNode object(RemoteCore<?> core, Operation op, Wire.@Nullable DataResponse answer) {
    JsonNode data = data(answer);
    if (data == null || !data.isObject()) {
      throw core.malformed(op, "'data' is " + describe(data) + ", not the documented object");
    }
    return data;
  }

  /** The {@code data} of a metadata answer, or null when absent or JSON null. */
  static @Nullable JsonNode data(Wire.@Nullable DataResponse answer) {
    JsonNode data = answer == null ? null : answer.data();
    return data == null || data.isNull() || data.isMissingNode() ? null : data;
  }

  /**
   * An object keyed by user id whose values are attribute objects (the batch reads of seeds 000
   * and 001), with the ids in lower case: every vendor of the family treats them case-insensitively.
   */
  static Map<String, Map<String, String>> attributesByUser(RemoteCore<?> core, Operation op, JsonNode data) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : data.properties()) {
      if (!e.getValue().isObject()) {
        throw core.malformed(op, "the attributes of a user in 'data' are " + describe(e.getValue())
            + ", not the documented object");
      }
      result.put(Wire.lowerCase(e.getKey()), Wire.attributes(e.getValue()));
    }
    return result;
  }

  /** The JSON type of {@code node} in words, never its content (which may quote anything). */
  static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "absent";
    }
    if (node.isNull()) {
      return "null";
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
