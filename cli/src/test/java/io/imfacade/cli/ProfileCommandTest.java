package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {

  @TempDir
  Path home;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
  }

  @Test
  void aProfileSetInOneInvocationIsReadByTheNext() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice", "--gender", "FEMALE");

    assertThat(home.resolve("embedded.json")).isRegularFile();
    Cli.Result get = cli.ok("profile", "get", "alice");
    assertThat(get.out.strip()).isEqualTo("alice  nickname=Alice  gender=FEMALE");
    assertThat(get.err).isEmpty();
  }

  @Test
  void setPrintsTheProfileAfterTheChangeAndKeepsOtherFields() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice", "--sign", "hello world");

    Cli.Result r = cli.ok("profile", "set", "alice", "--email", "a@example.com");

    assertThat(r.out.strip()).isEqualTo("alice  nickname=Alice  sign=\"hello world\"  email=a@example.com");
  }

  @Test
  void jsonGetHasStableFieldNamesAndOmitsAbsentFields() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice", "--avatar-url", "https://x.test/a.png",
        "--gender", "female", "--sign", "hi", "--birth", "2000-01-02", "--phone", "123", "--ext", "{\"k\":1}");

    JsonNode json = cli.ok("profile", "get", "alice", "--json").json();

    assertThat(json.get("userId").asText()).isEqualTo("alice");
    assertThat(json.get("nickname").asText()).isEqualTo("Alice");
    assertThat(json.get("avatarUrl").asText()).isEqualTo("https://x.test/a.png");
    assertThat(json.get("gender").asText()).isEqualTo("FEMALE");
    assertThat(json.get("sign").asText()).isEqualTo("hi");
    assertThat(json.get("birth").asText()).isEqualTo("2000-01-02");
    assertThat(json.get("phone").asText()).isEqualTo("123");
    assertThat(json.get("ext").asText()).isEqualTo("{\"k\":1}");
    assertThat(json.has("email")).isFalse();
  }

  @Test
  void globalOptionsWorkBeforeTheSubcommandToo() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice");

    JsonNode json = cli.ok("--json", "profile", "get", "alice").json();

    assertThat(json.get("nickname").asText()).isEqualTo("Alice");
  }

  @Test
  void getOfAUserWithoutProfileExitsWith1() {
    Cli.Result r = cli.run("profile", "get", "nobody");

    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err).startsWith("imfacade: ").contains("nobody").contains("no profile");
  }

  @Test
  void jsonErrorsAreAlsoAnObjectOnStdout() {
    Cli.Result r = cli.run("profile", "get", "nobody", "--json");

    assertThat(r.exitCode).isEqualTo(1);
    JsonNode error = r.json();
    assertThat(error.get("type").asText()).isEqualTo("not_found");
    assertThat(error.get("exitCode").asInt()).isEqualTo(1);
    assertThat(error.get("error").asText()).contains("nobody");
    assertThat(r.err).startsWith("imfacade: ");
  }

  @Test
  void getManyReportsTheMissingUsersAndSucceeds() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice");
    cli.ok("profile", "set", "carol", "--nickname", "Carol");

    Cli.Result human = cli.ok("profile", "get-many", "alice", "bob", "carol");
    assertThat(human.lines()).containsExactly("alice  nickname=Alice", "bob  (no profile)", "carol  nickname=Carol");

    JsonNode json = cli.ok("profile", "get-many", "alice", "bob", "carol", "--json").json();
    assertThat(json.get("profiles")).hasSize(2);
    assertThat(json.get("profiles").get(0).get("userId").asText()).isEqualTo("alice");
    assertThat(json.get("profiles").get(1).get("nickname").asText()).isEqualTo("Carol");
    assertThat(json.get("missing")).hasSize(1);
    assertThat(json.get("missing").get(0).asText()).isEqualTo("bob");
  }

  @Test
  void setWithoutAnyChangeIsInvalid() {
    Cli.Result r = cli.run("profile", "set", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).startsWith("imfacade: ").contains("nothing to change").contains("--nickname");
    assertThat(home.resolve("embedded.json")).doesNotExist();
  }

  @Test
  void aNicknameOverTheLimitIsInvalidAndNothingIsWritten() {
    Cli.Result r = cli.run("profile", "set", "alice", "--nickname", "n".repeat(65));

    assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
    assertThat(r.err).startsWith("imfacade: ").contains("nickname").contains("64");
    assertThat(cli.run("profile", "get", "alice").exitCode).isEqualTo(1);
  }

  @Test
  void aUserIdWithASlashIsInvalid() {
    Cli.Result r = cli.run("profile", "get", "al/ice");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
    assertThat(r.err).startsWith("imfacade: ").contains("al/ice");
  }

  @Test
  void jsonErrorOfInvalidInputNamesTheField() {
    Cli.Result r = cli.run("profile", "set", "alice", "--nickname", "n".repeat(65), "--json");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.json().get("type").asText()).isEqualTo("invalid_request");
    assertThat(r.json().get("field").asText()).isEqualTo("nickname");
  }

  @Test
  void clearRemovesAFieldAndTheGenderAcceptsAnyCase() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice", "--sign", "hi", "--gender", "male");

    cli.ok("profile", "set", "alice", "--clear", "sign", "--clear", "GENDER");

    assertThat(cli.ok("profile", "get", "alice").out.strip()).isEqualTo("alice  nickname=Alice");
  }

  @Test
  void anEmptyValueClearsAFieldToo() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice", "--sign", "hi");

    cli.ok("profile", "set", "alice", "--sign", "");

    assertThat(cli.ok("profile", "get", "alice").out.strip()).isEqualTo("alice  nickname=Alice");
  }

  @Test
  void settingAndClearingTheSameFieldIsAUsageError() {
    Cli.Result r = cli.run("profile", "set", "alice", "--nickname", "A", "--clear", "nickname");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("--clear nickname");
  }

  @Test
  void anUnknownFieldOrGenderIsAUsageError() {
    Cli.Result field = cli.run("profile", "set", "alice", "--clear", "shoeSize");
    assertThat(field.exitCode).isEqualTo(2);
    assertThat(field.err).contains("shoeSize").contains("avatarUrl");

    Cli.Result gender = cli.run("profile", "set", "alice", "--gender", "robot");
    assertThat(gender.exitCode).isEqualTo(2);
    assertThat(gender.err).contains("robot");
  }

  @Test
  void deleteRemovesTheProfile() {
    cli.ok("profile", "set", "alice", "--nickname", "Alice");

    Cli.Result r = cli.ok("profile", "delete", "alice");

    assertThat(r.out.strip()).isEqualTo("deleted the profile of alice");
    assertThat(cli.run("profile", "get", "alice").exitCode).isEqualTo(1);
    assertThat(cli.ok("profile", "delete", "alice", "--json").json().get("deleted").asBoolean()).isTrue();
  }

  @Test
  void customAttributesNeedAProviderLimitThatAllowsThem() {
    Cli.Result portable = cli.run("profile", "set", "alice", "--attr", "level=3");
    assertThat(portable.exitCode).as(portable.toString()).isEqualTo(2);

    cli.ok("-D", "inmemory.limits=easemob", "profile", "set", "alice", "--attr", "level=3", "--nickname", "A");
    JsonNode json = cli.ok("-D", "inmemory.limits=easemob", "profile", "get", "alice", "--json").json();
    assertThat(json.get("customAttributes").get("level").asText()).isEqualTo("3");
    assertThat(cli.ok("-D", "inmemory.limits=easemob", "profile", "get", "alice").out.strip())
        .isEqualTo("alice  nickname=A  custom.level=3");
  }

  @Test
  void totalSizeIsUnsupportedUnderPortableLimits() {
    Cli.Result r = cli.run("profile", "total-size", "--json");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.json().get("type").asText()).isEqualTo("unsupported_capability");
    assertThat(r.json().get("capability").asText()).isEqualTo("PROFILE_TOTAL_SIZE");
    assertThat(r.err).contains("not supported");
  }

  @Test
  void totalSizeCountsTheStoredAttributesWhereTheVendorHasIt() {
    cli.ok("-D", "inmemory.limits=easemob", "profile", "set", "alice", "--nickname", "Alice");

    Cli.Result human = cli.ok("-D", "inmemory.limits=easemob", "profile", "total-size");
    assertThat(human.out.strip()).matches("[1-9][0-9]* bytes");
    JsonNode json = cli.ok("-D", "inmemory.limits=easemob", "profile", "total-size", "--json").json();
    assertThat(json.get("totalSizeBytes").asLong()).isPositive();
  }

  @Test
  void nonAsciiValuesSurviveTheRoundTrip() {
    cli.ok("profile", "set", "alice", "--nickname", "爱丽丝");

    assertThat(cli.ok("profile", "get", "alice", "--json").json().get("nickname").asText()).isEqualTo("爱丽丝");
  }

  @Test
  void theSnapshotIsWrittenIntoTheHomeDirectoryItCreates() throws Exception {
    Path nested = home.resolve("a/b");
    new Cli(nested).ok("profile", "set", "alice", "--nickname", "Alice");

    assertThat(Files.size(nested.resolve("embedded.json"))).isPositive();
  }
}
