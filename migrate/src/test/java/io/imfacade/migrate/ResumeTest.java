package io.imfacade.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupted runs continue from their checkpoint without redoing or duplicating anything: a run
 * cancelled in each phase, a vendor outage that outlasts the client's retries, an export stopped
 * midway; and the checkpoint guards against starting over by mistake.
 */
class ResumeTest {

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB = Clients.easemobSimulator();

  @TempDir
  Path dir;

  private List<String> users = Fixture.users(45);

  @Test
  void aRunCancelledInEachPhaseResumesToTheSameResultWithoutDuplicates() throws Exception {
    try (ImClient source = Clients.inMemory(); ImClient target = Clients.easemob(EASEMOB)) {
      groups = Fixture.seed(source, users);
      Map<String, Object> original = Fixture.read(source, users, Map.of());
      for (Phase stopIn : List.of(Phase.USERS, Phase.RELATIONS, Phase.GROUPS)) {
        MigrationInterruptedException e = catchThrowableOfType(MigrationInterruptedException.class,
            () -> cancelledIn(stopIn, Migration.migrate(source, target)).run());
        assertThat(e.cancelled()).isTrue();
        assertThat(e.summary().phase()).isEqualTo(stopIn);
        assertThat(e.getMessage()).contains("--resume");
      }
      Summary s = builder(Migration.migrate(source, target)).resume(true).verify(true).build().run();

      assertThat(s.complete()).as("%s", s).isTrue();
      assertThat(s.runs()).isEqualTo(4);
      assertThat(s.of(Item.USERS).written() + s.of(Item.USERS).skipped()).isGreaterThanOrEqualTo(users.size());
      assertThat(s.groups()).hasSize(2);
      assertThat(EASEMOB.simulator().groupIds()).as("no group created twice")
          .containsExactlyInAnyOrderElementsOf(s.groups().values());
      assertThat(Fixture.read(target, users, Map.of())).isEqualTo(original);
      assertThat(groupsOf(target, s, groups)).isEqualTo(groupsOf(source, null, groups));
      assertThat(Files.readString(dir.resolve("failures.ndjson"))).isEmpty();
    }
  }

  @Test
  void aVendorOutageMidwayStopsTheRunAndResumingAfterItFinishesTheJob() throws Exception {
    users = Fixture.users(145); // 15 units of relations: the outage starts with 10 of them still to do
    try (ImClient source = Clients.inMemory(); ImClient target = Clients.easemob(EASEMOB)) {
      groups = Fixture.seed(source, users);
      // One worker, a window of 4 units: the outage begins after the first relations unit is committed.
      Migration outage = builder(Migration.migrate(source, target)).parallelism(1).listener(new MigrationListener() {
        @Override
        public void progress(Progress p) {
          if (p.phase() == Phase.RELATIONS && p.done() >= 10) {
            EASEMOB.simulator().faults().failNext(100_000, 503);
          }
        }
      }).build();

      MigrationInterruptedException e = catchThrowableOfType(MigrationInterruptedException.class,
            outage::run);
      assertThat(e.cancelled()).isFalse();
      assertThat(e.getCause()).isInstanceOf(ProviderUnavailableException.class);
      assertThat(e.summary().phase()).isEqualTo(Phase.RELATIONS);
      assertThat(e.getMessage()).contains("relations phase stopped after", "of 150 records", "--resume");
      assertThat(Files.readString(dir.resolve("failures.ndjson"))).as("an outage is no user's failure").isEmpty();

      EASEMOB.simulator().faults().clear(); // the vendor is back
      Summary s = builder(Migration.migrate(source, target)).resume(true).verify(true).build().run();

      assertThat(s.complete()).as("%s", s).isTrue();
      assertThat(s.runs()).isEqualTo(2);
      assertThat(EASEMOB.simulator().groupIds()).containsExactlyInAnyOrderElementsOf(s.groups().values());
      assertThat(Fixture.read(target, users, Map.of())).isEqualTo(Fixture.read(source, users, Map.of()));
      assertThat(groupsOf(target, s, groups)).isEqualTo(groupsOf(source, null, groups));
    }
  }

