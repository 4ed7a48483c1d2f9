package io.imfacade.netease.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The neutral member attributes as NetEase stores them: a compact JSON object of strings, such as
 * {@code {"nick":"小B","seat":"3"}}, in the team member's {@code custom} string (at most 1024
 * bytes).
 *
 * <p>Only an absent or empty {@code custom}, or exactly such an object, is ours. Anything else —
 * plain text another app stored, a JSON array, an object with a number or a nested object, an
 * object with a duplicate key, JSON followed by more text — is foreign: {@link #decode} says so
 * instead of guessing, so that it is never rewritten (and thereby lost).
 */
final class MemberCustom {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MemberCustom() {}

  /**
   * The attributes held in {@code custom}: empty for an absent or empty string, the key/values of
   * a JSON object of strings, or {@link Optional#empty()} when the string is foreign.
   */
  static Optional<Map<String, String>> decode(@Nullable String custom) {
    if (custom == null || custom.isEmpty()) {
      return Optional.of(Collections.emptyMap());
    }
    JsonNode node;
    try {
      node = JSON.readTree(custom);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().isTextual()) {
        return Optional.empty();
      }
      attributes.put(field.getKey(), field.getValue().asText());
    }
    return Optional.of(attributes);
  }

  /** The compact JSON object of {@code attributes}, in their order; {@code {}} when empty. */
  static String encode(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  /**
   * {@code current} with {@code changes} applied: a non-empty value sets its key (an existing key
   * keeps its place), an empty value removes it.
   */
  static Map<String, String> merge(Map<String, String> current, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(current);
    changes.forEach((key, value) -> {
      if (value.isEmpty()) {
        merged.remove(key);
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }

  /** The pairs of {@code changes} that set a value, in their order: what a write returns. */
  static Map<String, String> written(Map<String, String> changes) {
    Map<String, String> written = new LinkedHashMap<>();
    changes.forEach((key, value) -> {
      if (!value.isEmpty()) {
        written.put(key, value);
      }
    });
    return Collections.unmodifiableMap(written);
  }
}
