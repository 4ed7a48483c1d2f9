package io.imfacade.http;

/**
 * The operation and attempt number of the HTTP call running on this thread, set by {@link
 * RestExecutor} around a synchronous call so that the logging interceptor can name them.
 */
final class AttemptContext {

  private static final ThreadLocal<AttemptContext> CURRENT = new ThreadLocal<>();

  final String operation;
  final int attempt;

  private AttemptContext(String operation, int attempt) {
    this.operation = operation;
    this.attempt = attempt;
  }

  /** The context of this thread's call, or null outside {@link RestExecutor}. */
  static AttemptContext current() {
    return CURRENT.get();
  }

  /** Sets this thread's context and returns the previous one, for {@link #restore}. */
  static AttemptContext enter(String operation, int attempt) {
    AttemptContext previous = CURRENT.get();
    CURRENT.set(new AttemptContext(operation, attempt));
    return previous;
  }

  /** Puts back what {@link #enter} returned. */
  static void restore(AttemptContext previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
