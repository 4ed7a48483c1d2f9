package io.imfacade.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with readable names: a library's pool must never keep an application's JVM alive. */
final class DaemonThreads {

  private DaemonThreads() {}

  /** A factory of daemon threads named {@code prefix1}, {@code prefix2}, ... */
  static ThreadFactory factory(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
