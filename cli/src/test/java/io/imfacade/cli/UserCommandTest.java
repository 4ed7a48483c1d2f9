package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imfacade user}, on the embedded provider with registered users (as on a vendor) and every
 * capability ({@code inmemory.limits=none}), through a configuration file.
 */
class UserCommandTest {

  private static final String SECRET = "s3cret-Pw-9";

  @TempDir
  Path home;

  private Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    Path config = Files.writeString(home.resolve("im.properties"), "inmemory.users=registered\ninmemory.limits=none\n");
    cli = new Cli(home).env("IMFACADE_CONFIG", config.toString());
  }

  @Test
  void registerWithoutPasswordPrintsTheGeneratedPasswordOnceWithANote() {
    Cli.Result r = cli.ok("user", "register", "alice");

    String[] lines = r.lines();
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("registered alice  createdAt=\\S+Z");
    assertThat(lines[1]).matches("  password=[A-Za-z2-9]{24}");
    assertThat(lines[2]).contains("shown only now").contains("cannot be read back").doesNotContain("))");
    String password = lines[1].substring("  password=".length());

    Cli.Result get = cli.ok("user", "get", "alice");
    assertThat(get.out).startsWith("alice  createdAt=").doesNotContain(password);
    assertThat(cli.ok("user", "get", "alice", "--json").json().has("credential")).isFalse();
  }

  @Test
  void registerWithoutPasswordAsJsonGivesTheCredentialAndTheNote() {
    JsonNode json = cli.ok("--json", "user", "register", "alice").json();

    assertThat(json.get("userId").asText()).isEqualTo("alice");
    assertThat(Instant.parse(json.get("createdAt").asText())).isNotNull();
    assertThat(json.get("credential").get("kind").asText()).isEqualTo("PASSWORD");
    assertThat(json.get("credential").get("secret").asText()).hasSize(24);
    assertThat(json.get("note").asText()).contains("shown only now");
  }

  @Test
  void aPasswordGivenToACommandIsNeverPrinted() throws IOException {
    Cli.Result byOption = cli.ok("user", "register", "bob", "--password", SECRET);
    assertThat(byOption.lines()).hasSize(1);
    assertThat(byOption.lines()[0]).startsWith("registered bob");

    Path file = Files.writeString(home.resolve("pw.txt"), SECRET + "\nsecond line\n");
    Cli.Result byFile = cli.ok("--json", "user", "register", "carol", "--password-file", file.toString());
    assertThat(byFile.json().has("credential")).isFalse();

    Cli.Result set = cli.ok("user", "set-password", "bob", "--password-file", file.toString());
    assertThat(set.out.strip()).isEqualTo("set the password of bob");

    for (Cli.Result r : new Cli.Result[] {byOption, byFile, set}) {
      assertThat(r.out + r.err).doesNotContain(SECRET);
    }
  }

  @Test
  void aPasswordIsNeverInAnError() {
    Cli.Result unknown = cli.run("-v", "user", "set-password", "ghost", "--password", SECRET);
    assertThat(unknown.exitCode).isEqualTo(1);
    assertThat(unknown.err).contains("ghost").doesNotContain(SECRET);

    Cli.Result tooLong = cli.run("--json", "-D", "inmemory.limits=portable", "user", "register", "dave",
        "--password", SECRET.repeat(20));
    assertThat(tooLong.exitCode).as(tooLong.toString()).isEqualTo(2);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("password");
    assertThat(tooLong.out + tooLong.err).doesNotContain(SECRET);

    Cli.Result remote = cli.run("-v", "--json", "--provider", "fake", "user", "register", "alice", "--password", SECRET);
    assertThat(remote.exitCode).isEqualTo(3);
    assertThat(remote.out + remote.err).doesNotContain(SECRET);
  }

  @Test
  void anUnreadablePasswordFileIsNamedButNotRead() {
    Cli.Result r = cli.run("user", "register", "alice", "--password-file", home.resolve("absent.txt").toString());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("--password-file").contains("absent.txt");
    assertThat(cli.ok("user", "exists", "alice").out.strip()).isEqualTo("false");
  }

  @Test
  void passwordAndPasswordFileExcludeEachOtherAndSetPasswordNeedsOne() {
    Cli.Result both = cli.run("user", "register", "alice", "--password", SECRET, "--password-file", "f");
    assertThat(both.exitCode).isEqualTo(2);
    assertThat(both.err).contains("mutually exclusive").doesNotContain(SECRET);
    Cli.Result none = cli.run("user", "set-password", "alice");
    assertThat(none.exitCode).isEqualTo(2);
    assertThat(none.err).contains("--password");
    Cli.Result many = cli.run("user", "register", "alice", "bob", "--password", SECRET);
    assertThat(many.exitCode).isEqualTo(2);
    assertThat(many.err).contains("one user only").doesNotContain(SECRET);
  }

  @Test
  void registeringAnExistingUserIsAConflict() {
    cli.ok("user", "register", "alice");

    Cli.Result again = cli.run("user", "register", "Alice");
    assertThat(again.exitCode).isEqualTo(3);
    assertThat(again.err).contains("alice already exists");
    assertThat(cli.run("--json", "user", "register", "alice").json().get("type").asText()).isEqualTo("conflict");
  }

  @Test
  void registeringSeveralUsersReportsEachInOrder() {
    cli.ok("user", "register", "bob");

    Cli.Result r = cli.run("user", "register", "alice", "bob", "carol");

    assertThat(r.exitCode).isEqualTo(3);
    String[] lines = r.lines();
    assertThat(lines[0]).startsWith("registered alice");
    assertThat(lines[1]).startsWith("  password=");
    assertThat(r.out).contains("bob  FAILED  ").contains("registered carol");
    assertThat(r.out.indexOf("bob  FAILED")).isBetween(r.out.indexOf("registered alice"), r.out.indexOf("registered carol"));

    JsonNode json = cli.run("--json", "user", "register", "dave", "bob").json();
    assertThat(json.get("succeeded").get(0).get("userId").asText()).isEqualTo("dave");
    assertThat(json.get("succeeded").get(0).get("credential").get("secret").asText()).isNotBlank();
    assertThat(json.get("failed").get(0).get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("failed").get(0).get("type").asText()).isEqualTo("conflict");
  }

  @Test
  void getExistsAndDelete() {
    cli.ok("user", "register", "alice");

    assertThat(cli.ok("user", "exists", "alice").out.strip()).isEqualTo("true");
    assertThat(cli.ok("user", "exists", "ghost").out.strip()).isEqualTo("false");
    assertThat(cli.ok("--json", "user", "exists", "ghost").json().get("exists").asBoolean()).isFalse();
    Cli.Result missing = cli.run("user", "get", "ghost");
    assertThat(missing.exitCode).isEqualTo(1);
    assertThat(missing.err).contains("ghost");

    assertThat(cli.ok("user", "delete", "alice").out.strip()).isEqualTo("deleted alice");
    assertThat(cli.ok("user", "exists", "alice").out.strip()).isEqualTo("false");
    assertThat(cli.ok("user", "delete", "alice").out.strip()).as("deleting nobody succeeds").isEqualTo("deleted alice");
  }

  @Test
  void tokenPrintsTheTokenAndItsExpiry() {
    cli.ok("user", "register", "alice");
    Instant before = Instant.now();

    Cli.Result human = cli.ok("user", "token", "alice");
    assertThat(human.out.strip()).matches("alice  token=[A-Za-z2-9]{40}  expiresAt=\\S+Z");

    JsonNode json = cli.ok("--json", "user", "token", "alice", "--validity", "2h").json();
    assertThat(json.get("kind").asText()).isEqualTo("TOKEN");
    assertThat(json.get("secret").asText()).hasSize(40).isNotEqualTo(human.out.strip().split("token=")[1].split(" ")[0]);
    assertThat(Instant.parse(json.get("expiresAt").asText()))
        .isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));
    Instant iso = Instant.parse(cli.ok("--json", "user", "token", "alice", "--validity", "PT30M").json()
        .get("expiresAt").asText());
    assertThat(iso).isBefore(Instant.now().plus(Duration.ofMinutes(31)));
  }

  @Test
  void tokenOfAnUnknownUserOrAMalformedValidityFails() {
    assertThat(cli.run("user", "token", "ghost").exitCode).isEqualTo(1);
    Cli.Result bad = cli.run("user", "token", "alice", "--validity", "2x");
    assertThat(bad.exitCode).isEqualTo(2);
    assertThat(bad.err).contains("30m, 2h, 7d or PT2H");
    assertThat(cli.run("user", "token", "alice", "--validity", "0s").exitCode).as("the guard's check").isEqualTo(2);
  }

  @Test
  void aRegisteredUserIsTheUserTheOtherCommandsSee() {
    cli.ok("user", "register", "alice", "bob");

    cli.ok("profile", "set", "alice", "--nickname", "Alice");
    cli.ok("contacts", "add", "alice", "bob");

    assertThat(cli.ok("contacts", "list", "bob").out.strip()).isEqualTo("alice");
    assertThat(cli.run("profile", "set", "ghost", "--nickname", "G").exitCode).as("not registered").isEqualTo(1);
  }
}
