package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.inmemory.vendors.VendorA;
import io.imfacade.inmemory.vendors.VendorB;
import io.imfacade.inmemory.vendors.VendorC;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code inmemory.limits} reads the vendor providers on the classpath: here the fakes {@link
 * VendorA} (UTF-16 units), {@link VendorB} (bytes) and {@link VendorC} (code points).
 */
class EmulationTest {

  private static final ProviderMetadata PORTABLE = metadata("portable");

  private static ProviderMetadata metadata(String limits) {
    return new InMemoryProvider().metadata(ImConfig.of(Map.of("provider", "inmemory", "inmemory.limits", limits)));
  }

  private static InMemoryImClient client(String limits) {
    return InMemoryImClient.create(Map.of("inmemory.limits", limits, "inmemory.users", "auto"));
  }

  @Test
  void providerDeclaresItsKeysEveryCapabilityAndNoLimits() {
    ProviderMetadata declared = new InMemoryProvider().metadata();
    assertThat(declared.id()).isEqualTo("inmemory");
    assertThat(declared.name()).isNotBlank();
    assertThat(declared.configKeys()).extracting(ConfigKey::name, ConfigKey::defaultValue, ConfigKey::required)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inmemory.limits", "portable", false),
            org.assertj.core.groups.Tuple.tuple("inmemory.users", "registered", false),
            org.assertj.core.groups.Tuple.tuple("inmemory.file", null, false));
    assertThat(declared.configKeys()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
    assertThat(declared.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
    assertThat(declared.limits()).isSameAs(VendorLimits.NONE);
    assertThat(declared.defaultRequestsPerSecond()).isEmpty();
    assertThat(ImFacade.metadata("inmemory")).contains(declared);
  }

  @Test
  void portableIsTheStrictestOfTheVendorsFieldByField() {
    VendorLimits limits = PORTABLE.limits();
    assertThat(limits.name()).isEqualTo("portable");
    // ids: the shortest length, the characters all three allow ('@' is only Vendor B's)
    assertThat(limits.userId()).isEqualTo(IdRule.ascii(32, "A-Za-z0-9_.-"));
    assertThat(limits.groupId()).isEqualTo(IdRule.ascii(20, "0-9"));
    // lengths: the smallest bound of each unit, so one value is bounded in bytes, units and code points
    assertThat(limits.profileField(ProfileField.NICKNAME)).isEqualTo(new LengthLimit(64, 100, 20));
    assertThat(limits.profileField(ProfileField.BIRTH)).isEqualTo(new LengthLimit(16, 64, Integer.MAX_VALUE));
    assertThat(limits.profileField(ProfileField.SIGN)).isEqualTo(new LengthLimit(Integer.MAX_VALUE, 256, Integer.MAX_VALUE));
    assertThat(limits.memberKey()).isEqualTo(new LengthLimit(32, 16, 24));
    assertThat(limits.memberValue()).isEqualTo(new LengthLimit(1024, 512, 300));
    assertThat(limits.remark()).isEqualTo(new LengthLimit(128, 100, 50));
    // totals and counts: the smallest; Vendor B's 1024 bytes beat Vendor A's 4096
    assertThat(limits.memberTotalBytes()).isEqualTo(1024);
    assertThat(limits.profileTotalBytes()).isEqualTo(2048);
    assertThat(limits.profileKeys()).isEqualTo(Map.of(ProfileField.AVATAR_URL, "avatarurl", ProfileField.EMAIL, "mail"));
    assertThat(limits.contactsMax()).isEqualTo(10);
    assertThat(limits.blockListMax()).isEqualTo(200);
    assertThat(limits.pageSizeMax()).isEqualTo(50);
    // accounts and groups: only Vendor A declares them, so they are portable's
    assertThat(limits.accountBatch()).isEqualTo(20);
    assertThat(limits.groupName()).isEqualTo(LengthLimit.of(20, LengthUnit.UTF16_UNITS));
    assertThat(limits.groupMembersBatch()).isEqualTo(10);
    assertThat(limits.groupSizeMax()).isEqualTo(6);
    assertThat(limits.sameLimits(VendorLimits.strictest("x", List.of(VendorA.LIMITS, VendorB.LIMITS, VendorC.LIMITS))))
        .isTrue();
  }

  @Test
  void portableLacksWhatAnyVendorLacksAndSaysWhichVendor() {
    assertThat(PORTABLE.id()).isEqualTo("inmemory");
    assertThat(PORTABLE.capabilities()).containsExactlyInAnyOrder(
        Capability.GROUP_MEMBER_ATTRIBUTES, Capability.CONTACT_REMARK, Capability.BLOCK_LIST,
          Capability.ACCOUNT_PASSWORD, Capability.ACCOUNT_TOKEN);
    assertThat(PORTABLE.unsupported().get(Capability.PROFILE_CUSTOM_ATTRIBUTES))
        .contains("inmemory.limits=portable")
        .contains("vendor-b: " + VendorB.NO_CUSTOM_ATTRIBUTES)
        .doesNotContain("vendor-a", "vendor-c");
    assertThat(PORTABLE.unsupported().get(Capability.PROFILE_TOTAL_SIZE))
        .contains("vendor-b: " + VendorB.NO_TOTAL_SIZE)
        .contains("vendor-c: " + VendorC.NO_TOTAL_SIZE);
    assertThat(PORTABLE.configKeys()).isEqualTo(new InMemoryProvider().metadata().configKeys());
  }

  @Test
  void portableIsComputedOncePerJvm() {
    try (InMemoryImClient first = client("portable"); InMemoryImClient second = InMemoryImClient.create()) {
      assertThat(first.metadata()).isSameAs(PORTABLE);
      assertThat(second.metadata()).isSameAs(PORTABLE);
    }
  }

  @Test
  void aVendorIdEmulatesExactlyThatVendor() {
    ProviderMetadata b = metadata("vendor-b");
    assertThat(b.id()).isEqualTo("inmemory");
    assertThat(b.limits()).isSameAs(VendorB.LIMITS);
    assertThat(b.unsupported()).containsOnlyKeys(Capability.PROFILE_CUSTOM_ATTRIBUTES, Capability.PROFILE_TOTAL_SIZE,
        Capability.ACCOUNT_DELETE);
    assertThat(b.unsupported().get(Capability.PROFILE_CUSTOM_ATTRIBUTES))
        .isEqualTo("(inmemory.limits=vendor-b) " + VendorB.NO_CUSTOM_ATTRIBUTES);

    ProviderMetadata a = metadata("Vendor-A");
    assertThat(a.limits()).isSameAs(VendorA.LIMITS);
    assertThat(a.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
  }

  @Test
  void noneOffersEverythingWithoutLimits() {
    ProviderMetadata none = metadata("none");
    assertThat(none.limits()).isSameAs(VendorLimits.NONE);
    assertThat(none.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
  }

  @Test
  void anUnknownValueNamesTheKeyAndListsTheAllowedValues() {
    for (String bad : List.of("strict", "inmemory", "vendor-d")) {
      assertThatThrownBy(() -> InMemoryImClient.create(Map.of("inmemory.limits", bad)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("inmemory.limits")
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("portable, none, vendor-a, vendor-b, vendor-c");
    }
  }

  @Test
  void portableWithoutAVendorProviderAsksForOne() {
    assertThatThrownBy(() -> Emulation.portable(new InMemoryProvider().metadata(), Map.of()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.provider()).contains("inmemory"))
        .hasMessageContaining("inmemory.limits")
        .hasMessageContaining("provider jar of the vendor you ship")
        .hasMessageContaining("inmemory.limits=none");
  }

  @Test
  void portableOfOneVendorIsThatVendorsLimits() {
    ProviderMetadata one = Emulation.portable(new InMemoryProvider().metadata(), Map.of("vendor-c", VendorC.METADATA));
    assertThat(one.limits().sameLimits(VendorC.LIMITS)).isTrue();
    assertThat(one.unsupported()).containsOnlyKeys(Capability.PROFILE_TOTAL_SIZE);
  }

  @Test
  void memberAttributesOverTheStrictestTotalAreRefusedAsVendorBWould() {
    Map<String, String> first = Map.of("a", "x".repeat(250), "b", "x".repeat(250));  // 515 bytes as JSON
    Map<String, String> second = Map.of("c", "y".repeat(250), "d", "y".repeat(250)); // 1029 merged with the first
    try (InMemoryImClient portable = client("portable"); InMemoryImClient a = client("vendor-a")) {
      Map<InMemoryImClient, String> groups = new LinkedHashMap<>();
      for (InMemoryImClient c : List.of(portable, a)) {
        groups.put(c, Seed.group(c, "alice"));
        c.groupMemberAttributes().set(groups.get(c), "alice", first);
      }
      assertThat(a.groupMemberAttributes().set(groups.get(a), "alice", second)).isEqualTo(second);
      assertThatThrownBy(() -> portable.groupMemberAttributes().set(groups.get(portable), "alice", second))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.provider()).contains("inmemory");
            assertThat(e.operation()).contains("groupMemberAttributes.set");
          })
          .hasMessageContaining("1024");
      assertThat(portable.groupMemberAttributes().get(groups.get(portable), "alice")).isEqualTo(first);
    }
  }

  @Test
  void eachUnitOfAValueIsBoundedByItsStrictestVendor() {
    try (InMemoryImClient portable = client("portable"); InMemoryImClient a = client("vendor-a")) {
      String inPortable = Seed.group(portable, "alice");
      String inA = Seed.group(a, "alice");
      String codePoints = "v".repeat(301);                   // Vendor C counts 301 code points
      String units = "\uD83D\uDE00".repeat(257);               // 514 UTF-16 units for Vendor A
      String bytes = "\uD83D\uDE00".repeat(212) + "€".repeat(88); // 300 code points, 512 units, 1112 bytes for Vendor B
      assertThat(a.groupMemberAttributes().set(inA, "alice", Map.of("k", codePoints))).hasSize(1);
      Map<String, String> messages = new LinkedHashMap<>();
      messages.put(codePoints, "code points");
      messages.put(units, "UTF-16 code units");
      messages.put(bytes, "bytes");
      messages.forEach((value, unit) -> assertThatThrownBy(
          () -> portable.groupMemberAttributes().set(inPortable, "alice", Map.of("k", value)))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("over the limit of")
          .hasMessageContaining(unit));
    }
  }

  @Test
  void aCapabilityOneVendorLacksIsRefusedWithItsReason() {
    try (InMemoryImClient portable = client("portable")) {
      assertThatThrownBy(() -> portable.profiles().update("alice", ProfileUpdate.builder().customAttribute("level", "3").build()))
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
            assertThat(e.capability()).isEqualTo(Capability.PROFILE_CUSTOM_ATTRIBUTES);
            assertThat(e.provider()).contains("inmemory");
          })
          .hasMessageContaining("inmemory.limits=portable")
          .hasMessageContaining("vendor-b: " + VendorB.NO_CUSTOM_ATTRIBUTES);
      assertThat(portable.profiles().get("alice")).isEmpty();
      assertThatThrownBy(() -> portable.profiles().totalSizeBytes())
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
              e -> assertThat(e.capability()).isEqualTo(Capability.PROFILE_TOTAL_SIZE))
          .hasMessageContaining(VendorC.NO_TOTAL_SIZE);
    }
  }
}
