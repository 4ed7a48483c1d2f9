package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.Contact;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.LengthLimit;
import io.imfacade.tck.LimitValues.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UserAccounts}: a registered user exists, for this service and for the
 * others (a profile, a contact); registering an existing user is a conflict, alone or in a batch
 * that crosses the vendor's batch size; an unknown user is absent, deleting it succeeds, and its
 * password or token is not found; secrets never show in {@code toString()}; the password's
 * declared limit holds.
 */
public abstract class UserAccountsContract extends ContractSupport {

  private UserAccounts accounts() {
    return client().accounts();
  }

  @Test
  void aRegisteredUserExists() {
    String id = newUserId("reg");

    Account account = accounts().register(Registration.of(id.toUpperCase(Locale.ROOT), TCK_PASSWORD));

    assertThat(account.userId()).as("the id of the registered account, in lower case").isEqualTo(id);
    assertThat(accounts().exists(id)).isTrue();
    assertThat(accounts().exists(id.toUpperCase(Locale.ROOT))).as("ids are case-insensitive").isTrue();
    Account read = accounts().get(id).orElseThrow(() -> new AssertionError("get() of a registered user is empty"));
    assertThat(read.userId()).isEqualTo(id);
    assertThat(read.credential()).as("a credential is never read back").isNull();
  }

  /**
   * A registration without a password succeeds; the credential it may produce (a generated
   * password, a vendor's token) has a secret that no {@code toString()} shows.
   */
  @Test
  void aRegistrationWithoutPasswordSucceedsAndHidesItsCredential() {
    String id = newUserId("nopw");

    Account account = accounts().register(Registration.of(id));

    assertThat(account.userId()).isEqualTo(id);
    assertThat(accounts().exists(id)).isTrue();
    Credential credential = account.credential();
    if (credential != null) {
      assertThat(credential.secret()).isNotBlank();
      assertThat(credential.toString()).doesNotContain(credential.secret());
      assertThat(account.toString()).doesNotContain(credential.secret());
    }
  }

