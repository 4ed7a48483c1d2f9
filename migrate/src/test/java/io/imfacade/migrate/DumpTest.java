package io.imfacade.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The portable dump: its records, what it never holds, and the dumps an import refuses. */
class DumpTest {

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB = Clients.easemobSimulator();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void anExportWritesAHeaderThenOneRecordPerUserThenEachGroupWithItsMembersThenTheEnd() throws Exception {
    List<String> users = Fixture.users(2);
    try (ImClient source = Clients.inMemory()) {
      List<String> groups = Fixture.seed(source, users);
      Path dump = dir.resolve("dump.ndjson");
      List<String> asked = new ArrayList<>(users);
      asked.add("Ghost");

      Summary s = Migration.export(source, dump).users(asked).groups(groups).build().run();

      List<JsonNode> lines = lines(dump);
      JsonNode header = lines.get(0);
      assertThat(header.get("type").asText()).isEqualTo("header");
      assertThat(header.get("format").asText()).isEqualTo("imfacade-dump");
      assertThat(header.get("version").asInt()).isEqualTo(1);
      assertThat(header.get("source").asText()).isEqualTo("inmemory");
      assertThat(header.get("capabilities")).extracting(JsonNode::asText).contains("PROFILE_CUSTOM_ATTRIBUTES",
          "CONTACT_REMARK", "BLOCK_LIST", "GROUP_MEMBER_ATTRIBUTES");
      assertThat(lines.subList(1, 1 + users.size())).extracting(l -> l.get("type").asText() + " " + l.get("userId").asText())
          .containsExactlyElementsOf(users.stream().sorted().map(u -> "user " + u).toList());
      JsonNode alice = lines.get(1);
      assertThat(alice.at("/profile/nickname").asText()).isEqualTo(Fixture.ALICE_NICK);
      assertThat(alice.at("/profile/gender").asText()).isEqualTo("FEMALE");
      assertThat(alice.at("/profile/customAttributes/city").asText()).isEqualTo("Zürich");
      assertThat(alice.get("contacts").toString()).contains("{\"userId\":\"bob\",\"remark\":\"" + Fixture.BOB_REMARK + "\"}",
          "{\"userId\":\"carol\"}");
      assertThat(alice.get("blocked")).extracting(JsonNode::asText).containsExactly("eve");
      JsonNode g = lines.get(1 + users.size());
      {
        assertThat(g.get("type").asText()).isEqualTo("group");
        assertThat(g.get("groupId").asText()).isEqualTo(groups.get(0));
        assertThat(g.get("name").asText()).isEqualTo("Team ✨");
        assertThat(g.get("owner").asText()).isEqualTo("alice");
      }
      List<JsonNode> members = lines.stream().filter(l -> l.get("type").asText().equals("member")
          && l.get("groupId").asText().equals(groups.get(0))).toList();
      assertThat(members).extracting(m -> m.get("userId").asText()).containsExactlyInAnyOrder("alice", "bob", "carol", "dave");
      assertThat(members).filteredOn(m -> m.get("userId").asText().equals("bob")).singleElement()
          .satisfies(m -> assertThat(m.get("attributes")).isEqualTo(JSON.readTree("{\"nick\":\"Bobby\",\"role\":\"dev\"}")));
      JsonNode end = lines.get(lines.size() - 1);
      assertThat(end.toString()).isEqualTo("{\"type\":\"end\",\"users\":" + users.size() + ",\"groups\":2,\"members\":7}");
      assertThat(s.failures()).isEqualTo(1);
      assertThat(RoundTripTest.failures(s)).singleElement().satisfies(f -> {
        assertThat(f.get("user").asText()).isEqualTo("ghost");
        assertThat(f.get("what").asText()).isEqualTo("source");
      });
    }
  }

  @Test
  void noSecretEverReachesTheDumpOrItsFiles() throws Exception {
    EASEMOB.simulator().createUsers("alice", "bob");
    try (ImClient source = Clients.easemob(EASEMOB)) {
      source.profiles().update("alice", io.imfacade.profile.ProfileUpdate.builder().nickname("A").build());
      source.accounts().setPassword("alice", "alice-password-secret");
      Path dump = dir.resolve("dump.ndjson");
      Migration.export(source, dump).users(List.of("alice", "bob")).build().run();

      String all = Files.readString(dump) + Files.readString(dir.resolve("dump.ndjson.failures.ndjson"));
      assertThat(all).contains("\"nickname\":\"A\"").doesNotContain(Clients.EASEMOB_SECRET)
          .doesNotContain("alice-password-secret").doesNotContainIgnoringCase("token").doesNotContain("password");
    }
  }

  @Test
  void anImportRefusesADumpThatIsNotCompleteOrNotOneItCanRead() throws Exception {
    String header = "{\"type\":\"header\",\"format\":\"imfacade-dump\",\"version\":1,\"source\":\"x\"}";
    String user = "{\"type\":\"user\",\"userId\":\"alice\",\"profile\":{\"userId\":\"alice\"},\"contacts\":[]}";
    String end = "{\"type\":\"end\",\"users\":1,\"groups\":0,\"members\":0}";
    try (ImClient target = Clients.inMemory()) {
      assertRefused(target, List.of(header.replace("\"version\":1", "\"version\":2"), user, end), "version 2");
      assertRefused(target, List.of(user, end), "header");
      assertRefused(target, List.of(header, "{not json", end), ":2: not JSON");
      assertRefused(target, List.of(header, user), "no end record");
      assertRefused(target, List.of(header, user, user.replace("alice", "bob"), end), "counts 1 users");
      assertRefused(target, List.of(header, "{\"type\":\"member\",\"groupId\":\"1\",\"userId\":\"a\"}",
          end.replace("\"users\":1", "\"users\":0").replace("\"members\":0", "\"members\":1")), "does not follow");

      Path ok = write(List.of(header, user, end));
      Summary s = Migration.importDump(ok, target).build().run();
      assertThat(s.source()).isEqualTo("x");
      assertThat(target.accounts().exists("alice")).isTrue();
    }
  }

  private void assertRefused(ImClient target, List<String> lines, String message) throws Exception {
    Path dump = write(lines);
    assertThatThrownBy(() -> Migration.importDump(dump, target).build().run())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
  }

  private int files;

  private Path write(List<String> lines) throws Exception {
    Path dump = dir.resolve("dump" + files++ + ".ndjson");
    Files.write(dump, lines, StandardCharsets.UTF_8);
    return dump;
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }
}
