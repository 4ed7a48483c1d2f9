package io.imfacade.migrate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.migrate.Failure;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The failures file: one JSON object per line, {@code phase}, {@code user}, {@code group}, {@code
 * what}, {@code item}, {@code reason}, {@code exception} (absent fields left out). Written by the
 * committing thread only, in the order records are committed.
 */
final class FailureLog implements AutoCloseable {

  private final AppendFile file;

  private FailureLog(AppendFile file) {
    this.file = file;
  }

  /** A new file ({@code keep} negative), or the file cut back to {@code keep} bytes for a resumed run. */
  static FailureLog open(Path path, long keep) {
    return new FailureLog(AppendFile.open(path, keep));
  }

  void write(Failure f) {
    file.write(line(f));
  }

  static byte[] line(Failure f) {
    ObjectNode n = Dump.MAPPER.createObjectNode().put("phase", f.phase().label());
    if (f.user() != null) {
      n.put("user", f.user());
    }
    if (f.group() != null) {
      n.put("group", f.group());
    }
    n.put("what", f.what());
    if (f.item() != null) {
      n.put("item", f.item());
    }
    n.put("reason", f.reason());
    if (f.exception() != null) {
      n.put("exception", f.exception());
    }
    try {
      byte[] json = Dump.MAPPER.writeValueAsBytes(n);
      byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes what was written durable; the length that is. */
  long sync() {
    return file.sync();
  }

  @Override
  public void close() {
    file.close();
  }
}
