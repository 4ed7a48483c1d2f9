package io.imfacade.inmemory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The lock of one snapshot file, shared by every client of that file in this JVM: a lock file next
 * to it, locked with {@link FileChannel#lock()} so that other JVMs and processes wait, behind a
 * {@link ReentrantLock} so that the threads of this JVM wait too.
 *
 * <p>The in-JVM lock is needed, not only convenient: the operating system's file locks belong to the
 * whole process, so a second lock from this JVM would not wait but fail ({@link
 * java.nio.channels.OverlappingFileLockException}), and closing any channel of the file could drop
 * a lock another thread holds. Here only the thread holding the in-JVM lock ever opens, locks or
 * closes the lock file. Reentrant, so that calls made inside {@link InMemoryImClient#atomically}
 * (on any client of the file) pass.
 *
 * <p>The lock file is created on first use and never deleted: deleting it while clients run would
 * let two of them lock different files. Its content is the token of the last save ({@link
 * SnapshotFile}).
 */
final class FileGuard {

  /** One guard per lock file, for the JVM's lifetime: a few bytes per snapshot file ever opened. */
  private static final ConcurrentMap<Path, FileGuard> GUARDS = new ConcurrentHashMap<>();

  private final Path lockFile;
  private final ReentrantLock lock = new ReentrantLock();
  /** Guarded by {@link #lock}: how deep the holding thread is, and its open, locked channel. */
  private int holds;
  private @Nullable FileChannel channel;

  private FileGuard(Path lockFile) {
    this.lockFile = lockFile;
  }

  /** The guard of a lock file, given by a path that is the same for every spelling of the file. */
  static FileGuard of(Path lockFile) {
    return GUARDS.computeIfAbsent(lockFile, FileGuard::new);
  }

  Path lockFile() {
    return lockFile;
  }

  /**
   * Waits until this thread holds the lock, in this JVM and on the file. Every call must be paired
   * with {@link #release()}.
   *
   * @return the lock file's channel, open for reading and writing while the lock is held
   * @throws IOException if the lock file cannot be created, opened or locked (the lock is not held)
   */
  FileChannel acquire() throws IOException {
    lock.lock();
    if (holds == 0) {
      try {
        FileChannel opened = FileChannel.open(lockFile,
            StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
          opened.lock();
        } catch (IOException | RuntimeException e) {
          opened.close();
          throw e;
        }
        channel = opened;
      } catch (IOException | RuntimeException | Error e) {
        lock.unlock();
        throw e;
      }
    }
    holds++;
    return channel;
  }

  /** Releases one {@link #acquire()}; the last one unlocks the file (closing its channel does). */
  void release() {
    try {
      if (--holds == 0) {
        FileChannel held = channel;
        channel = null;
        held.close();
      }
    } catch (IOException e) {
      // The lock goes with the channel whatever close reports; the data was saved before.
    } finally {
      lock.unlock();
    }
  }
}
