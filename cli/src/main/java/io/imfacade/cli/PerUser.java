package io.imfacade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.error.ImException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Prints a result per user for the commands that take several users: as text, a line (or more) per
 * user at once; in JSON, arrays added to one result document printed at the end.
 */
final class PerUser {

  private PerUser() {}

  /**
   * Prints each user's outcome of a batch call in the order of {@code userIds}: in JSON as the
   * {@code succeeded} and {@code failed} arrays of {@code result}, a failure with the fields of an
   * error report. One user failing does not fail the others, so the exit code is decided here.
   *
   * @return 0 when no user failed, otherwise the exit code of the first who did
   */
  static <T> int outcomes(Output out, ObjectNode result, Iterable<String> userIds, Map<String, T> succeeded,
      Map<String, ImException> failed, BiFunction<String, T, JsonNode> json, BiConsumer<String, T> text) {
    int code = ExitCodes.OK;
    ArrayNode ok = Views.array();
    ArrayNode failures = Views.array();
    for (String userId : userIds) {
      T value = succeeded.get(userId);
      ImException failure = failed.get(userId);
      if (value != null) {
        if (out.json()) {
          ok.add(json.apply(userId, value));
        } else {
          text.accept(userId, value);
        }
      } else if (failure != null) {
        code = code == ExitCodes.OK ? ExitCodes.of(failure) : code;
        if (out.json()) {
          failures.add(Views.object().put("userId", userId).setAll(ErrorReporter.toJson(failure)));
        } else {
          out.line(userId + Views.GAP + "FAILED" + Views.GAP + failure.getMessage());
        }
      }
    }
    if (out.json()) {
      result.set("succeeded", ok);
      result.set("failed", failures);
      out.json(result);
    }
    return code;
  }

  /**
   * Prints what a read of several users found, once per user in command-line order: in JSON as the
   * {@code foundField} array of {@code result} and the ids not found as its {@code missingField};
   * as text, {@code missingNote} after a user not found. Not finding a user is an answer, not a
   * failure: the exit code is 0.
   */
  static <T> int found(Output out, ObjectNode result, List<String> userIds, Map<String, T> answer,
      String foundField, String missingField, String missingNote,
      BiFunction<String, T, JsonNode> json, BiFunction<String, T, String> line) {
    // Vendors treat ids case-insensitively and may answer with their own spelling.
    Map<String, T> found = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    found.putAll(answer);
    ArrayNode items = Views.array();
    List<String> missing = new ArrayList<>();
    for (String userId : new LinkedHashSet<>(userIds)) {
      T value = found.get(userId);
      if (value == null) {
        missing.add(userId);
        if (!out.json()) {
          out.line(userId + Views.GAP + missingNote);
        }
      } else if (out.json()) {
        items.add(json.apply(userId, value));
      } else {
        out.line(line.apply(userId, value));
      }
    }
    if (out.json()) {
      result.set(foundField, items);
      result.set(missingField, Views.strings(missing));
      out.json(result);
    }
    return ExitCodes.OK;
  }
}
