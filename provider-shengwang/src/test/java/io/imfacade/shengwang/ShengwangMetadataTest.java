package io.imfacade.shengwang;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.profile.ProfileField;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the provider declares, against the sourced facts (notes/easemob-facts.md); literal oracles. */
class ShengwangMetadataTest {

  private static final ProviderMetadata METADATA = ImFacade.metadata("shengwang").orElseThrow();
  private static final VendorLimits LIMITS = METADATA.limits();

  @Test
  void declaresItselfWithEveryCapabilityAndTheDocumentedRate() {
    assertThat(METADATA.id()).isEqualTo("shengwang");
    assertThat(METADATA.capabilities()).containsExactlyInAnyOrder(Capability.values());
    assertThat(METADATA.defaultRequestsPerSecond()).hasValue(100.0); // facts §9: per App ID
  }

  @Test
  void declaresItsConfigurationKeysWithDescriptions() {
    assertThat(METADATA.configKeyNames()).containsExactly("shengwang.baseUrl", "shengwang.appId",
        "shengwang.appCertificate", "shengwang.appToken");
    assertThat(METADATA.configKeys()).filteredOn(ConfigKey::required).extracting(ConfigKey::name)
        .containsExactly("shengwang.baseUrl", "shengwang.appId");
    assertThat(METADATA.configKeys()).filteredOn(ConfigKey::secret).extracting(ConfigKey::name)
        .containsExactly("shengwang.appCertificate", "shengwang.appToken");
    assertThat(METADATA.configKeys()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
  }

  /** The Easemob platform's limits (facts §13), with Shengwang's own friend cap. */
  @Test
  void limitsAreTheFamilysWithShengwangsFriendCap() {
    assertThat(LIMITS.name()).isEqualTo("shengwang");
    assertThat(LIMITS.contactsMax()).isEqualTo(10_000); // facts §4: enterprise plan
    // "64 个字符" without a counting rule (sw-doc userprofile.md): 64 bytes, within 64 in every unit (facts §5).
    assertThat(LIMITS.profileField(ProfileField.NICKNAME)).isEqualTo(LengthLimit.of(64, LengthUnit.BYTES));
    assertThat(LIMITS.profileField(ProfileField.SIGN)).isEqualTo(LengthLimit.of(256, LengthUnit.BYTES));
    assertThat(LIMITS.remark()).isEqualTo(LengthLimit.of(100, LengthUnit.BYTES)); // sw user_relationship.md
    assertThat(LIMITS.remark().violation("中".repeat(34))).isEqualTo("102 bytes, over the limit of 100 bytes");
    assertThat(LIMITS.memberValue()).isEqualTo(LengthLimit.of(512, LengthUnit.BYTES));
    assertThat(LIMITS.profileKeys()).containsEntry(ProfileField.AVATAR_URL, "avatarurl");
    assertThat(LIMITS.blockListMax()).isEqualTo(500);
    assertThat(LIMITS.pageSizeMax()).isEqualTo(50);
    assertThat(LIMITS.memberSetBatch()).isEqualTo(20);
    assertThat(LIMITS.accountBatch()).isEqualTo(60); // sw-doc account_system.md l.173
    assertThat(LIMITS.password()).isEqualTo(LengthLimit.of(64, LengthUnit.BYTES));
    assertThat(LIMITS.groupName()).isEqualTo(LengthLimit.of(128, LengthUnit.BYTES));
    assertThat(LIMITS.groupDescription()).isEqualTo(LengthLimit.of(512, LengthUnit.BYTES));
    assertThat(LIMITS.groupMembersBatch()).isEqualTo(60);
    assertThat(LIMITS.groupSizeMax()).isEqualTo(3000); // enterprise default (sw billing_strategy.md)
  }

  /**
   * User tokens are AccessToken2 built from the certificate: a client configured with a fixed app
   * token only cannot issue them, and says why; with the certificate every capability is offered.
   */
  @Test
  void userTokensNeedTheCertificate() {
    ShengwangProvider provider = new ShengwangProvider();
    ProviderMetadata withToken = provider.metadata(ImConfig.of(Map.of("provider", "shengwang",
        "shengwang.baseUrl", "https://example.invalid", "shengwang.appId", "a1", "shengwang.appToken", "007x")));
    ProviderMetadata withCertificate = provider.metadata(ImConfig.of(Map.of("provider", "shengwang",
        "shengwang.baseUrl", "https://example.invalid", "shengwang.appId", ChatAppTokenBuilderTest.APP_ID,
        "shengwang.appCertificate", ChatAppTokenBuilderTest.APP_CERTIFICATE)));

    assertThat(withToken.unsupported()).containsOnlyKeys(Capability.ACCOUNT_TOKEN);
    assertThat(withToken.unsupported().get(Capability.ACCOUNT_TOKEN))
        .contains("shengwang.appCertificate", "AccessToken2");
    assertThat(withToken.limits()).isEqualTo(LIMITS);
    assertThat(withCertificate).isEqualTo(METADATA);
  }
}
