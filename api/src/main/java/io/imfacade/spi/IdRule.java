package io.imfacade.spi;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor accepts as an id: its longest length and its characters. Immutable.
 *
 * <p>Characters are a set of ASCII characters, plus optionally every non-ASCII character that is
 * not a control or space character. Whitespace, control characters and the characters that would
 * change a URL ({@code / \ ? # %}) are never allowed, nor are the ids {@code .} and {@code ..}:
 * ids travel as URL path segments. Two rules combine ({@link #and}) into the rule both accept,
 * which is how the strictest of several vendors is computed.
 */
public final class IdRule {

  private static final String NEVER = "/\\?#%";

  private final int maxLength;
  private final boolean[] ascii;
  private final boolean nonAscii;
  private final String description;

  private IdRule(int maxLength, boolean[] ascii, boolean nonAscii) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1");
    }
    for (int c = 0; c <= ' '; c++) {
      ascii[c] = false;
    }
    ascii[127] = false;
    for (char c : NEVER.toCharArray()) {
      ascii[c] = false;
    }
    this.maxLength = maxLength;
    this.ascii = ascii;
    this.nonAscii = nonAscii;
    this.description = describe(ascii, nonAscii);
  }

  /**
   * A rule allowing the ASCII characters of {@code characters}, a list of single characters and
   * ranges such as {@code "A-Za-z0-9_.-"} (a {@code -} that ends the list is itself).
   */
  public static IdRule ascii(int maxLength, String characters) {
    boolean[] table = new boolean[128];
    for (int i = 0; i < characters.length(); i++) {
      char from = characters.charAt(i);
      char to = from;
      if (i + 2 < characters.length() && characters.charAt(i + 1) == '-') {
        to = characters.charAt(i + 2);
        i += 2;
      }
      if (from > 127 || to > 127 || to < from) {
        throw new IllegalArgumentException("not an ASCII range: " + from + "-" + to);
      }
      for (char c = from; c <= to; c++) {
        table[c] = true;
      }
    }
    return new IdRule(maxLength, table, false);
  }

  /** A rule allowing every printable character but whitespace and {@code / \ ? # %}. */
  public static IdRule anyPrintable(int maxLength) {
    boolean[] table = new boolean[128];
    Arrays.fill(table, true);
    return new IdRule(maxLength, table, true);
  }

  /** The longest id, in UTF-16 code units (ids are ASCII on every built-in vendor). */
  public int maxLength() {
    return maxLength;
  }

  /** The allowed characters in words, for messages. */
  public String characters() {
    return description;
  }

  /** The rule an id meets exactly when it meets both this one and {@code other}. */
  public IdRule and(IdRule other) {
    boolean[] table = new boolean[128];
    for (int c = 0; c < 128; c++) {
      table[c] = ascii[c] && other.ascii[c];
    }
    return new IdRule(Math.min(maxLength, other.maxLength), table, nonAscii && other.nonAscii);
  }

  /**
   * Why {@code id} is not acceptable (such as {@code "is 33 characters long, over the limit of
   * 32"}), or null when it is. The id must not be null.
   */
  public @Nullable String violation(String id) {
    int n = id.length();
    if (n == 0 || id.isBlank()) {
      return "must not be blank";
    }
    if (n > maxLength) {
      return "is " + n + " characters long, over the limit of " + maxLength;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (!(c < 128 ? ascii[c] : nonAscii && printableNonAscii(id, i))) {
        return "may only contain " + description + ", but contains " + shown(c);
      }
    }
    if (id.equals(".") || id.equals("..")) {
      return "must not be '.' or '..'";
    }
    return null;
  }

  private static boolean printableNonAscii(String s, int i) {
    char c = s.charAt(i);
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
      return false;
    }
    return !Character.isSurrogate(c) || validPair(s, i);
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String shown(char c) {
    return c > ' ' && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private static String describe(boolean[] ascii, boolean nonAscii) {
    StringBuilder sb = new StringBuilder();
    boolean upper = range(ascii, 'A', 'Z');
    boolean lower = range(ascii, 'a', 'z');
    boolean digits = range(ascii, '0', '9');
    if (upper && lower) {
      sb.append("letters");
    } else if (lower) {
      sb.append("lower-case letters");
    } else if (upper) {
      sb.append("upper-case letters");
    }
    if (digits) {
      sb.append(sb.length() > 0 ? ", " : "").append("digits");
    }
    StringBuilder others = new StringBuilder();
    for (int c = '!'; c < 127; c++) {
      boolean covered = (upper && lower && Character.isLetter(c)) || (lower && c >= 'a' && c <= 'z')
          || (upper && c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9');
      if (ascii[c] && !covered) {
        others.append(others.length() > 0 ? ", " : "").append('\'').append((char) c).append('\'');
      }
    }
    if (others.length() > 0) {
      sb.append(sb.length() > 0 ? ", " : "").append(others);
    }
    if (nonAscii) {
      sb.append(sb.length() > 0 ? " and " : "").append("printable non-ASCII characters");
    }
    return sb.length() == 0 ? "nothing" : sb.toString();
  }

  private static boolean range(boolean[] ascii, char from, char to) {
    for (char c = from; c <= to; c++) {
      if (!ascii[c]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdRule && maxLength == ((IdRule) o).maxLength && nonAscii == ((IdRule) o).nonAscii
        && Arrays.equals(ascii, ((IdRule) o).ascii);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxLength, nonAscii, Arrays.hashCode(ascii));
  }

  @Override
  public String toString() {
    return "at most " + maxLength + " of " + description;
  }
}
