package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory {@code Groups}: issued ids, join order, the vendor's size, the owner's place. */
class GroupsTest {

  /** vendor-a: groups of at most 6 members, names of 20 UTF-16 units, group ids of letters too. */
  private final InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a"));

  @BeforeEach
  void users() {
    Seed.users(client, "alice", "bob", "carol", "dave", "erin", "frank", "gina");
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void createIssuesAUniqueIdOfDigitsAndDescribesTheGroup() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(Seed.group(client, "alice"));
    }
    assertThat(ids).hasSize(50).allMatch(id -> id.matches("[1-9][0-9]{9}"));

    Group team = client.groups().create(new NewGroup("Alice", "Team", "the team", List.of("BOB", "alice", "carol"), 0));

    assertThat(team).isEqualTo(new Group(team.groupId(), "Team", "alice", "the team", 3, 6));
    assertThat(client.groups().get(team.groupId())).contains(team);
    assertThat(client.groups().allMembers(team.groupId())).as("the owner first, then in order")
        .containsExactly("alice", "bob", "carol");
  }

  @Test
  void createWithAnUnknownUserCreatesNothing() {
    assertThatThrownBy(() -> client.groups().create(NewGroup.of("alice", "t", List.of("bob", "nobody", "ghost"))))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.operation()).contains("groups.create"))
        .hasMessageContaining("these users do not exist: nobody, ghost");
    assertThatThrownBy(() -> client.groups().create(NewGroup.of("nobody", "t", List.of())))
        .isInstanceOf(NotFoundException.class);
    assertThat(client.groups().get("1")).isEmpty();
  }

  @Test
  void membersArePagedInJoinOrderAndAStaleCursorOfAnotherListIsRefused() {
    String group = Seed.group(client, "alice", "bob", "carol", "dave", "erin");
    List<String> seen = new ArrayList<>();
    Page<String> page = client.groups().members(group, PageRequest.first(2));
    seen.addAll(page.items());
    client.groups().removeMembers(group, List.of("carol"));  // not seen yet: skipped
    client.groups().addMembers(group, List.of("frank"));     // joins at the end: seen
    while (page.nextCursor().isPresent()) {
      page = client.groups().members(group, PageRequest.after(page.nextCursor().get(), 2));
      seen.addAll(page.items());
    }
    assertThat(seen).containsExactly("alice", "bob", "dave", "erin", "frank");

    client.contacts().addContact("alice", "bob");
    client.contacts().addContact("alice", "carol");
    String contactCursor = client.contacts().contacts("alice", PageRequest.first(1)).nextCursor().orElseThrow();
    assertThatThrownBy(() -> client.groups().members(group, PageRequest.after(contactCursor, 2)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void addReportsEachUserAndAFullGroupTurnsTheRestAway() {
    String group = client.groups().create(new NewGroup("alice", "t", null, List.of("bob"), 4)).groupId();

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(group,
        List.of("bob", "carol", "nobody", "dave", "erin", "alice"));

    assertThat(outcome.succeeded()).containsExactly(Map.entry("bob", MemberChange.ALREADY_MEMBER),
        Map.entry("carol", MemberChange.ADDED), Map.entry("dave", MemberChange.ADDED),
        Map.entry("alice", MemberChange.ALREADY_MEMBER));
    assertThat(outcome.failed()).containsOnlyKeys("nobody", "erin");
    assertThat(outcome.failed().get("nobody")).isInstanceOf(NotFoundException.class);
    assertThat(outcome.failed().get("erin")).isInstanceOf(QuotaExceededException.class).hasMessageContaining("4");
    assertThat(client.groups().get(group).orElseThrow().memberCount()).isEqualTo(4);
  }

  @Test
  void withoutAMaximumTheVendorsLargestGroupIsTheLimit() {
    String group = Seed.group(client, "alice", "bob", "carol", "dave", "erin");

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(group, List.of("frank", "gina"));

    assertThat(outcome.succeeded()).containsOnlyKeys("frank");
    assertThat(outcome.failed().get("gina")).isInstanceOf(QuotaExceededException.class).hasMessageContaining("vendor-a");
  }

  @Test
  void removeTakesTheAttributesAlongAndRefusesTheOwner() {
    String group = Seed.group(client, "alice", "bob");
    client.groupMemberAttributes().set(group, "bob", Map.of("role", "admin"));

    BatchOutcome<MemberChange> outcome = client.groups().removeMembers(group, List.of("bob", "carol", "Alice"));

    assertThat(outcome.succeeded()).containsExactly(Map.entry("bob", MemberChange.REMOVED),
        Map.entry("carol", MemberChange.NOT_A_MEMBER));
    assertThat(outcome.failed().get("Alice")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("delete the group instead");
    assertThatThrownBy(() -> client.groupMemberAttributes().get(group, "bob")).isInstanceOf(NotFoundException.class);
    client.groups().addMembers(group, List.of("bob"));
    assertThat(client.groupMemberAttributes().get(group, "bob")).as("a new membership starts empty").isEmpty();
  }

  @Test
  void anUnknownGroupIsAbsentOrNotFound() {
    String group = Seed.group(client, "alice");
    client.groups().delete(group);

    assertThat(client.groups().get(group)).isEmpty();
    assertThatThrownBy(() -> client.groups().delete(group)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groups().addMembers(group, List.of("bob"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groups().removeMembers(group, List.of("bob"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groups().members(group, PageRequest.first(5))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groupMemberAttributes().get(group, "alice")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theEmulatedVendorsNameAndSizeLimitsAreEnforcedBeforeAnyChange() {
    assertThatThrownBy(() -> client.groups().create(NewGroup.of("alice", "n".repeat(21), List.of())))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("name"));
    assertThatThrownBy(() -> client.groups().create(
        NewGroup.of("alice", "t", List.of("bob", "carol", "dave", "erin", "frank", "gina"))))
        .isInstanceOf(QuotaExceededException.class);
  }
}
