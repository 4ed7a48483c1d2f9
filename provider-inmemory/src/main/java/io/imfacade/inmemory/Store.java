package io.imfacade.inmemory;

import io.imfacade.profile.UserProfile;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Without a snapshot file, reads go straight to the concurrent maps (an immutable {@link
 * UserProfile} per user), so a profile read costs one map lookup. Every write runs under the shared
 * side of {@link #gate}; the rare operations that need the whole store still (reset, export,
 * reload, close, {@link #atomically}) take its exclusive side, so that a snapshot never holds half
 * of a two-way contact change.
 *
 * <p>With a snapshot file, every read and write also goes through {@link SnapshotFile#run}: it
 * holds the file's lock, brings this store up to date with the file first and saves a write
 * before it returns, so that clients in other threads, JVMs and processes never lose each other's
 * writes.
 */
final class Store {

  static final String REGISTERED = "registered";
  static final String AUTO = "auto";

  /** What a store holds, as a snapshot gives it: replaced as a whole by {@link #replace}. */
  record Contents(
      Map<String, StoredAccount> users,
      Map<String, UserProfile> profiles,
      Map<String, StoredGroup> groups,
      Map<String, List<OrderedList.Item>> contacts,
      Map<String, List<OrderedList.Item>> blocked) {

    static Contents empty() {
      return new Contents(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
  }

  /** Users that exist: registered, loaded from a snapshot, or written to in auto mode. */
  final ConcurrentMap<String, StoredAccount> users = new ConcurrentHashMap<>();
  /** Non-empty profiles by user id. */
  final ConcurrentMap<String, UserProfile> profiles = new ConcurrentHashMap<>();
  final ConcurrentMap<String, StoredGroup> groups = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Relations> relations = new ConcurrentHashMap<>();

  private final boolean autoUsers;
  private final Clock clock;
  private final @Nullable SnapshotFile file;
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /** A store kept in memory only ({@code file} null), or kept in step with a snapshot file. */
  Store(boolean autoUsers, Clock clock, @Nullable SnapshotFile file) {
    this.autoUsers = autoUsers;
    this.clock = clock;
    this.file = file;
  }

  boolean autoUsers() {
    return autoUsers;
  }

  /** The clock of the client's {@link io.imfacade.spi.ProviderContext}: creation times, token expiry. */
  Clock clock() {
    return clock;
  }

  /**
   * Loads the snapshot file, if there is one, so that a bad file fails the open.
   *
   * @throws io.imfacade.error.ConfigurationException if the file cannot be read or is not valid
   */
  void load() {
    if (file != null) {
      file.run(this, false, () -> null);
    }
  }

  /**
   * Refuses the fixtures (reset, save, atomically), which the guard does not see, once the client
   * is closed; and a service's write that raced with close past the guard, which would
   * otherwise land after the client said it was done.
   */
  void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the " + InMemoryProvider.ID + " client is closed");
    }
  }

  /** Runs a read on current data: with a snapshot file, after any change another client saved. */
  <T> T read(Supplier<T> read) {
    return file == null ? read.get() : file.run(this, false, read);
  }

  /**
   * Runs a change under the shared side of the gate, refused once closed. With a snapshot file it
   * is saved before this returns, or it fails and leaves no trace.
   */
  <T> T write(Supplier<T> change) {
    requireOpen();  // before touching the file; checked again under the gate, where it counts
    return persisted(() -> gated(gate.readLock(), change));
  }

  void write(Runnable change) {
    write(() -> {
      change.run();
      return null;
    });
  }

  /**
   * Runs a change like {@link #write}, but while no other write is in progress: for a change that
   * touches many users' data at once (deleting an account), which a concurrent write could
   * otherwise leave half-done.
   */
  <T> T writeAlone(Supplier<T> change) {
    requireOpen();
    return persisted(() -> gated(gate.writeLock(), change));
  }

  /** Drops all data, as one write. */
  void reset() {
    persisted(() -> gated(gate.writeLock(), () -> {
      replace(Contents.empty());
      return null;
    }));
  }

  /**
   * Writes the snapshot file now, even though nothing changed.
   *
   * @throws IllegalStateException if there is no snapshot file or the store is closed
   */
  void save() {
    requireOpen();
    if (file == null) {
      throw new IllegalStateException("no snapshot file to save to: set " + InMemoryProvider.FILE);
    }
    file.run(this, true, () -> {
      requireOpen();
      return null;
    });
  }

  /**
   * Runs {@code action}, whose calls on this client then take effect together or, if it throws,
   * not at all. With a snapshot file, no other client of the file (in any JVM) reads or writes
   * meanwhile, and the changes are saved once, at the end; without one, the other writes of this
   * client wait.
   */
  <T> T atomically(Supplier<T> action) {
    requireOpen();
    if (file != null) {
      return file.run(this, false, action);
    }
    Lock lock = gate.writeLock();
    lock.lock();
    try {
      requireOpen();
      // The writes inside take the gate's shared side too, which the holder of the exclusive side may.
      Snapshot.Data before = Snapshot.export(this);
      try {
        return action.get();
      } catch (RuntimeException | Error e) {
        replace(Snapshot.contents(before, autoUsers));
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private <T> T persisted(Supplier<T> change) {
    return file == null ? change.get() : file.run(this, true, change);
  }

  private <T> T gated(Lock lock, Supplier<T> change) {
    lock.lock();
    try {
      requireOpen();
      return change.get();
    } finally {
      lock.unlock();
    }
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

  /**
   * Marks the store closed, after the writes in progress: a write either finished before (and,
   * with a snapshot file, is saved by the call that made it) or is refused.
   */
  void close() {
    exclusive(() -> {
      closed = true;
      return null;
    });
  }

  /**
   * Replaces all data with {@code contents}. Contact and block lists keep the positions of the
   * entries that stay, so that paging across a reload neither repeats nor skips them.
   */
  void replace(Contents contents) {
    exclusive(() -> {
      users.clear();
      users.putAll(contents.users());
      profiles.clear();
      profiles.putAll(contents.profiles());
      contents.groups().forEach((id, group) -> {
        StoredGroup previous = groups.get(id);
        if (previous != null) {
          group.continuePositionsOf(previous);
        }
      });
      groups.clear();
      groups.putAll(contents.groups());
      Set<String> owners = new HashSet<>(relations.keySet());
      owners.addAll(contents.contacts().keySet());
      owners.addAll(contents.blocked().keySet());
      for (String owner : owners) {
        Relations r = relations(owner);
        synchronized (r) {
          r.contacts.replaceAll(contents.contacts().getOrDefault(owner, List.of()));
          r.blocked.replaceAll(contents.blocked().getOrDefault(owner, List.of()));
        }
      }
      return null;
    });
  }

  boolean exists(String userId) {
    return autoUsers || users.containsKey(userId);
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
      users.putIfAbsent(userId, StoredAccount.UNDATED);
    } else {
      requireUser(op, userId);
    }
  }

  StoredGroup requireGroup(Op op, String groupId) {
    StoredGroup group = groups.get(groupId);
    if (group == null) {
      throw op.notFound("group not exists: " + groupId);
    }
    return group;
  }

  /**
   * Removes a user and what a vendor deletes with the account (Easemob: its contacts, attributes
   * and the groups it owns): the account, the profile, the contacts on both sides, its block list
   * and its place on others', its memberships with their attributes, and the groups it owns. Call
   * through {@link #writeAlone}: it touches many users' data.
   *
   * @return whether there was anything to remove
   */
  boolean forget(String userId) {
    boolean existed = users.remove(userId) != null;
    existed |= profiles.remove(userId) != null;
    existed |= groups.values().removeIf(g -> g.owner.equals(userId));
    for (StoredGroup group : groups.values()) {
      existed |= group.leave(userId);
    }
    // No write runs meanwhile (writeAlone), but reads of lists do: each list under its monitor.
    Relations own = relations.remove(userId);
    if (own != null) {
      List<OrderedList.Entry> contacts;
      synchronized (own) {
        contacts = own.contacts.entries();
        existed |= !contacts.isEmpty() || !own.blocked.isEmpty();
      }
      for (OrderedList.Entry e : contacts) {
        Relations friend = relations.get(e.userId());
        if (friend != null) {
          synchronized (friend) {
            friend.contacts.remove(userId);
          }
        }
      }
    }
    for (Relations r : relations.values()) {
      synchronized (r) {
        existed |= r.blocked.remove(userId);
      }
    }
    return existed;
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
