package io.imfacade.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a?b", "a#b", "a%2F", "..", ".", "a b", "a\\b", " ", ""})
  void idsThatCouldChangeTheUrlOrAreBlankAreRefusedOnEveryPreset(String id) {
    for (VendorLimits limits : List.of(VendorLimits.PORTABLE, VendorLimits.EASEMOB, VendorLimits.NETEASE, VendorLimits.NONE)) {
      assertThatThrownBy(() -> Validation.userId("owner", id, limits))
          .as("%s under %s", id, limits)
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(((InvalidRequestException) e).field()).contains("owner"));
    }
  }

  @Test
  void nullIdIsRefusedWithTheFieldName() {
    assertThatThrownBy(() -> Validation.userId("friend", null, VendorLimits.PORTABLE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("friend must not be null");
  }

  @Test
  void idLengthFollowsThePreset() {
    String id33 = "a".repeat(33);
    assertThatThrownBy(() -> Validation.userId("userId", id33, VendorLimits.PORTABLE))
        .hasMessageContaining("over the limit of 32");
    assertThat(Validation.userId("userId", id33, VendorLimits.EASEMOB)).isEqualTo(id33);
    assertThat(Validation.userId("userId", "a@b", VendorLimits.NETEASE)).isEqualTo("a@b");
    assertThatThrownBy(() -> Validation.userId("userId", "a@b", VendorLimits.PORTABLE))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void userIdsKeepOrderAndDropDuplicates() {
    assertThat(Validation.userIds("userIds", Arrays.asList("b", "a", "b"), VendorLimits.PORTABLE))
        .containsExactly("b", "a");
    assertThatThrownBy(() -> Validation.userIds("userIds", null, VendorLimits.PORTABLE))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void profileFieldsAreMeasuredInTheVendorsUnit() {
    // NetEase counts the avatar in bytes: 300 three-byte characters are 900 bytes (ok), 400 are 1200 (too long).
    ProfileUpdate ok = ProfileUpdate.builder().avatarUrl("网".repeat(300)).build();
    ProfileUpdate tooLong = ProfileUpdate.builder().avatarUrl("网".repeat(400)).build();
    assertThatCode(() -> Validation.profileUpdate(ok, VendorLimits.NETEASE)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Validation.profileUpdate(tooLong, VendorLimits.NETEASE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("avatarUrl is 1200 bytes")
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).contains("avatarUrl"));
    // Portable counts characters and allows 256.
    assertThatThrownBy(() -> Validation.profileUpdate(ok, VendorLimits.PORTABLE))
        .hasMessageContaining("avatarUrl is 300 characters");
  }

  @Test
  void birthLimitDiffersBetweenVendors() {
    ProfileUpdate birth20 = ProfileUpdate.builder().birth("2000-01-01T00:00:00Z").build();
    assertThatCode(() -> Validation.profileUpdate(birth20, VendorLimits.EASEMOB)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Validation.profileUpdate(birth20, VendorLimits.NETEASE)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Validation.profileUpdate(birth20, VendorLimits.PORTABLE)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void nicknameOf64IsFineEverywhereAnd65NowhereAndEmojiCountTwo() {
    for (VendorLimits limits : List.of(VendorLimits.PORTABLE, VendorLimits.EASEMOB, VendorLimits.NETEASE)) {
      assertThatCode(() -> Validation.profileUpdate(ProfileUpdate.builder().nickname("n".repeat(64)).build(), limits))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> Validation.profileUpdate(ProfileUpdate.builder().nickname("n".repeat(65)).build(), limits))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> Validation.profileUpdate(ProfileUpdate.builder().nickname("😀".repeat(33)).build(), limits))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void emptyUpdateAndReservedCustomKeysAreRefused() {
    assertThatThrownBy(() -> Validation.profileUpdate(ProfileUpdate.builder().build(), VendorLimits.NONE))
        .hasMessageContaining("sets no field");
    assertThatThrownBy(() -> Validation.profileUpdate(
            ProfileUpdate.builder().customAttribute("avatarurl", "x").build(), VendorLimits.EASEMOB))
        .hasMessageContaining("reserved");
  }

  @Test
  void profileTotalUsesJsonSizeWithEasemobKeys() {
    UserProfile p = UserProfile.builder("u").nickname("ab").gender(Gender.MALE).build();
    assertThat(Validation.profileJsonBytes(p)).isEqualTo("{\"nickname\":\"ab\",\"gender\":\"1\"}".length());
    UserProfile big = UserProfile.builder("u").ext("x".repeat(2040)).build();
    assertThatThrownBy(() -> Validation.profileTotal(big, VendorLimits.PORTABLE))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("2048");
    assertThatCode(() -> Validation.profileTotal(big, VendorLimits.NETEASE)).doesNotThrowAnyException();
  }

  @Test
  void memberAttributeLimitsAreInBytes() {
    assertThatCode(() -> Validation.memberAttributes("attributes", Map.of("k".repeat(16), "v".repeat(512)), VendorLimits.PORTABLE))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> Validation.memberAttributes("attributes", Map.of("群".repeat(6), "v"), VendorLimits.PORTABLE))
        .hasMessageContaining("18 bytes");
    assertThatThrownBy(() -> Validation.memberAttributes("attributes", Map.of("k", "v".repeat(513)), VendorLimits.EASEMOB))
        .hasMessageContaining("513 bytes");
    assertThatThrownBy(() -> Validation.memberAttributes("attributes", Map.of(), VendorLimits.NONE))
        .isInstanceOf(InvalidRequestException.class);
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> Validation.memberAttributes("attributes", nullValue, VendorLimits.NONE))
        .hasMessageContaining("must not be null");
    assertThatCode(() -> Validation.memberAttributes("attributes", Map.of("k", ""), VendorLimits.PORTABLE))
        .doesNotThrowAnyException();
  }

  @Test
  void memberTotalIsAQuota() {
    Map<String, String> big = new HashMap<>();
    for (int i = 0; i < 9; i++) {
      big.put("k" + i, "v".repeat(500));
    }
    assertThatThrownBy(() -> Validation.memberTotal("u1", big, VendorLimits.PORTABLE))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("4096");
    assertThatThrownBy(() -> Validation.memberTotal("u1", Map.of("k", "v".repeat(1100)), VendorLimits.NETEASE))
        .isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void remarkAndPageSize() {
    assertThatCode(() -> Validation.remark("r".repeat(100), VendorLimits.PORTABLE)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Validation.remark("r".repeat(101), VendorLimits.PORTABLE)).isInstanceOf(InvalidRequestException.class);
    assertThatCode(() -> Validation.remark("r".repeat(128), VendorLimits.NETEASE)).doesNotThrowAnyException();
    assertThatCode(() -> Validation.remark(null, VendorLimits.PORTABLE)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Validation.page(PageRequest.first(51), VendorLimits.EASEMOB)).hasMessageContaining("51");
    assertThat(Validation.page(PageRequest.first(50), VendorLimits.EASEMOB).size()).isEqualTo(50);
  }
}
