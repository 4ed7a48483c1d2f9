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
    // facts §5: nickname ≤ 64, avatarurl ≤ 256, phone ≤ 32, mail ≤ 64, sign ≤ 256, birth ≤ 64 "个字符", counting
    // not documented and the enforcing 403 speaks of Bytes: N bytes is within N under every
    // reading (code points ≤ UTF-16 units ≤ bytes), so N bytes. ext has no own limit, 2 KB total.
    assertThat(LIMITS.profileField(ProfileField.NICKNAME)).isEqualTo(LengthLimit.of(64, LengthUnit.BYTES));
    assertThat(LIMITS.profileField(ProfileField.AVATAR_URL)).isEqualTo(LengthLimit.of(256, LengthUnit.BYTES));
    assertThat(LIMITS.profileField(ProfileField.PHONE)).isEqualTo(LengthLimit.of(32, LengthUnit.BYTES));
    assertThat(LIMITS.profileField(ProfileField.EMAIL)).isEqualTo(LengthLimit.of(64, LengthUnit.BYTES));
    assertThat(LIMITS.profileField(ProfileField.SIGN)).isEqualTo(LengthLimit.of(256, LengthUnit.BYTES));
    assertThat(LIMITS.profileField(ProfileField.BIRTH)).isEqualTo(LengthLimit.of(64, LengthUnit.BYTES));
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
    // facts §1: "100 个字符", counting not documented: 100 bytes, within 100 under every reading.
    assertThat(LIMITS.remark()).isEqualTo(LengthLimit.of(100, LengthUnit.BYTES));
    assertThat(LIMITS.blockListMax()).isEqualTo(500); // facts §3
    assertThat(LIMITS.pageSizeMax()).isEqualTo(50); // facts §3, §4
    assertThat(LIMITS.contactsMax()).isEqualTo(3000); // facts §4: the largest plan's cap
  }

  @Test
  void accountAndGroupLimitsAreTheDocumentedOnes() {
    assertThat(LIMITS.accountBatch()).isEqualTo(60); // facts §11: ≤ 60 users per registration
    // facts §11: "不可超过 64 个字符", counting not documented: 64 bytes, within 64 in every unit.
    assertThat(LIMITS.password()).isEqualTo(LengthLimit.of(64, LengthUnit.BYTES));
    // facts §12: groupname ≤ 128, description ≤ 512 "字符": bytes, as above.
    assertThat(LIMITS.groupName()).isEqualTo(LengthLimit.of(128, LengthUnit.BYTES));
    assertThat(LIMITS.groupDescription()).isEqualTo(LengthLimit.of(512, LengthUnit.BYTES));
    assertThat(LIMITS.groupMembersBatch()).isEqualTo(60); // facts §12: add ≤ 60, "kickMembers ... maxSize : 60"
    assertThat(LIMITS.groupSizeMax()).isEqualTo(3000); // facts §12: flagship plan
    assertThat(LIMITS.password().violation("中".repeat(22))).isEqualTo("66 bytes, over the limit of 64 bytes");
  }

  /** Issue 8 item 7: 33 emoji are 132 bytes, and the message names the unit it counted, not "characters". */
  @Test
  void messagesNameTheUnitTheValueBroke() {
    String emoji = "\uD83D\uDE00";
    assertThat(LIMITS.profileField(ProfileField.NICKNAME).violation(emoji.repeat(33)))
        .isEqualTo("132 bytes, over the limit of 64 bytes");
    assertThat(LIMITS.profileField(ProfileField.NICKNAME).violation(emoji.repeat(16) + "a"))
        .isEqualTo("65 bytes, over the limit of 64 bytes");
    assertThat(LIMITS.profileField(ProfileField.NICKNAME).violation(emoji.repeat(16))).isNull();
    assertThat(LIMITS.profileField(ProfileField.NICKNAME).violation("中".repeat(21) + "a")).isNull();
    assertThat(LIMITS.remark().violation("a".repeat(101))).isEqualTo("101 bytes, over the limit of 100 bytes");
    assertThat(LIMITS.remark().violation("é".repeat(51))).isEqualTo("102 bytes, over the limit of 100 bytes");
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
