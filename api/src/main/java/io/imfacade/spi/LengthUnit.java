package io.imfacade.spi;

/**
 * How a vendor counts the length of a string. Vendors differ, and a limit is only faithful in the
 * vendor's own unit: 33 emoji are 33 code points, 66 UTF-16 code units and 132 UTF-8 bytes.
 */
public enum LengthUnit {
  /** UTF-8 bytes. */
  BYTES("bytes"),
  /** UTF-16 code units, as Java's {@link String#length()} counts (a Java vendor server's count). */
  UTF16_UNITS("UTF-16 code units"),
  /** Unicode code points, as a user would count characters. */
  CODE_POINTS("code points");

  private final String label;

  LengthUnit(String label) {
    this.label = label;
  }

  /** The length of {@code s} in this unit. */
  public int measure(String s) {
    switch (this) {
      case BYTES:
        return Sizes.utf8Length(s);
      case UTF16_UNITS:
        return s.length();
      default:
        return s.codePointCount(0, s.length());
    }
  }

  /** The unit in words, such as {@code UTF-16 code units}, for messages. */
  @Override
  public String toString() {
    return label;
  }
}
