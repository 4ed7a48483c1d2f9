package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.PageRequest;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfileService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void everyCallAfterCloseFails() {
    InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a"));
    client.admin().createUsers("alice", "bob");
    UserProfileService profiles = client.profiles();
    GroupMemberAttributes members = client.groupMemberAttributes();
    ContactGraph contacts = client.contacts();
    InMemoryAdmin admin = client.admin();
    client.close();

    List<Runnable> calls = List.of(
        () -> profiles.get("alice"),
        () -> profiles.getAll(List.of("alice")),
        () -> profiles.update("alice", ProfileUpdate.builder().nickname("A").build()),
        () -> profiles.delete("alice"),
        () -> profiles.totalSizeBytes(),
        () -> members.get("g1", "alice"),
        () -> members.get("g1", List.of("alice"), List.of()),
        () -> members.set("g1", "alice", Map.of("k", "v")),
        () -> members.setAll("g1", Map.of("alice", Map.of("k", "v"))),
        () -> contacts.addContact("alice", "bob"),
        () -> contacts.removeContact("alice", "bob"),
        () -> contacts.setRemark("alice", "bob", "B"),
        () -> contacts.contacts("alice", PageRequest.first(10)),
        () -> contacts.block("alice", List.of("bob")),
        () -> contacts.unblock("alice", "bob"),
        () -> contacts.blocked("alice", PageRequest.first(10)),
        () -> admin.createUsers("carol"),
        () -> admin.userExists("alice"),
        () -> admin.createGroup("g1", "alice", List.of()),
        client::reset,
        client::save,
        () -> client.atomically(() -> { }));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessage("the inmemory client is closed");
    }
  }

  @Test
  void closingTheOpenedClientClosesTheFixturesToo() {
    ImClient opened = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", "none"));
    InMemoryImClient client = InMemoryImClient.of(opened);
    client.admin().createUsers("alice");
    opened.close();
    assertThatThrownBy(() -> client.admin().userExists("alice")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(client::reset).isInstanceOf(IllegalStateException.class);
    assertThatCode(client::close).doesNotThrowAnyException();
  }

  @Test
  void closeIsIdempotent() {
    InMemoryImClient client = InMemoryImClient.create();
    client.close();
    assertThatCode(client::close).doesNotThrowAnyException();
  }

  @Test
  void resetDropsEverything() {
    try (InMemoryImClient client = InMemoryImClient.create()) {
      client.admin().createUsers("alice", "bob");
      client.admin().createGroup("1", "alice", List.of("bob"));
      client.profiles().update("alice", ProfileUpdate.builder().nickname("A").build());
      client.groupMemberAttributes().set("1", "bob", Map.of("role", "admin"));
      client.contacts().addContact("alice", "bob");
      client.contacts().block("alice", List.of("bob"));

      client.reset();

      assertThat(client.admin().userExists("alice")).isFalse();
      assertThat(client.profiles().getAll(List.of("alice", "bob"))).isEmpty();
      client.admin().createUsers("alice", "bob");
      assertThat(client.contacts().contacts("alice", PageRequest.first(10)).items()).isEmpty();
      assertThat(client.contacts().blocked("alice", PageRequest.first(10)).items()).isEmpty();
      assertThatThrownBy(() -> client.groupMemberAttributes().get("1", "bob"))
          .hasMessageContaining("group not exists");
      client.contacts().addContact("alice", "bob");
      assertThat(client.contacts().allContacts("bob")).extracting(c -> c.userId()).containsExactly("alice");
    }
  }

  @Test
  void saveWithoutFileIsAnError() {
    try (InMemoryImClient client = InMemoryImClient.create()) {
      assertThatThrownBy(client::save).isInstanceOf(IllegalStateException.class).hasMessageContaining("inmemory.file");
    }
  }

  @Test
  void toStringShowsTheSettings() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-b", "inmemory.users", "auto"))) {
      assertThat(client).hasToString("InMemoryImClient{limits=vendor-b, users=auto}");
    }
  }
}
