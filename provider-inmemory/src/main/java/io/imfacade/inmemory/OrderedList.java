package io.imfacade.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A list of user ids in the order they were added, each with an optional remark, numbered by a
 * sequence that only grows. Pages are cut by sequence number, so adding or removing entries
 * between two pages neither repeats nor skips the entries that stay. Not thread-safe: the owning
 * {@link Relations}' monitor guards it.
 */
final class OrderedList {

  /** One entry; {@code remark} is null when none. */
  record Entry(long seq, String userId, @Nullable String remark) {}

  /** An entry without its position: what a snapshot holds. */
  record Item(String userId, @Nullable String remark) {}

  /** Entries after a position, and whether more follow them. */
  record Slice(List<Entry> entries, boolean more) {}

  private final TreeMap<Long, Entry> bySeq = new TreeMap<>();
  private final Map<String, Long> seqOf = new HashMap<>();
  private long lastSeq;

  int size() {
    return seqOf.size();
  }

  boolean isEmpty() {
    return seqOf.isEmpty();
  }

  boolean contains(String userId) {
    return seqOf.containsKey(userId);
  }

  /** Appends a user; false (and no change) if already present. */
  boolean add(String userId, @Nullable String remark) {
    if (seqOf.containsKey(userId)) {
      return false;
    }
    long seq = ++lastSeq;
    seqOf.put(userId, seq);
    bySeq.put(seq, new Entry(seq, userId, remark));
    return true;
  }

  boolean remove(String userId) {
    Long seq = seqOf.remove(userId);
    if (seq == null) {
      return false;
    }
    bySeq.remove(seq);
    return true;
  }

  /** Sets or, with null, clears a remark; false if the user is not in the list. */
  boolean setRemark(String userId, @Nullable String remark) {
    Long seq = seqOf.get(userId);
    if (seq == null) {
      return false;
    }
    bySeq.put(seq, new Entry(seq, userId, remark));
    return true;
  }

  /**
   * Replaces the entries with {@code items}, in their order. An entry that stays, in the same order
   * relative to the others that stay, keeps its sequence number and every other entry gets a new
   * one: a cursor taken before a snapshot was reloaded then neither repeats nor skips the entries
   * that stayed, as for a change made here.
   */
  void replaceAll(List<Item> items) {
    Map<String, Long> oldSeqOf = new HashMap<>(seqOf);
    bySeq.clear();
    seqOf.clear();
    long previous = 0;
    for (Item item : items) {
      Long old = oldSeqOf.get(item.userId());
      long seq = old != null && old > previous ? old : ++lastSeq;
      seqOf.put(item.userId(), seq);
      bySeq.put(seq, new Entry(seq, item.userId(), item.remark()));
      previous = seq;
    }
  }

  /** Up to {@code max} entries after sequence number {@code afterSeq} (0 = from the start). */
  Slice after(long afterSeq, int max) {
    Iterator<Entry> it = bySeq.tailMap(afterSeq, false).values().iterator();
    List<Entry> page = new ArrayList<>(Math.min(max, size()));
    while (page.size() < max && it.hasNext()) {
      page.add(it.next());
    }
    return new Slice(page, it.hasNext());
  }

  /** Every entry, oldest first. */
  List<Entry> entries() {
    return new ArrayList<>(bySeq.values());
  }
}
