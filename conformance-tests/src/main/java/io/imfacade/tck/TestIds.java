package io.imfacade.tck;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids that no other test (in this JVM or an earlier run against the same simulator) uses. User ids
 * look like {@code alice-k3j9x-17}: a label for the reader, a per-JVM run token, a sequence number;
 * lower case, letters, digits and {@code -}, at most 32 characters, valid on every vendor. Group
 * ids are digits only, because NetEase team ids are numeric.
 */
final class TestIds {

  private static final String RUN;
  private static final String RUN_DIGITS;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  static {
    SecureRandom random = new SecureRandom();
    StringBuilder run = new StringBuilder();
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 5; i++) {
      run.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    RUN = run.toString();
    RUN_DIGITS = String.format("%06d", random.nextInt(1_000_000));
  }

  private TestIds() {}

  /** A fresh user id; {@code label} is at most 12 lower-case letters. */
  static String user(String label) {
    return label + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** A fresh numeric group id. */
  static String group() {
    return "8" + RUN_DIGITS + String.format("%08d", SEQUENCE.incrementAndGet());
  }
}
