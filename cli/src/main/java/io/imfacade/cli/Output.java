package io.imfacade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The standard output of one invocation, either human-readable lines or one JSON document.
 *
 * <p>Output is held back until {@link #commit()}: a command prints only once its client has closed
 * cleanly, because closing is where the embedded provider saves its snapshot. A command whose save
 * fails must not have printed "done" first. Not thread-safe; one per invocation.
 */
final class Output {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PrintWriter target;
  private final boolean json;
  private final StringBuilder pending = new StringBuilder();

  Output(PrintWriter target, boolean json) {
    this.target = target;
    this.json = json;
  }

  /** Whether {@code --json} was given: commands then print JSON only. */
  boolean json() {
    return json;
  }

  /** Adds one line of human-readable text. */
  void line(String text) {
    pending.append(text).append(System.lineSeparator());
  }

  /** Adds a JSON document, on one line so that line-oriented tools can consume it. */
  void json(JsonNode node) {
    pending.append(toJson(node)).append(System.lineSeparator());
  }

  /** Writes what was added and forgets it. */
  void commit() {
    target.print(pending);
    target.flush();
    pending.setLength(0);
  }

  /** Forgets what was added: the command failed and reports that instead. */
  void discard() {
    pending.setLength(0);
  }

  /** Writes a JSON document at once, bypassing what is pending: for error reports. */
  void jsonNow(JsonNode node) {
    target.println(toJson(node));
    target.flush();
  }

  private static String toJson(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes; this would be a bug in Jackson.
      throw new UncheckedIOException(e);
    }
  }
}
