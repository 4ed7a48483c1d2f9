package io.imfacade.migrate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of lists of strings, to recognise the inputs a checkpoint was made for. Internal. */
final class Digests {

  private Digests() {}

  /** The hex SHA-256 of the strings, each followed by a newline. */
  static String of(String... parts) {
    MessageDigest sha = sha256();
    for (String part : parts) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
