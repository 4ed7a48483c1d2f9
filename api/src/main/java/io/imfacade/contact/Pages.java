package io.imfacade.contact;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ProviderUnavailableException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a paged list into a lazy stream that follows the cursors, and stops safely when a server
 * misbehaves.
 *
 * <p>A server that answers the same cursor twice, or keeps answering empty pages with a cursor,
 * would make a naive loop run forever. The stream ends instead: a repeated cursor would only
 * repeat items already seen, and a run of {@value #MAX_EMPTY_PAGES} empty pages ends the list. A
 * list that still has a next page after {@code maxPages} pages fails with a {@link
 * ProviderUnavailableException}, because it is longer than the vendor allows a list to be.
 */
public final class Pages {

  /** The default bound on the pages one stream reads. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  /** Consecutive empty pages that end a list even when the server sends a cursor. */
  static final int MAX_EMPTY_PAGES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

  private Pages() {}

  /** A stream over every item of a paged list, reading at most {@value #DEFAULT_MAX_PAGES} pages. */
  public static <T> Stream<T> stream(Function<PageRequest, Page<T>> fetch, int pageSize) {
    return stream(fetch, pageSize, DEFAULT_MAX_PAGES, ErrorDetails.none());
  }

  /**
   * A sequential stream over every item of a paged list. The first page is fetched on the first
   * terminal operation, each next page only when the previous one is used up.
   *
   * @param fetch reads one page
   * @param pageSize the size of each page request
   * @param maxPages the most pages a complete list can take
   * @param details what to attach to the failure when the list runs past {@code maxPages}
   */
  public static <T> Stream<T> stream(Function<PageRequest, Page<T>> fetch, int pageSize, int maxPages,
      ErrorDetails details) {
    PageRequest first = PageRequest.first(pageSize);
    Iterator<T> it = new Iterator<>() {
      private PageRequest next = first;
      private Iterator<T> current = Collections.emptyIterator();
      private final Set<String> cursorsSeen = new HashSet<>();
      private int pages;
      private int emptyInARow;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next != null) {
          if (pages == maxPages) {
            throw new ProviderUnavailableException("the list did not end after " + maxPages
                + " pages, more than the vendor allows a list to have; the server's cursors look broken", details);
          }
          Page<T> page = fetch.apply(next);
          pages++;
          current = page.items().iterator();
          emptyInARow = page.items().isEmpty() ? emptyInARow + 1 : 0;
          String cursor = page.nextCursor().orElse(null);
          if (cursor != null && !cursorsSeen.add(cursor)) {
            LOG.debug("the server answered cursor {} twice: the list ends here", cursor);
            cursor = null;
          } else if (cursor != null && emptyInARow >= MAX_EMPTY_PAGES) {
            LOG.debug("{} empty pages in a row, each with a cursor: the list ends here", emptyInARow);
            cursor = null;
          }
          next = cursor == null ? null : PageRequest.after(cursor, pageSize);
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
