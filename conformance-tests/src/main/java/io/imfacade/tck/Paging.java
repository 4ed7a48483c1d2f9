package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Follows cursors to the end of a paged list, checking each page on the way. */
final class Paging {

  /** More pages than any list in the TCK needs: a cursor that never ends is a failure, not a hang. */
  private static final int MAX_PAGES = 1000;

  private Paging() {}

  /** Every page of a list, read with pages of {@code size}. */
  static <T> List<Page<T>> pages(Function<PageRequest, Page<T>> fetch, int size) {
    List<Page<T>> pages = new ArrayList<>();
    PageRequest next = PageRequest.first(size);
    while (next != null) {
      Page<T> page = fetch.apply(next);
      assertThat(page).as("page %d", pages.size() + 1).isNotNull();
      assertThat(page.items()).as("items of page %d (size %d)", pages.size() + 1, size).hasSizeLessThanOrEqualTo(size);
      pages.add(page);
      assertThat(pages).as("the cursors never end").hasSizeLessThan(MAX_PAGES);
      next = page.nextCursor().map(c -> PageRequest.after(c, size)).orElse(null);
    }
    return pages;
  }

  /** The items of the pages, in order. */
  static <T> List<T> items(List<Page<T>> pages) {
    List<T> items = new ArrayList<>();
    pages.forEach(p -> items.addAll(p.items()));
    return items;
  }
}
