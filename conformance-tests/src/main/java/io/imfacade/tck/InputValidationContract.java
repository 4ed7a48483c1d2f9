package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input is refused with an {@link InvalidRequestException} before anything happens, the same
 * way on every provider: malformed ids, empty updates, values no vendor can store, relations of a
 * user with themselves in any spelling.
 *
 * <p>Lengths and sizes are checked against the client's declared limits by {@link LimitsContract};
 * checks of the optional services' input live in their contracts ({@link
 * GroupMemberAttributesContract}, {@link BlockListContract}), behind their capability.
 */
public abstract class InputValidationContract extends ContractSupport {

  private static void invalid(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "a/b", "a?b", "a#b", "a%b", "a\\b", "a b", "..", "."})
  void getRefusesAMalformedUserId(String id) {
    assertThatThrownBy(() -> client().profiles().get(id)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.field()).as("field()").isPresent());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "a/b", "a?b", "a#b", "a%b", "a\\b", "a b", "..", "."})
  void updateRefusesAMalformedUserId(String id) {
    invalid(() -> client().profiles().update(id, ProfileUpdate.builder().nickname("x").build()));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "a/b", "a?b", "a#b", "a%b", ".."})
  void deleteRefusesAMalformedUserId(String id) {
    invalid(() -> client().profiles().delete(id));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "a/b", "a?b", "a#b", "a%b", ".."})
  void getAllRefusesAMalformedUserIdAmongGoodOnes(String id) {
    invalid(() -> client().profiles().getAll(Arrays.asList(alice(), id, bob())));
  }

  @Test
  void getAllRefusesNull() {
    invalid(() -> client().profiles().getAll(null));
  }

  @Test
  void emptyUpdateIsRefused() {
    assertInvalid(() -> client().profiles().update(alice(), ProfileUpdate.builder().build()), "update");
  }

  @Test
  void nullUpdateIsRefused() {
    invalid(() -> client().profiles().update(alice(), null));
  }

  /**
   * A NUL character or a lone UTF-16 surrogate is refused in every string field, naming it: some
   * vendors truncate or mangle them, so none may store them.
   */
  @ParameterizedTest
  @EnumSource(value = ProfileField.class, names = "GENDER", mode = EnumSource.Mode.EXCLUDE)
  void profileValueWithANulOrALoneSurrogateIsRefused(ProfileField field) {
    client().profiles().update(alice(), ProfileUpdate.builder().sign("before").build());

    for (String bad : List.of("a\u0000b", "a\uD83Db", "a\uDE00b", "ab\uD83D", "\uDE00")) {
      assertThatThrownBy(() -> client().profiles().update(alice(), ProfileUpdate.builder().set(field, bad).build()),
              "%s = %s", field.fieldName(), bad.chars().mapToObj(c -> String.format("U+%04X", c)).toList())
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.field()).as("field() of %s", e.getMessage()).contains(field.fieldName()));
    }
    assertThat(client().profiles().get(alice())).contains(UserProfile.builder(alice()).sign("before").build());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "a/b", "a?b", "a#b", "a%b", ".."})
  void contactOperationsRefuseAMalformedUserId(String id) {
    invalid(() -> client().contacts().addContact(alice(), id));
    invalid(() -> client().contacts().addContact(id, alice()));
    invalid(() -> client().contacts().removeContact(alice(), id));
    invalid(() -> client().contacts().contacts(id, PageRequest.first(10)));
    assertThat(client().contacts().allContacts(alice())).isEmpty();
  }

  @Test
  void contactListRefusesANullPage() {
    invalid(() -> client().contacts().contacts(alice(), null));
  }

  /**
   * A relation of a user with themselves is refused, whatever the spelling: user ids are
   * case-insensitive, so {@code bob} and {@code BOB} are one user. Remarks and block lists are
   * checked where the client offers them.
   */
  @Test
  void aRelationWithYourselfInAnotherSpellingIsRefused() {
    String self = bob().toUpperCase(Locale.ROOT);

    assertInvalid(() -> client().contacts().addContact(bob(), self), "friend");
    assertInvalid(() -> client().contacts().addContact(self, bob()), "friend");
    assertInvalid(() -> client().contacts().removeContact(bob(), self), "friend");
    if (client().capabilities().contains(Capability.CONTACT_REMARK)) {
      assertInvalid(() -> client().contacts().setRemark(bob(), self, "me"), "friend");
    }
    if (client().capabilities().contains(Capability.BLOCK_LIST)) {
      assertInvalid(() -> client().contacts().block(bob(), List.of(alice(), self)), "users");
      assertInvalid(() -> client().contacts().unblock(bob(), self), "user");
      assertThat(client().contacts().allBlocked(bob())).as("nobody blocked by the refused call").isEmpty();
    }
    assertThat(client().contacts().allContacts(bob())).isEmpty();
  }
}
