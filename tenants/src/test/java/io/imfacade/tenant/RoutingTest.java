package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every method of a tenant's handle reaches the tenant's client, on the in-memory provider. */
class RoutingTest {

  private final ImTenants tenants = ImTenants.builder(TenantConfigSource.fromMaps(
      id -> Map.of("provider", "inmemory", "inmemory.limits", "none", "inmemory.users", "auto"))).build();
  private final ImClient acme = tenants.client("acme");

  @AfterEach
  void close() {
    tenants.close();
  }

  @Test
  void profiles() {
    acme.profiles().update("Alice", ProfileUpdate.builder().nickname("Alice").build());
    assertThat(acme.profiles().get("alice")).map(UserProfile::nickname).contains("Alice");
    assertThat(acme.profiles().getAll(List.of("ALICE"))).containsOnlyKeys("ALICE");
    assertThat(acme.profiles().getAll(List.of("alice"), List.of("level"))).containsOnlyKeys("alice");
    acme.profiles().delete("alice");
    assertThat(acme.profiles().get("alice")).isEmpty();
    assertThat(acme.profiles().totalSizeBytes()).isNotNegative();
    assertThat(acme.capabilities()).isEqualTo(acme.metadata().capabilities());
    assertThat(acme.provider()).isEqualTo("inmemory");
  }

  @Test
  void contactsAndTheirStreams() {
    acme.contacts().addContact("alice", "bob");
    acme.contacts().addContact("alice", "carol");
    acme.contacts().setRemark("alice", "bob", "Bobby");
    assertThat(acme.contacts().contacts("alice", PageRequest.first(10)).items())
        .containsExactlyInAnyOrder(Contact.of("bob", "Bobby"), Contact.of("carol"));
    assertThat(acme.contacts().allContacts("ALICE")).containsExactlyInAnyOrder(Contact.of("bob", "Bobby"),
        Contact.of("carol"));
    acme.contacts().removeContact("alice", "carol");
    assertThat(acme.contacts().allContacts("alice")).containsExactly(Contact.of("bob", "Bobby"));

    acme.contacts().block("alice", List.of("dave", "erin"));
    acme.contacts().unblock("alice", "erin");
    assertThat(acme.contacts().blocked("alice", PageRequest.first(10)).items()).containsExactly("dave");
    assertThat(acme.contacts().allBlocked("alice")).containsExactly("dave");
  }

  @Test
  void aStreamChecksItsArgumentsAtOnceWithTheTenantOnTheFailure() {
    assertThatThrownBy(() -> acme.contacts().allContacts(" "))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.details().tenant()).contains("acme"));
    assertThatThrownBy(() -> acme.contacts().allBlocked(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void groupMemberAttributes() {
    String g1 = acme.groups().create(NewGroup.of("alice", "team", List.of("bob"))).groupId();
    assertThat(acme.groupMemberAttributes().set(g1, "bob", Map.of("role", "admin"))).containsEntry("role", "admin");
    assertThat(acme.groupMemberAttributes().get(g1, "bob")).containsEntry("role", "admin");
    assertThat(acme.groupMemberAttributes().get(g1, List.of("bob"), List.of("role")))
        .containsEntry("bob", Map.of("role", "admin"));
    assertThat(acme.groupMemberAttributes().setAll(g1, Map.of("alice", Map.of("role", "owner"))).allSucceeded())
        .isTrue();
    assertThatThrownBy(() -> acme.groupMemberAttributes().get("nope", "bob")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void accounts() {
    assertThat(acme.accounts().register(Registration.of("Zed", "pw")).userId()).isEqualTo("zed");
    assertThat(acme.accounts().registerAll(List.of(Registration.of("Yan"), Registration.of("zed"))).failed())
        .containsOnlyKeys("zed");
    assertThat(acme.accounts().get("ZED")).map(Account::userId).contains("zed");
    assertThat(acme.accounts().exists("yan")).isTrue();
    acme.accounts().setPassword("zed", "pw2");
    assertThat(acme.accounts().issueToken("zed", Duration.ofMinutes(5)).kind()).isEqualTo(Credential.Kind.TOKEN);
    acme.accounts().delete("zed");
    assertThatThrownBy(() -> acme.accounts().register(Registration.of("a/b"))).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> assertThat(e.details().tenant()).contains("acme"));
  }

  @Test
  void groups() {
    Group team = acme.groups().create(NewGroup.of("alice", "team", List.of("bob")));
    assertThat(acme.groups().get(team.groupId())).contains(team);
    assertThat(acme.groups().addMembers(team.groupId(), List.of("Carol")).succeeded())
        .containsEntry("Carol", MemberChange.ADDED);
    assertThat(acme.groups().removeMembers(team.groupId(), List.of("bob")).succeeded())
        .containsEntry("bob", MemberChange.REMOVED);
    assertThat(acme.groups().members(team.groupId(), PageRequest.first(10)).items()).containsExactly("alice", "carol");
    assertThat(acme.groups().allMembers(team.groupId())).containsExactly("alice", "carol");
    acme.groups().delete(team.groupId());
    assertThat(acme.groups().get(team.groupId())).isEmpty();
  }

  @Test
  void theInMemoryFixturesAreReachedThroughTheHandle() {
    assertThat(InMemoryImClient.of(acme).limits().name()).isEqualTo("none");
  }
}
