package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several users of one snapshot file at once — JVMs, and threads with clients of their own — each
 * with clients opened per call (as CLI runs) or held throughout: no write is lost, and a
 * read-modify-write made with {@code atomically} counts every step.
 */
class ConcurrentSnapshotUsersTest {

  /** JVMs cost a second or two each to start: three show the point, threads are cheaper. */
  private static final int PROCESSES = 3;
  private static final int THREADS = 4;

  @TempDir
  Path dir;

  private String group;

  private Path seeded() {
    Path file = dir.resolve("shared.json");
    try (InMemoryImClient client = InMemoryImClient.create(SnapshotWorker.config(file))) {
      Seed.users(client, "owner", SnapshotWorker.WRITES, SnapshotWorker.COUNTER);
      group = Seed.group(client, "owner", SnapshotWorker.WRITES, SnapshotWorker.COUNTER);
    }
    return file;
  }

  private static String mode(int worker) {
    return worker % 2 == 0 ? "per-call" : "long-lived";
  }

  private void assertEveryStepLanded(Path file, int workers, int steps) {
    Set<String> expected = new HashSet<>();
    for (int w = 0; w < workers; w++) {
      for (int i = 0; i < steps; i++) {
        expected.add("w" + w + "-" + i);
      }
    }
    try (InMemoryImClient client = InMemoryImClient.create(SnapshotWorker.config(file))) {
      assertThat(client.groupMemberAttributes().get(group, SnapshotWorker.WRITES).keySet())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(client.groupMemberAttributes().get(group, SnapshotWorker.COUNTER))
          .containsExactly(Map.entry("n", Integer.toString(workers * steps)));
    }
  }

  @Test
  @Timeout(120)  // a worker that never says "ready" must not hang the build
  void processesSharingTheFileLoseNoWrite() throws Exception {
    int steps = 10;
    Path file = seeded();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> workers = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    try {
      for (int w = 0; w < PROCESSES; w++) {
        Path log = dir.resolve("worker" + w + ".log");
        logs.add(log);
        workers.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-cp", System.getProperty("java.class.path"), SnapshotWorker.class.getName(),
            file.toString(), group, "w" + w, Integer.toString(steps), mode(w))
            .redirectError(log.toFile())
            .start());
      }
      List<BufferedReader> outputs = new ArrayList<>();
      for (int w = 0; w < PROCESSES; w++) {
        BufferedReader out = new BufferedReader(new InputStreamReader(workers.get(w).getInputStream(), StandardCharsets.UTF_8));
        outputs.add(out);
        assertThat(out.readLine()).as("worker %d started; its errors: %s", w, logs.get(w)).isEqualTo("ready");
      }
      for (Process worker : workers) {  // the start signal, once every JVM is up
        try (OutputStream in = worker.getOutputStream()) {
          in.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
      }
      for (int w = 0; w < PROCESSES; w++) {
        assertThat(workers.get(w).waitFor(60, TimeUnit.SECONDS)).as("worker %d finished", w).isTrue();
        assertThat(workers.get(w).exitValue()).as("worker %d's exit code; its errors:%n%s", w, read(logs.get(w))).isZero();
        assertThat(outputs.get(w).readLine()).isEqualTo("done");
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    assertEveryStepLanded(file, PROCESSES, steps);
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Test
  void threadsWithClientsOfTheirOwnLoseNoWrite() throws Exception {
    int steps = 20;
    Path file = seeded();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        String name = "w" + w;
        boolean perCall = mode(w).equals("per-call");
        done.add(pool.submit(() -> {
          start.await();
          if (perCall) {
            for (int i = 0; i < steps; i++) {
              try (InMemoryImClient client = InMemoryImClient.create(SnapshotWorker.config(file))) {
                SnapshotWorker.step(client, group, name, i);
              }
            }
          } else {
            try (InMemoryImClient client = InMemoryImClient.create(SnapshotWorker.config(file))) {
              for (int i = 0; i < steps; i++) {
                SnapshotWorker.step(client, group, name, i);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertEveryStepLanded(file, THREADS, steps);
  }
}
