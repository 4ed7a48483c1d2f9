package io.imfacade.contact;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns a paged list into a lazy stream that follows the cursors. */
public final class Pages {

  private Pages() {}

  /**
   * A sequential stream over every item of a paged list. The first page is fetched on the first
   * terminal operation, each next page only when the previous one is used up.
   *
   * @param fetch reads one page
   * @param pageSize the size of each page request
   */
  public static <T> Stream<T> stream(Function<PageRequest, Page<T>> fetch, int pageSize) {
    PageRequest first = PageRequest.first(pageSize);
    Iterator<T> it = new Iterator<>() {
      private PageRequest next = first;
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next != null) {
          Page<T> page = fetch.apply(next);
          current = page.items().iterator();
          next = page.nextCursor().map(c -> PageRequest.after(c, pageSize)).orElse(null);
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }
}
