package io.imfacade.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {

  private final List<PageRequest> requests = new ArrayList<>();

  private Page<Integer> fetch(PageRequest request) {
    requests.add(request);
    int start = request.cursor().map(Integer::parseInt).orElse(0);
    int end = Math.min(start + request.size(), 120);
    List<Integer> items = IntStream.range(start, end).boxed().collect(Collectors.toList());
    return Page.of(items, end < 120 ? Integer.toString(end) : null);
  }

  @Test
  void followsCursorsToTheEnd() {
    assertThat(Pages.stream(this::fetch, 50).collect(Collectors.toList()))
        .containsExactlyElementsOf(IntStream.range(0, 120).boxed().collect(Collectors.toList()));
    assertThat(requests).hasSize(3);
  }

  @Test
  void isLazy() {
    var stream = Pages.stream(this::fetch, 50);
    assertThat(requests).isEmpty();
    assertThat(stream.limit(10).count()).isEqualTo(10);
    assertThat(requests).hasSize(1);
  }

  @Test
  void aRunOfEmptyPagesWithCursorsEndsTheList() {
    int[] calls = {0};
    assertThat(Pages.stream(r -> Page.<String>of(List.of(), "c" + calls[0]++), 10).count()).isZero();
    assertThat(calls[0]).isEqualTo(Pages.MAX_EMPTY_PAGES);
  }

  @Test
  void pageSizeBelowOneAndEmptyCursorsAreInvalidRequests() {
    assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> PageRequest.after("", 5)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> PageRequest.after(null, 5)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void skipsEmptyPagesThatStillHaveACursor() {
    List<Page<String>> pages = List.of(Page.of(List.of(), "1"), Page.of(List.of("a"), null));
    int[] i = {0};
    assertThat(Pages.stream(r -> pages.get(i[0]++), 10).collect(Collectors.toList())).containsExactly("a");
  }
}
