package io.imfacade.inmemory;

import io.imfacade.contact.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: the list's kind and the sequence number of the last entry returned,
 * base64url-encoded. Callers treat them as tokens; the kind letter stops a contact-list cursor
 * from being used on a block list or a group's member list.
 */
final class Cursors {

  static final char CONTACTS = 'c';
  static final char BLOCKED = 'b';
  static final char MEMBERS = 'm';

  private Cursors() {}

  static String encode(char kind, long seq) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((kind + Long.toString(seq)).getBytes(StandardCharsets.US_ASCII));
  }

  /** The sequence number to read after: 0 for the first page. */
  static long decode(Op op, char kind, PageRequest page) {
    if (page.cursor().isEmpty()) {
      return 0;
    }
    String cursor = page.cursor().get();
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (raw.length() > 1 && raw.charAt(0) == kind && Character.isDigit(raw.charAt(1))) {
        long seq = Long.parseLong(raw.substring(1));
        if (seq > 0) {
          return seq;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below; NumberFormatException is an IllegalArgumentException too
    }
    String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor;
    throw op.invalid("page", "page cursor '" + shown + "' is not a cursor of this list");
  }
}
