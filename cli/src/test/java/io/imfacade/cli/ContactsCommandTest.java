package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsCommandTest {

  private static final List<String> FRIENDS = List.of("f1", "f2", "f3", "f4", "f5");

  @TempDir
  Path home;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
  }

  @Test
  void addRemarkListAndRemove() {
    assertThat(cli.ok("contacts", "add", "alice", "bob").out.strip()).isEqualTo("alice and bob are contacts");
    cli.ok("contacts", "add", "alice", "carol");
    assertThat(cli.ok("contacts", "remark", "alice", "bob", "Bobby B").out.strip())
        .isEqualTo("alice's remark for bob: \"Bobby B\"");

    assertThat(cli.ok("contacts", "list", "alice").lines())
        .containsExactlyInAnyOrder("bob  remark=\"Bobby B\"", "carol");
    assertThat(cli.ok("contacts", "list", "bob").lines()).containsExactly("alice");

    JsonNode json = cli.ok("contacts", "list", "alice", "--json").json();
    assertThat(json.get("owner").asText()).isEqualTo("alice");
    assertThat(json.get("contacts")).hasSize(2);
    assertThat(json.has("nextCursor")).isFalse();
    assertThat(json.get("contacts").toString()).contains("{\"userId\":\"bob\",\"remark\":\"Bobby B\"}");

    assertThat(cli.ok("contacts", "remark", "alice", "bob").out.strip()).isEqualTo("cleared alice's remark for bob");
    assertThat(cli.ok("contacts", "list", "alice").lines()).containsExactlyInAnyOrder("bob", "carol");

    assertThat(cli.ok("contacts", "remove", "bob", "alice").out.strip()).isEqualTo("bob and alice are not contacts");
    assertThat(cli.ok("contacts", "list", "alice").lines()).containsExactly("carol");
    assertThat(cli.ok("contacts", "list", "bob").lines()).containsExactly("(no contacts)");
  }

  @Test
  void aRemarkForANonContactIsNotFound() {
    Cli.Result r = cli.run("contacts", "remark", "alice", "bob", "x");

    assertThat(r.exitCode).isEqualTo(1);
  }

  @Test
  void contactListPagesFollowTheCursor() {
    FRIENDS.forEach(f -> cli.ok("contacts", "add", "alice", f));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = cursor == null
          ? cli.ok("contacts", "list", "alice", "--page-size", "2", "--json").json()
          : cli.ok("contacts", "list", "alice", "--page-size", "2", "--cursor", cursor, "--json").json();
      assertThat(page.get("contacts").size()).isLessThanOrEqualTo(2);
      page.get("contacts").forEach(c -> seen.add(c.get("userId").asText()));
      cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).containsExactlyInAnyOrderElementsOf(FRIENDS);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void humanPagesShowTheNextCursor() {
    FRIENDS.forEach(f -> cli.ok("contacts", "add", "alice", f));

    String[] first = cli.ok("contacts", "list", "alice", "--page-size", "3").lines();

    assertThat(first).hasSize(4);
    assertThat(first[3]).startsWith("next cursor: ");
    String cursor = first[3].substring("next cursor: ".length());
    String[] second = cli.ok("contacts", "list", "alice", "--page-size", "3", "--cursor", cursor).lines();
    assertThat(second).hasSize(2).noneMatch(l -> l.startsWith("next cursor"));
    List<String> all = new ArrayList<>(List.of(first).subList(0, 3));
    all.addAll(List.of(second));
    assertThat(all).containsExactlyInAnyOrderElementsOf(FRIENDS);
  }

  @Test
  void allListsEverythingWithoutCursor() {
    FRIENDS.forEach(f -> cli.ok("contacts", "add", "alice", f));

    assertThat(cli.ok("contacts", "list", "alice", "--all", "--page-size", "2").lines())
        .containsExactlyInAnyOrderElementsOf(FRIENDS);
    JsonNode json = cli.ok("contacts", "list", "alice", "--all", "--page-size", "2", "--json").json();
    assertThat(json.get("contacts")).hasSize(5);
    assertThat(json.has("nextCursor")).isFalse();
  }

  @Test
  void blockUnblockAndPageTheBlockList() {
    assertThat(cli.ok("contacts", "block", "alice", "f1", "f2", "f3").out.strip()).isEqualTo("alice blocked f1, f2, f3");
    cli.ok("contacts", "block", "alice", "f4", "f5");

    JsonNode first = cli.ok("contacts", "blocked", "alice", "--page-size", "4", "--json").json();
    assertThat(first.get("blocked")).hasSize(4);
    JsonNode second = cli.ok("contacts", "blocked", "alice", "--page-size", "4", "--cursor",
        first.get("nextCursor").asText(), "--json").json();
    assertThat(second.get("blocked")).hasSize(1);
    assertThat(second.has("nextCursor")).isFalse();

    assertThat(cli.ok("contacts", "unblock", "alice", "f3").out.strip()).isEqualTo("alice unblocked f3");
    assertThat(cli.ok("contacts", "blocked", "alice", "--all").lines()).containsExactlyInAnyOrder("f1", "f2", "f4", "f5");
    assertThat(cli.ok("contacts", "blocked", "bob").lines()).containsExactly("(nobody blocked)");
    JsonNode unblock = cli.ok("contacts", "unblock", "alice", "f1", "--json").json();
    assertThat(unblock.get("unblocked").asText()).isEqualTo("f1");
  }

  @Test
  void badPagingOptionsAreUsageErrors() {
    assertThat(cli.run("contacts", "list", "alice", "--all", "--cursor", "x").exitCode).isEqualTo(2);
    assertThat(cli.run("contacts", "list", "alice", "--page-size", "0").exitCode).isEqualTo(2);
    assertThat(cli.run("contacts", "blocked", "alice", "--cursor", "").exitCode).isEqualTo(2);
    Cli.Result overLimit = cli.run("contacts", "list", "alice", "--page-size", "51");
    assertThat(overLimit.exitCode).isEqualTo(2);
    assertThat(overLimit.err).contains("51");
  }

  @Test
  void addingYourselfIsInvalid() {
    assertThat(cli.run("contacts", "add", "alice", "alice").exitCode).isEqualTo(2);
  }

  /** Without --page-size, the page size is within the provider's declared limit (the fake's is 20). */
  @Test
  void theDefaultPageSizeFitsTheProvidersDeclaredLimit() {
    Cli.Result defaulted = cli.run("--provider", "fake", "contacts", "list", "alice", "--json");
    assertThat(defaulted.json().get("type").asText()).as("the call reached the provider").isEqualTo("provider_unavailable");

    Cli.Result tooBig = cli.run("--provider", "fake", "contacts", "blocked", "alice", "--page-size",
        "" + (FakeProvider.PAGE_SIZE_MAX + 1), "--json");
    assertThat(tooBig.json().get("type").asText()).isEqualTo("invalid_request");
    assertThat(tooBig.json().get("field").asText()).isEqualTo("page");
  }
}
