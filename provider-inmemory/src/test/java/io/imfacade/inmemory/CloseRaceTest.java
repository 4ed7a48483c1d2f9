package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.error.ImException;
import io.imfacade.profile.ProfileUpdate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's close does not wait for calls in flight: a write racing with close must then either
 * land in the file or fail, never return normally and be lost.
 */
class CloseRaceTest {

  private static final int WRITERS = 4;

  @TempDir
  Path dir;

  @RepeatedTest(5)
  void aWriteRacingWithCloseIsSavedOrFails() throws Exception {
    Map<String, String> config = Map.of("inmemory.limits", "none", "inmemory.users", "auto",
        "inmemory.file", dir.resolve("im.json").toString());
    InMemoryImClient client = InMemoryImClient.create(config);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<String, RuntimeException> refused = new ConcurrentHashMap<>();
    CountDownLatch someLanded = new CountDownLatch(2 * WRITERS);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        String prefix = "t" + t + "-";
        writers.add(pool.submit(() -> {
          // Writes until the client refuses one: the last write of each thread races with close.
          for (int i = 0; ; i++) {
            String user = prefix + i;
            try {
              client.profiles().update(user, ProfileUpdate.builder().nickname(user).build());
            } catch (RuntimeException e) {
              refused.put(user, e);
              return;
            }
            acknowledged.add(user);
            someLanded.countDown();
          }
        }));
      }
      assertThat(someLanded.await(30, TimeUnit.SECONDS)).isTrue();
      client.close();
      for (Future<?> writer : writers) {
        writer.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(refused).hasSize(WRITERS);
    // Refused by the guard, or past it by the store (which the guard reports as an ImException).
    refused.values().forEach(e -> assertThat(e).satisfiesAnyOf(
        closed -> assertThat(closed).isInstanceOf(IllegalStateException.class).hasMessage("the inmemory client is closed"),
        wrapped -> assertThat(wrapped).isInstanceOf(ImException.class).cause()
            .isInstanceOf(IllegalStateException.class).hasMessage("the inmemory client is closed")));
    try (InMemoryImClient reader = InMemoryImClient.create(config)) {
      assertThat(reader.profiles().getAll(acknowledged).keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
      assertThat(reader.profiles().getAll(refused.keySet())).isEmpty();
    }
  }
}
