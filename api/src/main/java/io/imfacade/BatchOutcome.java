package io.imfacade;

import io.imfacade.error.ImException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-item outcome of a batch operation on users (registering accounts, adding or removing
 * group members): every user of the request is in exactly one of the two maps, in request order.
 * Nothing is dropped: a user the vendor did not report on is in {@link #failed()} with a reason.
 *
 * @param succeeded the users the operation applied to, each with its result
 * @param failed the users it did not apply to, each with the reason
 * @param <T> the result of one user
 */
public record BatchOutcome<T>(Map<String, T> succeeded, Map<String, ImException> failed) {

  /** Copies both maps, keeping their order; a user may not be in both. */
  public BatchOutcome {
    succeeded = Collections.unmodifiableMap(new LinkedHashMap<>(succeeded));
    failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    for (String user : failed.keySet()) {
      if (succeeded.containsKey(user)) {
        throw new IllegalArgumentException("user " + user + " both succeeded and failed");
      }
    }
  }

  /** Whether every user succeeded. */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }

  /** The users and the reasons, without stack traces. */
  @Override
  public String toString() {
    Map<String, String> reasons = new LinkedHashMap<>();
    failed.forEach((user, e) -> reasons.put(user, e.plainMessage()));
    return "BatchOutcome{succeeded=" + succeeded + ", failed=" + reasons + '}';
  }
}
