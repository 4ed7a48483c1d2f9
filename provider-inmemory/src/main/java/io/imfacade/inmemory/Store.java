package io.imfacade.inmemory;

import io.imfacade.profile.UserProfile;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * All data of one in-memory client, and the rules for touching it.
 *
 * <p>Reads go straight to the concurrent maps (an immutable {@link UserProfile} per user), so a
 * profile read costs one map lookup. Every write runs under the shared side of {@link #gate}; the
 * rare operations that need the whole store still ({@link #exclusive}: reset, snapshot, close) take
 * its exclusive side, so that a snapshot never holds half of a two-way contact change.
 */
final class Store {

  static final String REGISTERED = "registered";
  static final String AUTO = "auto";

  /** Users that exist: created through the admin, loaded from a snapshot, or written to in auto mode. */
  final Set<String> users = ConcurrentHashMap.newKeySet();
  /** Non-empty profiles by user id. */
  final ConcurrentMap<String, UserProfile> profiles = new ConcurrentHashMap<>();
  final ConcurrentMap<String, Group> groups = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Relations> relations = new ConcurrentHashMap<>();

  private final boolean autoUsers;
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private volatile boolean dirty;

  Store(boolean autoUsers) {
    this.autoUsers = autoUsers;
  }

  boolean autoUsers() {
    return autoUsers;
  }

  /**
   * Refuses the fixtures ({@link InMemoryAdmin}, reset, save), which the guard does not see, once
   * the client is closed; and a service's write that raced with close past the guard, which would
   * otherwise land after the final snapshot and be lost without a word.
   */
  void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the " + InMemoryProvider.ID + " client is closed");
    }
  }

  /** Runs a change; the store counts as changed if it returns normally. */
  <T> T write(Supplier<T> change) {
    Lock lock = gate.readLock();
    lock.lock();
    try {
      requireOpen();
      T result = change.get();
      dirty = true;
      return result;
    } finally {
      lock.unlock();
    }
  }

  void write(Runnable change) {
    write(() -> {
      change.run();
      return null;
    });
  }

  /** Runs {@code action} while no write is in progress. */
  <T> T exclusive(Supplier<T> action) {
    Lock lock = gate.writeLock();
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /** Marks the store closed, after the writes in progress; false if it already was. */
  boolean close() {
    return exclusive(() -> {
      boolean wasOpen = !closed;
      closed = true;
      return wasOpen;
    });
  }

  boolean isDirty() {
    return dirty;
  }

  void markDirty() {
    dirty = true;
  }

  /** Call under {@link #exclusive}, with the copy that is about to be saved. */
  void markClean() {
    dirty = false;
  }

  /** Drops everything. Call under {@link #exclusive}. */
  void clear() {
    users.clear();
    profiles.clear();
    groups.clear();
    relations.clear();
    dirty = true;
  }

  boolean exists(String userId) {
    return autoUsers || users.contains(userId);
  }

  /** Refuses a user that does not exist, as a vendor answers 404 for an unknown user. */
  void requireUser(Op op, String userId) {
    if (!exists(userId)) {
      throw op.notFound("user " + userId + " does not exist");
    }
  }

  /**
   * Like {@link #requireUser}, for a write that gives the user data: in auto mode the user is then
   * recorded, so that a snapshot reopened in registered mode still knows them.
   */
  void requireUserForWrite(Op op, String userId) {
    if (autoUsers) {
      users.add(userId);
    } else {
      requireUser(op, userId);
    }
  }

  Group requireGroup(Op op, String groupId) {
    Group group = groups.get(groupId);
    if (group == null) {
      throw op.notFound("group not exists: " + groupId);
    }
    return group;
  }

  /** The relations of a user, created empty on first use. */
  Relations relations(String userId) {
    return relations.computeIfAbsent(userId, k -> new Relations());
  }

  /** The relations of a user, or null if they never had any. */
  @Nullable Relations relationsIfPresent(String userId) {
    return relations.get(userId);
  }

  /** Every user's relations, for a snapshot. Call under {@link #exclusive}. */
  ConcurrentMap<String, Relations> allRelations() {
    return relations;
  }
}
