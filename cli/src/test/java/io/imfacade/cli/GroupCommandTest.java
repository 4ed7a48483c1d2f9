package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imfacade group} and {@code imfacade group attributes}, on the embedded provider with
 * registered users (as on a vendor), through a configuration file.
 */
class GroupCommandTest {

  @TempDir
  Path home;

  private Cli cli;
  private String group;

  @BeforeEach
  void setUp() throws IOException {
    Path config = Files.writeString(home.resolve("im.properties"), "inmemory.users=registered\n");
    cli = new Cli(home).env("IMFACADE_CONFIG", config.toString());
    cli.ok("user", "register", "alice", "bob", "carol", "dave");
    group = cli.ok("--json", "group", "create", "Hiking club", "--owner", "alice", "--member", "bob", "--member",
        "carol").json().get("groupId").asText();
  }

  @Test
  void createPrintsTheIdTheProviderIssued() {
    assertThat(group).matches("[1-9][0-9]{9}");

    Cli.Result human = cli.ok("group", "create", "Book club", "--owner", "alice", "--member", "bob",
        "--description", "we read", "--max-members", "10");
    assertThat(human.out.strip()).matches(
        "created group [0-9]{10}  name=\"Book club\"  owner=alice  members=2  maxMembers=10  description=\"we read\"");

    JsonNode json = cli.ok("--json", "group", "create", "Chess", "--owner", "dave").json();
    assertThat(json.get("name").asText()).isEqualTo("Chess");
    assertThat(json.get("owner").asText()).isEqualTo("dave");
    assertThat(json.get("memberCount").asInt()).isEqualTo(1);
    assertThat(json.get("groupId").asText()).isNotEqualTo(group);
  }

  @Test
  void createWithAnUnknownUserIsNotFoundAndABadSizeAUsageError() {
    Cli.Result unknown = cli.run("group", "create", "x", "--owner", "alice", "--member", "ghost");
    assertThat(unknown.exitCode).isEqualTo(1);
    assertThat(unknown.err).contains("ghost");

    assertThat(cli.run("group", "create", "x", "--owner", "alice", "--max-members", "-1").exitCode).isEqualTo(2);
    assertThat(cli.run("group", "create", "x", "--owner", "alice", "--member", "bob", "--max-members", "1").exitCode)
        .as("over the quota the group allows").isEqualTo(2);
    assertThat(cli.run("group", "create", " ", "--owner", "alice").exitCode).as("a blank name").isEqualTo(2);
  }

  @Test
  void getPrintsTheGroup() {
    assertThat(cli.ok("group", "get", group).out.strip())
        .startsWith(group + "  name=\"Hiking club\"  owner=alice  members=3");
    JsonNode json = cli.ok("group", "get", group, "--json").json();
    assertThat(json.get("groupId").asText()).isEqualTo(group);
    assertThat(json.get("memberCount").asInt()).isEqualTo(3);

    assertThat(cli.run("group", "get", "1234567890").exitCode).isEqualTo(1);
  }

  @Test
  void addReportsEachUser() {
    Cli.Result r = cli.run("group", "add", group, "bob", "dave", "ghost");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.lines()).hasSize(3);
    assertThat(r.lines()[0]).isEqualTo("bob  already a member");
    assertThat(r.lines()[1]).isEqualTo("dave  added");
    assertThat(r.lines()[2]).startsWith("ghost  FAILED  ").contains("ghost does not exist");

