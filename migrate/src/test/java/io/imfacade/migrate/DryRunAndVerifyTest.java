package io.imfacade.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.ImClient;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run reports, from the target's metadata alone and without a single request to it, exactly
 * what the real run then reports; verification reads the target back and reports every difference.
 */
class DryRunAndVerifyTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE = Clients.neteaseSimulator();

  @TempDir
  Path dir;

  @Test
  void aDryRunReportsEverythingTheTargetCannotTakeWithoutWritingAndTheRealRunReportsTheSame() throws Exception {
    List<String> users = new ArrayList<>(Fixture.users(3));
    users.add("x+plus"); // '+' is not in NetEase's accid alphabet
    try (ImClient source = Clients.inMemory(); ImClient target = Clients.netease(NETEASE)) {
      List<String> groups = new ArrayList<>(Fixture.seed(source, users));
      source.contacts().addContact("alice", "x+plus");
      source.contacts().addContact("bob", "carol");
      source.contacts().setRemark("bob", "carol", "c".repeat(130));
      source.groupMemberAttributes().set(groups.get(0), "carol", Map.of("bio", "b".repeat(1100)));
      groups.add(source.groups().create(NewGroup.of("carol", "n".repeat(70), List.of("dave"))).groupId());
      groupOrder = List.copyOf(groups);

      Summary dry = Migration.migrate(source, target).users(users).groups(groups).dryRun(true)
          .failures(dir.resolve("dry.ndjson")).build().run();

      assertThat(NETEASE.simulator().requests()).as("a dry run sends nothing to the target").isZero();
      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.checkpoint()).isNull();
      List<String> reported = described(dry);
      assertThat(reported).containsExactlyInAnyOrder(
          "alice profile.customAttribute level UnsupportedCapabilityException",
          "alice profile.customAttribute city UnsupportedCapabilityException",
          "bob profile.customAttribute vip UnsupportedCapabilityException",
          "dave profile.birth - InvalidRequestException",
          "x+plus account - InvalidRequestException",
          "alice contact x+plus NotFoundException",
          "user_02 contact x+plus NotFoundException", // the fixture's chain of fillers
          "#1 member x+plus NotFoundException", // and their group
          "bob remark carol InvalidRequestException",
          "#0 member.attribute carol QuotaExceededException",
          "#2 group - InvalidRequestException");
      assertThat(dry.failures()).isEqualTo(reported.size());
      assertThat(dry.of(Item.USERS)).isEqualTo(new Counts(users.size() - 1, 0, 1));
      assertThat(dry.of(Item.GROUPS)).isEqualTo(new Counts(2, 0, 1));
      assertThat(dry.firstFailure()).isNotNull();

      Summary real = Migration.migrate(source, target).users(users).groups(groups).verify(true)
          .checkpoint(dir.resolve("run.checkpoint")).failures(dir.resolve("run.ndjson")).build().run();

      assertThat(described(real)).containsExactlyInAnyOrderElementsOf(reported);
      assertThat(real.differences()).as("%s", RoundTripTest.failures(real)).isZero();
      assertThat(real.counts()).isEqualTo(dry.counts());
      assertThat(NETEASE.simulator().userCard("alice")).containsEntry("name", Fixture.ALICE_NICK);
    }
  }

  @Test
  void verifyReadsTheTargetBackAndReportsEveryDifferenceOnceEachTimeItRuns() throws Exception {
    List<String> users = Fixture.users(3);
    try (ImClient source = Clients.inMemory(); ImClient target = Clients.netease(NETEASE)) {
      List<String> groups = Fixture.seed(source, users);
      Migration.Builder run = Migration.migrate(source, target).users(users).groups(groups)
          .checkpoint(dir.resolve("run.checkpoint")).failures(dir.resolve("run.ndjson"));
      Summary first = run.build().run();
      assertThat(first.failures()).isEqualTo(4); // custom attributes and the long birth
      long failureLines = Files.readAllLines(dir.resolve("run.ndjson")).size();
      String team = first.groups().get(groups.get(0));

      // The target changes after the migration (or a write went wrong): verification must see it.
      target.profiles().update("alice", ProfileUpdate.builder().nickname("Someone else").build());
      target.contacts().removeContact("bob", "dave");
      target.contacts().block("bob", List.of("carol"));
      target.groupMemberAttributes().set(team, "bob", Map.of("role", "ops"));

      for (int round = 0; round < 2; round++) {
        Summary verified = Migration.migrate(source, target).users(users).groups(groups).resume(true).verify(true)
            .checkpoint(dir.resolve("run.checkpoint")).failures(dir.resolve("run.ndjson")).build().run();

        List<JsonNode> lines = RoundTripTest.failures(verified);
        List<JsonNode> differences = lines.stream().filter(l -> l.get("phase").asText().equals("verify")).toList();
        assertThat(differences).extracting(d -> d.path("user").asText("#") + " " + d.get("what").asText() + " "
            + d.path("item").asText("-")).containsExactlyInAnyOrder(
                "alice profile.nickname -", "bob contact dave", "dave contact bob", "bob block carol",
                "# member.attribute bob");
        assertThat(differences.get(0).get("reason").asText()).contains("expected", "the target has");
        assertThat(verified.differences()).isEqualTo(5);
        assertThat(verified.failures()).isEqualTo(4);
        assertThat(verified.complete()).isFalse();
        assertThat(lines).hasSize((int) failureLines + 5);
      }
    }
  }

  /** "user what item exception", with the group as "#index" for group failures. */
  private static List<String> described(Summary s) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode f : RoundTripTest.failures(s)) {
      String who = f.has("user") ? f.get("user").asText() : "#" + groupIndex(s, f.get("group").asText());
      out.add(who + " " + f.get("what").asText() + " " + f.path("item").asText("-") + " " + f.get("exception").asText());
    }
    return out;
  }

  private static List<String> groupOrder = List.of();

  private static int groupIndex(Summary s, String groupId) {
    return groupOrder.indexOf(groupId);
  }
}
