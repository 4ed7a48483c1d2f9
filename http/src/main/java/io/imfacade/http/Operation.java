package io.imfacade.http;

import java.util.Objects;

/**
 * A neutral operation as the transport sees it: its name for errors and logs, and whether
 * repeating it is harmless (which decides whether a 5xx or a broken connection may be retried).
 */
public final class Operation {

  private final String name;
  private final boolean idempotent;

  private Operation(String name, boolean idempotent) {
    this.name = Objects.requireNonNull(name, "name");
    this.idempotent = idempotent;
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

  /** The neutral name, such as {@code profiles.getAll}. */
  public String name() {
    return name;
  }

  /** Whether the operation may be repeated after an ambiguous failure. */
  public boolean idempotent() {
    return idempotent;
  }

  @Override
  public String toString() {
    return name;
  }
}
