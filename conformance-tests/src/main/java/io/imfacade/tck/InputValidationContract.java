package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input is refused with an {@link InvalidRequestException} before anything happens, the same
 * way on every provider. The values used are invalid on every vendor (a 65-character nickname: 64
 * is the limit everywhere), so this contract holds whatever the vendor's own limits.
 *
 * <p>Checks of the optional services' input live in their contracts ({@link
 * GroupMemberAttributesContract}, {@link BlockListContract}, {@link ContactGraphContract} for
 * remarks), behind their capability.
 */
public abstract class InputValidationContract extends ContractSupport {

  /** For each string field, a value over every vendor's limit. */
  static final Map<ProfileField, String> OVERSIZED;

  static {
    EnumMap<ProfileField, String> v = new EnumMap<>(ProfileField.class);
    v.put(ProfileField.NICKNAME, "n".repeat(65)); // 64 characters everywhere
    v.put(ProfileField.AVATAR_URL, "https://example.com/" + "a".repeat(1025 - 20)); // 256 chars, 1024 bytes
    v.put(ProfileField.SIGN, "s".repeat(257)); // 256 everywhere
    v.put(ProfileField.BIRTH, "b".repeat(65)); // 64 Easemob, 16 NetEase
    v.put(ProfileField.EMAIL, "e".repeat(65 - 12) + "@example.com"); // 64 everywhere
    v.put(ProfileField.PHONE, "1".repeat(33)); // 32 everywhere
    v.put(ProfileField.EXT, "x".repeat(2049)); // 2048 bytes Easemob, 1024 NetEase
    OVERSIZED = Collections.unmodifiableMap(v);
  }

  /** 65 characters: over Easemob's 64 and NetEase's 32. */
  private static final String OVERLONG_ID = "a".repeat(65);

  private static InvalidRequestException invalid(ThrowingCallable call) {
    return expect(InvalidRequestException.class, call);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "a/b", "a?b", "a#b", "a%b", "a\\b", "a b", "..", "."})
  void getRefusesAMalformedUserId(String id) {
    assertThat(invalid(() -> client().profiles().get(id)).field()).as("field()").isPresent();
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
  void overlongUserIdIsRefused() {
    requireLimits("the user id length");
    invalid(() -> client().profiles().get(OVERLONG_ID));
    invalid(() -> client().profiles().update(OVERLONG_ID, ProfileUpdate.builder().nickname("x").build()));
    invalid(() -> client().contacts().addContact(alice(), OVERLONG_ID));
  }

  @ParameterizedTest
  @EnumSource(value = ProfileField.class, names = "GENDER", mode = EnumSource.Mode.EXCLUDE)
  void fieldOverEveryVendorsLimitIsRefusedNamingTheField(ProfileField field) {
    requireLimits("the length of " + field.fieldName());
    InvalidRequestException e = invalid(() ->
        client().profiles().update(alice(), ProfileUpdate.builder().set(field, OVERSIZED.get(field)).build()));

    assertThat(e.field()).as("field()").contains(field.fieldName());
    assertThat(client().profiles().get(alice())).isEmpty();
  }

  @Test
  void refusedUpdateChangesNothing() {
    requireLimits("the length of sign");
    client().profiles().update(alice(), ProfileUpdate.builder().nickname("before").build());

    invalid(() -> client().profiles().update(alice(),
        ProfileUpdate.builder().nickname("after").sign(OVERSIZED.get(ProfileField.SIGN)).build()));

    assertThat(client().profiles().get(alice())).contains(UserProfile.builder(alice()).nickname("before").build());
  }

  @Test
  void emptyUpdateIsRefused() {
    InvalidRequestException e = invalid(() -> client().profiles().update(alice(), ProfileUpdate.builder().build()));

    assertThat(e.field()).as("field()").contains("update");
  }

  @Test
  void nullUpdateIsRefused() {
    invalid(() -> client().profiles().update(alice(), null));
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

  @Test
  void pageSizeOverEveryVendorsLimitIsRefused() {
    requireLimits("the page size");
    InvalidRequestException e = invalid(() -> client().contacts().contacts(alice(), PageRequest.first(1000)));

    assertThat(e.field()).as("field()").contains("page");
  }
}
