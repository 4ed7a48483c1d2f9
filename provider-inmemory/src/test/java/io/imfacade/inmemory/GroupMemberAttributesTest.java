package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupMemberAttributesTest {

  private final InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a"));
  private final GroupMemberAttributes attributes = client.groupMemberAttributes();
  private String g1;

  @BeforeEach
  void world() {
    Seed.users(client, "alice", "bob", "carol", "dave");
    g1 = Seed.group(client, "Alice", "BOB", "carol");
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void setMergesAndEmptyValueRemovesAKey() {
    assertThat(attributes.set(g1, "bob", Map.of("nick", "B", "role", "admin"))).containsOnly(
        Map.entry("nick", "B"), Map.entry("role", "admin"));
    Map<String, String> request = new LinkedHashMap<>();
    request.put("role", "");
    request.put("title", "Dr");
    assertThat(attributes.set(g1, "Bob", request)).containsExactly(Map.entry("title", "Dr"));

    assertThat(attributes.get(g1, "bob")).containsOnly(Map.entry("nick", "B"), Map.entry("title", "Dr"));
  }

  @Test
  void memberWithoutAttributesReadsEmpty() {
    assertThat(attributes.get(g1, "alice")).isEmpty();
  }

  @Test
  void returnedMapsAreUnmodifiable() {
    attributes.set(g1, "bob", Map.of("nick", "B"));
    Map<String, String> read = attributes.get(g1, "bob");
    assertThatThrownBy(() -> read.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missingGroupAndNonMemberAreNotFound() {
    assertThatThrownBy(() -> attributes.get("nope", "bob"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.operation()).contains("groupMemberAttributes.get"))
        .hasMessageContaining("group not exists");
    assertThatThrownBy(() -> attributes.get(g1, "dave"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("user not in group");
    assertThatThrownBy(() -> attributes.set(g1, "dave", Map.of("k", "v")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("user not in group");
    assertThatThrownBy(() -> attributes.set("nope", "bob", Map.of("k", "v")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("group not exists");
  }

  @Test
  void getManySelectsKeysKeepsOrderAndLeavesOutNonMembers() {
    attributes.set(g1, "bob", Map.of("nick", "B", "role", "admin"));
    attributes.set(g1, "carol", Map.of("role", "member"));

    Map<String, Map<String, String>> all = attributes.get(g1, List.of("carol", "dave", "alice", "BOB"), List.of());
    assertThat(all.keySet()).containsExactly("carol", "alice", "BOB");
    assertThat(all.get("alice")).isEmpty();
    assertThat(all.get("BOB")).containsOnly(Map.entry("nick", "B"), Map.entry("role", "admin"));

    Map<String, Map<String, String>> nicks = attributes.get(g1, List.of("bob", "carol"), List.of("nick"));
    assertThat(nicks.get("bob")).containsExactly(Map.entry("nick", "B"));
    assertThat(nicks.get("carol")).isEmpty();

    assertThatThrownBy(() -> attributes.get("nope", List.of("bob"), List.of())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void overTheTotalNothingIsWritten() {
    Map<String, String> big = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      big.put("k" + i, "v".repeat(500));  // 4065 bytes as JSON: fits alone, not with what bob has
    }
    attributes.set(g1, "bob", Map.of("keep", "me", "also", "x".repeat(30)));
    assertThatThrownBy(() -> attributes.set(g1, "bob", big))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.operation()).contains("groupMemberAttributes.set"))
        .hasMessageContaining("4096");
    assertThat(attributes.get(g1, "bob")).containsOnlyKeys("keep", "also");
    attributes.set(g1, "bob", Map.of("also", ""));
    assertThat(attributes.set(g1, "bob", big)).hasSize(8);
  }

  @Test
  void setAllReportsEveryMemberInOrder() {
    Map<String, String> half = new LinkedHashMap<>();
    Map<String, String> otherHalf = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      half.put("k" + i, "v".repeat(500));
      otherHalf.put("o" + i, "v".repeat(500));
    }
    attributes.set(g1, "carol", half);  // fits alone, as does the other half: together they do not
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    request.put("dave", Map.of("nick", "D"));
    request.put("Bob", Map.of("nick", "B", "gone", ""));
    request.put("carol", otherHalf);
    request.put("alice", Map.of("nick", "A"));

    BatchResult result = attributes.setAll(g1, request);

    assertThat(result.succeeded().keySet()).containsExactly("Bob", "alice");
    assertThat(result.succeeded().get("Bob")).containsExactly(Map.entry("nick", "B"));
    assertThat(result.failed().keySet()).containsExactly("dave", "carol");
    assertThat(result.failed().get("dave")).isInstanceOf(NotFoundException.class).hasMessageContaining("user not in group");
    assertThat(result.failed().get("carol")).isInstanceOf(QuotaExceededException.class);
    assertThat(result.failed().get("carol").operation()).contains("groupMemberAttributes.setAll");
    assertThat(attributes.get(g1, "carol")).isEqualTo(half);
    assertThat(attributes.get(g1, "alice")).containsExactly(Map.entry("nick", "A"));

    assertThatThrownBy(() -> attributes.setAll("nope", Map.of("bob", Map.of("k", "v")))).isInstanceOf(NotFoundException.class);
  }
}
