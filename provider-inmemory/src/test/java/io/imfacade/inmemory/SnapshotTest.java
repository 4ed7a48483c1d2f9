package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.account.Account;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

  @TempDir
  Path dir;

  private static InMemoryImClient open(Path file) {
    return InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a", "inmemory.file", file.toString()));
  }

  /** Fills the store; returns the id of its group. */
  private static String fill(InMemoryImClient client) {
    Seed.users(client, "alice", "bob", "carol", "lonely");
    client.profiles().update("alice", ProfileUpdate.builder()
        .nickname("Alice").avatarUrl("https://example.com/a.png").gender(Gender.FEMALE).sign("hi")
        .birth("2000-01-01").email("a@example.com").phone("+86 10").ext("{\"vip\":true}")
        .customAttribute("level", "7").build());
    client.profiles().update("bob", ProfileUpdate.builder().gender(Gender.MALE).build());
    String group = client.groups().create(new NewGroup("alice", "Team Ä", "the first team", List.of("carol", "bob"), 3))
        .groupId();
    client.groupMemberAttributes().set(group, "bob", Map.of("nick", "B", "role", "admin"));
    client.contacts().addContact("alice", "carol");
    client.contacts().addContact("alice", "bob");
    client.contacts().setRemark("alice", "bob", "Bobby");
    client.contacts().block("bob", List.of("carol", "alice"));
    return group;
  }

  @Test
  void roundTripKeepsAllData() {
    Path file = dir.resolve("im.json");
    Instant created;
    String group;
    try (InMemoryImClient client = open(file)) {
      group = fill(client);
      created = client.accounts().get("lonely").orElseThrow().createdAt();
    }
    assertThat(file).exists();

    try (InMemoryImClient client = open(file)) {
      assertThat(client.accounts().get("lonely")).contains(Account.of("lonely", created));
      assertThat(created).isNotNull();
      assertThat(client.groups().get(group)).contains(new Group(group, "Team Ä", "alice", "the first team", 3, 3));
      assertThat(client.groups().allMembers(group)).as("in join order").containsExactly("alice", "carol", "bob");
      UserProfile alice = client.profiles().get("alice").orElseThrow();
      assertThat(alice).isEqualTo(UserProfile.builder("alice")
          .nickname("Alice").avatarUrl("https://example.com/a.png").gender(Gender.FEMALE).sign("hi")
          .birth("2000-01-01").email("a@example.com").phone("+86 10").ext("{\"vip\":true}")
          .customAttribute("level", "7").build());
      assertThat(client.profiles().get("bob").orElseThrow().gender()).isEqualTo(Gender.MALE);
      assertThat(client.profiles().get("carol")).isEmpty();

      assertThat(client.groupMemberAttributes().get(group, "bob")).containsOnly(Map.entry("nick", "B"), Map.entry("role", "admin"));
      assertThat(client.groupMemberAttributes().get(group, "alice")).isEmpty();
      assertThat(client.groupMemberAttributes().get(group, List.of("alice", "bob", "carol", "lonely"), List.of()))
          .containsOnlyKeys("alice", "bob", "carol");
      // the owner survived the trip: refused for him, not for bob
      assertThat(client.groups().removeMembers(group, List.of("bob", "alice")).failed()).containsOnlyKeys("alice");
      assertThat(client.groups().addMembers(group, List.of("lonely", "bob")).failed().get("bob"))
          .as("maxMembers survived the trip too").isInstanceOf(QuotaExceededException.class);

      assertThat(client.contacts().allContacts("alice")).containsExactly(Contact.of("carol"), Contact.of("bob", "Bobby"));
      assertThat(client.contacts().allContacts("bob")).containsExactly(Contact.of("alice"));
      assertThat(client.contacts().allBlocked("bob")).containsExactly("carol", "alice");
      client.contacts().addContact("alice", "lonely");
      assertThat(client.contacts().allContacts("alice")).extracting(Contact::userId).containsExactly("carol", "bob", "lonely");
    }
  }

  /** No secret reaches the file: the fake keeps neither passwords nor tokens. */
  @Test
  void noPasswordNorTokenIsEverSaved() throws IOException {
    Path file = dir.resolve("im.json");
    String token;
    String generated;
    try (InMemoryImClient client = open(file)) {
      client.accounts().register(Registration.of("alice", "s3cret-Passw0rd"));
      generated = client.accounts().register(Registration.of("bob")).credential().secret();
      client.accounts().setPassword("alice", "n3w-Passw0rd");
      token = client.accounts().issueToken("bob", java.time.Duration.ofHours(1)).secret();
    }
    assertThat(Files.readString(file)).doesNotContain("s3cret-Passw0rd", "n3w-Passw0rd", generated, token)
        .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("token");
  }

  @Test
  void fileIsTaggedWithItsFormat() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "alice");
    }
    assertThat(Files.readString(file)).contains("\"format\" : \"imfacade-inmemory/2\"");
  }

  @Test
  void missingFileStartsEmptyAndUnchangedClientWritesNothing() {
    Path file = dir.resolve("never.json");
    try (InMemoryImClient client = open(file)) {
      assertThat(client.accounts().exists("alice")).isFalse();
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void unchangedLoadedFileIsNotRewritten() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "alice");
    }
    Files.writeString(file, Files.readString(file) + "\n");  // a byte a save would drop
    byte[] before = Files.readAllBytes(file);
    try (InMemoryImClient client = open(file)) {
      client.profiles().get("alice");
      client.contacts().allContacts("alice").count();
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void missingParentDirectoriesAreCreatedAndNoTempFileIsLeft() throws IOException {
    Path file = dir.resolve("a/b/c/im.json");
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "alice");
      client.save();
      Seed.users(client, "bob");
      client.save();
    }
    assertThat(file).exists();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactlyInAnyOrder(file, file.resolveSibling("im.json.lock"));
    }
    try (InMemoryImClient client = open(file)) {
      assertThat(client.accounts().exists("bob")).isTrue();
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void rewriteKeepsTheFilePermissionsAndNewFilesArePrivate() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "alice");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "bob");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
  }

  @Test
  void everyWriteIsSavedWhenItReturns() {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "alice");
      try (InMemoryImClient reader = open(file)) {
        assertThat(reader.accounts().exists("alice")).isTrue();
      }
    }
  }

  @Test
  void theFileIsTheDataSoARemovedFileIsAnEmptyOneAndSaveCreatesIt() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      Seed.users(client, "alice");
      Files.delete(file);
      assertThat(client.accounts().exists("alice")).isFalse();
      client.save();
      assertThat(file).exists();
      assertThat(Files.readString(file)).contains("\"users\" : { }");
    }
  }

  @Test
  void resetThenCloseSavesAnEmptySnapshot() {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      fill(client);
    }
    try (InMemoryImClient client = open(file)) {
      client.reset();
    }
    try (InMemoryImClient client = open(file)) {
      assertThat(client.accounts().exists("alice")).isFalse();
      assertThat(client.profiles().getAll(List.of("alice", "bob"))).isEmpty();
    }
  }
}
