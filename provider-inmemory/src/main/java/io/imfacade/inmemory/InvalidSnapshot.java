package io.imfacade.inmemory;

/**
 * A snapshot whose content is wrong, with the place of the first mistake; {@link Snapshot#read}
 * turns it into the {@link io.imfacade.error.ConfigurationException} that names the file.
 */
final class InvalidSnapshot extends Exception {

  private static final long serialVersionUID = 1L;

  /** A mistake in the file as a whole (empty, not JSON). */
  InvalidSnapshot(String message) {
    super(message, null, false, false);
  }

  /** A mistake at one entry. */
  InvalidSnapshot(JsonPath where, String message) {
    this(where + ": " + message);
  }
}
