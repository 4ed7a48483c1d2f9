package io.imfacade.spi;

import java.util.Map;

/** Byte counts the vendors' limits are stated in. */
public final class Sizes {

  private Sizes() {}

  /** The number of bytes {@code s} takes in UTF-8, without encoding it. */
  public static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * The UTF-8 size of {@code map} written as a compact JSON object of strings, {@code
   * {"k":"v",...}}: the measure vendors apply to attribute maps.
   */
  public static int jsonObjectBytes(Map<String, String> map) {
    int bytes = 2; // {}
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) {
        bytes += 1; // ,
      }
      first = false;
      bytes += jsonStringBytes(e.getKey()) + 1 + jsonStringBytes(e.getValue());
    }
    return bytes;
  }

  /** A JSON string's UTF-8 size: its characters, its quotes, and what its escapes add (all ASCII). */
  private static int jsonStringBytes(String s) {
    int bytes = 2 + utf8Length(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
        bytes += 1; // a backslash before it
      } else if (c < 0x20) {
        bytes += 5; // a six-byte unicode escape instead of one byte
      }
    }
    return bytes;
  }
}
