package io.imfacade.benchmarks;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the in-memory provider's profile reads and writes, through the public API exactly
 * as an application calls it (validation included). Run with {@code -t 1} and {@code -t 2}; see
 * BENCHMARKS.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InMemoryProfileBenchmark {

  /** How many distinct users the store holds. */
  @Param({"10000"})
  public int users;

  private ImClient client;
  private UserProfileService profiles;
  private String[] ids;
  private ProfileUpdate[] updates;

  /** Per-thread cursor, so that threads walk the ids independently without sharing a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Iteration)
    public void start() {
      next = (int) (Thread.currentThread().getId() * 7919);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    client = ImFacade.open(Map.of("provider", "inmemory", "inmemory.users", "auto"));
    profiles = client.profiles();
    ids = new String[users];
    List<ProfileUpdate> list = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      ids[i] = "user_" + i;
      profiles.update(ids[i], ProfileUpdate.builder()
          .nickname("User " + i).avatarUrl("https://cdn.example.com/a/" + i + ".png")
          .gender(i % 2 == 0 ? Gender.FEMALE : Gender.MALE).sign("hello").build());
    }
    for (int i = 0; i < 64; i++) {
      list.add(ProfileUpdate.builder().nickname("Nick " + i).build());
    }
    updates = list.toArray(new ProfileUpdate[0]);
    // Fails fast if ImFacade picked another provider: the numbers would not be the in-memory ones.
    InMemoryImClient.of(client);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  /** One {@code profiles().get(id)}: validate the id, normalise it, look it up. */
  @Benchmark
  public Optional<UserProfile> get(Cursor cursor) {
    int i = (cursor.next++ & Integer.MAX_VALUE) % users;
    return profiles.get(ids[i]);
  }

  /** One {@code profiles().update(id, nickname)}: validate, apply the patch, check the total size. */
  @Benchmark
  public int update(Cursor cursor) {
    int i = (cursor.next++ & Integer.MAX_VALUE) % users;
    profiles.update(ids[i], updates[i & 63]);
    return i;
  }
}
