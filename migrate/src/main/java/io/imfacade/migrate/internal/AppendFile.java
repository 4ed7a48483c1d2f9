package io.imfacade.migrate.internal;

import io.imfacade.error.InvalidRequestException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file written only at its end (the dump, the failures file), that knows its length and can be
 * made durable: the checkpoint records a length that {@link #sync()} made durable, and a resumed
 * run cuts the file back to it, dropping what the interrupted run wrote after (and will write
 * again). Thread-safe.
 */
final class AppendFile implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final OutputStream out;
  private long position;

  private AppendFile(Path file, FileChannel channel, long position) {
    this.file = file;
    this.channel = channel;
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    this.position = position;
  }

  /**
   * Opens {@code file} for appending: a new, empty file when {@code keep} is negative, else the file
   * cut back to its first {@code keep} bytes.
   *
   * @throws InvalidRequestException if it cannot be opened, or is shorter than {@code keep} (changed
   *     since the checkpoint was written)
   */
  static AppendFile open(Path file, long keep) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long length = Math.max(0, keep);
      if (channel.size() < length) {
        channel.close();
        throw new InvalidRequestException("file", file + " holds " + Files.size(file) + " bytes, fewer than the "
            + length + " the checkpoint recorded: it was changed since; start over without resuming");
      }
      channel.truncate(length);
      channel.position(length);
      return new AppendFile(file, channel, length);
    } catch (IOException e) {
      throw new InvalidRequestException("file", "cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Appends {@code bytes}. */
  synchronized void write(byte[] bytes) {
    try {
      out.write(bytes);
      position += bytes.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The length the file has with everything written so far. */
  synchronized long position() {
    return position;
  }

  /** Makes everything written so far durable; returns the length that is. */
  synchronized long sync() {
    try {
      out.flush();
      channel.force(false);
      return position;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.flush();
      channel.force(false);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
