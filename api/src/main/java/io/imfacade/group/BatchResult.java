package io.imfacade.group;

import io.imfacade.error.ImException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The per-member outcome of {@link GroupMemberAttributes#setAll}. Every member of the request is in
 * exactly one of the two maps. Immutable.
 */
public final class BatchResult {

  private final Map<String, Map<String, String>> succeeded;
  private final Map<String, ImException> failed;

  /** A result from the two maps, copied; a member may not be in both. */
  public BatchResult(Map<String, Map<String, String>> succeeded, Map<String, ImException> failed) {
    Map<String, Map<String, String>> ok = new LinkedHashMap<>();
    succeeded.forEach((user, attrs) -> ok.put(user, Collections.unmodifiableMap(new LinkedHashMap<>(attrs))));
    Map<String, ImException> ko = new LinkedHashMap<>(failed);
    for (String user : ko.keySet()) {
      if (ok.containsKey(user)) {
        throw new IllegalArgumentException("member " + user + " both succeeded and failed");
      }
    }
    this.succeeded = Collections.unmodifiableMap(ok);
    this.failed = Collections.unmodifiableMap(ko);
  }

  /** The members whose attributes were written, each with the key/values written for it. */
  public Map<String, Map<String, String>> succeeded() {
    return succeeded;
  }

  /** The members whose attributes were not written, each with the reason. */
  public Map<String, ImException> failed() {
    return failed;
  }

  /** Whether every member succeeded. */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchResult
        && succeeded.equals(((BatchResult) o).succeeded)
        && failed.keySet().equals(((BatchResult) o).failed.keySet());
  }

  @Override
  public int hashCode() {
    return Objects.hash(succeeded, failed.keySet());
  }

  @Override
  public String toString() {
    Map<String, String> reasons = new LinkedHashMap<>();
    failed.forEach((user, e) -> reasons.put(user, e.plainMessage()));
    return "BatchResult{succeeded=" + succeeded + ", failed=" + reasons + '}';
  }
}
