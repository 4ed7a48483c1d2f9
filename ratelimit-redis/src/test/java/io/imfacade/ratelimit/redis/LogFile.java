package io.imfacade.ratelimit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines the store logged since a mark, read from slf4j-simple's log file (see
 * simplelogger.properties), filtered by level and by the Redis port they name.
 */
final class LogFile {

  static final Path FILE = Path.of("target", "imfacade-ratelimit-redis-test.log");
  private final long start;

  private LogFile(long start) {
    this.start = start;
  }

  /** Marks the current end of the file. */
  static LogFile mark() {
    try {
      return new LogFile(Files.exists(FILE) ? Files.size(FILE) : 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything logged since the mark. */
  String text() {
    try {
      if (!Files.exists(FILE)) {
        return "";
      }
      byte[] all = Files.readAllBytes(FILE);
      int from = (int) Math.min(start, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines since the mark at {@code level} (WARN, INFO) of the store's logger that contain {@code text}. */
  List<String> lines(String level, String text) {
    return text().lines()
        .filter(l -> l.contains(" " + level + " io.imfacade.ratelimit.redis ") && l.contains(text))
        .collect(Collectors.toList());
  }
}
