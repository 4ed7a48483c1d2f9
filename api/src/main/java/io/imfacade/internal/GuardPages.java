package io.imfacade.internal;

import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.contact.Pages;
import io.imfacade.error.ErrorDetails;
import io.imfacade.spi.VendorLimits;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The guard's lazy streams over paged lists, for every layer that offers them: the guard, and a
 * layer above it that reads each page on another client (the tenants' handles), so both stream
 * alike.
 */
public final class GuardPages {

  private GuardPages() {}

  /**
   * A stream over a list of at most {@code maxItems}: pages of the default size within the vendor's
   * maximum, and at most twice the pages such a list takes, plus ten: a server that keeps answering
   * cursors past that is broken, and following it forever would hang the caller.
   */
  public static <T> Stream<T> stream(Function<PageRequest, Page<T>> fetch, VendorLimits limits, int maxItems,
      ErrorDetails details) {
    int size = Math.min(ContactGraph.DEFAULT_STREAM_PAGE_SIZE, limits.pageSizeMax());
    long pages = (long) maxItems / size + 1;
    return Pages.stream(fetch, size, (int) Math.min(Pages.DEFAULT_MAX_PAGES, 2 * pages + 10), details);
  }
}
