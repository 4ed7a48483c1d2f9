package io.imfacade.inmemory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One of the separate JVMs of {@link ConcurrentSnapshotUsersTest}: shares a snapshot file with
 * the others and makes {@link #step}s on it. It prints {@code ready} once loaded, waits for a line
 * on its standard input so that all workers start together, and prints {@code done} at the end.
 *
 * <p>Arguments: the snapshot file, the id of the group, the worker's name, the number of steps, and {@code per-call}
 * (a new client for each step, as the CLI opens one per command) or {@code long-lived} (one client
 * for all steps, as an application holds one).
 */
public final class SnapshotWorker {

  /** The member whose attributes get one key per step and worker. */
  static final String WRITES = "writes";
  /** The member whose attribute {@code n} counts the steps of all workers. */
  static final String COUNTER = "counter";

  private SnapshotWorker() {}

  static Map<String, String> config(Path file) {
    return Map.of("inmemory.limits", "none", "inmemory.file", file.toString());
  }

  /**
   * One step: a write of its own (which a client saving a stale copy of the file would drop), and
   * a read-modify-write of the shared counter, made one step with atomically.
   */
  static void step(InMemoryImClient client, String group, String name, int i) {
    client.groupMemberAttributes().set(group, WRITES, Map.of(name + "-" + i, "x"));
    client.atomically(() -> {
      int n = Integer.parseInt(client.groupMemberAttributes().get(group, COUNTER).getOrDefault("n", "0"));
      client.groupMemberAttributes().set(group, COUNTER, Map.of("n", Integer.toString(n + 1)));
    });
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String group = args[1];
    String name = args[2];
    int steps = Integer.parseInt(args[3]);
    boolean perCall = args[4].equals("per-call");

    InMemoryImClient.create(config(file)).close();  // loads the classes before the start signal
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

    if (perCall) {
      for (int i = 0; i < steps; i++) {
        try (InMemoryImClient client = InMemoryImClient.create(config(file))) {
          step(client, group, name, i);
        }
      }
    } else {
      try (InMemoryImClient client = InMemoryImClient.create(config(file))) {
        for (int i = 0; i < steps; i++) {
          step(client, group, name, i);
        }
      }
    }
    System.out.println("done");
  }
}
