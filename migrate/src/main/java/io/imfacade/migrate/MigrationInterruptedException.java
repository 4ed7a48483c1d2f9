package io.imfacade.migrate;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import org.jspecify.annotations.Nullable;

/**
 * A run stopped before it finished: it was {@linkplain Migration#cancel() cancelled}, or the source
 * or target failed in a way that would fail every record after it (an outage that outlasted the
 * retries, a rate limit, an authentication failure). What was done is in the checkpoint; run the
 * same migration again with {@code resume(true)} ({@code --resume}) to continue from there.
 */
public class MigrationInterruptedException extends ImException {

  private static final long serialVersionUID = 1L;

  private final transient Summary summary;

  /**
   * A run stopped.
   *
   * @param message what happened and how to continue
   * @param summary what the run had done
   * @param cause the failure that stopped it (an {@link ImException} of the source or target, or
   *     a local failure such as a disk that is full), or null when it was cancelled
   */
  public MigrationInterruptedException(String message, Summary summary, @Nullable Throwable cause) {
    // The message quotes the cause's; its details (provider, status, vendor code) stay on the cause.
    super(message, ErrorDetails.none(), cause);
    this.summary = summary;
  }

  /** What the run had done when it stopped (the checkpoint holds the same). */
  public Summary summary() {
    return summary;
  }

  /** Whether the run was cancelled, rather than stopped by a failure. */
  public boolean cancelled() {
    return getCause() == null;
  }
}
