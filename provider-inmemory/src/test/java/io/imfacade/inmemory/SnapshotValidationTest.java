package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.imfacade.contact.Contact;
import io.imfacade.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A snapshot file is checked entry by entry on every load, and a bad one is refused whole. */
class SnapshotValidationTest {

  @TempDir
  Path dir;

  /** JSON written with ` for " so that the cases stay readable. */
  private static String json(String text) {
    return text.replace('`', '"');
  }

  private static final String F = "`format`:`imfacade-inmemory/2`";

  private static InMemoryImClient open(Path file, String limits, String users) {
    return InMemoryImClient.create(Map.of("inmemory.limits", limits, "inmemory.users", users, "inmemory.file", file.toString()));
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("im.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        // the file as a whole
        arguments("", "it is empty"),
        arguments("not json", "Unrecognized token 'not'"),
        arguments(json("{" + F + ",`users`:{`alice`:{}}"), "end-of-input"),
        arguments("null", "it holds JSON null"),
        arguments("[]", "$: must be an object, not an array"),
        arguments(json("{" + F + "} trailing"), "Unrecognized token 'trailing'"),
        arguments(json("{" + F + "} {}"), "more JSON follows the snapshot, at line 1, column 34"),
        arguments(json("{" + F + ",`users`:{},`users`:{`a`:{}}}"), "Duplicate field 'users'"),
        arguments(json("{`users`:{`alice`:{}}}"), "$.format: is missing"),
        arguments(json("{`format`:`imfacade-inmemory/3`}"), "$.format: is 'imfacade-inmemory/3', this version reads 'imfacade-inmemory/2'"),
        arguments(json("{`format`:`imfacade-inmemory/1`,`users`:[`a`]}"), "$.format: is 'imfacade-inmemory/1', written by an earlier version; this version reads 'imfacade-inmemory/2', where \"users\" is an object"),
        arguments(json("{" + F + ",`surprise`:1}"), "$.surprise: is not a field of this format"),
        // value types: never coerced
        arguments(json("{" + F + ",`users`:{`a`:{`createdAt`:1}}}"), "$.users.a.createdAt: must be a string, not a number"),
        arguments(json("{" + F + ",`users`:{`a`:{`password`:`x`}}}"), "$.users.a.password: is not a field of this format"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`nickname`:1}}}"), "$.profiles.a.nickname: must be a string, not a number"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`ext`:true}}}"), "$.profiles.a.ext: must be a string, not a boolean"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`sign`:{}}}}"), "$.profiles.a.sign: must be a string, not an object"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`customAttributes`:{`level`:7}}}}"), "$.profiles.a.customAttributes.level: must be a string, not a number"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`gender`:`1`}}}"), "$.profiles.a.gender: must be an integer, not a string"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`gender`:1.0}}}"), "$.profiles.a.gender: must be an integer, not a number"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`gender`:7}}}"), "$.profiles.a.gender: is 7, not 0 (unknown), 1 (male) or 2 (female)"),
        arguments(json("{" + F + ",`users`:{`a`:{},`b`:{}},`contacts`:{`a`:[{`userId`:`b`,`remark`:5}],`b`:[{`userId`:`a`}]}}"), "$.contacts.a[0].remark: must be a string, not a number"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`members`:{`a`:{`k`:5}}}}}"), "$.groups.g.members.a.k: must be a string, not a number"),
        arguments(json("{" + F + ",`users`:[`a`]}"), "$.users: must be an object, not an array"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`1`:{`name`:`t`,`owner`:`a`,`maxMembers`:`5`}}}"), "$.groups.1.maxMembers: must be an integer, not a string"),
        // ids: the client's rules, lower case, never blank
        arguments(json("{" + F + ",`users`:{`a`:null}}"), "$.users.a: must not be null"),
        arguments(json("{" + F + ",`users`:{`a/b`:{}}}"), "$.users[\"a/b\"]: user id 'a/b' may only contain"),
        arguments(json("{" + F + ",`users`:{`../etc`:{}}}"), "$.users[\"../etc\"]: user id '../etc' may only contain"),
        arguments(json("{" + F + ",`users`:{`..`:{}}}"), "$.users[\"..\"]: user id '..' must not be '.' or '..'"),
        arguments(json("{" + F + ",`users`:{` `:{}}}"), "$.users[\" \"]: user id ' ' must not be blank"),
        arguments(json("{" + F + ",`users`:{`" + "a".repeat(65) + "`:{}}}"), "is 65 characters long, over the limit of 64"),
        arguments(json("{" + F + ",`users`:{`Alice`:{}}}"), "$.users.Alice: user id 'Alice' must be lower case, as stored: 'alice'"),
        arguments(json("{" + F + ",`users`:{`a`:{},`a`:{}}}"), "Duplicate field 'a'"),
        arguments(json("{" + F + ",`users`:{`a`:{`createdAt`:`yesterday`}}}"), "$.users.a.createdAt: 'yesterday' is not an ISO-8601 instant"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a/b`:{`nickname`:`x`}}}"), "$.profiles[\"a/b\"]: user id 'a/b' may only contain"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{``:{`name`:`t`,`owner`:`a`}}}"), "$.groups[\"\"]: group id '' must not be blank"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{` `:{`name`:`t`,`owner`:`a`}}}"), "$.groups[\" \"]: group id ' ' must not be blank"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g.1`:{`name`:`t`,`owner`:`a`}}}"), "$.groups[\"g.1\"]: group id 'g.1' may only contain"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`A`}}}"), "$.groups.g.owner: user id 'A' must be lower case"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`contacts`:{`a`:[{`userId`:`../b`}]}}"), "$.contacts.a[0].userId: user id '../b' may only contain"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`blocked`:{`a`:[`b#`]}}"), "$.blocked.a[0]: user id 'b#' may only contain"),
        // relations
        arguments(json("{" + F + ",`users`:{`a`:{}},`contacts`:{`a`:[{`userId`:`a`}]}}"), "$.contacts.a[0].userId: 'a' cannot be their own contact"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`blocked`:{`a`:[`a`]}}"), "$.blocked.a[0]: 'a' cannot block themself"),
        arguments(json("{" + F + ",`users`:{`a`:{},`b`:{}},`contacts`:{`a`:[{`userId`:`b`}]}}"), "$.contacts.a[0].userId: 'a' lists 'b' but $.contacts.b does not list 'a': contacts are two-way"),
        arguments(json("{" + F + ",`users`:{`a`:{},`b`:{}},`contacts`:{`a`:[{`userId`:`b`},{`userId`:`b`}],`b`:[{`userId`:`a`}]}}"), "$.contacts.a[1].userId: 'b' is listed twice as a contact of 'a'"),
        arguments(json("{" + F + ",`users`:{`a`:{},`b`:{}},`blocked`:{`a`:[`b`,`b`]}}"), "$.blocked.a[1]: 'b' is listed twice in the block list of 'a'"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`contacts`:{`a`:[{`remark`:`x`}]}}"), "$.contacts.a[0].userId: is missing"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`contacts`:{`a`:null}}"), "$.contacts.a: must not be null"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`contacts`:{`a`:[null]}}"), "$.contacts.a[0]: must not be null"),
        // registered users: everyone named must be listed
        arguments(json("{" + F + ",`profiles`:{`a`:{`nickname`:`x`}}}"), "$.profiles.a: user 'a' is not listed in $.users"),
        arguments(json("{" + F + ",`users`:{`b`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`}}}"), "$.groups.g.owner: user 'a' is not listed in $.users"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`members`:{`b`:{}}}}}"), "$.groups.g.members.b: user 'b' is not listed in $.users"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`contacts`:{`a`:[{`userId`:`b`}]}}"), "$.contacts.a[0].userId: user 'b' is not listed in $.users"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`blocked`:{`a`:[`b`]}}"), "$.blocked.a[0]: user 'b' is not listed in $.users"),
        // groups and attributes
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`members`:{}}}}"), "$.groups.g.owner: is missing"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`owner`:`a`}}}"), "$.groups.g.name: is missing: a group has a name"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:` `,`owner`:`a`}}}"), "$.groups.g.name: must not be blank"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`" + "n".repeat(21) + "`,`owner`:`a`}}}"), "$.groups.g.name: is 21 UTF-16 code units, over the limit of 20 UTF-16 code units (vendor-a)"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`description`:`" + "d".repeat(51) + "`,`owner`:`a`}}}"), "$.groups.g.description: is 51 UTF-16 code units, over the limit of 50"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`maxMembers`:0}}}"), "$.groups.g.maxMembers: is 0, not between 1 and 6 (vendor-a)"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`maxMembers`:7}}}"), "$.groups.g.maxMembers: is 7, not between 1 and 6"),
        arguments(json("{" + F + ",`users`:{`a`:{},`b`:{},`c`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`maxMembers`:2,`members`:{`b`:{},`c`:{}}}}}"), "$.groups.g.members: holds 3 members with the owner, over the group's limit of 2"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:null}}"), "$.groups.g: must not be null"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`members`:{`a`:null}}}}"), "$.groups.g.members.a: must not be null"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`members`:{`a`:{`k`:``}}}}}"), "$.groups.g.members.a.k: must not be empty"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g`:{`name`:`t`,`owner`:`a`,`members`:{`a`:{`k`:null}}}}}"), "$.groups.g.members.a.k: must be a string, not null"),
        arguments(json("{" + F + ",`users`:{`a`:{}},`profiles`:{`a`:{`customAttributes`:{` `:`v`}}}}"), "$.profiles.a.customAttributes[\" \"]: an attribute key must not be blank"));
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void invalidFileIsRefusedAtItsFirstMistakeAndLeftUntouched(String content, String mistake) throws IOException {
    Path file = write(content);
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> open(file, "vendor-a", "registered"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("inmemory.file '" + file + "' is not a valid imfacade snapshot: ")
        .hasMessageContaining(mistake)
        .hasMessageEndingWith("; it was left untouched");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(file, dir.resolve("im.json.lock"));
    }
  }

  @Test
  void idsAreCheckedAgainstTheEmulatedVendorsRules() throws IOException {
    // vendor-b's group ids are digits only, and its user ids may hold '@'.
    Path file = write(json("{" + F + ",`users`:{`a`:{}},`groups`:{`g1`:{`name`:`t`,`owner`:`a`}}}"));
    open(file, "vendor-a", "registered").close();
    assertThatThrownBy(() -> open(file, "vendor-b", "registered"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.groups.g1: group id 'g1' may only contain digits");

    Path mail = write(json("{" + F + ",`users`:{`a@b`:{}}}"));
    open(mail, "vendor-b", "registered").close();
    assertThatThrownBy(() -> open(mail, "vendor-a", "registered"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.users[\"a@b\"]: user id 'a@b' may only contain");
  }

  @Test
  void autoUsersNeedNoListAndAreRecordedForRegisteredClients() throws IOException {
    Path file = write(json("{" + F + ",`contacts`:{`a`:[{`userId`:`b`,`remark`:`Bee`}],`b`:[{`userId`:`a`}]},"
        + "`groups`:{`g`:{`name`:`t`,`owner`:`a`,`members`:{`c`:{`k`:`v`}}}},`blocked`:{`d`:[`e`]}}"));
    try (InMemoryImClient client = open(file, "vendor-a", "auto")) {
      assertThat(client.contacts().allContacts("a")).containsExactly(Contact.of("b", "Bee"));
      client.contacts().addContact("a", "f");  // saves, with every user the file named
    }
    try (InMemoryImClient client = open(file, "vendor-a", "registered")) {
      for (String user : List.of("a", "b", "c", "d", "e", "f")) {
        assertThat(client.accounts().exists(user)).as(user).isTrue();
      }
      assertThat(client.groupMemberAttributes().get("g", "c")).containsExactly(Map.entry("k", "v"));
      assertThat(client.contacts().allBlocked("d")).containsExactly("e");
    }
  }

  @Test
  void aFileMadeBadWhileAClientRunsFailsItsCallsAndIsNeverOverwritten() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file, "vendor-a", "registered")) {
      Seed.users(client, "alice", "bob");

      // Another process writes a file that is valid up to its last entry.
      String bad = json("{" + F + ",`users`:{`alice`:{},`bob`:{},`carol`:{}},`profiles`:{`carol`:{`nickname`:`C`}},"
          + "`blocked`:{`carol`:[`carol`]}}");
      Files.writeString(file, bad);

      assertThatThrownBy(() -> client.profiles().get("carol"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("$.blocked.carol[0]: 'carol' cannot block themself");
      assertThatThrownBy(() -> client.contacts().addContact("alice", "bob"))
          .isInstanceOf(ConfigurationException.class);
      assertThat(Files.readString(file)).isEqualTo(bad);

      // Fixed: the next call loads all of the new file, and only it.
      Files.writeString(file, json("{" + F + ",`users`:{`carol`:{}},`profiles`:{`carol`:{`nickname`:`C`}}}"));
      assertThat(client.profiles().get("carol").orElseThrow().nickname()).isEqualTo("C");
      assertThat(client.accounts().exists("alice")).isFalse();
    }
  }

  @Test
  void directoryInsteadOfFileIsReported() {
    assertThatThrownBy(() -> open(dir, "vendor-a", "registered"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot be read (it is a directory)")
        .hasMessageContaining("it was left untouched");
  }

  @Test
  void whatAClientWritesItReadsBack() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file, "vendor-c", "registered")) {
      // vendor-c accepts any printable id: the check follows the client's rule, not a fixed one
      Seed.users(client, "ä.b@c", "z");
      client.contacts().addContact("ä.b@c", "z");
      client.contacts().block("z", List.of("ä.b@c"));
    }
    try (InMemoryImClient client = open(file, "vendor-c", "registered")) {
      assertThat(client.contacts().allContacts("z")).containsExactly(Contact.of("ä.b@c"));
      assertThat(client.contacts().allBlocked("z")).containsExactly("ä.b@c");
    }
  }
}
