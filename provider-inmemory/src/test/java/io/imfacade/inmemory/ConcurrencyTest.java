package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.contact.Contact;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs the tasks at once, each after a common start signal, and rethrows the first failure. */
  private void runTogether(List<Callable<Void>> tasks) throws Exception {
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> task : tasks) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    for (Future<Void> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void concurrentPatchesOfDifferentFieldsAllLand() throws Exception {
    try (InMemoryImClient client = InMemoryImClient.create()) {
      Seed.users(client, "alice");
      List<ProfileField> fields = List.of(ProfileField.NICKNAME, ProfileField.SIGN, ProfileField.EMAIL, ProfileField.PHONE);
      List<Callable<Void>> tasks = new ArrayList<>();
      for (ProfileField field : fields) {
        tasks.add(() -> {
          for (int i = 0; i < 1000; i++) {
            client.profiles().update("alice", ProfileUpdate.builder().set(field, field.fieldName() + i).build());
          }
          return null;
        });
      }
      runTogether(tasks);

      UserProfile alice = client.profiles().get("alice").orElseThrow();
      for (ProfileField field : fields) {
        assertThat(alice.get(field)).isEqualTo(field.fieldName() + 999);
      }
    }
  }

  @Test
  void concurrentAddAndRemoveKeepBothDirectionsConsistent() throws Exception {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.users", "auto"))) {
      List<String> users = List.of("u0", "u1", "u2", "u3", "u4", "u5");
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        tasks.add(() -> {
          java.util.Random random = new java.util.Random(seed);
          for (int i = 0; i < 3000; i++) {
            String a = users.get(random.nextInt(users.size()));
            String b = users.get(random.nextInt(users.size()));
            if (a.equals(b)) {
              continue;
            }
            if (random.nextBoolean()) {
              client.contacts().addContact(a, b);
            } else {
              client.contacts().removeContact(b, a);
            }
          }
          return null;
        });
      }
      runTogether(tasks);

      for (String a : users) {
        Set<String> friends = client.contacts().allContacts(a).map(Contact::userId).collect(Collectors.toSet());
        for (String b : friends) {
          assertThat(client.contacts().allContacts(b).map(Contact::userId)).as("%s in %s's list", a, b).contains(a);
        }
      }
    }
  }

  @Test
  void pagingWhileOthersWriteNeverRepeatsAnEntry() throws Exception {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.users", "auto", "inmemory.limits", "none"))) {
      for (int i = 0; i < 200; i++) {
        client.contacts().addContact("owner", "stay" + i);
      }
      List<Callable<Void>> tasks = new ArrayList<>();
      tasks.add(() -> {
        for (int i = 0; i < 2000; i++) {
          client.contacts().addContact("owner", "churn" + (i % 50));
          client.contacts().removeContact("owner", "churn" + ((i + 25) % 50));
        }
        return null;
      });
      tasks.add(() -> {
        for (int round = 0; round < 50; round++) {
          List<String> seen = client.contacts().allContacts("owner").map(Contact::userId).collect(Collectors.toList());
          assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
          assertThat(seen.stream().filter(id -> id.startsWith("stay"))).hasSize(200);
        }
        return null;
      });
      runTogether(tasks);
    }
  }

  @Test
  void savingWhileOthersWriteAlwaysLeavesAReadableFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.users", "auto", "inmemory.file", file.toString()))) {
      List<Callable<Void>> tasks = new ArrayList<>();
      tasks.add(() -> {
        // Every write is saved by its own call: a few hundred make the file change under the reader.
        for (int i = 0; i < 300; i++) {
          client.contacts().addContact("a" + (i % 40), "b" + (i % 30));
        }
        return null;
      });
      tasks.add(() -> {
        for (int i = 0; i < 10; i++) {
          client.save();
          try (InMemoryImClient reader = InMemoryImClient.create(Map.of("inmemory.users", "auto", "inmemory.file", file.toString()))) {
            for (int j = 0; j < 40; j++) {
              String a = "a" + j;
              reader.contacts().allContacts(a).forEach(c ->
                  assertThat(reader.contacts().allContacts(c.userId()).map(Contact::userId)).contains(a));
            }
          }
        }
        return null;
      });
      runTogether(tasks);
    }
  }
}
