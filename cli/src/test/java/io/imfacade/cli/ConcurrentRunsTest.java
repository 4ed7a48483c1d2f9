package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI runs at the same time on the embedded snapshot (a script running commands in parallel):
 * each opens a client, makes one change and closes it, and none loses another's change. The
 * in-memory provider's own tests do the same with separate JVMs.
 */
class ConcurrentRunsTest {

  private static final int RUNNERS = 4;
  private static final int RUNS = 8;

  @TempDir
  Path home;

  @Test
  void parallelRunsLoseNoChange() throws Exception {
    Cli cli = new Cli(home);
    ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
    List<String> users = new ArrayList<>();
    try {
      CyclicBarrier start = new CyclicBarrier(RUNNERS);
      List<Future<?>> runners = new ArrayList<>();
      for (int r = 0; r < RUNNERS; r++) {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          mine.add("r" + r + "-" + i);
        }
        users.addAll(mine);
        runners.add(pool.submit(() -> {
          start.await();
          for (String user : mine) {
            cli.ok("profile", "set", user, "--nickname", user);
          }
          return null;
        }));
      }
      for (Future<?> runner : runners) {
        runner.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    List<String> args = new ArrayList<>(List.of("--json", "profile", "get-many"));
    args.addAll(users);
    JsonNode result = cli.ok(args.toArray(String[]::new)).json();
    assertThat(result.get("missing")).isEmpty();
    assertThat(result.get("profiles")).hasSize(RUNNERS * RUNS);
  }
}
