package io.imfacade.http;

import java.time.Instant;
import java.util.Objects;

/**
 * What travels with each HTTP request of a neutral call, as its OkHttp tag: the operation (and so
 * whether it may be repeated), which attempt this is, and the call's deadline. Retrofit interfaces
 * take it as a {@code @Tag CallTag} parameter; interceptors and the authenticator read it with
 * {@code request.tag(CallTag.class)}. Nothing about a call lives in a thread-local.
 *
 * @param operation the neutral operation
 * @param attempt 1 for the first request of the call, 2 for the first retry, ...
 * @param deadline when the whole call must be over
 */
public record CallTag(Operation operation, int attempt, Instant deadline) {

  /** Checks the parts. */
  public CallTag {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(deadline, "deadline");
  }

  @Override
  public String toString() {
    return operation + ", attempt " + attempt;
  }
}
