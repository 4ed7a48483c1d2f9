package io.imfacade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImFacadeTest {

  @Test
  void findsProvidersThroughServiceLoader() {
    assertThat(ImFacade.providers()).contains("recording");
  }

  @Test
  void opensTheProviderNamedInTheConfiguration() {
    try (ImClient client = ImFacade.open(Map.of("provider", "recording", "recording.endpoint", "x"))) {
      assertThat(client.provider()).isEqualTo("recording");
      assertThat(RecordingProvider.LAST_CONFIG.get().require("recording.endpoint")).isEqualTo("x");
    }
  }

  @Test
  void unknownProviderListsTheProvidersFound() {
    assertThatThrownBy(() -> ImFacade.open(Map.of("provider", "nosuch")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown provider 'nosuch'")
        .hasMessageContaining("recording");
  }

  @Test
  void aRegistrationThatCannotLoadIsReportedWithoutHidingTheOthers() {
    assertThat(ImFacade.providers()).containsExactly("recording");
    assertThatThrownBy(() -> ImFacade.open(Map.of("provider", "nosuch")))
        .hasMessageContaining("failed to load")
        .hasMessageContaining("io.imfacade.NoSuchProvider");
  }

  @Test
  void missingProviderKeyIsNamed() {
    assertThatThrownBy(() -> ImFacade.open(Map.of("tenant", "t1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'provider'");
  }

  @Test
  void missingRequiredProviderKeyIsNamed() {
    assertThatThrownBy(() -> ImFacade.open(Map.of("provider", "recording")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'recording.endpoint'");
  }

  @Test
  void unknownKeyIsNamedWithoutEchoingAnyValue() {
    assertThatThrownBy(() -> ImFacade.open(Map.of(
            "provider", "recording", "recording.endpoint", "x",
            "recording.clientSecret", "s3cr3t-value", "recording.typo", "also-secret")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'recording.typo'")
        .hasMessageNotContaining("s3cr3t-value")
        .hasMessageNotContaining("also-secret");
  }

  @Test
  void keyWithoutNamespaceIsUnknown() {
    assertThatThrownBy(() -> ImFacade.open(Map.of("provider", "recording", "recording.endpoint", "x", "timeout", "5")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'timeout'");
  }

  @Test
  void unknownKeyInACommonNamespaceIsNamed() {
    assertThatThrownBy(() -> ImFacade.open(Map.of("provider", "recording", "recording.endpoint", "x", "http.readTimeout", "5")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'http.readTimeout'");
  }

  @Test
  void metadataOfEveryProviderIsReadable() {
    assertThat(ImFacade.metadata()).containsOnlyKeys("recording");
    assertThat(ImFacade.metadata("recording")).contains(RecordingProvider.METADATA);
    assertThat(ImFacade.metadata("nosuch")).isEmpty();
  }

  @Test
  void everyClientIsGuardedAndUnwrapsToTheProvidersObject() {
    try (ImClient client = ImFacade.open(Map.of("provider", "recording", "recording.endpoint", "x"))) {
      assertThat(client.capabilities()).doesNotContain(Capability.PROFILE_TOTAL_SIZE).contains(Capability.BLOCK_LIST);
      assertThat(client.unwrap(RecordingProvider.Services.class)).isSameAs(RecordingProvider.LAST_CLIENT.get());
      assertThatThrownBy(() -> client.unwrap(String.class)).isInstanceOf(io.imfacade.error.InvalidRequestException.class);
    }
  }

  @Test
  void keysOfOtherProvidersAreIgnoredSoSwitchingIsOneKey() {
    try (ImClient client = ImFacade.open(Map.of(
        "provider", "recording", "recording.endpoint", "x",
        "easemob.clientSecret", "abc", "netease.appKey", "k", "http.readTimeoutMs", "1000"))) {
      assertThat(client.provider()).isEqualTo("recording");
    }
  }
}
