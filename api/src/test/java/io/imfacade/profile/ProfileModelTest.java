package io.imfacade.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ProfileModelTest {

  @Test
  void absentFieldsAreNullNeverEmpty() {
    UserProfile p = UserProfile.builder("u").nickname("").sign(null).build();
    assertThat(p.nickname()).isNull();
    assertThat(p.sign()).isNull();
    assertThat(p.gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(p.isEmpty()).isTrue();
  }

  @Test
  void updateAppliesOnlyWhatItSets() {
    UserProfile before = UserProfile.builder("u").nickname("A").sign("s").gender(Gender.MALE).build();
    UserProfile after = ProfileUpdate.builder().nickname("B").clear(ProfileField.SIGN).build().applyTo(before);
    assertThat(after.nickname()).isEqualTo("B");
    assertThat(after.sign()).isNull();
    assertThat(after.gender()).isEqualTo(Gender.MALE);
  }

  @Test
  void emptyStringAndUnknownGenderClear() {
    UserProfile before = UserProfile.builder("u").ext("e").gender(Gender.FEMALE).build();
    UserProfile after = ProfileUpdate.builder().ext("").gender(Gender.UNKNOWN).build().applyTo(before);
    assertThat(after.isEmpty()).isTrue();
  }

  @Test
  void nullIsRefusedSoMissingDataNeverWipesAField() {
    assertThatThrownBy(() -> ProfileUpdate.builder().nickname(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("clear(ProfileField.NICKNAME)");
    assertThatThrownBy(() -> ProfileUpdate.builder().set(ProfileField.GENDER, "1"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ProfileUpdate.builder().gender(null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ProfileUpdate.builder().customAttribute("k", null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> UserProfile.builder(" ").build()).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void genderIsTypedAndReadsLeniently() {
    ProfileUpdate update = ProfileUpdate.builder().gender(Gender.FEMALE).build();
    assertThat(update.gender()).contains(Gender.FEMALE);
    assertThat(update.values()).isEmpty();
    assertThat(update.fields()).containsExactly(ProfileField.GENDER);
    assertThat(ProfileUpdate.builder().clear(ProfileField.GENDER).build().gender()).contains(Gender.UNKNOWN);
    assertThat(UserProfile.builder("u").set(ProfileField.GENDER, "7").build().gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(Gender.fromWire(1)).isEqualTo(Gender.MALE);
    assertThatThrownBy(() -> Gender.fromWire(3)).isInstanceOf(InvalidRequestException.class);
    assertThat(UserProfile.builder("u").set(ProfileField.GENDER, "2").build().gender()).isEqualTo(Gender.FEMALE);
  }

  @Test
  void customAttributesRoundTripAndEmptyRemoves() {
    UserProfile before = UserProfile.builder("u").customAttribute("level", "3").customAttribute("vip", "y").build();
    UserProfile after = ProfileUpdate.builder().clearCustomAttribute("vip").customAttribute("level", "4").build().applyTo(before);
    assertThat(after.customAttributes()).containsExactly(java.util.Map.entry("level", "4"));
  }

  @Test
  void valueSemantics() {
    UserProfile a = UserProfile.builder("u").nickname("N").build();
    assertThat(a).isEqualTo(UserProfile.builder("u").nickname("N").build()).hasSameHashCodeAs(a.toBuilder().build());
    assertThat(a.toString()).contains("nickname=N");
  }
}
