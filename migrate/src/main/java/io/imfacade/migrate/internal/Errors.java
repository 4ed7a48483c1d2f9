package io.imfacade.migrate.internal;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import java.util.function.Supplier;

/**
 * Which failures concern one record, and which stop the run. A value the target refuses, a user
 * it does not know, a full list, a missing capability, a conflict: reported for that record, the
 * run goes on. An outage that outlasted the client's retries, a rate limit, failed authentication, a
 * feature not enabled for the app, or anything unexpected would fail every record after it: the
 * run stops, with a checkpoint, to be resumed once the cause is gone. Internal.
 */
final class Errors {

  private Errors() {}

  /** A failure that stops the run, carried out of a worker. */
  static final class StopRun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopRun(ImException cause) {
      super(cause);
    }

    ImException failure() {
      return (ImException) getCause();
    }
  }

  /** Whether {@code e} concerns only the record it was thrown for. */
  static boolean recordLevel(ImException e) {
    if (e instanceof AuthenticationException || e instanceof ConfigurationException) {
      return false;
    }
    return e instanceof InvalidRequestException || e instanceof NotFoundException
        || e instanceof QuotaExceededException || e instanceof UnsupportedCapabilityException
        || e instanceof ConflictException;
  }

  /** Runs a call; a failure that would fail every record becomes a {@link StopRun}. */
  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ImException e) {
      throw stopIfRunLevel(e);
    }
  }

  /** Runs a call that returns nothing; see {@link #call(Supplier)}. */
  static void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  /** {@code e} itself when it concerns one record; else a {@link StopRun} to throw. */
  static RuntimeException stopIfRunLevel(ImException e) {
    return recordLevel(e) ? e : new StopRun(e);
  }

  /** The simple name of the neutral type of {@code e}: a provider's own subclass is named by its neutral parent. */
  static String type(ImException e) {
    Class<?> c = e.getClass();
    while (c != null && !c.getPackageName().equals("io.imfacade.error")) {
      c = c.getSuperclass();
    }
    return c == null ? e.getClass().getSimpleName() : c.getSimpleName();
  }
}
