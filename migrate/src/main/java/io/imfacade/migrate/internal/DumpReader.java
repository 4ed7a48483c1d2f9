package io.imfacade.migrate.internal;

import io.imfacade.error.InvalidRequestException;
import io.imfacade.migrate.internal.Dump.End;
import io.imfacade.migrate.internal.Dump.GroupLine;
import io.imfacade.migrate.internal.Dump.Header;
import io.imfacade.migrate.internal.Dump.Line;
import io.imfacade.migrate.internal.Dump.MemberLine;
import io.imfacade.migrate.internal.Dump.UserLine;
import io.imfacade.migrate.internal.Records.GroupUnit;
import io.imfacade.migrate.internal.Records.MemberData;
import io.imfacade.migrate.internal.Records.UserData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a dump as a stream of records: never more than one group's members in memory. Internal.
 */
public final class DumpReader {

  /**
   * What one pass over a dump learns: its header and end, its users (the set a contact must be in)
   * and a fingerprint for the checkpoint.
   */
  record Index(Header header, End end, SortedIds users, String fingerprint) {}

  private DumpReader() {}

  /**
   * Reads the whole dump once, checking every line.
   *
   * @throws InvalidRequestException if it cannot be read, a line is malformed, the header is not
   *     first, members do not follow their group, or the end line is missing or disagrees
   */
  static Index scan(Path file) {
    List<String> userIds = new ArrayList<>();
    Header header = null;
    End end = null;
    String headerText = null;
    String endText = null;
    long groups = 0;
    long members = 0;
    String currentGroup = null;
    try (Cursor cursor = new Cursor(file)) {
      Line line;
      while ((line = cursor.nextLine()) != null) {
        if (end != null) {
          throw Dump.bad(file, cursor.lineNumber, "a record after the end record");
        }
        if (header == null && !(line instanceof Header)) {
          throw Dump.bad(file, cursor.lineNumber, "the first line is not the dump's header: not an imfacade dump?");
        }
        if (line instanceof Header h) {
          if (header != null) {
            throw Dump.bad(file, cursor.lineNumber, "a second header");
          }
          header = h;
          headerText = cursor.lastText;
        } else if (line instanceof UserLine u) {
          if (currentGroup != null) {
            throw Dump.bad(file, cursor.lineNumber, "a user after the groups");
          }
          userIds.add(u.user().userId());
        } else if (line instanceof GroupLine g) {
          currentGroup = g.group().groupId();
          groups++;
        } else if (line instanceof MemberLine m) {
          if (!m.groupId().equals(currentGroup)) {
            throw Dump.bad(file, cursor.lineNumber, "a member of group " + m.groupId() + " that does not follow it");
          }
          members++;
        } else if (line instanceof End e) {
          end = e;
          endText = cursor.lastText;
        }
      }
    }
    if (header == null) {
      throw new InvalidRequestException("dump", file + " is empty: not an imfacade dump");
    }
    if (end == null) {
      throw new InvalidRequestException("dump", file + " has no end record: its export stopped before it finished;"
          + " finish it with 'imfacade export ... --resume' (the library: Migration.export(...).resume(true))");
    }
    if (end.users() != userIds.size() || end.groups() != groups || end.members() != members) {
      throw new InvalidRequestException("dump", file + ": the end record counts " + end.users() + " users, " + end.groups()
          + " groups and " + end.members() + " members, the file holds " + userIds.size() + ", " + groups + " and "
          + members + ": it was changed or damaged");
    }
    SortedIds users = SortedIds.of(userIds);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new InvalidRequestException("dump", "cannot read " + file + ": " + e.getMessage());
    }
    return new Index(header, end, users, Digests.of(headerText, endText, Long.toString(size)));
  }

  /** The users of the dump, from the {@code skip}+1-th on. The caller closes it. */
  static RecordStream<UserData> users(Path file, long skip) {
    Cursor cursor = new Cursor(file);
    return new RecordStream<>(cursor, new Iterator<>() {
      private long skipped;
      private @Nullable UserData next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (next == null && !ended) {
          Line line = cursor.nextLine();
          if (line == null || line instanceof GroupLine || line instanceof End) {
            ended = true;
          } else if (line instanceof UserLine u) {
            if (skipped < skip) {
              skipped++;
            } else {
              next = u.user();
            }
          }
        }
        return next != null;
      }

      @Override
      public UserData next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        UserData u = next;
        next = null;
        return u;
      }
    });
  }

  /** The groups of the dump with their members, from the {@code skip}+1-th on. The caller closes it. */
  static RecordStream<GroupUnit> groups(Path file, long skip) {
    Cursor cursor = new Cursor(file);
    return new RecordStream<>(cursor, new Iterator<>() {
      private long seen;
      private @Nullable GroupLine pending;
      private @Nullable GroupUnit next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (next == null && !ended) {
          if (pending == null) {
            Line line = cursor.nextLine();
            if (line == null || line instanceof End) {
              ended = true;
            } else if (line instanceof GroupLine g) {
              pending = g;
            }
            continue;
          }
          GroupLine group = pending;
          pending = null;
          List<MemberData> members = new ArrayList<>();
          Line line;
          while ((line = cursor.nextLine()) instanceof MemberLine m) {
            members.add(m.member());
          }
          if (line instanceof GroupLine g) {
            pending = g;
          } else {
            ended = true;
          }
          if (seen++ >= skip) {
            next = new GroupUnit(group.group(), members);
          }
        }
        return next != null;
      }

      @Override
      public GroupUnit next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        GroupUnit g = next;
        next = null;
        return g;
      }
    });
  }

  /** An iterator over a dump's records that holds the file open until closed. */
  static final class RecordStream<T> implements Iterator<T>, AutoCloseable {
    private final Cursor cursor;
    private final Iterator<T> it;

    RecordStream(Cursor cursor, Iterator<T> it) {
      this.cursor = cursor;
      this.it = it;
    }

    @Override
    public boolean hasNext() {
      return it.hasNext();
    }

    @Override
    public T next() {
      return it.next();
    }

    @Override
    public void close() {
      cursor.close();
    }
  }

  /** The lines of a file, parsed. */
  static final class Cursor implements AutoCloseable {
    private final Path file;
    private final BufferedReader reader;
    long lineNumber;
    @Nullable String lastText;

    Cursor(Path file) {
      this.file = file;
      try {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidRequestException("dump", "cannot read " + file + ": " + e.getMessage());
      }
    }

    /** The next non-blank line, parsed; null at the end. */
    @Nullable Line nextLine() {
      try {
        String text;
        while ((text = reader.readLine()) != null) {
          lineNumber++;
          if (!text.isBlank()) {
            lastText = text;
            return Dump.parse(text, file, lineNumber);
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException ignored) {
        // Only read from: nothing to lose.
      }
    }
  }
}
