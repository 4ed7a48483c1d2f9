package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTest {

  @TempDir
  Path home;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli.Result r = cli.run("profile", "get", "alice", "--nickanme", "x");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).startsWith("imfacade: ").contains("--nickanme").contains("Try 'imfacade profile get --help'");
  }

  @Test
  void aMissingOperandIsAUsageError() {
    Cli.Result r = cli.run("contacts", "add", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).startsWith("imfacade: ").contains("<friend>");
  }

  @Test
  void aUsageErrorWithJsonIsAlsoAJsonObject() {
    Cli.Result r = cli.run("--json", "profile", "get");

    assertThat(r.exitCode).isEqualTo(2);
    JsonNode json = r.json();
    assertThat(json.get("type").asText()).isEqualTo("usage");
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
  }

  @Test
  void aMissingSubcommandListsTheChoices() {
    Cli.Result top = cli.run();
    assertThat(top.exitCode).isEqualTo(2);
    assertThat(top.err).contains("profile").contains("contacts").contains("user").contains("group");

    Cli.Result group = cli.run("contacts");
    assertThat(group.exitCode).isEqualTo(2);
    assertThat(group.err).contains("blocked").contains("remark");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    Cli.Result r = cli.run("profile", "gte", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("gte");
  }

  @Test
  void helpDocumentsConfigurationAndExitCodes() {
    Cli.Result r = cli.ok("--help");

    assertThat(r.out).contains("Usage: imfacade").contains("IMFACADE_CONFIG").contains("IMFACADE_HOME")
        .contains("--prefix").contains("Exit codes:").contains("--json").contains("'imfacade providers'");
    assertThat(r.err).isEmpty();
  }

  @Test
  void everySubcommandHasHelp() {
    assertThat(cli.ok("profile", "set", "--help").out).contains("--nickname").contains("--clear");
    assertThat(cli.ok("contacts", "list", "--help").out).contains("--cursor").contains("--all");
    assertThat(cli.ok("help", "contacts").out).contains("blocked").contains("unblock");
    assertThat(cli.ok("group", "-h").out).contains("create").contains("members").contains("attributes");
    assertThat(cli.ok("group", "attributes", "-h").out).contains("set-many");
    assertThat(cli.ok("user", "-h").out).contains("register").contains("set-password").contains("token");
    assertThat(cli.ok("user", "register", "--help").out).contains("--password-file").contains("printed once");
  }

  @Test
  void versionIsPrinted() {
    assertThat(cli.ok("--version").out).startsWith("imfacade ");
  }
}
