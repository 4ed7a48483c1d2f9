package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.PageRequest;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfileService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void everyCallAfterCloseFails() {
    InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a"));
    Seed.users(client, "alice", "bob");
    UserProfileService profiles = client.profiles();
    GroupMemberAttributes members = client.groupMemberAttributes();
    ContactGraph contacts = client.contacts();
    UserAccounts accounts = client.accounts();
    Groups groups = client.groups();
    String group = Seed.group(client, "alice", "bob");
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
        () -> accounts.register(Registration.of("carol")),
        () -> accounts.registerAll(List.of(Registration.of("carol"))),
        () -> accounts.get("alice"),
        () -> accounts.exists("alice"),
        () -> accounts.delete("alice"),
        () -> accounts.setPassword("alice", "secret-1"),
        () -> accounts.issueToken("alice", Duration.ofHours(1)),
        () -> groups.create(NewGroup.of("alice", "team", List.of())),
        () -> groups.get(group),
        () -> groups.addMembers(group, List.of("carol")),
        () -> groups.removeMembers(group, List.of("bob")),
        () -> groups.members(group, PageRequest.first(10)),
        () -> groups.allMembers(group).count(),
        () -> groups.delete(group),
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
    Seed.users(client, "alice");
    opened.close();
    assertThatThrownBy(() -> client.accounts().exists("alice")).isInstanceOf(IllegalStateException.class);
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
      Seed.users(client, "alice", "bob");
      String group = Seed.group(client, "alice", "bob");
      client.profiles().update("alice", ProfileUpdate.builder().nickname("A").build());
      client.groupMemberAttributes().set(group, "bob", Map.of("role", "admin"));
      client.contacts().addContact("alice", "bob");
      client.contacts().block("alice", List.of("bob"));

      client.reset();

      assertThat(client.accounts().exists("alice")).isFalse();
      assertThat(client.profiles().getAll(List.of("alice", "bob"))).isEmpty();
      Seed.users(client, "alice", "bob");
      assertThat(client.contacts().contacts("alice", PageRequest.first(10)).items()).isEmpty();
      assertThat(client.contacts().blocked("alice", PageRequest.first(10)).items()).isEmpty();
      assertThatThrownBy(() -> client.groupMemberAttributes().get(group, "bob"))
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
