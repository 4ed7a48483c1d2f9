package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command against remote providers, over loopback HTTP to the vendor simulators. */
class RemoteProviderTest {

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials("cli-id", "cli-secret-value").build();

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE =
      NeteaseSimulatorExtension.app("clikey", "cli-netease-secret").build();

  @TempDir
  Path home;

  private Path easemobConfig(String secret) throws Exception {
    Path file = home.resolve("im.properties");
    Files.writeString(file, String.join("\n",
        "im.provider=easemob",
        "im.easemob.baseUrl=" + EASEMOB.baseUrl(),
        "im.easemob.orgName=org",
        "im.easemob.appName=app",
        "im.easemob.clientId=cli-id",
        "im.easemob.clientSecret=" + secret,
        // Keys of another vendor stay in the file: switching is a change of im.provider only.
        "im.netease.baseUrl=" + NETEASE.baseUrl(),
        "im.netease.appKey=clikey",
        "im.netease.appSecret=cli-netease-secret",
        ""), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void roundTripOnEasemobFromAConfigFileWithPrefix() throws Exception {
    EASEMOB.simulator().createUsers("alice", "bob");
    Cli cli = new Cli(home);
    String config = easemobConfig("cli-secret-value").toString();

    cli.ok("--config", config, "--prefix", "im.", "profile", "set", "alice", "--nickname", "Alice", "--gender", "FEMALE");
    Cli.Result get = cli.ok("--config", config, "--prefix", "im.", "--json", "profile", "get", "alice");
    assertThat(get.json().get("nickname").asText()).isEqualTo("Alice");
    assertThat(get.json().get("gender").asText()).isEqualTo("FEMALE");
    assertThat(EASEMOB.simulator().userMetadata("alice")).containsEntry("nickname", "Alice");

    cli.ok("--config", config, "--prefix", "im.", "contacts", "add", "alice", "bob");
    assertThat(cli.ok("--config", config, "--prefix", "im.", "contacts", "list", "alice").out).contains("bob");
  }

  @Test
  void sameConfigSwitchedToNeteaseByOneFlag() throws Exception {
    NETEASE.simulator().createUsers("carol");
    Cli cli = new Cli(home);
    String config = easemobConfig("cli-secret-value").toString();

    cli.ok("--config", config, "--prefix", "im.", "--provider", "netease", "profile", "set", "carol", "--nickname", "Carol");
    Cli.Result get = cli.ok("--config", config, "--prefix", "im.", "--provider", "netease", "--json", "profile", "get", "carol");
    assertThat(get.json().get("nickname").asText()).isEqualTo("Carol");
  }

  @Test
  void wrongCredentialsExitWithThreeAndNeverPrintTheSecret() throws Exception {
    EASEMOB.simulator().createUsers("alice");
    Cli cli = new Cli(home);
    String config = easemobConfig("a-wrong-secret-value").toString();

    Cli.Result r = cli.run("--config", config, "--prefix", "im.", "profile", "get", "alice");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(3);
    assertThat(r.err).startsWith("imfacade: ").doesNotContain("a-wrong-secret-value");
    assertThat(r.out).doesNotContain("a-wrong-secret-value");

    Cli.Result shown = cli.ok("--config", config, "--prefix", "im.", "config", "show");
    assertThat(shown.out).contains("easemob.clientSecret").doesNotContain("a-wrong-secret-value")
        .doesNotContain("cli-netease-secret");
  }

  @Test
  void unknownUserOnTheVendorExitsWithOne() throws Exception {
    EASEMOB.simulator().createUsers("alice");
    Cli cli = new Cli(home);
    String config = easemobConfig("cli-secret-value").toString();

    Cli.Result r = cli.run("--config", config, "--prefix", "im.", "contacts", "add", "alice", "nobody");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
  }
}
