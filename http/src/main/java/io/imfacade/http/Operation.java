package io.imfacade.http;

import java.util.Objects;

/**
 * A neutral operation as the transport sees it: its name for errors and logs, and whether
 * repeating it is harmless, which decides whether a 5xx or a broken connection may be retried.
 *
 * @param name the neutral name, such as {@code profiles.getAll}
 * @param idempotent whether the operation may be repeated after an ambiguous failure
 */
public record Operation(String name, boolean idempotent) {

  /** Checks the name. */
  public Operation {
    Objects.requireNonNull(name, "name");
  }

  /** An operation that may be repeated: reads, puts of the same value, deletes. */
  public static Operation idempotent(String name) {
    return new Operation(name, true);
  }

  /**
   * An operation whose repetition could double an effect. It is retried only when the vendor
   * certainly did not process it (connect failure, 429 / rate-limit answer).
   */
  public static Operation nonIdempotent(String name) {
    return new Operation(name, false);
  }

  @Override
  public String toString() {
    return name;
  }
}
