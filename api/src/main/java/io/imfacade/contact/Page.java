package io.imfacade.contact;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, with the cursor of the next page when there is one. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> items;
  private final @Nullable String nextCursor;

  private Page(List<T> items, @Nullable String nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
  }

  /** A page; a null or empty cursor means this is the last page. */
  public static <T> Page<T> of(List<T> items, @Nullable String nextCursor) {
    return new Page<>(items, nextCursor);
  }

  /** The items of this page, in the list's order. Unmodifiable. */
  public List<T> items() {
    return items;
  }

  /** The opaque cursor for {@link PageRequest#after}, or empty on the last page. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page
        && items.equals(((Page<?>) o).items)
        && Objects.equals(nextCursor, ((Page<?>) o).nextCursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, nextCursor);
  }

  @Override
  public String toString() {
    return "Page{items=" + items + (nextCursor == null ? "" : ", nextCursor=" + nextCursor) + '}';
  }
}