  @Test
  void anExportStoppedMidwayAndResumedWritesTheSameDumpAsOneThatNeverStopped() throws Exception {
    List<String> many = Fixture.users(195);
    List<String> asked = new java.util.ArrayList<>(many);
    asked.add("ghost"); // not at the source: one failure line
    try (ImClient source = Clients.inMemory()) {
      groups = Fixture.seed(source, many);
      Path whole = dir.resolve("whole.ndjson");
      Migration.export(source, whole).users(asked).groups(groups).build().run();

      Path dump = dir.resolve("dump.ndjson");
      Path failures = dir.resolve("dump.ndjson.failures.ndjson");
      AtomicReference<Migration> run = new AtomicReference<>();
      run.set(Migration.export(source, dump).users(asked).groups(groups).parallelism(1)
          .listener(new MigrationListener() {
            @Override
            public void progress(Progress p) {
              run.get().cancel();
            }
          }).build());
      MigrationInterruptedException e = catchThrowableOfType(MigrationInterruptedException.class,
            run.get()::run);
      assertThat(e.summary().of(Item.USERS).written()).isLessThan(many.size());
      assertThat(Files.readString(dump)).as("an unfinished dump has no end record").doesNotContain("\"type\":\"end\"");
      assertThatThrownBy(() -> Migration.importDump(dump, source).build().run())
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no end record");
      // What a crash leaves: bytes written after the last checkpoint, which the resumed run writes again.
      Files.writeString(dump, "{\"type\":\"user\",\"userId\":\"half", java.nio.file.StandardOpenOption.APPEND);
      Files.writeString(failures, "{\"phase\":\"export\",\"user\":\"ghost\"}\n", java.nio.file.StandardOpenOption.APPEND);

      Summary s = Migration.export(source, dump).users(asked).groups(groups).resume(true).build().run();

      assertThat(s.runs()).isEqualTo(2);
      assertThat(s.failures()).isEqualTo(1);
      assertThat(s.of(Item.USERS)).isEqualTo(new Counts(many.size(), 0, 1));
      assertThat(withoutHeader(dump)).isEqualTo(withoutHeader(whole));
      assertThat(Files.readAllLines(failures)).singleElement().asString()
          .contains("\"user\":\"ghost\"", "does not exist at the source");
      assertThat(dump.resolveSibling("dump.ndjson.checkpoint")).as("a finished export needs no checkpoint").doesNotExist();
    }
  }

  @Test
  void aGroupWhoseCreationWasUnderWayWhenTheRunDiedIsReportedSoThatAPossibleCopyCanBeFound() throws Exception {
    try (ImClient source = Clients.inMemory(); ImClient target = Clients.inMemory()) {
      groups = Fixture.seed(source, users);
      catchThrowableOfType(MigrationInterruptedException.class,
          () -> cancelledIn(Phase.USERS, Migration.migrate(source, target)).run());
      // What a kill between sending team/create and recording its answer leaves in the checkpoint.
      Path checkpoint = dir.resolve("run.checkpoint");
      com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(checkpoint.toFile());
      json.withObjectProperty("pending").put(groups.get(0), "owner alice, name 'Team'");
      Files.writeString(checkpoint, json.toString());

      Summary s = builder(Migration.migrate(source, target)).resume(true).build().run();

      assertThat(s.groups()).hasSize(2);
      assertThat(RoundTripTest.failures(s)).singleElement().satisfies(f -> {
        assertThat(f.get("group").asText()).isEqualTo(groups.get(0));
        assertThat(f.get("what").asText()).isEqualTo("group");
        assertThat(f.get("reason").asText()).contains("stopped while creating this group", "owned by alice");
      });
      assertThat(Files.readString(checkpoint)).doesNotContain(groups.get(0) + "\" : \"owner");
    }
  }

  @Test
  void anExistingCheckpointIsNeverStartedOverByMistakeNorUsedForAnotherMigration() {
    try (ImClient source = Clients.inMemory(); ImClient target = Clients.inMemory()) {
      Fixture.seed(source, users);
      Summary first = builder(Migration.migrate(source, target)).build().run();
      assertThat(first.complete()).isTrue();

      assertThatThrownBy(() -> builder(Migration.migrate(source, target)).build().run())
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("--resume").hasMessageContaining("exists");
      assertThatThrownBy(() -> builder(Migration.migrate(source, target)).users(List.of("alice")).resume(true).build().run())
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another migration");
      Summary again = builder(Migration.migrate(source, target)).resume(true).build().run();
      assertThat(again.phase()).isEqualTo(Phase.DONE);
      assertThat(again.counts()).isEqualTo(first.counts());
    }
  }

  private Migration.Builder builder(Migration.Builder b) {
    return b.users(users).groups(groups).checkpoint(dir.resolve("run.checkpoint"))
        .failures(dir.resolve("failures.ndjson"));
  }

  private List<String> groups = List.of();

  private Migration cancelledIn(Phase phase, Migration.Builder b) {
    AtomicReference<Migration> run = new AtomicReference<>();
    run.set(builder(b).resume(true).parallelism(2).listener(new MigrationListener() {
      @Override
      public void progress(Progress p) {
        if (p.phase() == phase && p.doneThisRun() >= 1) {
          run.get().cancel();
        }
      }
    }).build());
    return run.get();
  }

  private Map<String, Object> groupsOf(ImClient client, Summary mapping, List<String> sourceGroups) {
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    for (int i = 0; i < sourceGroups.size(); i++) {
      byName.put(Integer.toString(i), mapping == null ? sourceGroups.get(i) : mapping.groups().get(sourceGroups.get(i)));
    }
    return Fixture.read(client, List.of(), byName);
  }

  private static List<String> withoutHeader(Path dump) throws java.io.IOException {
    List<String> lines = Files.readAllLines(dump, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size());
  }
}
