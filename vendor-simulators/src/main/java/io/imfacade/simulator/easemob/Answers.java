package io.imfacade.simulator.easemob;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link Undocumented} answer and which {@link CursorQuirk} the simulator gives right now:
 * the builder's choices, changed by {@link EasemobSimulator#answer} until the next reset.
 * Thread-safe.
 */
final class Answers {

  private final Map<Class<?>, Enum<?>> configured;
  private final Map<Class<?>, Enum<?>> current = new LinkedHashMap<>();

  Answers(Map<Class<?>, Enum<?>> configured) {
    this.configured = Map.copyOf(configured);
    current.putAll(configured);
  }

  /** Checks that {@code answer} is one of the {@link Undocumented} answers or a {@link CursorQuirk}. */
  static Enum<?> check(Enum<?> answer) {
    Objects.requireNonNull(answer, "answer");
    Class<?> type = answer.getDeclaringClass();
    if (type != CursorQuirk.class && type.getEnclosingClass() != Undocumented.class) {
      throw new IllegalArgumentException("not an answer of Undocumented: " + type.getName() + "." + answer);
    }
    return answer;
  }

  /** The answer in effect for {@code behaviour}: the chosen one, or its first constant. */
  synchronized <E extends Enum<E>> E get(Class<E> behaviour) {
    Enum<?> chosen = current.get(behaviour);
    return chosen == null ? behaviour.getEnumConstants()[0] : behaviour.cast(chosen);
  }

  synchronized void set(Enum<?> answer) {
    current.put(check(answer).getDeclaringClass(), answer);
  }

  /** Back to the builder's choices. */
  synchronized void reset() {
    current.clear();
    current.putAll(configured);
  }

  @Override
  public synchronized String toString() {
    return current.values().toString();
  }
}
