package io.imfacade.inmemory;

import java.util.function.Supplier;

/**
 * One user's contact list (with remarks) and block list. Guarded by its own monitor; an operation
 * on two users' relations takes both monitors through {@link #locked}.
 */
final class Relations {

  final OrderedList contacts = new OrderedList();
  final OrderedList blocked = new OrderedList();

  /**
   * Runs {@code action} holding the monitors of two users' relations. They are always taken in the
   * order of the user ids, so two threads working on the same pair cannot deadlock.
   */
  static <T> T locked(String a, Relations ra, String b, Relations rb, Supplier<T> action) {
    Relations first = a.compareTo(b) < 0 ? ra : rb;
    Relations second = first == ra ? rb : ra;
    synchronized (first) {
      synchronized (second) {
        return action.get();
      }
    }
  }
}
