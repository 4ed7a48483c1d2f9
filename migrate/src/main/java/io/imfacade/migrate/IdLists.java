package io.imfacade.migrate;

import io.imfacade.error.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the lists of ids a migration takes, such as {@code users.txt} and {@code groups.tsv}: one
 * id per line, in UTF-8. Only the first tab-separated column counts, so that a TSV with more
 * columns (a group's id, then its name) works as it is; surrounding blanks are trimmed; blank lines
 * and lines starting with {@code #} are skipped.
 */
public final class IdLists {

  private IdLists() {}

  /**
   * The ids of {@code file}, read lazily each time the result is iterated: a list of a million ids
   * is never held in memory by this reader.
   *
   * @throws InvalidRequestException if the file does not exist (checked now) or cannot be read
   *     (when iterated)
   */
  public static Iterable<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidRequestException("file", "no such file: " + file);
    }
    return () -> new LineIterator(file);
  }

  /** The id of one line, or null for a line that holds none. */
  static @Nullable String idOf(String line) {
    int tab = line.indexOf('\t');
    String id = (tab < 0 ? line : line.substring(0, tab)).strip();
    if (!id.isEmpty() && id.charAt(0) == '\uFEFF') {
      id = id.substring(1).strip(); // a byte-order mark left by an editor
    }
    return id.isEmpty() || id.startsWith("#") ? null : id;
  }

  private static final class LineIterator implements Iterator<String> {
    private final Path file;
    private final BufferedReader reader;
    private @Nullable String next;
    private boolean closed;

    LineIterator(Path file) {
      this.file = file;
      try {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidRequestException("file", "cannot read " + file + ": " + e.getMessage());
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null && !closed) {
        String line;
        try {
          line = reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
        if (line == null) {
          closed = true;
          try {
            reader.close();
          } catch (IOException ignored) {
            // Read to its end: nothing was lost.
          }
        } else {
          next = idOf(line);
        }
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String id = next;
      next = null;
      return id;
    }
  }
}
