package io.imfacade.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A group as the store holds it: its owner, name, description and size cap, and its members in the
 * order they joined (the owner first), each with their attributes.
 *
 * <p>An attribute map is immutable and replaced as a whole, so a member's attributes change
 * atomically and readers never lock. Who is a member is {@link #members}' key set; the join order
 * ({@link #order}, for paging) changes only together with it, under this object's monitor.
 */
final class StoredGroup {

  final String owner;
  final String name;
  final @Nullable String description;
  /** The most members the creator asked for; 0 for the vendor's largest size. */
  final int maxMembers;
  /** Member id to that member's attributes (an empty map when none). */
  final ConcurrentMap<String, Map<String, String>> members = new ConcurrentHashMap<>();
  /** The members in join order; guarded by this object's monitor. */
  private OrderedList order = new OrderedList();

  StoredGroup(String owner, String name, @Nullable String description, int maxMembers) {
    this.owner = owner;
    this.name = name;
    this.description = description;
    this.maxMembers = maxMembers;
    join(owner, Map.of());
  }

  /** Adds a member with these attributes; false (and no change) if already a member. */
  synchronized boolean join(String userId, Map<String, String> attributes) {
    if (members.putIfAbsent(userId, attributes) != null) {
      return false;
    }
    order.add(userId, null);
    return true;
  }

  /** Removes a member and their attributes; false if not a member. */
  synchronized boolean leave(String userId) {
    if (members.remove(userId) == null) {
      return false;
    }
    order.remove(userId);
    return true;
  }

  /** Up to {@code max} members after position {@code afterSeq} (0 = from the start), in join order. */
  synchronized OrderedList.Slice members(long afterSeq, int max) {
    return order.after(afterSeq, max);
  }

  /** The member ids in join order. */
  synchronized List<String> memberIds() {
    List<String> ids = new ArrayList<>(members.size());
    order.entries().forEach(e -> ids.add(e.userId()));
    return ids;
  }

  /**
   * Takes over the join positions of {@code previous}, the same group before a snapshot was
   * reloaded: a member that stayed keeps its position, so that paging across the reload neither
   * repeats nor skips members (as {@link OrderedList#replaceAll} does for contact lists).
   */
  void continuePositionsOf(StoredGroup previous) {
    List<OrderedList.Item> items = new ArrayList<>();
    for (String id : memberIds()) {
      items.add(new OrderedList.Item(id, null));
    }
    OrderedList list;
    synchronized (previous) {
      list = previous.order;
      list.replaceAll(items);
      // The previous group is dropped from the store with this call: it gives its list up.
      previous.order = new OrderedList();
    }
    synchronized (this) {
      order = list;
    }
  }
}
