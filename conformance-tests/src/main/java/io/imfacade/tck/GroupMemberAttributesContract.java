package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link GroupMemberAttributes} ({@link Capability#GROUP_MEMBER_ATTRIBUTES}):
 * writes merge and an empty value removes, reads by key cross the vendor's batch size in input
 * order, batch writes report every member's outcome, and missing groups, non-members and bad input
 * are refused the documented way.
 */
public abstract class GroupMemberAttributesContract extends ContractSupport {

  /**
   * Skips every test of this contract, with the reason, unless the client declares {@link
   * Capability#GROUP_MEMBER_ATTRIBUTES}.
   */
  @BeforeEach
  protected final void requireMemberAttributes() {
    requireCapability(Capability.GROUP_MEMBER_ATTRIBUTES);
  }

  private GroupMemberAttributes attributes() {
    return client().groupMemberAttributes();
  }

  private static Map<String, String> map(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void attributesRoundTrip() {
    String group = createGroup(alice(), List.of(bob(), carol()));
    Map<String, String> attrs = map("nick", "小B 🐝", "role", "admin", "json", "{\"a\":[1,2]}");

    Map<String, String> written = attributes().set(group, bob(), attrs);

    assertThat(written).as("what set() returns").isEqualTo(attrs);
    assertThat(attributes().get(group, bob())).isEqualTo(attrs);
    assertThat(attributes().get(group, carol())).as("another member").isEmpty();
    assertThat(attributes().get(group, alice())).as("the owner").isEmpty();
  }

  @Test
  void setMergesAndReturnsOnlyTheNonEmptyPairsWritten() {
    String group = createGroup(alice(), List.of(bob()));
    attributes().set(group, bob(), map("a", "1", "b", "2"));

    Map<String, String> written = attributes().set(group, bob(), map("b", "", "c", "3"));

    assertThat(written).as("what set() returns").isEqualTo(Map.of("c", "3"));
    assertThat(attributes().get(group, bob())).isEqualTo(Map.of("a", "1", "c", "3"));
  }

  @Test
  void emptyValueRemovesTheKey() {
    String group = createGroup(alice(), List.of(bob()));
    attributes().set(group, bob(), map("a", "1", "b", "2"));

    assertThat(attributes().set(group, bob(), map("a", "", "b", ""))).isEmpty();
    assertThat(attributes().get(group, bob())).isEmpty();
    assertThat(attributes().set(group, bob(), map("never", ""))).as("removing a key that is not there").isEmpty();
  }

  @Test
  void attributesBelongToOneGroup() {
    String first = createGroup(alice(), List.of(bob()));
    String second = createGroup(carol(), List.of(bob()));

    attributes().set(first, bob(), map("seat", "1"));
    attributes().set(second, bob(), map("seat", "2"));

    assertThat(attributes().get(first, bob())).isEqualTo(Map.of("seat", "1"));
    assertThat(attributes().get(second, bob())).isEqualTo(Map.of("seat", "2"));
  }

  @Test
  void userIdsAreCaseInsensitive() {
    String group = createGroup(alice(), List.of(bob()));

    attributes().set(group, bob().toUpperCase(Locale.ROOT), map("a", "1"));

    assertThat(attributes().get(group, bob())).isEqualTo(Map.of("a", "1"));
    assertThat(attributes().get(group, bob().toUpperCase(Locale.ROOT))).isEqualTo(Map.of("a", "1"));
  }

  /** The id-case rule: a batch read answers under the ids as the caller spelled them. */
  @Test
  void batchReadAnswersUnderTheCallersSpelling() {
    String group = createGroup(alice(), List.of(bob(), carol()));
    String upper = bob().toUpperCase(Locale.ROOT);
    attributes().set(group, bob(), map("a", "1", "b", "2"));
    attributes().set(group, carol(), map("a", "3"));

    Map<String, Map<String, String>> result = attributes().get(group, List.of(upper, carol(), bob()), List.of("a"));

    assertThat(new ArrayList<>(result.keySet())).as("keys in input order").containsExactly(upper, carol(), bob());
    assertThat(result.get(upper)).isEqualTo(Map.of("a", "1"));
    assertThat(result.get(bob())).isEqualTo(Map.of("a", "1"));
    assertThat(result.get(carol())).isEqualTo(Map.of("a", "3"));
  }

  @Test
  void setAllAnswersUnderTheCallersSpelling() {
    String group = createGroup(alice(), List.of(bob(), carol()));
    String upper = bob().toUpperCase(Locale.ROOT);
    Map<String, Map<String, String>> input = new LinkedHashMap<>();
    input.put(upper, map("a", "1"));
    input.put(carol(), map("a", "2"));

    BatchResult result = attributes().setAll(group, input);

    assertThat(result.failed()).isEmpty();
    assertThat(new ArrayList<>(result.succeeded().keySet())).containsExactlyInAnyOrder(upper, carol());
    assertThat(result.succeeded().get(upper)).isEqualTo(Map.of("a", "1"));
    assertThat(attributes().get(group, bob())).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void setAllWithOneMemberInTwoSpellingsIsRefused() {
    String group = createGroup(alice(), List.of(bob()));
    Map<String, Map<String, String>> input = new LinkedHashMap<>();
    input.put(bob(), map("a", "1"));
    input.put(bob().toUpperCase(Locale.ROOT), map("a", "2"));

    assertThatThrownBy(() -> attributes().setAll(group, input)).isInstanceOf(InvalidRequestException.class);

    assertThat(attributes().get(group, bob())).as("nothing written").isEmpty();
  }

  /** The same behaviour on every provider: a batch write of no member is a mistake, not a no-op. */
  @Test
  void setAllOfNoMemberIsRefused() {
    String group = createGroup(alice(), List.of(bob()));

    assertThatThrownBy(() -> attributes().setAll(group, Map.of())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().setAll(group, null)).isInstanceOf(InvalidRequestException.class);
  }

  /** A blank attribute key is refused everywhere: writes, batch writes and reads by key. */
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankAttributeKeysAreRefused(String key) {
    String group = createGroup(alice(), List.of(bob()));
    attributes().set(group, bob(), map("a", "1"));

    assertThatThrownBy(() -> attributes().set(group, bob(), map(key, "v")), "set")
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().set(group, bob(), map("b", "2", key, "v")), "set among good keys")
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().setAll(group, Map.of(bob(), map(key, "v"))), "setAll")
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().get(group, List.of(bob()), List.of(key)), "get by keys")
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().get(group, List.of(bob()), List.of("a", key)), "get among good keys")
        .isInstanceOf(InvalidRequestException.class);

    assertThat(attributes().get(group, bob())).isEqualTo(Map.of("a", "1"));
  }

  /**
   * 25 members, more than two read batches of every vendor, with three non-members among them:
   * the result keeps the input order, leaves the non-members out, returns only the asked keys and
   * maps a member with none of them to an empty map.
   */
  @Test
  void getByKeysAcrossBatches() {
    List<String> members = createUsers("gm", 25);
    List<String> outsiders = createUsers("out", 3);
    String group = createGroup(alice(), members);
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      String m = members.get(i);
      if (i % 5 == 0) {
        attributes().set(group, m, map("other", "o" + i));
        expected.put(m, Map.of());
      } else {
        attributes().set(group, m, map("nick", "n" + i, "seat", "s" + i, "other", "o" + i));
        expected.put(m, Map.of("nick", "n" + i, "seat", "s" + i));
      }
    }
    List<String> input = new ArrayList<>(members);
    input.add(3, outsiders.get(0));
    input.add(12, outsiders.get(1));
    input.add(outsiders.get(2));

    Map<String, Map<String, String>> result = attributes().get(group, input, List.of("nick", "seat"));

    assertThat(new ArrayList<>(result.keySet())).as("members in input order").isEqualTo(members);
    expected.forEach((m, attrs) -> assertThat(result.get(m)).as("attributes of %s", m).isEqualTo(attrs));
  }

  @Test
  void getWithNoKeysReturnsEveryKey() {
    List<String> members = createUsers("gm", 25);
    String group = createGroup(alice(), members);
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Map<String, String> attrs = i % 4 == 0 ? Map.of() : map("nick", "n" + i, "other", "o" + i);
      if (!attrs.isEmpty()) {
        attributes().set(group, members.get(i), attrs);
      }
      expected.put(members.get(i), attrs);
    }

    Map<String, Map<String, String>> result = attributes().get(group, members, List.of());

    assertThat(new ArrayList<>(result.keySet())).isEqualTo(members);
    expected.forEach((m, attrs) -> assertThat(result.get(m)).as("attributes of %s", m).isEqualTo(attrs));
  }

  /**
   * 45 users, more than two write batches of every vendor, five of them not in the group: every
   * user is reported exactly once, the outsiders as {@link NotFoundException}s, and what the
   * members got is readable afterwards.
   */
  @Test
  void setAllReportsEveryMembersOutcome() {
    List<String> members = createUsers("gm", 40);
    List<String> outsiders = createUsers("out", 5);
    String group = createGroup(alice(), members);
    Map<String, Map<String, String>> input = new LinkedHashMap<>();
    for (int i = 0; i < 45; i++) {
      String user = i % 9 == 4 ? outsiders.get(i / 9) : members.get(i - (i + 4) / 9);
      input.put(user, map("seat", "s" + i, "nick", "成员 " + i));
    }
    assertThat(input).hasSize(45);

    BatchResult result = attributes().setAll(group, input);

    assertThat(result.failed().keySet()).as("failed").containsExactlyInAnyOrderElementsOf(outsiders);
    result.failed().forEach((user, reason) ->
        assertThat(reason).as("reason for %s", user).isInstanceOf(NotFoundException.class));
    assertThat(result.succeeded().keySet()).as("succeeded").containsExactlyInAnyOrderElementsOf(members);
    assertThat(result.allSucceeded()).isFalse();
    members.forEach(m -> assertThat(result.succeeded().get(m)).as("written for %s", m).isEqualTo(input.get(m)));
    Map<String, Map<String, String>> read = attributes().get(group, members, List.of());
    members.forEach(m -> assertThat(read.get(m)).as("read back for %s", m).isEqualTo(input.get(m)));
  }

  @Test
  void setAllOfMembersOnlySucceedsAndRemovesWithEmptyValues() {
    List<String> members = createUsers("gm", 25);
    String group = createGroup(alice(), members);
    Map<String, Map<String, String>> first = new LinkedHashMap<>();
    Map<String, Map<String, String>> second = new LinkedHashMap<>();
    members.forEach(m -> {
      first.put(m, map("a", "1", "b", "2"));
      second.put(m, map("a", "", "c", "3"));
    });

    assertThat(attributes().setAll(group, first).allSucceeded()).isTrue();
    BatchResult result = attributes().setAll(group, second);

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.succeeded().keySet()).containsExactlyInAnyOrderElementsOf(members);
    members.forEach(m -> assertThat(result.succeeded().get(m)).as("written for %s", m).isEqualTo(Map.of("c", "3")));
    Map<String, Map<String, String>> read = attributes().get(group, members, List.of());
    members.forEach(m -> assertThat(read.get(m)).as("read back for %s", m).isEqualTo(Map.of("b", "2", "c", "3")));
  }

  @Test
  void missingGroupIsNotFound() {
    String ghost = unknownGroup();

    assertThatThrownBy(() -> attributes().get(ghost, alice())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> attributes().get(ghost, List.of(alice(), bob()), List.of()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> attributes().set(ghost, alice(), map("a", "1"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> attributes().setAll(ghost, Map.of(alice(), map("a",
            "1")))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void userNotInTheGroupIsNotFound() {
    String group = createGroup(alice(), List.of(bob()));

    assertThatThrownBy(() -> attributes().get(group, carol())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> attributes().set(group, carol(), map("a", "1"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> attributes().get(group, unknownUser())).isInstanceOf(NotFoundException.class);
    assertThat(attributes().get(group, List.of(carol()), List.of())).as("a batch read of a non-member").isEmpty();
  }

  @Test
  void malformedAttributesAreRefused() {
    String group = createGroup(alice(), List.of(bob()));
    attributes().set(group, bob(), map("a", "1"));
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    Map<String, String> emptyKey = map("", "v");

    assertThatThrownBy(() -> attributes().set(group, bob(), Map.of())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().set(group, bob(), nullValue)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().set(group, bob(), emptyKey)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().set(group, bob(), null)).isInstanceOf(InvalidRequestException.class);

    assertThat(attributes().get(group, bob())).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void malformedIdsAreRefused() {
    String group = createGroup(alice(), List.of(bob()));

    assertThatThrownBy(() -> attributes().get(null, bob())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().get("a/b", bob())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().get(group, "a?b")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().set("", bob(), map("a", "1"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().set(group, "a#b", map("a", "1"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> attributes().get(group, Arrays.asList(bob(), null), List.of()))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(attributes().get(group, bob())).isEmpty();
  }

  @Test
  void setAllValidatesEveryEntryBeforeWritingAny() {
    List<String> members = createUsers("gm", 25);
    String group = createGroup(alice(), members);
    Map<String, Map<String, String>> input = new LinkedHashMap<>();
    members.forEach(m -> input.put(m, map("a", "1")));
    input.put(members.get(24), map("", "empty key"));

    assertThatThrownBy(() -> attributes().setAll(group, input)).isInstanceOf(InvalidRequestException.class);

    Map<String, Map<String, String>> read = attributes().get(group, members, List.of());
    members.forEach(m -> assertThat(read.get(m)).as("attributes of %s after the refused call", m).isEmpty());
  }
}
