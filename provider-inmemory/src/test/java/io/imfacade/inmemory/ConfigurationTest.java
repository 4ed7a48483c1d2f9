package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.VendorLimits;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {

  @Test
  void imFacadeFindsTheProviderAndReturnsTheConcreteClient() {
    assertThat(ImFacade.providers()).contains("inmemory");
    try (ImClient client = ImFacade.open(Map.of("provider", "inmemory"))) {
      assertThat(client).isInstanceOf(InMemoryImClient.class);
      assertThat(client.provider()).isEqualTo("inmemory");
    }
  }

  @Test
  void providerDeclaresItsKeysAndEveryCapability() {
    InMemoryProvider provider = new InMemoryProvider();
    assertThat(provider.id()).isEqualTo("inmemory");
    assertThat(provider.configKeys()).containsExactlyInAnyOrder("inmemory.limits", "inmemory.users", "inmemory.file");
    assertThat(provider.capabilities()).containsExactlyInAnyOrder(Capability.values());
  }

  @Test
  void defaultsArePortableLimitsAndRegisteredUsers() {
    try (InMemoryImClient client = InMemoryImClient.create()) {
      assertThat(client.limits()).isSameAs(VendorLimits.PORTABLE);
      assertThat(client.admin().userExists("alice")).isFalse();
    }
  }

  @Test
  void limitsValueIsCaseInsensitive() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "EaseMob"))) {
      assertThat(client.limits()).isSameAs(VendorLimits.EASEMOB);
    }
  }

  @Test
  void eachLimitsValueSelectsItsPreset() {
    Map<String, VendorLimits> expected = Map.of(
        "portable", VendorLimits.PORTABLE, "easemob", VendorLimits.EASEMOB, "shengwang", VendorLimits.SHENGWANG,
        "netease", VendorLimits.NETEASE, "none", VendorLimits.NONE);
    expected.forEach((value, limits) -> {
      try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", value))) {
        assertThat(client.limits()).isSameAs(limits);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"portable", "netease"})
  void portableAndNeteaseLackCustomAttributesAndTotalSize(String limits) {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", limits))) {
      assertThat(client.capabilities()).containsExactlyInAnyOrder(
          Capability.GROUP_MEMBER_ATTRIBUTES, Capability.CONTACT_REMARK, Capability.BLOCK_LIST);
      client.admin().createUsers("alice");

      assertThatThrownBy(() -> client.profiles().update("alice", ProfileUpdate.builder().customAttribute("level", "3").build()))
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
            assertThat(e.capability()).isEqualTo(Capability.PROFILE_CUSTOM_ATTRIBUTES);
            assertThat(e.provider()).contains("inmemory");
          })
          .hasMessageContaining("NetEase user cards have no custom attributes")
          .hasMessageContaining("inmemory.limits=" + limits);
      assertThatThrownBy(() -> client.profiles().totalSizeBytes())
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
              e -> assertThat(e.capability()).isEqualTo(Capability.PROFILE_TOTAL_SIZE))
          .hasMessageContaining("inmemory.limits=" + limits);
      assertThat(client.profiles().get("alice")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"easemob", "shengwang", "none"})
  void easemobShengwangAndNoneOfferEverything(String limits) {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", limits))) {
      assertThat(client.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
      client.admin().createUsers("alice");
      client.profiles().update("alice", ProfileUpdate.builder().customAttribute("level", "3").build());
      assertThat(client.profiles().get("alice").orElseThrow().customAttributes()).containsExactly(Map.entry("level", "3"));
      assertThat(client.profiles().totalSizeBytes()).isEqualTo("{\"level\":\"3\"}".length());
    }
  }

  @Test
  void badLimitsValueNamesTheKeyAndTheChoices() {
    assertThatThrownBy(() -> InMemoryImClient.create(Map.of("inmemory.limits", "strict")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("inmemory.limits")
        .hasMessageContaining("'strict'")
        .hasMessageContaining("portable");
  }

  @Test
  void badUsersValueNamesTheKey() {
    assertThatThrownBy(() -> InMemoryImClient.create(Map.of("inmemory.users", "maybe")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("inmemory.users")
        .hasMessageContaining("registered");
  }

  @Test
  void unknownKeyIsRefusedLikeThroughImFacade() {
    assertThatThrownBy(() -> InMemoryImClient.create(Map.of("inmemory.limit", "easemob")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown configuration key 'inmemory.limit'");
  }

  @Test
  void otherProvidersKeysAreIgnoredSoSwitchingIsOneKey() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("easemob.appName", "demo", "tenant", "t1"))) {
      assertThat(client.provider()).isEqualTo("inmemory");
    }
  }

  @Test
  void createRefusesAnotherProvider() {
    assertThatThrownBy(() -> InMemoryImClient.create(Map.of("provider", "easemob")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'provider'");
  }

  @Test
  void createAcceptsProviderInmemory() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("provider", "inmemory", "inmemory.limits", "netease"))) {
      assertThat(client.limits()).isSameAs(VendorLimits.NETEASE);
    }
  }
}
