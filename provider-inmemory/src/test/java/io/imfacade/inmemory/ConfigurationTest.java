package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.inmemory.vendors.VendorA;
import io.imfacade.inmemory.vendors.VendorB;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfileService;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {

  @Test
  void imFacadeOpensAGuardedClientThatOfReaches() {
    assertThat(ImFacade.providers()).contains("inmemory");
    try (ImClient opened = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", "vendor-a"))) {
      assertThat(opened).isNotInstanceOf(InMemoryImClient.class);
      assertThat(opened.provider()).isEqualTo("inmemory");
      InMemoryImClient im = InMemoryImClient.of(opened);
      assertThat(InMemoryImClient.of(im)).isSameAs(im);
      assertThat(im.limits()).isSameAs(VendorA.LIMITS);

      Seed.users(im, "alice");
      opened.profiles().update("Alice", ProfileUpdate.builder().nickname("A").build());
      assertThat(im.profiles().get("alice").orElseThrow().nickname()).isEqualTo("A");

      opened.close();
      assertThatThrownBy(() -> Seed.users(im, "bob")).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> im.profiles().get("alice")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void ofRefusesAClientOfAnotherProvider() {
    ImClient other = new ImClient() {
      @Override
      public String provider() {
        return "vendor-a";
      }

      @Override
      public Set<Capability> capabilities() {
        return Set.of();
      }

      @Override
      public UserProfileService profiles() {
        throw new UnsupportedOperationException();
      }

      @Override
      public GroupMemberAttributes groupMemberAttributes() {
        throw new UnsupportedOperationException();
      }

      @Override
      public ContactGraph contacts() {
        throw new UnsupportedOperationException();
      }

      @Override
      public UserAccounts accounts() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Groups groups() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> InMemoryImClient.of(other))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("client"))
        .hasMessageContaining("'vendor-a'");
    assertThatThrownBy(() -> InMemoryImClient.of(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void defaultsArePortableLimitsAndRegisteredUsers() {
    try (InMemoryImClient client = InMemoryImClient.create()) {
      assertThat(client.limits().name()).isEqualTo("portable");
      assertThat(client.accounts().exists("alice")).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"portable", "vendor-b"})
  void portableAndVendorBLackCustomAttributesAndTotalSize(String limits) {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", limits))) {
      assertThat(client.capabilities()).containsExactlyInAnyOrder(
          Capability.GROUP_MEMBER_ATTRIBUTES, Capability.CONTACT_REMARK, Capability.BLOCK_LIST,
          Capability.ACCOUNT_PASSWORD, Capability.ACCOUNT_TOKEN);
      Seed.users(client, "alice");
      assertThatThrownBy(() -> client.profiles().update("alice", ProfileUpdate.builder().customAttribute("level", "3").build()))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageContaining(VendorB.NO_CUSTOM_ATTRIBUTES)
          .hasMessageContaining("inmemory.limits=" + limits);
      assertThat(client.profiles().get("alice")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"vendor-a", "none"})
  void vendorAAndNoneOfferEverything(String limits) {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", limits))) {
      assertThat(client.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
      Seed.users(client, "alice");
      client.profiles().update("alice", ProfileUpdate.builder().customAttribute("level", "3").build());
      assertThat(client.profiles().get("alice").orElseThrow().customAttributes()).containsExactly(Map.entry("level", "3"));
      assertThat(client.profiles().totalSizeBytes()).isEqualTo("{\"level\":\"3\"}".length());
    }
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
    assertThatThrownBy(() -> InMemoryImClient.create(Map.of("inmemory.limit", "vendor-a")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown configuration key 'inmemory.limit'");
  }

  @Test
  void otherProvidersKeysAreIgnoredSoSwitchingIsOneKey() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("vendor-a.appName", "demo", "tenant", "t1"))) {
      assertThat(client.provider()).isEqualTo("inmemory");
    }
  }

  @Test
  void createRefusesAnotherProvider() {
    assertThatThrownBy(() -> InMemoryImClient.create(Map.of("provider", "vendor-a")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'provider'");
  }

  @Test
  void createAcceptsProviderInmemory() {
    try (InMemoryImClient client = InMemoryImClient.create(Map.of("provider", "inmemory", "inmemory.limits", "vendor-b"))) {
      assertThat(client.limits()).isSameAs(VendorB.LIMITS);
      assertThat(client.metadata().id()).isEqualTo("inmemory");
    }
  }
}
