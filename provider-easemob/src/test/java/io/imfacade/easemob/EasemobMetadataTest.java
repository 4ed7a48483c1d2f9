package io.imfacade.easemob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.imfacade.Capability;
import io.imfacade.ImFacade;
import io.imfacade.profile.ProfileField;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import org.junit.jupiter.api.Test;

/**
 * What the provider declares, against the sourced facts (notes/easemob-facts.md): the oracles are
 * literal values from the facts, not the table itself.
 */
class EasemobMetadataTest {

  private static final ProviderMetadata METADATA = ImFacade.metadata("easemob").orElseThrow();
  private static final VendorLimits LIMITS = METADATA.limits();

  @Test
  void declaresItselfWithEveryCapabilityAndTheDocumentedRate() {
    assertThat(METADATA.id()).isEqualTo("easemob");
    assertThat(METADATA.name()).contains("Easemob");
    assertThat(METADATA.capabilities()).containsExactlyInAnyOrder(Capability.values());
    assertThat(METADATA.unsupported()).isEmpty();
    assertThat(METADATA.defaultRequestsPerSecond()).hasValue(100.0); // facts §9
  }

  @Test
  void declaresItsConfigurationKeysWithDescriptions() {
    assertThat(METADATA.configKeyNames()).containsExactly("easemob.baseUrl", "easemob.orgName", "easemob.appName",
        "easemob.clientId", "easemob.clientSecret", "easemob.appToken");
    assertThat(METADATA.configKeys()).filteredOn(ConfigKey::required).extracting(ConfigKey::name)
        .containsExactly("easemob.baseUrl", "easemob.orgName", "easemob.appName");
    assertThat(METADATA.configKeys()).filteredOn(ConfigKey::secret).extracting(ConfigKey::name)
        .containsExactly("easemob.clientSecret", "easemob.appToken");
    assertThat(METADATA.configKeys()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
  }

  @Test
  void userAttributeLimitsAreTheDocumentedOnes() {
    // facts §5: nickname ≤ 64, avatarurl ≤ 256 "个字符" (counted as UTF-16 units); ext has no own limit, 2 KB total.
    assertThat(LIMITS.profileField(ProfileField.NICKNAME)).isEqualTo(LengthLimit.of(64, LengthUnit.UTF16_UNITS));
    assertThat(LIMITS.profileField(ProfileField.AVATAR_URL)).isEqualTo(LengthLimit.of(256, LengthUnit.UTF16_UNITS));
    assertThat(LIMITS.profileField(ProfileField.PHONE)).isEqualTo(LengthLimit.of(32, LengthUnit.UTF16_UNITS));
    assertThat(LIMITS.profileField(ProfileField.EXT)).isEqualTo(LengthLimit.of(2048, LengthUnit.BYTES));
    assertThat(LIMITS.profileTotalBytes()).isEqualTo(2048);
    assertThat(LIMITS.profileKeys()).containsExactly(
        entry(ProfileField.NICKNAME, "nickname"), entry(ProfileField.AVATAR_URL, "avatarurl"),
        entry(ProfileField.GENDER, "gender"), entry(ProfileField.SIGN, "sign"), entry(ProfileField.BIRTH, "birth"),
        entry(ProfileField.EMAIL, "mail"), entry(ProfileField.PHONE, "phone"), entry(ProfileField.EXT, "ext"));
    assertThat(LIMITS.reservedProfileKeys())
        .containsExactlyInAnyOrder("nickname", "avatarurl", "gender", "sign", "birth", "mail", "phone", "ext");
  }

  @Test
  void memberAttributeLimitsAreInBytes() {
    // facts §6: key ≤ 16 bytes, value ≤ 512 bytes ("字节"), 4 KB per member.
    assertThat(LIMITS.memberKey()).isEqualTo(LengthLimit.of(16, LengthUnit.BYTES));
    assertThat(LIMITS.memberValue()).isEqualTo(LengthLimit.of(512, LengthUnit.BYTES));
    assertThat(LIMITS.memberTotalBytes()).isEqualTo(4096);
  }

  @Test
  void batchAndListLimitsAreTheDocumentedOnes() {
    assertThat(LIMITS.profileBatchGet()).isEqualTo(100); // facts §2
    assertThat(LIMITS.memberSetBatch()).isEqualTo(20); // facts §6
    assertThat(LIMITS.memberGetBatch()).isEqualTo(10); // facts §6
    assertThat(LIMITS.remark()).isEqualTo(LengthLimit.of(100, LengthUnit.UTF16_UNITS)); // facts §1
    assertThat(LIMITS.blockListMax()).isEqualTo(500); // facts §3
    assertThat(LIMITS.pageSizeMax()).isEqualTo(50); // facts §3, §4
    assertThat(LIMITS.contactsMax()).isEqualTo(3000); // facts §4: the largest plan's cap
  }

  @Test
  void userIdsAreAtMost64AsciiCharactersOfTheDocumentedSet() {
    // facts §7: ≤ 64 bytes; a-z, 0-9, '_', '-', '.' (A-Z in older docs; lower-cased by the guard).
    assertThat(LIMITS.userId()).isEqualTo(IdRule.ascii(64, "A-Za-z0-9_.-"));
    assertThat(LIMITS.userId().violation("user_1.a-b")).isNull();
    assertThat(LIMITS.userId().violation("a".repeat(65))).isNotNull();
    assertThat(LIMITS.userId().violation("a@b")).isNotNull();
  }
}
