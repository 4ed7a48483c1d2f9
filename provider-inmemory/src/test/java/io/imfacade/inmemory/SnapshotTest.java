package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.contact.Contact;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  private static void fill(InMemoryImClient client) {
    client.admin().createUsers("alice", "bob", "carol", "lonely");
    client.profiles().update("alice", ProfileUpdate.builder()
        .nickname("Alice").avatarUrl("https://example.com/a.png").gender(Gender.FEMALE).sign("hi")
        .birth("2000-01-01").email("a@example.com").phone("+86 10").ext("{\"vip\":true}")
        .customAttribute("level", "7").build());
    client.profiles().update("bob", ProfileUpdate.builder().gender(Gender.MALE).build());
    client.admin().createGroup("g1", "alice", List.of("bob", "carol"));
    client.groupMemberAttributes().set("g1", "bob", Map.of("nick", "B", "role", "admin"));
    client.contacts().addContact("alice", "carol");
    client.contacts().addContact("alice", "bob");
    client.contacts().setRemark("alice", "bob", "Bobby");
    client.contacts().block("bob", List.of("carol", "alice"));
  }

  @Test
  void roundTripKeepsAllData() {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      fill(client);
    }
    assertThat(file).exists();

    try (InMemoryImClient client = open(file)) {
      assertThat(client.admin().userExists("lonely")).isTrue();
      UserProfile alice = client.profiles().get("alice").orElseThrow();
      assertThat(alice).isEqualTo(UserProfile.builder("alice")
          .nickname("Alice").avatarUrl("https://example.com/a.png").gender(Gender.FEMALE).sign("hi")
          .birth("2000-01-01").email("a@example.com").phone("+86 10").ext("{\"vip\":true}")
          .customAttribute("level", "7").build());
      assertThat(client.profiles().get("bob").orElseThrow().gender()).isEqualTo(Gender.MALE);
      assertThat(client.profiles().get("carol")).isEmpty();

      assertThat(client.groupMemberAttributes().get("g1", "bob")).containsOnly(Map.entry("nick", "B"), Map.entry("role", "admin"));
      assertThat(client.groupMemberAttributes().get("g1", "alice")).isEmpty();
      assertThat(client.groupMemberAttributes().get("g1", List.of("alice", "bob", "carol", "lonely"), List.of()))
          .containsOnlyKeys("alice", "bob", "carol");
      client.admin().removeMembers("g1", List.of("bob"));  // the owner survived the trip: not refused for him

      assertThat(client.contacts().allContacts("alice")).containsExactly(Contact.of("carol"), Contact.of("bob", "Bobby"));
      assertThat(client.contacts().allContacts("bob")).containsExactly(Contact.of("alice"));
      assertThat(client.contacts().allBlocked("bob")).containsExactly("carol", "alice");
      client.contacts().addContact("alice", "lonely");
      assertThat(client.contacts().allContacts("alice")).extracting(Contact::userId).containsExactly("carol", "bob", "lonely");
    }
  }

  @Test
  void fileIsTaggedWithItsFormat() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      client.admin().createUsers("alice");
    }
    assertThat(Files.readString(file)).contains("\"format\" : \"imfacade-inmemory/1\"");
  }

  @Test
  void missingFileStartsEmptyAndUnchangedClientWritesNothing() {
    Path file = dir.resolve("never.json");
    try (InMemoryImClient client = open(file)) {
      assertThat(client.admin().userExists("alice")).isFalse();
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void unchangedLoadedFileIsNotRewritten() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      client.admin().createUsers("alice");
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
      client.admin().createUsers("alice");
      client.save();
      client.admin().createUsers("bob");
      client.save();
    }
    assertThat(file).exists();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactlyInAnyOrder(file, file.resolveSibling("im.json.lock"));
    }
    try (InMemoryImClient client = open(file)) {
      assertThat(client.admin().userExists("bob")).isTrue();
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void rewriteKeepsTheFilePermissionsAndNewFilesArePrivate() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      client.admin().createUsers("alice");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (InMemoryImClient client = open(file)) {
      client.admin().createUsers("bob");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
  }

  @Test
  void everyWriteIsSavedWhenItReturns() {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      client.admin().createUsers("alice");
      try (InMemoryImClient reader = open(file)) {
        assertThat(reader.admin().userExists("alice")).isTrue();
      }
    }
  }

  @Test
  void theFileIsTheDataSoARemovedFileIsAnEmptyOneAndSaveCreatesIt() throws IOException {
    Path file = dir.resolve("im.json");
    try (InMemoryImClient client = open(file)) {
      client.admin().createUsers("alice");
      Files.delete(file);
      assertThat(client.admin().userExists("alice")).isFalse();
      client.save();
      assertThat(file).exists();
      assertThat(Files.readString(file)).contains("\"users\" : [ ]");
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
      assertThat(client.admin().userExists("alice")).isFalse();
      assertThat(client.profiles().getAll(List.of("alice", "bob"))).isEmpty();
    }
  }
}
