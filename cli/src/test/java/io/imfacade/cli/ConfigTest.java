package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @TempDir
  Path home;

  @TempDir
  Path dir;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
  }

  @Test
  void withoutConfigurationTheEmbeddedProviderKeepsItsDataInTheHome() {
    Cli.Result r = cli.ok("config", "show");

    assertThat(r.lines()).containsExactly(
        "inmemory.file=" + home.resolve("embedded.json"),
        "inmemory.users=auto",
        "provider=inmemory");
  }

  @Test
  void anUnknownProviderIsAConfigurationErrorListingTheProvidersFound() {
    Cli.Result r = cli.run("--provider", "nope", "profile", "get", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).startsWith("imfacade: ").contains("nope").contains("inmemory");
  }

  @Test
  void aConfigFileWithAPrefixIsRead() throws Exception {
    Path snapshot = dir.resolve("store.json");
    Path file = write("app.properties",
        "im.provider=inmemory",
        "im.inmemory.users=auto",
        "im.inmemory.file=" + snapshot,
        "other.provider=nope");

    cli.ok("--config", file.toString(), "--prefix", "im.", "profile", "set", "alice", "--nickname", "Alice");

    assertThat(snapshot).isRegularFile();
    assertThat(home.resolve("embedded.json")).doesNotExist();
    assertThat(cli.ok("profile", "get", "alice", "--config", file.toString(), "--prefix", "im.").out)
        .contains("nickname=Alice");
  }

  @Test
  void definesOverrideTheFileAndProviderAndEachOtherInOrder() throws Exception {
    Path file = write("app.properties", "provider=nope", "tenant=from-file");

    Cli.Result r = cli.ok("--config", file.toString(), "--provider", "also-nope", "-D", "provider=inmemory",
        "config", "show", "--set", "tenant=first", "-Dtenant=second");

    assertThat(r.lines()).containsExactly("provider=inmemory", "tenant=second");
  }

  @Test
  void providerOptionOverridesTheFile() throws Exception {
    Path file = write("app.properties", "provider=nope");

    Cli.Result r = cli.ok("--config", file.toString(), "--provider", "inmemory", "config", "show");

    assertThat(r.lines()).containsExactly("provider=inmemory");
  }

  @Test
  void theEnvironmentNamesTheConfigFileUnlessConfigIsGiven() throws Exception {
    Path envFile = write("env.properties", "provider=fake");
    Path optionFile = write("option.properties", "provider=inmemory");
    cli.env("IMFACADE_CONFIG", envFile.toString());

    assertThat(cli.ok("config", "show").lines()).containsExactly("provider=fake");
    assertThat(cli.ok("config", "show", "--config", optionFile.toString()).lines()).containsExactly("provider=inmemory");
  }

  @Test
  void configShowMasksSecrets() {
    Cli.Result human = cli.ok("-D", "easemob.clientSecret=s3cr3t", "-D", "easemob.appName=demo", "config", "show");
    assertThat(human.out).contains("easemob.clientSecret=****").contains("easemob.appName=demo").doesNotContain("s3cr3t");

    JsonNode json = cli.ok("-D", "easemob.clientSecret=s3cr3t", "config", "show", "--json").json();
    assertThat(json.get("config").get("easemob.clientSecret").asText()).isEqualTo("****");
    assertThat(json.get("config").get("provider").asText()).isEqualTo("inmemory");
  }

  @Test
  void aDefineWithoutEqualsSignIsAConfigurationError() {
    Cli.Result r = cli.run("-D", "provider", "config", "show");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("key=value");
  }

  @Test
  void aPrefixWithoutConfigFileIsAnError() {
    Cli.Result r = cli.run("--prefix", "im.", "config", "show");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("--prefix").contains("IMFACADE_CONFIG");
  }

  @Test
  void aMissingConfigFileIsAnError() {
    Cli.Result show = cli.run("--config", dir.resolve("absent.properties").toString(), "config", "show");
    assertThat(show.exitCode).isEqualTo(2);
    assertThat(show.err).contains("not found").contains("absent.properties");
  }

  @Test
  void anEmptySnapshotKeyRunsTheEmbeddedProviderWithoutFile() {
    cli.ok("-D", "inmemory.file=", "profile", "set", "alice", "--nickname", "Alice");

    assertThat(home.resolve("embedded.json")).doesNotExist();
    assertThat(cli.run("profile", "get", "alice").exitCode).isEqualTo(1);
  }

  @Test
  void aCorruptSnapshotIsAConfigurationErrorAndIsLeftUntouched() throws Exception {
    Path snapshot = home.resolve("embedded.json");
    byte[] corrupt = "{\"version\": 1, \"profiles\": [ this is not json".getBytes(StandardCharsets.UTF_8);
    Files.write(snapshot, corrupt);

    Cli.Result r = cli.run("profile", "set", "alice", "--nickname", "Alice");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
    assertThat(r.err).startsWith("imfacade: ").contains(snapshot.toString());
    assertThat(r.out).isEmpty();
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(corrupt);
  }

  @Test
  void theProvidersFoundAreListed() {
    assertThat(cli.ok("providers").lines()).contains("inmemory", "fake");

    JsonNode json = cli.ok("providers", "--json").json();
    assertThat(json.get("providers").toString()).contains("\"inmemory\"");
  }

  private Path write(String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }
}
