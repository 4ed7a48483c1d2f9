package io.imfacade.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.profile.ProfileField;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void lengthsAreMeasuredInEachUnit() {
    String emoji = "😀".repeat(33);
    assertThat(LengthUnit.CODE_POINTS.measure(emoji)).isEqualTo(33);
    assertThat(LengthUnit.UTF16_UNITS.measure(emoji)).isEqualTo(66);
    assertThat(LengthUnit.BYTES.measure(emoji)).isEqualTo(132);
    assertThat(LengthLimit.of(64, LengthUnit.CODE_POINTS).violation(emoji)).isNull();
    assertThat(LengthLimit.of(64, LengthUnit.UTF16_UNITS).violation(emoji))
        .isEqualTo("66 UTF-16 code units, over the limit of 64 UTF-16 code units");
  }

  @Test
  void combinedLengthLimitsKeepTheSmallestBoundOfEachUnit() {
    LengthLimit limit = LengthLimit.of(256, LengthUnit.UTF16_UNITS).and(LengthLimit.of(1024, LengthUnit.BYTES));
    assertThat(limit).hasToString("256 UTF-16 code units and 1024 bytes");
    assertThat(limit.violation("网".repeat(256))).isNull();
    assertThat(limit.violation("网".repeat(257))).contains("257 UTF-16 code units");
    assertThat(limit.violation("😀".repeat(128))).isNull(); // 256 units, 512 bytes
  }

  @Test
  void idRulesDescribeTheirCharactersAndCombine() {
    IdRule easemobLike = IdRule.ascii(64, "A-Za-z0-9_.-");
    IdRule neteaseLike = IdRule.ascii(32, "A-Za-z0-9_.@-");
    IdRule both = easemobLike.and(neteaseLike);
    assertThat(both.maxLength()).isEqualTo(32);
    assertThat(both.violation("a@b")).contains("may only contain letters, digits, '-', '.', '_'");
    assertThat(neteaseLike.violation("a@b")).isNull();
    assertThat(both.violation("a".repeat(33))).contains("over the limit of 32");
    assertThat(IdRule.anyPrintable(8).violation("名字")).isNull();
    assertThat(IdRule.anyPrintable(8).violation("a/b")).contains("'/'");
    assertThat(IdRule.anyPrintable(8).violation("..")).isNotNull();
  }

  @Test
  void strictestIsComputedFieldByFieldSoItCannotDrift() {
    VendorLimits a = VendorLimits.builder("a")
        .userId(IdRule.ascii(64, "a-z"))
        .profileField(ProfileField.AVATAR_URL, 256, LengthUnit.UTF16_UNITS)
        .profileField(ProfileField.BIRTH, 64, LengthUnit.UTF16_UNITS)
        .profileTotalBytes(2048)
        .profileKey(ProfileField.EMAIL, "mail")
        .memberTotalBytes(4096)
        .memberBatches(20, 10)
        .blockListMax(500)
        .build();
    VendorLimits b = VendorLimits.builder("b")
        .userId(IdRule.ascii(32, "a-z@"))
        .profileField(ProfileField.AVATAR_URL, 1024, LengthUnit.BYTES)
        .profileField(ProfileField.BIRTH, 16, LengthUnit.CODE_POINTS)
        .memberTotalBytes(1024)
        .memberBatches(1, 1000)
        .blockListMax(3000)
        .reservedProfileKeys(List.of("name"))
        .build();
    VendorLimits strictest = VendorLimits.strictest("portable", List.of(a, b));
    assertThat(strictest.userId()).isEqualTo(IdRule.ascii(32, "a-z"));
    assertThat(strictest.profileField(ProfileField.AVATAR_URL))
        .isEqualTo(new LengthLimit(1024, 256, Integer.MAX_VALUE));
    assertThat(strictest.profileField(ProfileField.BIRTH)).isEqualTo(new LengthLimit(Integer.MAX_VALUE, 64, 16));
    assertThat(strictest.memberTotalBytes()).isEqualTo(1024);
    assertThat(strictest.memberSetBatch()).isEqualTo(1);
    assertThat(strictest.memberGetBatch()).isEqualTo(10);
    assertThat(strictest.blockListMax()).isEqualTo(500);
    assertThat(strictest.profileTotalBytes()).isEqualTo(2048);
    assertThat(strictest.profileKeys()).containsEntry(ProfileField.EMAIL, "mail");
    assertThat(strictest.reservedProfileKeys()).contains("mail", "name");
    assertThat(VendorLimits.strictest("same", List.of(a)).sameLimits(a)).isTrue();
  }
}
