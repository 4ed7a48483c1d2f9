package io.imfacade.tck.remote;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of groups the remote harnesses seed into a simulator themselves, where the vendor would
 * issue them: digits, as both vendors' group ids are, unique in this JVM and unlikely to meet an
 * earlier run's (a random prefix) in a simulator that keeps its state.
 */
final class SeededIds {

  private static final String RUN = String.format("%06d", new SecureRandom().nextInt(1_000_000));
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private SeededIds() {}

  /** A fresh group id of 15 digits. */
  static String groupId() {
    return "7" + RUN + String.format("%08d", SEQUENCE.incrementAndGet());
  }
}
