package io.imfacade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard of the accounts and groups services. */
class AccountsAndGroupsGuardTest {

  private final ImClient im = ImFacade.open(Map.of("provider", "recording", "recording.endpoint", "x"));
  private final RecordingProvider.Services provider = RecordingProvider.LAST_CLIENT.get();

  @AfterEach
  void close() {
    im.close();
  }

  @Test
  void registrationsAreCheckedAndLowerCasedBeforeTheProvider() {
    assertThatThrownBy(() -> im.accounts().register(Registration.of("a/b"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.accounts().register(Registration.of("alice", "123456789")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains("password");
          assertThat(e.getMessage()).contains("9 UTF-16 code units").doesNotContain("123456789");
        });
    assertThatThrownBy(() -> im.accounts().register(Registration.of("alice", "   "))).isInstanceOf(InvalidRequestException.class);
    assertThat(provider.calls).isEmpty();

    assertThat(im.accounts().register(Registration.of("Alice", "pw")).userId()).isEqualTo("alice");
    assertThat(provider.arguments).containsExactly("alice");
  }

  @Test
  void aRegistrationNeverShowsItsPasswordNorACredentialItsSecret() {
    assertThat(Registration.of("alice", "s3cret-pw")).hasToString("Registration{userId=alice, password=****}");
    assertThat(new Credential(Credential.Kind.TOKEN, "s3cret-token", null).toString()).doesNotContain("s3cret");
  }

  @Test
  void batchRegistrationReportsEveryUserUnderTheCallersSpelling() {
    var outcome = im.accounts().registerAll(List.of(Registration.of("Bob"), Registration.of("carol")));
    assertThat(provider.arguments).containsExactly(List.of("bob", "carol"));
    assertThat(outcome.succeeded()).containsOnlyKeys("Bob");
    assertThat(outcome.failed()).containsOnlyKeys("carol");
    assertThat(outcome.failed().get("carol")).isInstanceOf(ProviderUnavailableException.class);

    assertThatThrownBy(() -> im.accounts().registerAll(List.of(Registration.of("bob"), Registration.of("BOB"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.accounts().registerAll(List.of())).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void accountCapabilitiesAreChecked() {
    assertThatThrownBy(() -> im.accounts().delete("alice"))
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
            e -> assertThat(e.getMessage()).contains("recording never forgets a user"));
    assertThatThrownBy(() -> im.accounts().issueToken("alice", Duration.ZERO)).isInstanceOf(InvalidRequestException.class);
    assertThat(im.accounts().issueToken("Alice", Duration.ofHours(1)).kind()).isEqualTo(Credential.Kind.TOKEN);
  }

  @Test
  void groupsAreCheckedAgainstTheLimits() {
    assertThatThrownBy(() -> im.groups().create(NewGroup.of("alice", "1234567", List.of())))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("name"));
    assertThatThrownBy(() -> im.groups().create(NewGroup.of("alice", " ", List.of()))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.groups().create(NewGroup.of("alice", "team", List.of("b", "c", "d"))))
        .isInstanceOf(QuotaExceededException.class);
    assertThatThrownBy(() -> im.groups().addMembers("x1", List.of("b"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.groups().addMembers("1", List.of())).isInstanceOf(InvalidRequestException.class);
    assertThat(provider.calls).isEmpty();

    im.groups().create(NewGroup.of("Alice", "team", List.of("Bob", "alice")));
    assertThat(provider.arguments).containsExactly(NewGroup.of("alice", "team", List.of("bob")));
  }

  @Test
  void memberChangesAnswerEveryUserUnderTheCallersSpelling() {
    var outcome = im.groups().addMembers("1", List.of("Bob", "bob", "carol"));
    assertThat(provider.arguments).containsExactly("1", List.of("bob", "carol"));
    assertThat(outcome.succeeded()).containsOnly(Map.entry("Bob", MemberChange.ADDED), Map.entry("carol", MemberChange.ADDED));

    var removed = im.groups().removeMembers("1", List.of("bob"));
    assertThat(removed.failed()).containsOnlyKeys("bob");
  }
}
