package io.imfacade.inmemory;

import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot file of one client ({@code inmemory.file}), shared with every other client of the
 * same file, in this JVM or any other process: the file is the fake vendor's state, and each
 * client's store a copy of it that is brought up to date before every call.
 *
 * <p>Every call runs under the file's {@link FileGuard}: it reloads the file if another client
 * saved it since this one last read or wrote it, runs, and, if it changed something, saves the
 * file before it returns and before any other client may touch the file. So no write is ever
 * lost: it is saved when the call returns, or the call throws and its change is discarded (the
 * store is reloaded from the file on the next call). Several calls in {@link
 * InMemoryImClient#atomically} form one such call.
 *
 * <p>Who saved last is told by a token: a random number each save writes into the lock file,
 * which only lock holders read or write, so a change by another client is never missed. The
 * file's identity, time and size are compared too, for a file replaced by hand or by an older
 * version that did not lock.
 */
final class SnapshotFile {

  private static final ErrorDetails DETAILS = ErrorDetails.builder().provider(InMemoryProvider.ID).build();

  /** A file's identity, modification time and size; ABSENT when there is no file. */
  private record Stamp(@Nullable Object key, @Nullable FileTime modified, long size) {
    static final Stamp ABSENT = new Stamp(null, null, -1);

    static Stamp of(Path file) throws IOException {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
      } catch (NoSuchFileException e) {
        return ABSENT;
      }
    }
  }

  private final Path file;
  private final FileGuard guard;
  private final SnapshotRules rules;

  // Guarded by the guard's lock (only its holder runs a call):
  /** The token and stamp of the file as this client last read or saved it. */
  private long token;
  private Stamp stamp = Stamp.ABSENT;
  /** Whether the store may differ from the file other than by unsaved changes: reload it. */
  private boolean stale = true;
  /** Whether the store holds changes not saved yet (inside {@link InMemoryImClient#atomically}). */
  private boolean pending;
  /** How deep this client's calls are nested (atomically and the calls inside it). */
  private int depth;
  /** What this client last saved, while the file still holds it; null when unknown. */
  private byte @Nullable [] saved;

  private SnapshotFile(Path file, FileGuard guard, SnapshotRules rules) {
    this.file = file;
    this.guard = guard;
    this.rules = rules;
  }

  /**
   * The snapshot file at {@code file} with its lock file {@code <name>.lock} next to it, creating
   * the missing directories (the lock file needs one). Nothing is read yet.
   *
   * @throws ConfigurationException if the path is a directory or its directory cannot be created
   */
  static SnapshotFile at(Path file, SnapshotRules rules) {
    Path target = file.toAbsolutePath().normalize();
    Path dir = target.getParent();
    if (dir == null || target.getFileName() == null) {
      throw fail(file, "is not a file path", null);
    }
    if (Files.isDirectory(target)) {
      throw new ConfigurationException(InMemoryProvider.FILE + " '" + file
          + "' cannot be read (it is a directory); it was left untouched", DETAILS);
    }
    try {
      Files.createDirectories(dir);
      // The real directory, so that every spelling of the path shares one guard in this JVM.
      Path lockFile = dir.toRealPath().resolve(target.getFileName() + ".lock");
      return new SnapshotFile(target, FileGuard.of(lockFile), rules);
    } catch (IOException e) {
      throw fail(file, "cannot get a lock file next to it: " + e, e);
    }
  }

  /**
   * Runs one call of {@code store} on current data. A {@code write}, and any write inside (such as
   * a call in {@link InMemoryImClient#atomically}), is saved before this returns; if {@code call}
   * throws, its changes are discarded.
   *
   * @throws ConfigurationException if the file cannot be locked, read or written (then nothing
   *     this call changed remains)
   * @throws ConflictException if another client of this file saved it from inside this call (from
   *     {@code atomically} on this thread); this call's changes are discarded
   */
  <T> T run(Store store, boolean write, Supplier<T> call) {
    FileChannel channel = acquire();
    try {
      if (depth == 0) {
        refresh(store, channel);
      }
      depth++;
      T result;
      try {
        result = call.get();
      } catch (RuntimeException | Error e) {
        depth--;
        if (depth == 0 && (write || pending)) {
          discard();
        }
        throw e;
      }
      depth--;
      if (write) {
        pending = true;
      }
      if (depth == 0 && pending) {
        save(store, channel);
      }
      return result;
    } finally {
      guard.release();
    }
  }

  private FileChannel acquire() {
    try {
      return guard.acquire();
    } catch (IOException e) {
      throw fail(file, "cannot lock " + guard.lockFile() + ": " + e, e);
    }
  }

  /** Forgets the store's unsaved changes: the next call reloads the file. */
  private void discard() {
    pending = false;
    stale = true;
    saved = null;
  }

  private void refresh(Store store, FileChannel channel) {
    long onDisk;
    Stamp now;
    try {
      onDisk = readToken(channel);
      now = Stamp.of(file);
    } catch (IOException e) {
      throw fail(file, "cannot be read: " + e, e);
    }
    if (!stale && onDisk == token && now.equals(stamp)) {
      return;
    }
    Store.Contents contents = Snapshot.read(file, rules);
    store.replace(contents);
    saved = null;
    token = onDisk;
    stamp = now;
    stale = false;
  }

  private void save(Store store, FileChannel channel) {
    boolean savedByOther;
    try {
      savedByOther = readToken(channel) != token;
      if (!savedByOther) {
        byte[] bytes = Snapshot.bytes(store.exclusive(() -> Snapshot.export(store)));
        pending = false;
        if (Arrays.equals(bytes, saved)) {
          return;  // a write that changed nothing (such as removing a non-contact) costs no disk write
        }
        // The token first: if the file is then not written, other clients merely reload it.
        long next = newToken();
        writeToken(channel, next);
        Snapshot.write(file, bytes);
        token = next;
        saved = bytes;
      }
    } catch (IOException | RuntimeException e) {
      discard();
      throw fail(file, "cannot be written: " + e + "; the change was not made", e);
    }
    if (savedByOther) {
      // Only a client called inside this one's atomically(...) can have saved while the lock was
      // held; saving now would overwrite its change.
      discard();
      throw new ConflictException(InMemoryProvider.FILE + " '" + file + "' was saved by another client inside "
          + "this client's atomically(...); this client's changes were discarded", DETAILS);
    }
    try {
      stamp = Stamp.of(file);
    } catch (IOException e) {
      stale = true;  // saved, but the next call cannot tell a later change by hand: it reloads
      saved = null;
    }
  }

  private static long readToken(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, buffer.position()) < 0) {
        return 0;  // a new lock file: nobody saved under the lock yet
      }
    }
    return buffer.flip().getLong();
  }

  private static void writeToken(FileChannel channel, long token) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES).putLong(token).flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer, buffer.position());
    }
  }

  private static long newToken() {
    long token;
    do {
      token = ThreadLocalRandom.current().nextLong();
    } while (token == 0);
    return token;
  }

  private static ConfigurationException fail(Path file, String problem, @Nullable Throwable cause) {
    String message = InMemoryProvider.FILE + " '" + file + "' " + problem;
    return cause == null ? new ConfigurationException(message, DETAILS) : new ConfigurationException(message, DETAILS, cause);
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
