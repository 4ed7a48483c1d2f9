package io.imfacade.tck.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.Capability;
import io.imfacade.ImFacade;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.profile.ProfileField;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the in-memory provider enforces is computed from the vendor providers' own metadata, with
 * every built-in provider on this classpath: {@code portable} is the strictest of them, field by
 * field, and a vendor's emulation is exactly that vendor. Issue 7: the hand-copied {@code portable}
 * table accepted 4 KB of member attributes where NetEase allows 1024 bytes.
 */
class EmulatedLimitsTest {

  private static ProviderMetadata vendor(String id) {
    return ImFacade.metadata(id).orElseThrow(() -> new AssertionError("provider " + id + " is not on the classpath"));
  }

  private static ProviderMetadata emulation(String mode) {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", mode))) {
      return client.metadata();
    }
  }

  @Test
  void portableIsTheStrictestOfTheVendorsFieldByField() {
    VendorLimits strictest = VendorLimits.strictest("strictest",
        List.of(vendor("easemob").limits(), vendor("shengwang").limits(), vendor("netease").limits()));

    VendorLimits portable = emulation("portable").limits();

    assertThat(portable.sameLimits(strictest)).as("portable %s has the limits of %s", portable, strictest).isTrue();
  }

  @Test
  void portableMemberAttributesAreNeteases1024BytesNotEasemobs4096() {
    VendorLimits portable = emulation("portable").limits();

    assertThat(portable.memberTotalBytes()).isEqualTo(1024).isEqualTo(vendor("netease").limits().memberTotalBytes());
    assertThat(vendor("easemob").limits().memberTotalBytes()).as("the looser vendor").isEqualTo(4096);
    // And the units combine rather than one replacing the other: Easemob's bytes, NetEase's UTF-16 units.
    assertThat(portable.memberKey()).isEqualTo(LengthLimit.of(16, LengthUnit.BYTES));
    assertThat(portable.profileField(ProfileField.EXT))
        .isEqualTo(new LengthLimit(2048, 1024, Integer.MAX_VALUE));
  }

  @Test
  void portableOffersOnlyWhatEveryVendorOffers() {
    Set<Capability> everywhere = EnumSet.allOf(Capability.class);
    for (String id : List.of("easemob", "shengwang", "netease")) {
      everywhere.retainAll(vendor(id).capabilities());
    }

    assertThat(emulation("portable").capabilities()).isEqualTo(everywhere);
  }

  @ParameterizedTest
  @ValueSource(strings = {"easemob", "shengwang", "netease"})
  void aVendorsEmulationHasExactlyThatVendorsLimitsAndCapabilities(String id) {
    ProviderMetadata emulated = emulation(id);

    assertThat(emulated.id()).isEqualTo("inmemory");
    assertThat(emulated.limits()).isEqualTo(vendor(id).limits());
    assertThat(emulated.limits().sameLimits(vendor(id).limits())).isTrue();
    assertThat(emulated.capabilities()).isEqualTo(vendor(id).capabilities());
  }

  @Test
  void noneEnforcesNothing() {
    assertThat(emulation("none").limits().sameLimits(VendorLimits.NONE)).isTrue();
  }
}
