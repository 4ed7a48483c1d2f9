package io.imfacade.migrate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.migrate.Counts;
import io.imfacade.migrate.Item;
import java.util.EnumMap;
import java.util.Map;

/** Counters of written, skipped and failed items. Not thread-safe: each owner keeps its own. */
final class Tally {

  static final int WRITTEN = 0;
  static final int SKIPPED = 1;
  static final int FAILED = 2;

  private final long[][] counts = new long[Item.values().length][3];

  void add(Item item, int kind, long n) {
    counts[item.ordinal()][kind] += n;
  }

  long count(Item item, int kind) {
    return counts[item.ordinal()][kind];
  }

  void addAll(Tally other) {
    for (int i = 0; i < counts.length; i++) {
      for (int k = 0; k < 3; k++) {
        counts[i][k] += other.counts[i][k];
      }
    }
  }

  Map<Item, Counts> snapshot() {
    Map<Item, Counts> map = new EnumMap<>(Item.class);
    for (Item item : Item.values()) {
      long[] c = counts[item.ordinal()];
      map.put(item, new Counts(c[WRITTEN], c[SKIPPED], c[FAILED]));
    }
    return map;
  }

  ObjectNode toJson() {
    ObjectNode n = Dump.MAPPER.createObjectNode();
    for (Item item : Item.values()) {
      long[] c = counts[item.ordinal()];
      n.putArray(item.name()).add(c[WRITTEN]).add(c[SKIPPED]).add(c[FAILED]);
    }
    return n;
  }

  static Tally fromJson(JsonNode n) {
    Tally t = new Tally();
    for (Item item : Item.values()) {
      JsonNode c = n.path(item.name());
      for (int k = 0; k < 3; k++) {
        t.counts[item.ordinal()][k] = c.path(k).asLong(0);
      }
    }
    return t;
  }

  Tally copy() {
    Tally t = new Tally();
    t.addAll(this);
    return t;
  }
}
