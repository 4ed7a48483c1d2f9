package io.imfacade.spi;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The longest a string may be, in each unit a vendor counts: a value must fit every bound. One
 * vendor usually states one bound; the strictest of several vendors ({@link #and}) keeps the
 * smallest bound of each unit, so that {@code 256 UTF-16 code units and 1024 bytes} is exact
 * where one vendor counts characters and another bytes.
 *
 * @param maxBytes the largest UTF-8 size, {@link Integer#MAX_VALUE} when unbounded
 * @param maxUtf16Units the largest {@link String#length()}, {@link Integer#MAX_VALUE} when unbounded
 * @param maxCodePoints the most code points, {@link Integer#MAX_VALUE} when unbounded
 */
public record LengthLimit(int maxBytes, int maxUtf16Units, int maxCodePoints) {

  /** No bound at all. */
  public static final LengthLimit NONE = new LengthLimit(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  /**
   * Bounds must be positive. A bound another one implies is dropped (a string has at most as many
   * code points as UTF-16 units, and at most as many UTF-16 units as UTF-8 bytes), so that every
   * bound a limit states can actually be reached by some value.
   */
  public LengthLimit {
    if (maxBytes < 1 || maxUtf16Units < 1 || maxCodePoints < 1) {
      throw new IllegalArgumentException("length bounds must be at least 1");
    }
    if (maxUtf16Units >= maxBytes) {
      maxUtf16Units = Integer.MAX_VALUE;
    }
    if (maxCodePoints >= Math.min(maxBytes, maxUtf16Units)) {
      maxCodePoints = Integer.MAX_VALUE;
    }
  }

  /** A limit of {@code max} in one unit. */
  public static LengthLimit of(int max, LengthUnit unit) {
    switch (unit) {
      case BYTES:
        return new LengthLimit(max, Integer.MAX_VALUE, Integer.MAX_VALUE);
      case UTF16_UNITS:
        return new LengthLimit(Integer.MAX_VALUE, max, Integer.MAX_VALUE);
      default:
        return new LengthLimit(Integer.MAX_VALUE, Integer.MAX_VALUE, max);
    }
  }

  /** The limit a value meets exactly when it meets both this one and {@code other}. */
  public LengthLimit and(LengthLimit other) {
    return new LengthLimit(Math.min(maxBytes, other.maxBytes), Math.min(maxUtf16Units, other.maxUtf16Units),
        Math.min(maxCodePoints, other.maxCodePoints));
  }

  /** Whether no unit is bounded. */
  public boolean isUnbounded() {
    return equals(NONE);
  }

  /**
   * Why {@code value} is too long, such as {@code "66 UTF-16 code units, over the limit of 64
   * UTF-16 code units"}, or null when it fits.
   */
  public @Nullable String violation(String value) {
    // Cheapest first: a string of n UTF-16 units has at most n code points and 3n bytes.
    int units = value.length();
    if (units > maxUtf16Units) {
      return describe(units, LengthUnit.UTF16_UNITS, maxUtf16Units);
    }
    if (maxCodePoints < units) {
      int codePoints = LengthUnit.CODE_POINTS.measure(value);
      if (codePoints > maxCodePoints) {
        return describe(codePoints, LengthUnit.CODE_POINTS, maxCodePoints);
      }
    }
    if (maxBytes < 3L * units) {
      int bytes = Sizes.utf8Length(value);
      if (bytes > maxBytes) {
        return describe(bytes, LengthUnit.BYTES, maxBytes);
      }
    }
    return null;
  }

  private static String describe(int length, LengthUnit unit, int max) {
    return length + " " + unit + ", over the limit of " + max + " " + unit;
  }

  /** Such as {@code 256 UTF-16 code units and 1024 bytes}, or {@code unbounded}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(3);
    if (maxUtf16Units != Integer.MAX_VALUE) {
      parts.add(maxUtf16Units + " " + LengthUnit.UTF16_UNITS);
    }
    if (maxCodePoints != Integer.MAX_VALUE) {
      parts.add(maxCodePoints + " " + LengthUnit.CODE_POINTS);
    }
    if (maxBytes != Integer.MAX_VALUE) {
      parts.add(maxBytes + " " + LengthUnit.BYTES);
    }
    return parts.isEmpty() ? "unbounded" : String.join(" and ", parts);
  }
}