  @Test
  void registeringAnExistingUserIsAConflict() {
    String id = newUserId("twice");
    accounts().register(Registration.of(id, TCK_PASSWORD));

    assertThatThrownBy(() -> accounts().register(Registration.of(id, TCK_PASSWORD)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> accounts().register(Registration.of(alice().toUpperCase(Locale.ROOT), TCK_PASSWORD)))
        .as("a user the harness created, in another spelling").isInstanceOf(ConflictException.class);
    assertThat(accounts().exists(id)).isTrue();
  }

  /**
   * More registrations than one batch of the vendor holds, one of them of an existing user at the
   * start of the second batch: every user is reported, under the caller's spelling, the existing
   * one failed with a {@link ConflictException}, the others registered.
   */
  @Test
  void registerAllAcrossTheBatchSizeReportsEachUser() {
    int batch = requireBounded("accountBatch", limits().accountBatch());
    List<String> fresh = new ArrayList<>();
    List<Registration> registrations = new ArrayList<>();
    for (int i = 0; i < batch + 1; i++) {
      fresh.add(newUserId("batch"));
    }
    String shouted = fresh.get(0).toUpperCase(Locale.ROOT);
    for (int i = 0; i < fresh.size(); i++) {
      if (i == batch) {
        registrations.add(Registration.of(alice()));
      }
      registrations.add(i == 0 ? Registration.of(shouted, TCK_PASSWORD) : Registration.of(fresh.get(i), TCK_PASSWORD));
    }
    List<String> expectedSucceeded = new ArrayList<>(fresh);
    expectedSucceeded.set(0, shouted);

    BatchOutcome<Account> outcome = accounts().registerAll(registrations);

    assertThat(outcome.failed().keySet()).as("failed").containsExactly(alice());
    assertThat(outcome.failed().get(alice())).as("reason for the existing user").isInstanceOf(ConflictException.class);
    assertThat(new ArrayList<>(outcome.succeeded().keySet())).as("succeeded, in request order")
        .isEqualTo(expectedSucceeded);
    outcome.succeeded().forEach((id, account) ->
        assertThat(account.userId()).as("account of %s", id).isEqualTo(id.toLowerCase(Locale.ROOT)));
    for (String id : fresh) {
      assertThat(accounts().exists(id)).as("%s exists", id).isTrue();
    }
  }

  @Test
  void anUnknownUserIsAbsent() {
    assertThat(accounts().get(unknownUser())).isEmpty();
    assertThat(accounts().exists(unknownUser())).isFalse();
  }

  @Test
  void aDeletedUserIsGone() {
    requireCapability(Capability.ACCOUNT_DELETE);
    String id = newUserId("del");
    accounts().register(Registration.of(id, TCK_PASSWORD));

    accounts().delete(id.toUpperCase(Locale.ROOT));

    assertThat(accounts().get(id)).isEmpty();
    assertThat(accounts().exists(id)).isFalse();
  }

  @Test
  void deletingAnUnknownUserSucceeds() {
    requireCapability(Capability.ACCOUNT_DELETE);

    accounts().delete(unknownUser());

    assertThat(accounts().exists(alice())).as("another user").isTrue();
  }

  @Test
  void setPasswordWorksForAUserAndIsNotFoundForAnUnknownOne() {
    requireCapability(Capability.ACCOUNT_PASSWORD);

    accounts().setPassword(alice(), TCK_PASSWORD + "2");

    assertThatThrownBy(() -> accounts().setPassword(unknownUser(), TCK_PASSWORD)).isInstanceOf(NotFoundException.class);
  }

  /**
   * A token is a {@link Credential.Kind#TOKEN} whose secret no {@code toString()} shows, valid until
   * about the asked time where the vendor says when it ends.
   */
  @Test
  void issueTokenGivesATokenThatHidesItsSecret() {
    requireCapability(Capability.ACCOUNT_TOKEN);
    Duration validity = Duration.ofHours(1);
    Instant before = Instant.now();

    Credential token = accounts().issueToken(alice(), validity);

    assertThat(token.kind()).isEqualTo(Credential.Kind.TOKEN);
    assertThat(token.secret()).isNotBlank();
    assertThat(token.toString()).doesNotContain(token.secret());
    if (token.expiresAt() != null) {
      assertThat(token.expiresAt()).as("the token's expiry for a validity of %s", validity)
          .isAfter(before)
          .isBefore(Instant.now().plus(validity).plus(Duration.ofMinutes(1)));
    }
    assertThatThrownBy(() -> accounts().issueToken(unknownUser(), validity)).isInstanceOf(NotFoundException.class);
  }

  /** The point of registering: the other services know the user at once. */
  @Test
  void aRegisteredUserIsTheUserTheOtherServicesSee() {
    String id = newUserId("seen");
    accounts().register(Registration.of(id, TCK_PASSWORD));

    client().profiles().update(id, ProfileUpdate.builder().nickname("Registered").build());
    client().contacts().addContact(alice(), id);

    assertThat(client().profiles().get(id).orElseThrow().nickname()).isEqualTo("Registered");
    assertThat(client().contacts().allContacts(alice())).containsExactly(Contact.of(id));
    assertThat(client().contacts().allContacts(id)).containsExactly(Contact.of(alice()));
  }

  /**
   * A password exactly at the declared limit registers and is set; one character more is refused
   * before anything is sent, naming the field and not the value. Passwords are ASCII (Easemob's
   * rule), so the smallest bound is the one in effect ({@link LimitValues#asciiSample}).
   */
  @Test
  void passwordAtItsLimitIsAcceptedAndOneCharacterMoreRefused() {
    LengthLimit limit = requireBounded("password", limits().password());
    Sample s = LimitValues.asciiSample(limit).orElseThrow();
    String atLimit = newUserId("pwmax");
    String overLimit = newUserId("pwover");

    accounts().register(Registration.of(atLimit, s.atLimit()));
    assertThatThrownBy(() -> accounts().register(Registration.of(overLimit, s.overLimit())),
            "a password one character over its limit of %s", s)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).as("field() of %s", e.getMessage()).contains("password");
          assertThat(e.getMessage()).as("the message shows no password").doesNotContain(s.overLimit());
        });

    assertThat(accounts().exists(atLimit)).isTrue();
    assertThat(accounts().exists(overLimit)).as("the refused registration").isFalse();
    if (client().capabilities().contains(Capability.ACCOUNT_PASSWORD)) {
      accounts().setPassword(atLimit, s.atLimit());
      assertThatThrownBy(() -> accounts().setPassword(atLimit, s.overLimit()))
          .isInstanceOf(InvalidRequestException.class);
    }
  }
}
