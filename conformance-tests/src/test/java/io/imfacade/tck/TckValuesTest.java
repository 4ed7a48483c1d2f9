package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.VendorLimits;
import io.imfacade.tck.LimitValues.Sample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the values the contracts build, against the limits every provider on the classpath
 * declares in its metadata (and the in-memory provider's emulations of them): the ids are valid,
 * the sample values fit, and each value built at a bound is exactly at it, the one over it one unit
 * over, and both tell the units apart. A value that slipped under a provider's limit, or that a
 * wrong-unit counter would treat like the right one, would make a contract vacuous for it.
 */
class TckValuesTest {

  /** Every provider's declared limits, and what the in-memory client enforces in each mode. */
  static List<VendorLimits> limits() {
    Map<String, VendorLimits> all = new LinkedHashMap<>();
    ImFacade.metadata().forEach((id, m) -> all.put(id, m.limits()));
    for (String mode : List.of("portable", "easemob", "shengwang", "netease")) {
      try (ImClient client = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", mode))) {
        all.put("inmemory " + mode, client.metadata().limits());
      }
    }
    return new ArrayList<>(all.values());
  }

  /** The limits of the vendor providers, each bound of which the contracts sample. */
  static List<VendorLimits> vendorLimits() {
    return List.of(vendor("easemob"), vendor("shengwang"), vendor("netease"), inMemory("portable"));
  }

  private static VendorLimits vendor(String id) {
    return ImFacade.metadata(id).map(ProviderMetadata::limits).orElseThrow(() -> new AssertionError("no provider " + id));
  }

  private static VendorLimits inMemory(String mode) {
    try (ImClient client = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", mode))) {
      return client.metadata().limits();
    }
  }

  @Test
  void theVendorsDeclareTheLimitsTheContractsSample() {
    for (VendorLimits limits : vendorLimits()) {
      assertThat(limits.profileFields()).as("profile field limits of %s", limits.name())
          .containsOnlyKeys(ProfileField.NICKNAME, ProfileField.AVATAR_URL, ProfileField.SIGN, ProfileField.BIRTH,
              ProfileField.EMAIL, ProfileField.PHONE, ProfileField.EXT);
      assertThat(limits.remark().isUnbounded()).as("remark limit of %s", limits.name()).isFalse();
      assertThat(limits.pageSizeMax()).as("pageSizeMax of %s", limits.name()).isLessThan(Integer.MAX_VALUE);
      assertThat(limits.blockListMax()).as("blockListMax of %s", limits.name()).isLessThan(Integer.MAX_VALUE);
      assertThat(limits.memberTotalBytes()).as("memberTotalBytes of %s", limits.name()).isLessThan(Integer.MAX_VALUE);
    }
  }

  /**
   * The accounts and groups contracts sample these limits; a vendor that left one undeclared would
   * have its contract skipped, never checked.
   */
  @Test
  void theVendorsDeclareTheAccountAndGroupLimitsTheContractsSample() {
    for (VendorLimits limits : vendorLimits()) {
      assertThat(limits.accountBatch()).as("accountBatch of %s", limits.name()).isLessThan(Integer.MAX_VALUE);
      assertThat(limits.password().isUnbounded()).as("password limit of %s", limits.name()).isFalse();
      assertThat(limits.groupName().isUnbounded()).as("groupName limit of %s", limits.name()).isFalse();
      assertThat(limits.groupDescription().isUnbounded()).as("groupDescription limit of %s", limits.name()).isFalse();
      assertThat(limits.groupMembersBatch()).as("groupMembersBatch of %s", limits.name()).isLessThan(Integer.MAX_VALUE);
      assertThat(limits.groupSizeMax()).as("groupSizeMax of %s", limits.name()).isLessThan(Integer.MAX_VALUE);
      assertThat(limits.groupSizeMax()).as("groupSizeMax of %s: the contracts make groups of 8", limits.name())
          .isGreaterThanOrEqualTo(8);
      assertThat(ContractSupport.TCK_PASSWORD).as("the TCK's password under %s", limits.name())
          .matches(p -> limits.password().violation(p) == null);
    }
  }

  @ParameterizedTest
  @MethodSource("limits")
  void asciiPasswordsAreAtAndOneCharacterOverTheBoundInEffect(VendorLimits limits) {
    Optional<Sample> sample = LimitValues.asciiSample(limits.password());
    assertThat(sample.isEmpty()).as("password of %s has a sample", limits.name()).isEqualTo(limits.password().isUnbounded());
    sample.ifPresent(s -> {
      assertThat(s.atLimit()).matches("[A-Za-z0-9]+");
      assertThat(limits.password().violation(s.atLimit())).as("at the limit fits: %s of %s", s, limits.name()).isNull();
      assertThat(limits.password().violation(s.overLimit())).as("over does not fit: %s of %s", s, limits.name())
          .isNotNull();
      assertThat(s.overLimit()).hasSize(s.atLimit().length() + 1);
    });
  }

  @ParameterizedTest
  @MethodSource("limits")
  void generatedIdsAreValidAndUnique(VendorLimits limits) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      for (String id : List.of(TestIds.user("alice"), TestIds.user("ghost"), TestIds.user("m"))) {
        assertThat(id).hasSizeLessThanOrEqualTo(32).matches("[a-z0-9_-]+");
        assertThat(limits.userId().violation(id)).as("%s under %s", id, limits.name()).isNull();
        assertThat(seen.add(id)).as("unique: %s", id).isTrue();
      }
      String group = TestIds.group();
      assertThat(limits.groupId().violation(group)).as("%s under %s", group, limits.name()).isNull();
      assertThat(seen.add(group)).as("unique: %s", group).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("limits")
  void sampleValuesFitEveryLimit(VendorLimits limits) {
    UserProfileContract.UNICODE_VALUES.forEach((field, value) ->
        assertThat(limits.profileField(field).violation(value)).as("sample %s under %s", field, limits.name()).isNull());
    assertThat(UserProfileContract.UNICODE_VALUES).hasSize(ProfileField.values().length - 1);
  }

  @ParameterizedTest
  @MethodSource("limits")
  void samplesAreAtAndOneUnitOverEveryReachableBound(VendorLimits limits) {
    Map<String, LengthLimit> all = new LinkedHashMap<>();
    limits.profileFields().forEach((field, limit) -> all.put(field.fieldName(), limit));
    all.put("remark", limits.remark());
    all.put("memberKey", limits.memberKey());
    all.put("memberValue", limits.memberValue());
    all.put("groupName", limits.groupName());
    all.put("groupDescription", limits.groupDescription());
    all.forEach((name, limit) -> {
      List<Sample> samples = LimitValues.samples(limit);
      assertThat(samples.isEmpty()).as("%s of %s (%s) has samples", name, limits.name(), limit)
          .isEqualTo(limit.isUnbounded());
      for (Sample s : samples) {
        String what = name + " " + s + " of " + limits.name();
        assertThat(s.unit().measure(s.atLimit())).as("at the limit: %s", what).isEqualTo(s.max());
        assertThat(s.unit().measure(s.overLimit())).as("over the limit: %s", what).isEqualTo(s.max() + 1);
        assertThat(limit.violation(s.atLimit())).as("at the limit fits: %s", what).isNull();
        assertThat(limit.violation(s.overLimit())).as("over the limit does not fit: %s", what).isNotNull();
      }
    });
  }

  /**
   * For every sample of every vendor, a provider that counts another unit with the same bound
   * either refuses the value at the limit or accepts the one over it: the contract catches it.
   */
  @ParameterizedTest
  @MethodSource("vendorLimits")
  void aWrongUnitCounterIsCaughtByEverySample(VendorLimits limits) {
    List<LengthLimit> all = new ArrayList<>(limits.profileFields().values());
    all.add(limits.remark());
    all.add(limits.memberKey());
    all.add(limits.memberValue());
    all.add(limits.groupName());
    all.add(limits.groupDescription());
    for (LengthLimit limit : all) {
      for (Sample s : LimitValues.samples(limit)) {
        for (LengthUnit wrong : LengthUnit.values()) {
          if (wrong == s.unit()) {
            continue;
          }
          boolean fooled = wrong.measure(s.atLimit()) <= s.max() && wrong.measure(s.overLimit()) > s.max();
          assertThat(fooled).as("a %s counter of %s (%s, at %s)", wrong, s, limits.name(), s.atLimit()).isFalse();
        }
      }
    }
  }

  @Test
  void framingIsKeptAndDroppedWhenThereIsNoRoom() {
    LengthLimit url = LengthLimit.of(40, LengthUnit.UTF16_UNITS);
    Sample s = LimitValues.samples(url, "https://example.com/", "", Integer.MAX_VALUE).get(0);
    assertThat(s.atLimit()).startsWith("https://example.com/").hasSize(40);

    Sample tight = LimitValues.samples(LengthLimit.of(12, LengthUnit.BYTES), "", "@example.com", Integer.MAX_VALUE).get(0);
    assertThat(tight.atLimit()).doesNotContain("@");
    assertThat(LengthUnit.BYTES.measure(tight.atLimit())).isEqualTo(12);
  }

  @Test
  void aByteBudgetShrinksTheMultiByteCharactersOrIsIgnoredWhenOutOfReach() {
    LengthLimit ext = new LengthLimit(2048, 1024, Integer.MAX_VALUE);
    Sample units = LimitValues.samples(ext, "", "", 2038).stream()
        .filter(s -> s.unit() == LengthUnit.UTF16_UNITS).findFirst().orElseThrow();
    assertThat(LengthUnit.BYTES.measure(units.atLimit())).isLessThanOrEqualTo(2038).isGreaterThan(1024);

    Sample bytes = LimitValues.samples(LengthLimit.of(2048, LengthUnit.BYTES), "", "", 2038).get(0);
    assertThat(LengthUnit.BYTES.measure(bytes.atLimit())).as("the bound itself, over the budget").isEqualTo(2048);
  }

  @ParameterizedTest
  @MethodSource("limits")
  void memberAttributesAtTheTotalAreExact(VendorLimits limits) {
    int total = limits.memberTotalBytes();
    if (total == Integer.MAX_VALUE) {
      return;
    }
    Map<String, String> at = LimitValues.memberAttributesOfSize(total, limits.memberKey(), limits.memberValue())
        .orElseThrow(() -> new AssertionError("no attributes of " + total + " bytes under " + limits.name()));
    Map<String, String> over = LimitValues.oneByteMore(at);

    assertThat(Sizes.jsonObjectBytes(at)).as("at the total of %s", limits.name()).isEqualTo(total);
    assertThat(Sizes.jsonObjectBytes(over)).as("one byte over the total of %s", limits.name()).isEqualTo(total + 1);
    over.forEach((k, v) -> {
      assertThat(limits.memberKey().violation(k)).as("key %s under %s", k, limits.name()).isNull();
      assertThat(limits.memberValue().violation(v)).as("value of %s under %s", k, limits.name()).isNull();
    });
    assertThat(String.join("", at.values())).as("values of more than one byte per character").contains(LimitValues.HAN);
  }

  @ParameterizedTest
  @MethodSource("limits")
  void profileAtTheTotalIsExact(VendorLimits limits) {
    int total = limits.profileTotalBytes();
    Optional<Map<ProfileField, String>> built = LimitValues.profileOfSize(limits, "alice-x-1");
    if (total == Integer.MAX_VALUE) {
      assertThat(built).isEmpty();
      return;
    }
    Map<ProfileField, String> at = built
        .orElseThrow(() -> new AssertionError("no profile of " + total + " bytes under " + limits.name()));
    List<ProfileField> fields = new ArrayList<>(at.keySet());
    ProfileField last = fields.get(fields.size() - 1);
    Map<ProfileField, String> over = new EnumMap<>(at);
    over.put(last, at.get(last) + "a");
    UserProfile atProfile = LimitValues.profile("alice-x-1", at);

    assertThat(limits.profileJsonBytes(atProfile)).as("at the total of %s", limits.name()).isEqualTo(total);
    assertThat(limits.profileJsonBytes(LimitValues.profile("alice-x-1", over))).isEqualTo(total + 1);
    assertThat(fields).as("more than one field, to grow a stored profile").hasSizeGreaterThan(1);
    over.forEach((f, v) ->
        assertThat(limits.profileField(f).violation(v)).as("%s under %s", f, limits.name()).isNull());
  }
}
