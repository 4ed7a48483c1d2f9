package io.imfacade.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.error.ImException;
import io.imfacade.group.BatchResult;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns results keyed by the normalised (lower-case) ids back into results keyed by the ids as the
 * caller spelled them, so that {@code getAll(List.of("Alice")).get("Alice")} finds Alice. When the
 * caller passed one user in two spellings, both keys map to the same value.
 */
final class CallerIds {

  private CallerIds() {}

  /** The entries of {@code byId} under each of the caller's ids, in the caller's order. */
  static <V> Map<String, V> rekey(Collection<String> callerIds, Map<String, V> byId) {
    Map<String, V> result = new LinkedHashMap<>(Math.max(16, byId.size() * 2));
    for (String callerId : callerIds) {
      V value = byId.get(Inputs.lowerCase(callerId));
      if (value != null) {
        result.putIfAbsent(callerId, value);
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * {@code outcome} with each user under the caller's spelling, in request order, every user of the
   * request in it: one the provider did not report is failed with {@code missing}.
   */
  static <T> BatchOutcome<T> complete(Map<String, String> callerIdByNormalised, BatchOutcome<T> outcome,
      java.util.function.Function<String, ImException> missing) {
    Map<String, T> succeeded = new LinkedHashMap<>();
    Map<String, ImException> failed = new LinkedHashMap<>();
    callerIdByNormalised.forEach((id, callerId) -> {
      if (outcome.succeeded().containsKey(id)) {
        succeeded.put(callerId, outcome.succeeded().get(id));
      } else {
        failed.put(callerId, outcome.failed().containsKey(id) ? outcome.failed().get(id) : missing.apply(id));
      }
    });
    return new BatchOutcome<>(succeeded, failed);
  }

  /** {@code result} with each member under the caller's spelling. */
  static BatchResult rekey(Map<String, String> callerIdByNormalised, BatchResult result) {
    if (callerIdByNormalised.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
      return result;
    }
    Map<String, Map<String, String>> succeeded = new LinkedHashMap<>();
    result.succeeded().forEach((id, attrs) -> succeeded.put(callerIdByNormalised.getOrDefault(id, id), attrs));
    Map<String, ImException> failed = new LinkedHashMap<>();
    result.failed().forEach((id, e) -> failed.put(callerIdByNormalised.getOrDefault(id, id), e));
    return new BatchResult(succeeded, failed);
  }
}
