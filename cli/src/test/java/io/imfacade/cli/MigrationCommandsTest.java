package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code imfacade export}, {@code import} and {@code migrate}: summary, progress, exit codes. */
class MigrationCommandsTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE =
      NeteaseSimulatorExtension.app("cliappkey", "cli-migrate-secret").requestsPerSecond(0).build();

  @TempDir
  Path home;

  private Cli cli;
  private String source;
  private String groupId;

  @BeforeEach
  void seedTheSource() throws Exception {
    cli = new Cli(home);
    source = config("source.properties", "provider=inmemory", "inmemory.limits=none",
        "inmemory.file=" + home.resolve("source.json"));
    try (ImClient im = ImFacade.open(io.imfacade.ImConfig.load(Path.of(source), null))) {
      im.accounts().registerAll(List.of(Registration.of("alice"), Registration.of("bob"), Registration.of("carol")));
      im.profiles().update("alice", ProfileUpdate.builder().nickname("Ålice 🌸").birth("x".repeat(40))
          .customAttribute("level", "3").build());
      im.profiles().update("bob", ProfileUpdate.builder().nickname("Bob").build());
      im.contacts().addContact("alice", "bob");
      im.contacts().setRemark("alice", "bob", "Bobby 🐻");
      im.contacts().block("carol", List.of("alice"));
      groupId = im.groups().create(NewGroup.of("alice", "Team", List.of("bob", "carol"))).groupId();
      im.groupMemberAttributes().set(groupId, "bob", Map.of("nick", "B"));
    }
    Files.writeString(home.resolve("users.txt"), "# users to move\nalice\nbob\ncarol\n");
    Files.writeString(home.resolve("groups.tsv"), groupId + "\tTeam\n");
  }

  @Test
  void exportThenImportMovesEverythingAndPrintsProgressLinesAndASummary() throws Exception {
    String target = config("target.properties", "provider=inmemory", "inmemory.limits=none",
        "inmemory.file=" + home.resolve("target.json"));
    String dump = home.resolve("dump.ndjson").toString();

    Cli.Result export = cli.ok("--config", source, "export", "--users", home.resolve("users.txt").toString(),
        "--groups", home.resolve("groups.tsv").toString(), "--out", dump, "--progress", "lines");

    assertThat(export.err).contains("export: 4 records", "export: done, 4 records");
    assertThat(export.out).contains("export inmemory: done", "users", "nothing reported");
    assertThat(Files.readString(Path.of(dump))).startsWith("{\"type\":\"header\",\"format\":\"imfacade-dump\",\"version\":1,"
        + "\"source\":\"inmemory\"").doesNotContain("password");

    Cli.Result imported = cli.ok("--config", target, "--json", "import", dump, "--verify", "--quiet");

    assertThat(imported.err).as("--quiet").isEmpty();
    JsonNode summary = imported.json();
    assertThat(summary.get("complete").asBoolean()).isTrue();
    assertThat(summary.at("/counts/users/written").asInt()).isEqualTo(3);
    assertThat(summary.at("/counts/remarks/written").asInt()).isEqualTo(1);
    assertThat(summary.at("/counts/member_attributes/written").asInt()).isEqualTo(1);
    String newGroup = summary.at("/groups/" + groupId).asText();
    try (ImClient im = ImFacade.open(io.imfacade.ImConfig.load(Path.of(target), null))) {
      assertThat(im.profiles().get("alice").orElseThrow().customAttributes()).containsEntry("level", "3");
      assertThat(im.contacts().allContacts("alice")).containsExactly(Contact.of("bob", "Bobby 🐻"));
      assertThat(im.contacts().allBlocked("carol")).containsExactly("alice");
      assertThat(im.groupMemberAttributes().get(newGroup, "bob")).isEqualTo(Map.of("nick", "B"));
    }
    // The checkpoint of a finished import: a second run without --resume is refused, with it nothing is redone.
    Cli.Result again = cli.run("--config", target, "import", dump);
    assertThat(again.exitCode).isEqualTo(2);
    assertThat(again.err).startsWith("imfacade: ").contains("--resume");
    assertThat(cli.ok("--config", target, "import", dump, "--resume", "-q").out).contains("(2 runs)");
  }

  @Test
  void aDryRunMigrationToNeteaseReportsWhatItCannotTakeWritesNothingAndExitsWithTwo() throws Exception {
    String target = config("netease.properties", "provider=netease", "netease.baseUrl=" + NETEASE.baseUrl(),
        "netease.appKey=cliappkey", "netease.appSecret=cli-migrate-secret", "rateLimit.requestsPerSecond=5000");
    Path failures = home.resolve("dry.ndjson");

    Cli.Result dry = cli.run("--config", source, "migrate", "--to", target, "--users", home.resolve("users.txt").toString(),
        "--groups", home.resolve("groups.tsv").toString(), "--dry-run", "--failures", failures.toString(), "-q");

    assertThat(dry.exitCode).as(dry.toString()).isEqualTo(2);
    assertThat(dry.out).contains("migrate inmemory -> netease: dry run, nothing written", "reported: 2 failures",
        failures.toString());
    assertThat(Files.readAllLines(failures, StandardCharsets.UTF_8)).hasSize(2).anySatisfy(line ->
        assertThat(line).contains("\"user\":\"alice\"", "\"what\":\"profile.birth\"", "16 UTF-16 code units"))
        .anySatisfy(line -> assertThat(line).contains("\"what\":\"profile.customAttribute\"", "\"item\":\"level\""));
    assertThat(NETEASE.simulator().requests()).isZero();
    assertThat(dry.out + dry.err).doesNotContain("cli-migrate-secret");
  }

  @Test
  void anOutageStopsTheMigrationWithExitCodeThreeAndResumeFinishesIt() throws Exception {
    String target = config("netease.properties", "provider=netease", "netease.baseUrl=" + NETEASE.baseUrl(),
        "netease.appKey=cliappkey", "netease.appSecret=cli-migrate-secret", "rateLimit.requestsPerSecond=5000",
        "retry.maxAttempts=2", "retry.initialBackoffMs=1");
    String[] args = {"--config", source, "migrate", "--to", target, "--users", home.resolve("users.txt").toString(),
        "--groups", home.resolve("groups.tsv").toString(), "--checkpoint", home.resolve("m.checkpoint").toString(),
        "--failures", home.resolve("m.failures.ndjson").toString(), "--progress", "bar"};
    NETEASE.simulator().faults().failNext(1000, 503);

    Cli.Result down = cli.run(args);

    assertThat(down.exitCode).as(down.toString()).isEqualTo(3);
    assertThat(down.err).contains("imfacade: the users phase stopped after 0 of 3 records", "--resume");
    NETEASE.simulator().faults().clear();

    List<String> resumed = new java.util.ArrayList<>(List.of(args));
    resumed.add("--resume");
    Cli.Result back = cli.run(resumed.toArray(new String[0]));

    // alice's birth and custom attribute cannot be taken: reported, exit code 2; the rest is there.
    assertThat(back.exitCode).as(back.toString()).isEqualTo(2);
    assertThat(back.err).as("a progress bar per phase").contains("users", "relations", "groups", "3/3", "records/s");
    assertThat(back.out).contains("(2 runs)", "groups created (source id -> target id):", groupId + " -> ");
    assertThat(NETEASE.simulator().friendsOf("alice")).containsExactly("bob");
    assertThat(NETEASE.simulator().aliasOf("alice", "bob")).contains("Bobby 🐻");
    assertThat(NETEASE.simulator().blockListOf("carol")).containsExactly("alice");
  }

  @Test
  void usageErrorsExitWithTwo() {
    Cli.Result noUsers = cli.run("--config", source, "export", "--out", home.resolve("d.ndjson").toString());
    assertThat(noUsers.exitCode).isEqualTo(2);
    assertThat(noUsers.err).contains("--users");
    Cli.Result missing = cli.run("--config", source, "export", "--users", home.resolve("nope.txt").toString(), "--out",
        home.resolve("d.ndjson").toString());
    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(missing.err).contains("nope.txt");
    Cli.Result noDump = cli.run("--config", source, "import", home.resolve("absent.ndjson").toString());
    assertThat(noDump.exitCode).isEqualTo(2);
  }

  private String config(String name, String... lines) throws Exception {
    Path file = home.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file.toString();
  }
}
