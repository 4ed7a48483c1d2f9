package io.imfacade.inmemory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A group: its owner and its members, each with their attributes. An attribute map is immutable and
 * replaced as a whole, so a member's attributes change atomically and readers never lock.
 */
final class Group {

  final String owner;
  /** Member id to that member's attributes (an empty map when none). */
  final ConcurrentMap<String, Map<String, String>> members = new ConcurrentHashMap<>();

  Group(String owner) {
    this.owner = owner;
    members.put(owner, Map.of());
  }
}
