package io.imfacade.event;

import io.imfacade.error.ImException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One neutral call, as {@link ImListener}s see it when it ends.
 *
 * @param provider the provider id
 * @param operation the neutral operation, such as {@code profiles.getAll}
 * @param tenant the client's tenant label, or null
 * @param outcome {@code ok}, or the simple name of the neutral exception it ended with (such as
 *     {@code RateLimitedException})
 * @param duration how long the call took, validation, waits and retries included
 * @param attempts the HTTP requests it sent (retries and the authenticator's replay included)
 * @param rateLimitWait the time it waited for client-side rate-limit permits
 * @param tokenFetches the token fetches it caused
 * @param failure the exception it ended with, or null
 */
public record CallEvent(String provider, String operation, @Nullable String tenant, String outcome,
    Duration duration, int attempts, Duration rateLimitWait, int tokenFetches, @Nullable ImException failure) {

  /** The outcome of a call that succeeded. */
  public static final String OK = "ok";

  /** Checks the parts. */
  public CallEvent {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(rateLimitWait, "rateLimitWait");
  }

  /** Whether the call succeeded. */
  public boolean succeeded() {
    return failure == null;
  }
}
