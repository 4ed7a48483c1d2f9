package io.imfacade.contact;

import io.imfacade.error.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to read: the first, or the one after a cursor from {@link
 * Page#nextCursor()}. Immutable. A size below 1 or an empty cursor is an {@link
 * InvalidRequestException}. The page size is checked against the vendor's limit (at most 50 on
 * every built-in provider) when the request is made.
 */
public final class PageRequest {

  private final @Nullable String cursor;
  private final int size;

  private PageRequest(@Nullable String cursor, int size) {
    if (size < 1) {
      throw new InvalidRequestException("page", "page size must be at least 1, was " + size);
    }
    this.cursor = cursor;
    this.size = size;
  }

  /** The first page with up to {@code size} items. */
  public static PageRequest first(int size) {
    return new PageRequest(null, size);
  }

  /** The page after {@code cursor}, with up to {@code size} items. */
  public static PageRequest after(String cursor, int size) {
    if (cursor == null || cursor.isEmpty()) {
      throw new InvalidRequestException("cursor", "cursor must not be null or empty: use PageRequest.first for the first page");
    }
    return new PageRequest(cursor, size);
  }

  /** The cursor, or empty for the first page. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** The largest number of items wanted. */
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PageRequest
        && size == ((PageRequest) o).size
        && Objects.equals(cursor, ((PageRequest) o).cursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cursor, size);
  }

  @Override
  public String toString() {
    return "PageRequest{size=" + size + (cursor == null ? "" : ", cursor=" + cursor) + '}';
  }
}
