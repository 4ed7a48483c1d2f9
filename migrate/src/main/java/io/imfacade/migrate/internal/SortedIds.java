package io.imfacade.migrate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A set of user ids as one sorted array: the users of a migration, for "is this contact one of
 * them?" by binary search, and for walking them in a stable order that a resumed run can skip into.
 * About 60 bytes an id, a third of a {@code HashSet}'s. Immutable.
 */
public final class SortedIds {

  private final String[] ids;

  private SortedIds(String[] ids) {
    this.ids = ids;
  }

  /** The distinct ids of {@code source} in lower case (vendors compare ids case-insensitively), blanks left out. */
  public static SortedIds of(Iterable<String> source) {
    List<String> all = new ArrayList<>();
    for (String id : source) {
      if (id != null && !id.isBlank()) {
        all.add(id.strip().toLowerCase(Locale.ROOT));
      }
    }
    String[] sorted = all.toArray(new String[0]);
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || !sorted[i].equals(sorted[n - 1])) {
        sorted[n++] = sorted[i];
      }
    }
    return new SortedIds(n == sorted.length ? sorted : Arrays.copyOf(sorted, n));
  }

  /** Whether {@code id} (lower case) is one of them. */
  public boolean contains(String id) {
    return Arrays.binarySearch(ids, id) >= 0;
  }

  /** How many there are. */
  public int size() {
    return ids.length;
  }

  /** The id at {@code index} of the sorted order. */
  public String get(int index) {
    return ids[index];
  }

  /** A digest of the ids, so that a checkpoint can tell whether it was made for the same ones. */
  public String digest() {
    return Digests.of(ids);
  }
}
