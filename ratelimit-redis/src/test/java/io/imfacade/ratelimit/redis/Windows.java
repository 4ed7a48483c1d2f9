package io.imfacade.ratelimit.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counting events in sliding and in fixed windows. */
final class Windows {

  private Windows() {}

  /**
   * The most events in any window of {@code width} (same unit as the times): for each event, the
   * events at or after it and less than {@code width} later.
   */
  static int maxInAnyWindow(Collection<Long> times, long width) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int max = 0;
    int end = 0;
    for (int start = 0; start < sorted.size(); start++) {
      while (end < sorted.size() && sorted.get(end) - sorted.get(start) < width) {
        end++;
      }
      max = Math.max(max, end - start);
    }
    return max;
  }

  /**
   * The most events in one of the fixed windows {@code [k·width, (k+1)·width)}: how a vendor that
   * counts per second of its clock sees them (the NetEase simulator does).
   */
  static int maxInFixedWindows(Collection<Long> times, long width) {
    Map<Long, Integer> counts = new HashMap<>();
    for (long t : times) {
      counts.merge(Math.floorDiv(t, width), 1, Integer::sum);
    }
    return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