    cli.ok("user", "register", "erin");
    JsonNode json = cli.ok("--json", "group", "add", group, "erin").json();
    assertThat(json.get("succeeded").get(0).get("userId").asText()).isEqualTo("erin");
    assertThat(json.get("succeeded").get(0).get("change").asText()).isEqualTo("ADDED");
    assertThat(json.get("failed")).isEmpty();
  }

  @Test
  void aFullGroupTurnsANewMemberAway() {
    String small = cli.ok("--json", "group", "create", "Pair", "--owner", "alice", "--member", "bob",
        "--max-members", "2").json().get("groupId").asText();

    Cli.Result r = cli.run("--json", "group", "add", small, "carol");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.json().get("failed").get(0).get("type").asText()).isEqualTo("quota_exceeded");
  }

  @Test
  void removeReportsEachUserAndKeepsTheOwner() {
    Cli.Result r = cli.run("group", "remove", group, "bob", "dave", "alice");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.lines()[0]).isEqualTo("bob  removed");
    assertThat(r.lines()[1]).isEqualTo("dave  not a member");
    assertThat(r.lines()[2]).startsWith("alice  FAILED  ").contains("delete the group instead");
    assertThat(cli.ok("group", "members", group, "--all").lines()).containsExactly("alice", "carol");
  }

  @Test
  void membersArePagedWithTheOwnerFirst() {
    cli.ok("group", "add", group, "dave");

    Cli.Result first = cli.ok("group", "members", group, "--page-size", "3");
    assertThat(first.lines()).hasSize(4);
    assertThat(first.lines()).startsWith("alice", "bob", "carol");
    String cursor = first.lines()[3].substring("next cursor: ".length());
    assertThat(cli.ok("group", "members", group, "--page-size", "3", "--cursor", cursor).lines()).containsExactly("dave");

    JsonNode json = cli.ok("--json", "group", "members", group, "--all").json();
    assertThat(json.get("members")).hasSize(4);
    assertThat(json.has("nextCursor")).isFalse();
    assertThat(cli.run("group", "members", "1234567890").exitCode).isEqualTo(1);
  }

  @Test
  void deleteRemovesTheGroup() {
    assertThat(cli.ok("group", "delete", group).out.strip()).isEqualTo("deleted group " + group);

    assertThat(cli.run("group", "get", group).exitCode).isEqualTo(1);
    assertThat(cli.run("group", "delete", group).exitCode).isEqualTo(1);
    assertThat(cli.run("group", "attributes", "get", group, "bob").exitCode).isEqualTo(1);
  }

  @Test
  void attributesSetAndGetRoundTripAcrossInvocations() {
    Cli.Result set = cli.ok("group", "attributes", "set", group, "bob", "role=admin", "nick=Big Bob");
    assertThat(set.out.strip()).isEqualTo("bob  role=admin  nick=\"Big Bob\"");

    assertThat(cli.ok("group", "attrs", "get", group, "bob").out.strip()).isEqualTo("bob  role=admin  nick=\"Big Bob\"");
    JsonNode json = cli.ok("group", "attributes", "get", group, "bob", "--json").json();
    assertThat(json.get("groupId").asText()).isEqualTo(group);
    assertThat(json.get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("attributes").get("role").asText()).isEqualTo("admin");
    assertThat(json.get("attributes").get("nick").asText()).isEqualTo("Big Bob");
  }

  @Test
  void anEmptyValueRemovesTheKey() {
    cli.ok("group", "attributes", "set", group, "bob", "role=admin", "nick=Bob");

    Cli.Result r = cli.ok("group", "attributes", "set", group, "bob", "nick=", "--json");

    assertThat(r.json().get("written")).isEmpty();
    assertThat(r.json().get("removed").get(0).asText()).isEqualTo("nick");
    assertThat(cli.ok("group", "attributes", "get", group, "bob").out.strip()).isEqualTo("bob  role=admin");
    assertThat(cli.ok("group", "attributes", "set", group, "bob", "role=").out.strip()).isEqualTo("bob  (removed: role)");
    assertThat(cli.ok("group", "attributes", "get", group, "bob").out.strip()).isEqualTo("bob  (no attributes)");
  }

  @Test
  void getManyReadsSelectedKeysAndReportsNonMembers() {
    cli.ok("group", "attributes", "set", group, "bob", "role=admin", "nick=Bob");
    cli.ok("group", "attributes", "set", group, "carol", "role=user");

    Cli.Result human = cli.ok("group", "attributes", "get-many", group, "bob", "carol", "dave", "--key", "role");
    assertThat(human.lines()).containsExactly("bob  role=admin", "carol  role=user", "dave  (not a member)");

    JsonNode json = cli.ok("group", "attributes", "get-many", group, "bob", "dave", "--json").json();
    assertThat(json.get("members")).hasSize(1);
    assertThat(json.get("members").get(0).get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("members").get(0).get("attributes").get("nick").asText()).isEqualTo("Bob");
    assertThat(json.get("notMembers").get(0).asText()).isEqualTo("dave");
  }

  @Test
  void setManyPrintsEachMembersOutcome() {
    Cli.Result r = cli.ok("group", "attributes", "set-many", group, "--member", "bob:role=admin", "--member",
        "carol:role=user", "--member", "bob:nick=Bob");

    assertThat(r.lines()).containsExactly("bob  ok  role=admin  nick=Bob", "carol  ok  role=user");
    assertThat(cli.ok("group", "attributes", "get", group, "bob").out.strip()).isEqualTo("bob  role=admin  nick=Bob");
  }

  @Test
  void setManyWithANonMemberFailsThatMemberOnly() {
    Cli.Result r = cli.run("group", "attributes", "set-many", group, "--member", "bob:role=admin", "--member",
        "dave:role=user", "--json");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    JsonNode json = r.json();
    assertThat(json.get("succeeded").get(0).get("userId").asText()).isEqualTo("bob");
    assertThat(json.get("failed").get(0).get("userId").asText()).isEqualTo("dave");
    assertThat(json.get("failed").get(0).get("type").asText()).isEqualTo("not_found");
    assertThat(cli.ok("group", "attributes", "get", group, "bob").out.strip()).isEqualTo("bob  role=admin");
  }

  @Test
  void anUnknownGroupOrNonMemberIsNotFound() {
    assertThat(cli.run("group", "attributes", "get", "1234567890", "bob").exitCode).isEqualTo(1);
    assertThat(cli.run("group", "attributes", "get", group, "dave").exitCode).isEqualTo(1);
    assertThat(cli.run("group", "attributes", "set", group, "dave", "a=b").exitCode).isEqualTo(1);
  }

  @Test
  void malformedAttributesAreUsageErrors() {
    Cli.Result noEquals = cli.run("group", "attributes", "set", group, "bob", "role");
    assertThat(noEquals.exitCode).isEqualTo(2);
    assertThat(noEquals.err).contains("KEY=VALUE").contains("'role'");

    Cli.Result noUser = cli.run("group", "attributes", "set-many", group, "--member", "role=admin");
    assertThat(noUser.exitCode).isEqualTo(2);
    assertThat(noUser.err).contains("USER:KEY=VALUE");

    Cli.Result tooLong = cli.run("group", "attributes", "set", group, "bob", "k=" + "v".repeat(513));
    assertThat(tooLong.exitCode).isEqualTo(2);
  }

  /** The embedded provider enforces the portable limits: NetEase issues numeric team ids only. */
  @Test
  void aGroupIdNoVendorCouldIssueIsRefusedByThePortableLimits() {
    Cli.Result r = cli.run("group", "get", "g1");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("groupId 'g1'").contains("digits");
  }

  /** The group commands go through the neutral services: they work on any provider, and fail as it does. */
  @Test
  void aRemoteProvidersFailureIsReported() {
    Cli.Result r = cli.run("--provider", "fake", "group", "create", "x", "--owner", "alice");

    assertThat(r.exitCode).isEqualTo(3);
    assertThat(r.err).contains("[fake] create: service unavailable");
  }
}
