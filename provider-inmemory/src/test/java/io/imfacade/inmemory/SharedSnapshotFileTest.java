package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.ProfileUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients sharing one snapshot file behave as clients of one vendor app; atomically makes one step. */
class SharedSnapshotFileTest {

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("im.json");
  }

  private InMemoryImClient open() {
    return InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a", "inmemory.file", file().toString()));
  }

  @Test
  void twoOpenClientsSeeEachOthersWritesAndLoseNone() {
    try (InMemoryImClient a = open(); InMemoryImClient b = open()) {
      Seed.users(a, "alice", "bob", "carol");
      b.contacts().addContact("alice", "bob");           // b sees the users a created
      a.contacts().addContact("alice", "carol");         // a sees b's contact, and keeps it
      b.contacts().setRemark("alice", "carol", "C");
      assertThat(a.contacts().allContacts("alice")).containsExactly(Contact.of("bob"), Contact.of("carol", "C"));
    }
    // Before, each client saved its own copy on close, and the last one won.
    try (InMemoryImClient reader = open()) {
      assertThat(reader.contacts().allContacts("alice")).containsExactly(Contact.of("bob"), Contact.of("carol", "C"));
    }
  }

  @Test
  void atomicallyWithAFileSavesOnceAtTheEnd() throws IOException {
    try (InMemoryImClient client = open()) {
      Seed.users(client, "alice", "bob");
      byte[] before = Files.readAllBytes(file());

      String seen = client.atomically(() -> {
        client.contacts().addContact("alice", "bob");
        client.profiles().update("alice", ProfileUpdate.builder().nickname("A").build());
        assertThat(file()).hasBinaryContent(before);  // nothing saved yet
        return client.profiles().get("alice").orElseThrow().nickname();
      });

      assertThat(seen).isEqualTo("A");
      try (InMemoryImClient reader = open()) {
        assertThat(reader.contacts().allContacts("bob")).containsExactly(Contact.of("alice"));
        assertThat(reader.profiles().get("alice").orElseThrow().nickname()).isEqualTo("A");
      }
    }
  }

  @Test
  void atomicallyWithAFileThatThrowsChangesNothing() throws IOException {
    try (InMemoryImClient client = open()) {
      Seed.users(client, "alice", "bob");
      byte[] before = Files.readAllBytes(file());

      assertThatThrownBy(() -> client.atomically(() -> {
        client.contacts().addContact("alice", "bob");
        client.contacts().block("alice", List.of("nobody"));  // not a user
      })).isInstanceOf(NotFoundException.class);

      assertThat(file()).hasBinaryContent(before);
      assertThat(client.contacts().allContacts("alice")).isEmpty();
    }
  }

  @Test
  void atomicallyInMemoryThatThrowsChangesNothing() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a"))) {
      Seed.users(client, "alice", "bob", "carol");
      client.contacts().addContact("alice", "carol");

      assertThatThrownBy(() -> client.atomically(() -> {
        client.contacts().addContact("alice", "bob");
        client.profiles().update("bob", ProfileUpdate.builder().nickname("B").build());
        throw new IllegalStateException("changed my mind");
      })).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");

      assertThat(client.contacts().allContacts("alice")).containsExactly(Contact.of("carol"));
      assertThat(client.profiles().get("bob")).isEmpty();
      client.contacts().addContact("alice", "bob");  // the restored list still works
      assertThat(client.contacts().allContacts("alice")).containsExactly(Contact.of("carol"), Contact.of("bob"));
    }
  }

  @Test
  void aSaveByAnotherClientInsideAtomicallyIsAConflictNotALostWrite() {
    try (InMemoryImClient a = open(); InMemoryImClient b = open()) {
      Seed.users(a, "alice", "bob", "carol");

      assertThatThrownBy(() -> a.atomically(() -> {
        a.contacts().addContact("alice", "bob");
        b.contacts().addContact("alice", "carol");  // b saves while a's step is open
      })).isInstanceOf(ConflictException.class).hasMessageContaining("atomically");

      assertThat(a.contacts().allContacts("alice")).containsExactly(Contact.of("carol"));
      try (InMemoryImClient reader = open()) {
        assertThat(reader.contacts().allContacts("alice")).containsExactly(Contact.of("carol"));
      }
    }
  }

  @Test
  void aWriteThatChangesNothingDoesNotRewriteTheFile() throws IOException {
    try (InMemoryImClient client = open()) {
      Seed.users(client, "alice", "bob");
      Object before = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();

      client.contacts().removeContact("alice", "bob");  // not contacts: nothing to remove
      client.accounts().registerAll(List.of(Registration.of("alice")));  // exists already: fails alone

      // Every save renames a new file over the old one: the same file means no save.
      assertThat(Files.readAttributes(file(), BasicFileAttributes.class).fileKey()).isEqualTo(before);
    }
  }

  @Test
  void atomicallyNeedsAnAction() {
    try (InMemoryImClient client = open()) {
      assertThatThrownBy(() -> client.atomically((Supplier<Object>) null)).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> client.atomically((Runnable) null)).isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void aFailedWriteLeavesNoTraceInTheFile() throws IOException {
    try (InMemoryImClient client = InMemoryImClient.create(
        Map.of("inmemory.limits", "vendor-b", "inmemory.users", "auto", "inmemory.file", file().toString()))) {
      for (int i = 0; i < 10; i++) {
        client.contacts().addContact("alice", "f" + i);  // vendor-b: 10 contacts at most
      }
      byte[] before = Files.readAllBytes(file());

      // In auto mode, adding a contact records both users before the list's own check fails.
      assertThatThrownBy(() -> client.contacts().addContact("alice", "zed")).isInstanceOf(QuotaExceededException.class);

      assertThat(file()).hasBinaryContent(before);
      client.contacts().addContact("bob", "carol");
      assertThat(Files.readString(file())).doesNotContain("zed");
    }
  }

  @Test
  void pagingAcrossAnotherClientsChangesNeitherRepeatsNorSkips() {
    try (InMemoryImClient reader = open(); InMemoryImClient writer = open()) {
      Seed.users(writer, "owner", "u1", "u2", "u3", "u4", "u5", "u6");
      for (String u : List.of("u1", "u2", "u3", "u4", "u5")) {
        writer.contacts().addContact("owner", u);
      }
      List<String> seen = new ArrayList<>();
      Page<Contact> page = reader.contacts().contacts("owner", PageRequest.first(2));
      page.items().forEach(c -> seen.add(c.userId()));

      // Another client removes a seen and an unseen entry and adds one: the reader reloads.
      writer.contacts().removeContact("owner", "u1");
      writer.contacts().removeContact("owner", "u4");
      writer.contacts().addContact("owner", "u6");

      while (page.nextCursor().isPresent()) {
        page = reader.contacts().contacts("owner", PageRequest.after(page.nextCursor().get(), 2));
        page.items().forEach(c -> seen.add(c.userId()));
      }
      assertThat(seen).containsExactly("u1", "u2", "u3", "u5", "u6");
    }
  }

  /** A group's members keep their join positions across a reload, as contact lists do. */
  @Test
  void pagingMembersAcrossAnotherClientsChangesNeitherRepeatsNorSkips() {
    try (InMemoryImClient reader = open(); InMemoryImClient writer = open()) {
      Seed.users(writer, "owner", "u1", "u2", "u3", "u4", "u5", "u6");
      String group = Seed.group(writer, "owner", "u1", "u2", "u3", "u4");
      List<String> seen = new ArrayList<>();
      Page<String> page = reader.groups().members(group, PageRequest.first(2));
      seen.addAll(page.items());

      writer.groups().removeMembers(group, List.of("u1", "u3"));
      writer.groups().addMembers(group, List.of("u5", "u1"));

      while (page.nextCursor().isPresent()) {
        page = reader.groups().members(group, PageRequest.after(page.nextCursor().get(), 2));
        seen.addAll(page.items());
      }
      assertThat(seen).containsExactly("owner", "u1", "u2", "u4", "u5", "u1");
      assertThat(reader.groups().allMembers(group)).containsExactly("owner", "u2", "u4", "u5", "u1");
    }
  }
}
