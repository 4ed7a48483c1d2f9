package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading the provider and checking its configuration. */
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

  private ConfigurationException refused(Map<String, String> config) {
    Throwable thrown = catchThrowable(() -> ImFacade.open(ImConfig.of(config), context));
    assertThat(thrown).isInstanceOf(ConfigurationException.class);
    assertThat(thrown.getMessage()).doesNotContain(SECRET);
    return (ConfigurationException) thrown;
  }

  @Test
  void isFoundByServiceLoader() {
    assertThat(ImFacade.providers()).contains("netease");
    ImProvider provider = ServiceLoader.load(ImProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("netease")).findFirst().orElseThrow();
    assertThat(provider).isInstanceOf(NeteaseProvider.class);
    assertThat(provider.configKeys()).containsExactlyInAnyOrder("netease.baseUrl", "netease.appKey", "netease.appSecret");
    assertThat(provider.capabilities()).containsExactlyInAnyOrder(
        Capability.GROUP_MEMBER_ATTRIBUTES, Capability.CONTACT_REMARK, Capability.BLOCK_LIST);
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
    assertThat(refused(c).getMessage()).contains(key);
  }

  @Test
  void badValuesAreNamedAndTheSecretIsNeverShown() {
    Map<String, String> c = config();
    c.put("netease.appSecret", "s3cr3t\nvalue-never-shown");
    assertThat(refused(c).getMessage()).contains("netease.appSecret").contains("****");

    c = config();
    c.put("netease.appKey", "key with space");
    assertThat(refused(c).getMessage()).contains("netease.appKey");

    for (String url : new String[] {"ftp://example.com", "not a url", "https://api.netease.im/?a=b", "https://api-cn.yunxinapi.com/nimserver"}) {
      c = config();
      c.put("netease.baseUrl", url);
      assertThat(refused(c).getMessage()).contains("netease.baseUrl");
    }

    c = config();
    c.put("netease.appSecrett", "typo");
    assertThat(refused(c).getMessage()).contains("netease.appSecrett");

    c = config();
    c.put("rateLimit.requestsPerSecond", "-1");
    assertThat(refused(c).getMessage()).contains("rateLimit.requestsPerSecond");
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
