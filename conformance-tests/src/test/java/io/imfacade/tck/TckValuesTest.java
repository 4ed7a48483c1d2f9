package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.profile.ProfileField;
import io.imfacade.spi.VendorLimits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the values the contracts rely on: the ids are valid and the oversized values invalid on
 * every built-in vendor. A value that slipped under a vendor's limit would make a contract vacuous
 * or wrong for that vendor.
 */
class TckValuesTest {

  static List<VendorLimits> vendors() {
    return List.of(VendorLimits.EASEMOB, VendorLimits.SHENGWANG, VendorLimits.NETEASE, VendorLimits.PORTABLE);
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void generatedIdsAreValidAndUnique(VendorLimits limits) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      for (String id : List.of(TestIds.user("alice"), TestIds.user("ghost"), TestIds.user("m"))) {
        assertThat(id).hasSizeLessThanOrEqualTo(Math.min(32, limits.userIdMaxLength()))
            .matches(limits.userIdPattern())
            .matches("[a-z0-9_-]+");
        assertThat(seen.add(id)).as("unique: %s", id).isTrue();
      }
      String group = TestIds.group();
      assertThat(group).hasSizeLessThanOrEqualTo(limits.groupIdMaxLength()).matches(limits.groupIdPattern());
      assertThat(seen.add(group)).as("unique: %s", group).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void oversizedValuesAreOverTheLimitAndSampleValuesWithin(VendorLimits limits) {
    for (ProfileField field : InputValidationContract.OVERSIZED.keySet()) {
      VendorLimits.FieldLimit limit = limits.profileFields().get(field);
      assertThat(limit).as("%s limit of %s", limits.name(), field).isNotNull();
      assertThat(limit.unit().measure(InputValidationContract.OVERSIZED.get(field)))
          .as("oversized %s under %s", field, limits.name())
          .isGreaterThan(limit.max());
      assertThat(limit.unit().measure(UserProfileContract.UNICODE_VALUES.get(field)))
          .as("sample %s under %s", field, limits.name())
          .isLessThanOrEqualTo(limit.max());
    }
    assertThat(InputValidationContract.OVERSIZED).hasSize(ProfileField.values().length - 1);
    assertThat(limits.memberKeyMaxBytes()).isLessThan(17);
    assertThat(limits.memberValueMaxBytes()).isLessThan(513);
    assertThat(limits.remarkMaxCharacters()).isLessThan(129).isGreaterThanOrEqualTo(100);
    assertThat(limits.pageSizeMax()).isLessThan(1000).isGreaterThanOrEqualTo(50);
    assertThat(limits.userIdMaxLength()).isLessThan(65);
  }
}
