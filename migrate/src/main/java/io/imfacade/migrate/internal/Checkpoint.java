package io.imfacade.migrate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.migrate.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoint of a run: which migration it is (mode and a fingerprint of its inputs), the phase
 * it reached and how many records of it are done, the lengths of its output files at that point,
 * its counts, the users it could not migrate, and the groups it created with their new ids.
 *
 * <p>Progress is published by the committing thread only after the files it refers to were made
 * durable, so the checkpoint never claims more than the disk holds. Group creations are recorded
 * by the workers the moment the target answers, before anything else happens to the group. Every
 * save writes a new file, forces it to disk, renames it over the old one atomically and forces the
 * directory: a crash leaves the old checkpoint or the new one, never half of one. A checkpoint
 * without a file (a dry run) keeps its state in memory only. Thread-safe.
 */
final class Checkpoint {

  static final String FORMAT = "imfacade-checkpoint";
  static final int VERSION = 1;

  private final @Nullable Path file;
  final String mode;
  final String fingerprint;
  final String source;
  final @Nullable String target;

  // Progress, as last published (guarded by this).
  private Phase phase;
  private long done;
  private long failuresBytes;
  private long outputBytes;
  private long beforeVerifyBytes = -1;
  private Tally tally = new Tally();
  private long failures;
  private long differences;
  private @Nullable String firstFailure;
  private Map<String, String> excluded = Map.of();
  private int runs;
  // Groups (guarded by this): source id -> target id, in order of creation; creations under way.
  private final LinkedHashMap<String, String> groups = new LinkedHashMap<>();
  private final LinkedHashMap<String, String> pending = new LinkedHashMap<>();

  private Checkpoint(@Nullable Path file, String mode, String fingerprint, String source, @Nullable String target,
      Phase phase) {
    this.file = file;
    this.mode = mode;
    this.fingerprint = fingerprint;
    this.source = source;
    this.target = target;
    this.phase = phase;
  }

  /** A new checkpoint at the start of {@code phase}, not saved yet; {@code file} null keeps it in memory. */
  static Checkpoint fresh(@Nullable Path file, String mode, String fingerprint, String source, @Nullable String target,
      Phase phase) {
    Checkpoint c = new Checkpoint(file, mode, fingerprint, source, target, phase);
    c.runs = 1;
    return c;
  }

  /**
   * The checkpoint in {@code file}, one more run counted.
   *
   * @throws InvalidRequestException if it cannot be read or is not a checkpoint of this version
   */
  static Checkpoint load(Path file) {
    JsonNode n;
    try {
      n = Dump.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidRequestException("checkpoint", "cannot read the checkpoint " + file + ": " + e.getMessage());
    }
    if (n == null || !FORMAT.equals(n.path("format").asText()) || n.path("version").asInt() != VERSION) {
      throw new InvalidRequestException("checkpoint", file + " is not an imfacade checkpoint of version " + VERSION);
    }
    Phase phase;
    try {
      phase = Phase.valueOf(n.path("phase").asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("checkpoint", file + " names no phase this imfacade knows");
    }
    Checkpoint c = new Checkpoint(file, n.path("mode").asText(), n.path("fingerprint").asText(),
        n.path("source").asText(), n.hasNonNull("target") ? n.get("target").asText() : null, phase);
    c.done = n.path("done").asLong();
    c.failuresBytes = n.path("failuresBytes").asLong();
    c.outputBytes = n.path("outputBytes").asLong();
    c.beforeVerifyBytes = n.path("beforeVerifyBytes").asLong(-1);
    c.tally = Tally.fromJson(n.path("counts"));
    c.failures = n.path("failures").asLong();
    c.differences = n.path("differences").asLong();
    c.firstFailure = n.hasNonNull("firstFailure") ? n.get("firstFailure").asText() : null;
    c.excluded = Collections.unmodifiableMap(strings(n.path("excluded")));
    c.groups.putAll(strings(n.path("groups")));
    c.pending.putAll(strings(n.path("pending")));
    c.runs = n.path("runs").asInt(1) + 1;
    return c;
  }

  private static LinkedHashMap<String, String> strings(JsonNode n) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  /** What the committing thread publishes: the state of the run up to the last durable record. */
  record State(Phase phase, long done, long failuresBytes, long outputBytes, long beforeVerifyBytes, Tally tally,
      long failures, long differences, @Nullable String firstFailure, Map<String, String> excluded) {}

  /** Records {@code state} and saves. */
  synchronized void publish(State state) {
    phase = state.phase();
    done = state.done();
    failuresBytes = state.failuresBytes();
    outputBytes = state.outputBytes();
    beforeVerifyBytes = state.beforeVerifyBytes();
    tally = state.tally().copy();
    failures = state.failures();
    differences = state.differences();
    firstFailure = state.firstFailure();
    excluded = Collections.unmodifiableMap(new LinkedHashMap<>(state.excluded()));
    save();
  }

  synchronized State state() {
    return new State(phase, done, failuresBytes, outputBytes, beforeVerifyBytes, tally.copy(), failures, differences,
        firstFailure, excluded);
  }

  synchronized int runs() {
    return runs;
  }

  // ---- groups ----

  /** The id the target issued for source group {@code sourceId}, or null when it was not created. */
  synchronized @Nullable String targetGroup(String sourceId) {
    return groups.get(sourceId);
  }

  /** Every group created, source id to target id, in order of creation. */
  synchronized Map<String, String> groups() {
    return new LinkedHashMap<>(groups);
  }

  /** Whether an earlier run was creating {@code sourceId} when it stopped, without knowing the outcome. */
  synchronized @Nullable String pendingCreation(String sourceId) {
    return pending.get(sourceId);
  }

  /** Records, durably, that {@code sourceId} is about to be created: a run that stops now leaves a trace. */
  synchronized void creating(String sourceId, String what) {
    pending.put(sourceId, what);
    save();
  }

  /** Records, durably, the id the target issued. */
  synchronized void created(String sourceId, String targetId) {
    pending.remove(sourceId);
    groups.put(sourceId, targetId);
    save();
  }

  /** Records that the creation was refused: nothing was created. */
  synchronized void notCreated(String sourceId) {
    if (pending.remove(sourceId) != null) {
      save();
    }
  }

  // ---- saving ----

  private void save() {
    if (file == null) {
      return;
    }
    ObjectNode n = Dump.MAPPER.createObjectNode()
        .put("format", FORMAT).put("version", VERSION).put("mode", mode).put("fingerprint", fingerprint)
        .put("source", source);
    if (target != null) {
      n.put("target", target);
    }
    n.put("phase", phase.name()).put("done", done).put("failuresBytes", failuresBytes).put("outputBytes", outputBytes)
        .put("beforeVerifyBytes", beforeVerifyBytes).put("failures", failures).put("differences", differences);
    if (firstFailure != null) {
      n.put("firstFailure", firstFailure);
    }
    n.set("counts", tally.toJson());
    ObjectNode ex = n.putObject("excluded");
    excluded.forEach(ex::put);
    ObjectNode g = n.putObject("groups");
    groups.forEach(g::put);
    ObjectNode p = n.putObject("pending");
    pending.forEach(p::put);
    n.put("runs", runs).put("updated", Instant.now().toString());
    try {
      writeDurably(file, Dump.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + file, e);
    }
  }

  /** Writes {@code bytes} to {@code file} so that a crash leaves either the old or the new content. */
  static void writeDurably(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // the rename itself is durable only once the directory is
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory: the rename is as durable as they make it.
    }
  }

  /** Deletes the file (a finished export needs it no more). */
  void delete() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the checkpoint " + file, e);
      }
    }
  }
}
