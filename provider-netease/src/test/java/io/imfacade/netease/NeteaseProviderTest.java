package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.profile.ProfileField;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading the provider, its metadata and limits, and checking its configuration. */
class NeteaseProviderTest {

  private static final String SECRET = "s3cr3t-value-never-shown";

  private ProviderContext context;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
  }

  @AfterEach
  void close() {
    context.close();
  }

  private static Map<String, String> config() {
    Map<String, String> c = new HashMap<>();
    c.put("provider", "netease");
    c.put("netease.appKey", "key");
    c.put("netease.appSecret", SECRET);
    return c;
  }

  private void assertRefusedNaming(Map<String, String> config, String key) {
    assertThatThrownBy(() -> ImFacade.open(ImConfig.of(config), context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(key)
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void isFoundByServiceLoaderWithItsMetadata() {
    ImProvider provider = ServiceLoader.load(ImProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("netease")).findFirst().orElseThrow();
    ProviderMetadata metadata = provider.metadata();

    assertThat(provider).isInstanceOf(NeteaseProvider.class);
    assertThat(ImFacade.metadata("netease")).contains(metadata);
    assertThat(metadata.id()).isEqualTo("netease");
    assertThat(metadata.name()).contains("NetEase");
    assertThat(metadata.configKeys()).containsExactly(
        ConfigKey.withDefault("netease.baseUrl", "https://api.netease.im",
            "the API host with its scheme, without /nimserver (the client adds it)"),
        ConfigKey.required("netease.appKey", "the app key, sent as the AppKey header"),
        ConfigKey.required("netease.appSecret", "the app secret every request's CheckSum is computed with"));
    assertThat(metadata.capabilities()).containsExactlyInAnyOrder(
        Capability.GROUP_MEMBER_ATTRIBUTES, Capability.CONTACT_REMARK, Capability.BLOCK_LIST,
        Capability.ACCOUNT_PASSWORD, Capability.ACCOUNT_TOKEN);
    assertThat(metadata.unsupported()).containsOnlyKeys(Capability.PROFILE_CUSTOM_ATTRIBUTES, Capability.PROFILE_TOTAL_SIZE,
        Capability.ACCOUNT_DELETE);
    assertThat(metadata.unsupported().get(Capability.PROFILE_CUSTOM_ATTRIBUTES)).contains("ext");
    // §5: no account deletion in v1 or v2, only disabling.
    assertThat(metadata.unsupported().get(Capability.ACCOUNT_DELETE))
        .contains("cannot delete accounts").contains("user/block.action");
    assertThat(metadata.defaultRequestsPerSecond()).hasValue(100);
    assertThat(metadata.limits().name()).isEqualTo("netease");
  }

  /** The limits against vendor-simulators/evidence/netease-facts.md, literal values with their sections. */
  @Test
  void theLimitsAreTheDocumentedOnes() {
    VendorLimits limits = NeteaseProvider.METADATA.limits();

    // §3 updateUinfo (seed 003): "字符" has no counting rule: UTF-16 code units, the stricter of the
    // two character readings (never fewer than code points); icon is stated in "字节", bytes.
    // Literal values (maxBytes, maxUtf16Units, maxCodePoints), not LengthLimit.of(...).
    int none = Integer.MAX_VALUE;
    assertThat(limits.profileField(ProfileField.NICKNAME)).isEqualTo(new LengthLimit(none, 64, none));
    assertThat(limits.profileField(ProfileField.AVATAR_URL)).isEqualTo(new LengthLimit(1024, none, none));
    assertThat(limits.profileField(ProfileField.BIRTH)).isEqualTo(new LengthLimit(none, 16, none));
    assertThat(limits.profileField(ProfileField.SIGN)).isEqualTo(new LengthLimit(none, 256, none));
    assertThat(limits.profileField(ProfileField.EMAIL)).isEqualTo(new LengthLimit(none, 64, none));
    assertThat(limits.profileField(ProfileField.PHONE)).isEqualTo(new LengthLimit(none, 32, none));
    assertThat(limits.profileField(ProfileField.EXT)).isEqualTo(new LengthLimit(none, 1024, none));
    assertThat(limits.profileField(ProfileField.NICKNAME)).hasToString("64 UTF-16 code units");
    // Issue 8 item 7: 33 emoji are 66 UTF-16 code units (over 64) but 33 code points; the message names the unit.
    assertThat(limits.profileField(ProfileField.NICKNAME).violation("😀".repeat(33)))
        .isEqualTo("66 UTF-16 code units, over the limit of 64 UTF-16 code units");
    assertThat(limits.profileField(ProfileField.NICKNAME).violation("😀".repeat(32))).isNull();
    assertThat(limits.profileField(ProfileField.NICKNAME).violation("张".repeat(64))).as("64 CJK: 192 bytes, not counted").isNull();
    assertThat(limits.profileField(ProfileField.AVATAR_URL).violation("https://e.cn/" + "头".repeat(337))).isNull();
    assertThat(limits.profileField(ProfileField.AVATAR_URL).violation("https://e.cn/" + "头".repeat(337) + "a"))
        .isEqualTo("1025 bytes, over the limit of 1024 bytes");
    assertThat(limits.profileKeys()).as("no custom attributes, no total: no storage keys").isEmpty();
    assertThat(limits.profileTotalBytes()).isEqualTo(Integer.MAX_VALUE);
    assertThat(limits.profileBatchGet()).as("§3 getUinfos").isEqualTo(200);
    // §6 updateTeamNick: custom ≤ 1024 bytes, shared by all of a member's attributes.
    assertThat(limits.memberTotalBytes()).isEqualTo(1024);
    assertThat(limits.memberKey()).isEqualTo(LengthLimit.NONE);
    assertThat(limits.memberValue()).isEqualTo(LengthLimit.NONE);
    // §1 alias 128, friend cap 3000; §2 block list 3000.
    // alias: "128 位字符" (v2 doc), characters: UTF-16 units as above.
    assertThat(limits.remark()).isEqualTo(new LengthLimit(none, 128, none));
    assertThat(limits.contactsMax()).isEqualTo(3000);
    assertThat(limits.blockListMax()).isEqualTo(3000);
    // §4 accid: 32 of letters, digits, _ @ . -
    assertThat(limits.userId().maxLength()).isEqualTo(32);
    assertThat(limits.userId().violation("a_b@c.d-9")).isNull();
    assertThat(limits.userId().violation("a".repeat(33))).isNotNull();
    assertThat(limits.userId().violation("a+b")).isNotNull();
    assertThat(limits.userId().violation("张三")).isNotNull();
    // §5 accounts: no batch create (one user per user/create); token "最大长度128字符": UTF-16 units.
    assertThat(limits.accountBatch()).isEqualTo(1);
    assertThat(limits.password()).isEqualTo(new LengthLimit(none, 128, none));
    // §6 team/create: tname 64 字符, intro 512 字符; add/kick at most 200 per call; members + owner ≤ 200.
    assertThat(limits.groupName()).isEqualTo(new LengthLimit(none, 64, none));
    assertThat(limits.groupDescription()).isEqualTo(new LengthLimit(none, 512, none));
    assertThat(limits.groupMembersBatch()).isEqualTo(200);
    assertThat(limits.groupSizeMax()).isEqualTo(200);
    // §6 tid: a Long.
    assertThat(limits.groupId().violation("9223372036854775807")).isNull();
    assertThat(limits.groupId().violation("12345678901234567890")).isNotNull();
    assertThat(limits.groupId().violation("team-1")).isNotNull();
  }

  @Test
  void opensWithTheDefaultHostWithoutIo() {
    try (ImClient client = ImFacade.open(ImConfig.of(config()), context)) {
      assertThat(client.provider()).isEqualTo("netease");
      assertThat(client.toString()).contains("key").doesNotContain(SECRET);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"netease.appKey", "netease.appSecret"})
  void aMissingCredentialIsNamed(String key) {
    Map<String, String> c = config();
    c.remove(key);
    assertRefusedNaming(c, key);
  }

  @Test
  void aSecretWithALineBreakIsRefusedWithoutShowingIt() {
    Map<String, String> c = config();
    c.put("netease.appSecret", "s3cr3t\nvalue-never-shown");
    assertThatThrownBy(() -> ImFacade.open(ImConfig.of(c), context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("netease.appSecret")
        .hasMessageContaining("****")
        .hasMessageNotContaining("value-never-shown");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com", "not a url", "https://api.netease.im/?a=b",
      "https://api-cn.yunxinapi.com/nimserver", "https://api-cn.yunxinapi.com/nimserver/"})
  void aBadBaseUrlIsNamed(String url) {
    Map<String, String> c = config();
    c.put("netease.baseUrl", url);
    assertRefusedNaming(c, "netease.baseUrl");
  }

  @Test
  void otherBadValuesAreNamed() {
    Map<String, String> c = config();
    c.put("netease.appKey", "key with space");
    assertRefusedNaming(c, "netease.appKey");

    Map<String, String> typo = config();
    typo.put("netease.appSecrett", "typo");
    assertRefusedNaming(typo, "netease.appSecrett");

    Map<String, String> rate = config();
    rate.put("rateLimit.requestsPerSecond", "-1");
    assertRefusedNaming(rate, "rateLimit.requestsPerSecond");
  }

  @Test
  void keysOfOtherProvidersAreIgnored() {
    Map<String, String> c = config();
    c.put("easemob.orgName", "org");
    try (ImClient client = ImFacade.open(ImConfig.of(c), context)) {
      assertThat(client.provider()).isEqualTo("netease");
    }
  }
}
