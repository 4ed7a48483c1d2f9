package io.imfacade.profile;

import io.imfacade.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A user's gender as every vendor stores it: {@code 0} unknown, {@code 1} male, {@code 2} female.
 *
 * <p>{@link #UNKNOWN} is also what an unset gender reads as, so a profile never has a null gender.
 */
public enum Gender {
  /** Not set or not known (wire value 0). */
  UNKNOWN(0),
  /** Male (wire value 1). */
  MALE(1),
  /** Female (wire value 2). */
  FEMALE(2);

  private final int wireValue;

  Gender(int wireValue) {
    this.wireValue = wireValue;
  }

  /** The integer the vendors use. */
  public int wireValue() {
    return wireValue;
  }

  /**
   * The gender for a vendor's integer.
   *
   * @throws InvalidRequestException if the value is not 0, 1 or 2
   */
  public static Gender fromWire(int value) {
    switch (value) {
      case 0:
        return UNKNOWN;
      case 1:
        return MALE;
      case 2:
        return FEMALE;
      default:
        throw new InvalidRequestException("gender", "gender must be 0, 1 or 2, was " + value);
    }
  }

  /**
   * The gender a vendor's stored text means: {@code 1} male, {@code 2} female, anything else
   * (absent, {@code 0}, a value the vendor should have refused) unknown. Reads never fail on it.
   */
  public static Gender fromWireText(@Nullable String value) {
    if (value == null) {
      return UNKNOWN;
    }
    String code = value.length() == 1 ? value : value.trim(); // the usual one-digit answer needs no trim
    if (code.length() != 1) {
      return UNKNOWN;
    }
    switch (code.charAt(0)) {
      case '1':
        return MALE;
      case '2':
        return FEMALE;
      default:
        return UNKNOWN;
    }
  }
}
