package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory {@code UserAccounts}: vendor semantics, the clock of the context, no secret kept. */
class AccountsTest {

  private static final Instant NOW = Instant.parse("2025-01-31T08:00:00Z");

  private final InMemoryImClient client = open(Map.of("inmemory.limits", "vendor-a"));

  private static InMemoryImClient open(Map<String, String> config) {
    Map<String, String> withProvider = new java.util.HashMap<>(config);
    withProvider.put("provider", "inmemory");
    return InMemoryImClient.of(ImFacade.open(ImConfig.of(withProvider),
        ProviderContext.create(Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aRegistrationWithAPasswordReturnsNoCredentialAndOneWithoutGetsAGeneratedPassword() {
    Account alice = client.accounts().register(Registration.of("Alice", "s3cret-pw"));
    Account bob = client.accounts().register(Registration.of("bob"));

    assertThat(alice).isEqualTo(new Account("alice", NOW, null));
    assertThat(bob.credential()).isNotNull();
    assertThat(bob.credential().kind()).isEqualTo(Credential.Kind.PASSWORD);
    assertThat(bob.credential().secret()).matches("[A-Za-z2-9]{24}");
    assertThat(bob.credential().expiresAt()).isNull();
    assertThat(bob.toString()).doesNotContain(bob.credential().secret());
    assertThat(client.accounts().get("BOB")).as("the credential is never read back").contains(Account.of("bob", NOW));
  }

  @Test
  void registeringAnExistingUserIsAConflictAndInABatchFailsThatUserAlone() {
    client.accounts().register(Registration.of("alice"));

    assertThatThrownBy(() -> client.accounts().register(Registration.of("ALICE", "pw")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.operation()).contains("accounts.register"))
        .hasMessageContaining("user alice already exists");
    BatchOutcome<Account> outcome = client.accounts().registerAll(
        List.of(Registration.of("bob"), Registration.of("Alice"), Registration.of("carol", "pw")));

    assertThat(outcome.succeeded()).containsOnlyKeys("bob", "carol");
    assertThat(outcome.succeeded().get("carol").credential()).isNull();
    assertThat(outcome.failed()).containsOnlyKeys("Alice");
    assertThat(outcome.failed().get("Alice")).isInstanceOf(ConflictException.class);
    assertThat(client.accounts().exists("bob")).isTrue();
  }

  @Test
  void aGeneratedPasswordFitsTheVendorsLimit() {
    try (InMemoryImClient narrow = open(Map.of("inmemory.limits", "vendor-c"))) {
      // vendor-c allows passwords of 16 code points
      assertThat(narrow.accounts().register(Registration.of("a")).credential().secret()).hasSize(16);
    }
    // vendor-a allows 64 UTF-16 units: 24 fit.
    assertThat(client.accounts().register(Registration.of("a")).credential().secret()).hasSize(24);
  }

  @Test
  void anUnknownUserIsAbsentAndItsPasswordOrTokenNotFound() {
    assertThat(client.accounts().get("ghost")).isEmpty();
    assertThat(client.accounts().exists("ghost")).isFalse();
    assertThatThrownBy(() -> client.accounts().setPassword("ghost", "pw"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.operation()).contains("accounts.setPassword"));
    assertThatThrownBy(() -> client.accounts().issueToken("ghost", Duration.ofHours(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aTokenExpiresAfterTheAskedValidityByTheContextsClock() {
    client.accounts().register(Registration.of("alice"));

    Credential token = client.accounts().issueToken("Alice", Duration.ofHours(2));
    Credential another = client.accounts().issueToken("alice", Duration.ofHours(2));

    assertThat(token.kind()).isEqualTo(Credential.Kind.TOKEN);
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(token.secret()).hasSize(40).isNotEqualTo(another.secret());
    assertThat(token.toString()).doesNotContain(token.secret());
    client.accounts().setPassword("alice", "n3w-pw");
  }

  @Test
  void deleteTakesTheUsersDataAndGroupsWithItAndSucceedsForNobody() {
    Seed.users(client, "alice", "bob", "carol");
    client.profiles().update("alice", ProfileUpdate.builder().nickname("A").build());
    client.contacts().addContact("alice", "bob");
    client.contacts().block("carol", List.of("alice"));
    client.contacts().block("alice", List.of("carol"));
    String owned = Seed.group(client, "alice", "bob");
    String joined = Seed.group(client, "bob", "alice", "carol");
    client.groupMemberAttributes().set(joined, "alice", Map.of("role", "admin"));

    client.accounts().delete("ALICE");

    assertThat(client.accounts().exists("alice")).isFalse();
    assertThat(client.profiles().get("alice")).isEmpty();
    assertThat(client.contacts().allContacts("bob")).isEmpty();
    assertThat(client.contacts().allBlocked("carol")).isEmpty();
    assertThat(client.groups().get(owned)).as("the group alice owned").isEmpty();
    assertThat(client.groups().allMembers(joined)).containsExactly("bob", "carol");
    client.accounts().delete("alice");
    client.accounts().delete("never-was");

    // The id is free again, with nothing of the old user.
    client.accounts().register(Registration.of("alice"));
    assertThat(client.contacts().allContacts("alice")).isEmpty();
    assertThat(client.contacts().allBlocked("alice")).isEmpty();
    client.contacts().addContact("alice", "bob");
    assertThat(client.contacts().allContacts("bob")).containsExactly(Contact.of("alice"));
  }

  @Test
  void anEmulatedVendorWithoutAccountDeletionRefusesIt() {
    try (InMemoryImClient b = open(Map.of("inmemory.limits", "vendor-b"))) {
      b.accounts().register(Registration.of("alice"));

      assertThatThrownBy(() -> b.accounts().delete("alice"))
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
              e -> assertThat(e.capability()).isEqualTo(Capability.ACCOUNT_DELETE))
          .hasMessageContaining(io.imfacade.inmemory.vendors.VendorB.NO_ACCOUNT_DELETE);
      assertThat(b.accounts().exists("alice")).isTrue();
    }
  }

  @Test
  void theEmulatedVendorsPasswordLimitIsEnforced() {
    client.accounts().register(Registration.of("alice"));

    assertThatThrownBy(() -> client.accounts().setPassword("alice", "p".repeat(65)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("password"))
        .hasMessageNotContaining("ppppp");
    assertThatThrownBy(() -> client.accounts().register(Registration.of("bob", "p".repeat(65))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(client.accounts().exists("bob")).isFalse();
  }

  /** In auto mode every id exists, but a registration records the user: it conflicts only then. */
  @Test
  void autoUsersExistButRegisterOnceRecorded() {
    try (InMemoryImClient auto = open(Map.of("inmemory.limits", "vendor-a", "inmemory.users", "auto"))) {
      assertThat(auto.accounts().get("anyone")).contains(Account.of("anyone", null));

      assertThat(auto.accounts().register(Registration.of("alice")).createdAt()).isEqualTo(NOW);
      auto.profiles().update("bob", ProfileUpdate.builder().nickname("B").build());

      assertThatThrownBy(() -> auto.accounts().register(Registration.of("alice"))).isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> auto.accounts().register(Registration.of("bob")))
          .as("recorded by a write").isInstanceOf(ConflictException.class);
    }
  }
}
