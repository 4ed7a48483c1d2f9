package io.imfacade.spring.boot.internal;

import io.imfacade.error.ImException;

/** Names of failures that are safe to show: a class name, never a message. */
public final class NeutralErrors {

  private static final String NEUTRAL_PACKAGE = ImException.class.getPackageName();

  private NeutralErrors() {}

  /**
   * The simple name of the neutral exception class {@code failure} is, or extends ({@code
   * NotFoundException} for a provider's own subclass of it); for anything else, its simple name.
   */
  public static String typeOf(Throwable failure) {
    if (failure instanceof ImException) {
      Class<?> type = failure.getClass();
      while (!type.getPackageName().equals(NEUTRAL_PACKAGE)) {
        type = type.getSuperclass();
      }
      return type.getSimpleName();
    }
    return failure.getClass().getSimpleName();
  }
}
