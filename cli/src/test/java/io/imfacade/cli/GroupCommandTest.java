package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommandTest {

  @TempDir
  Path home;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
    cli.ok("group", "create", "1001", "--owner", "alice", "--member", "bob", "--member", "carol");
  }

  @Test
  void createSetAndGetRoundTripAcrossInvocations() {
    Cli.Result set = cli.ok("group", "set", "1001", "bob", "role=admin", "nick=Big Bob");
    assertThat(set.out.strip()).isEqualTo("bob  role=admin  nick=\"Big Bob\"");

    assertThat(cli.ok("group", "get", "1001", "bob").out.strip()).isEqualTo("bob  role=admin  nick=\"Big Bob\"");
    JsonNode json = cli.ok("group", "get", "1001", "bob", "--json").json();
    assertThat(json.get("groupId").asText()).isEqualTo("1001");
    assertThat(json.get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("attributes").get("role").asText()).isEqualTo("admin");
    assertThat(json.get("attributes").get("nick").asText()).isEqualTo("Big Bob");
  }

  @Test
  void createPrintsTheGroup() {
    Cli.Result human = cli.ok("group", "create", "1002", "--owner", "alice", "--member", "bob");
    assertThat(human.out.strip()).isEqualTo("created group 1002 (owner alice; members bob)");

    JsonNode json = cli.ok("group", "create", "1003", "--owner", "alice", "--json").json();
    assertThat(json.get("groupId").asText()).isEqualTo("1003");
    assertThat(json.get("owner").asText()).isEqualTo("alice");
    assertThat(json.get("members")).isEmpty();
  }

  @Test
  void anEmptyValueRemovesTheKey() {
    cli.ok("group", "set", "1001", "bob", "role=admin", "nick=Bob");

    Cli.Result r = cli.ok("group", "set", "1001", "bob", "nick=", "--json");

    assertThat(r.json().get("written")).isEmpty();
    assertThat(r.json().get("removed").get(0).asText()).isEqualTo("nick");
    assertThat(cli.ok("group", "get", "1001", "bob").out.strip()).isEqualTo("bob  role=admin");
    assertThat(cli.ok("group", "set", "1001", "bob", "role=").out.strip()).isEqualTo("bob  (removed: role)");
    assertThat(cli.ok("group", "get", "1001", "bob").out.strip()).isEqualTo("bob  (no attributes)");
  }

  @Test
  void getManyReadsSelectedKeysAndReportsNonMembers() {
    cli.ok("group", "set", "1001", "bob", "role=admin", "nick=Bob");
    cli.ok("group", "set", "1001", "carol", "role=user");

    Cli.Result human = cli.ok("group", "get-many", "1001", "bob", "carol", "dave", "--key", "role");
    assertThat(human.lines()).containsExactly("bob  role=admin", "carol  role=user", "dave  (not a member)");

    JsonNode json = cli.ok("group", "get-many", "1001", "bob", "dave", "--json").json();
    assertThat(json.get("members")).hasSize(1);
    assertThat(json.get("members").get(0).get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("members").get(0).get("attributes").get("nick").asText()).isEqualTo("Bob");
    assertThat(json.get("notMembers").get(0).asText()).isEqualTo("dave");
  }

  @Test
  void setManyPrintsEachMembersOutcome() {
    Cli.Result r = cli.ok("group", "set-many", "1001", "--member", "bob:role=admin", "--member", "carol:role=user",
        "--member", "bob:nick=Bob");

    assertThat(r.lines()).containsExactly("bob  ok  role=admin  nick=Bob", "carol  ok  role=user");
    assertThat(cli.ok("group", "get", "1001", "bob").out.strip()).isEqualTo("bob  role=admin  nick=Bob");
  }

  @Test
  void setManyWithANonMemberFailsThatMemberOnly() {
    Cli.Result r = cli.run("group", "set-many", "1001", "--member", "bob:role=admin", "--member", "dave:role=user", "--json");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    JsonNode json = r.json();
    assertThat(json.get("succeeded").get(0).get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("failed").get(0).get("userId").asText()).isEqualTo("dave");
    assertThat(json.get("failed").get(0).get("type").asText()).isEqualTo("not_found");
    assertThat(cli.ok("group", "get", "1001", "bob").out.strip()).isEqualTo("bob  role=admin");
  }

  @Test
  void anUnknownGroupOrNonMemberIsNotFound() {
    assertThat(cli.run("group", "get", "1999", "bob").exitCode).isEqualTo(1);
    assertThat(cli.run("group", "get", "1001", "dave").exitCode).isEqualTo(1);
    assertThat(cli.run("group", "set", "1001", "dave", "a=b").exitCode).isEqualTo(1);
  }

  @Test
  void malformedAttributesAreUsageErrors() {
    Cli.Result noEquals = cli.run("group", "set", "1001", "bob", "role");
    assertThat(noEquals.exitCode).isEqualTo(2);
    assertThat(noEquals.err).contains("KEY=VALUE").contains("'role'");

    Cli.Result noUser = cli.run("group", "set-many", "1001", "--member", "role=admin");
    assertThat(noUser.exitCode).isEqualTo(2);
    assertThat(noUser.err).contains("USER:KEY=VALUE");

    Cli.Result tooLong = cli.run("group", "set", "1001", "bob", "k=" + "v".repeat(513));
    assertThat(tooLong.exitCode).isEqualTo(2);
  }

  @Test
  void creatingAnExistingGroupIsAConflict() {
    Cli.Result r = cli.run("group", "create", "1001", "--owner", "alice");

    assertThat(r.exitCode).isEqualTo(3);
    assertThat(r.err).contains("1001");
  }

  @Test
  void createIsOnlyAvailableOnTheInMemoryProvider() {
    Cli.Result r = cli.run("--provider", "fake", "group", "create", "1009", "--owner", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("group create is only available on the in-memory provider");
  }

  /** The embedded provider enforces the portable limits: NetEase issues numeric team ids only. */
  @Test
  void aGroupIdNoVendorCouldIssueIsRefusedByThePortableLimits() {
    Cli.Result r = cli.run("group", "create", "g1", "--owner", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("groupId 'g1'").contains("digits");
  }
}
