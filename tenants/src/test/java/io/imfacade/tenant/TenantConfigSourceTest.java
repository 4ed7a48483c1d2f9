package io.imfacade.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigSourceTest {

  @Test
  void fromMapsTakesANullOrEmptyMapForAnUnknownTenant() {
    Map<String, Map<String, String>> rows = new HashMap<>();
    rows.put("acme", Map.of("provider", "easemob", "easemob.appName", "acme"));
    rows.put("empty", Map.of());
    TenantConfigSource source = TenantConfigSource.fromMaps(rows::get);

    assertThat(source.config("acme")).contains(ImConfig.of(Map.of("provider", "easemob", "easemob.appName", "acme")));
    assertThat(source.config("empty")).isEmpty();
    assertThat(source.config("ghost")).isEmpty();
  }

  @Test
  void fromPropertiesTakesEachTenantsBlock() {
    Properties p = new Properties();
    p.setProperty("tenants.acme.provider", "easemob");
    p.setProperty("tenants.acme.easemob.appKey", "1100#acme");
    p.setProperty("tenants.acmecorp.provider", "netease");
    p.setProperty("tenants.globex.provider", "inmemory");
    p.setProperty("other.acme.provider", "x");
    TenantConfigSource source = TenantConfigSource.fromProperties(p);

    assertThat(source.config("acme")).contains(ImConfig.of(Map.of("provider", "easemob", "easemob.appKey", "1100#acme")));
    assertThat(source.config("globex")).contains(ImConfig.of(Map.of("provider", "inmemory")));
    assertThat(source.config("ghost")).isEmpty();
    assertThat(source.config("acme.easemob")).as("an id with a dot is ambiguous, so unknown").isEmpty();

    // Read on each lookup: a change shows.
    p.setProperty("tenants.ghost.provider", "inmemory");
    assertThat(source.config("ghost")).isPresent();
  }

  @Test
  void aPrefixWithoutADotGetsOne() {
    Properties p = new Properties();
    p.setProperty("im.tenants.acme.provider", "inmemory");
    assertThat(TenantConfigSource.fromProperties(p, "im.tenants").config("acme"))
        .contains(ImConfig.of(Map.of("provider", "inmemory")));
  }

  @Test
  void fromFileReadsTheFileAgainOnEachLookup(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tenants.properties");
    Files.writeString(file, "tenants.acme.provider=inmemory\ntenants.acme.inmemory.users=auto\n", StandardCharsets.UTF_8);
    TenantConfigSource source = TenantConfigSource.fromFile(file);
    assertThat(source.config("acme").orElseThrow().get("inmemory.users")).contains("auto");

    Files.writeString(file, "tenants.acme.provider=inmemory\ntenants.acme.inmemory.users=registered\n", StandardCharsets.UTF_8);
    assertThat(source.config("acme").orElseThrow().get("inmemory.users")).contains("registered");
  }

  @Test
  void anUnreadableFileIsAConfigurationFailure(@TempDir Path dir) {
    TenantConfigSource source = TenantConfigSource.fromFile(dir.resolve("missing.properties"));
    assertThatThrownBy(() -> source.config("acme")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("missing.properties");
  }

  @Test
  void aRegistryOverAFilePicksUpARotation(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tenants.properties");
    Files.writeString(file, "tenants.acme.provider=inmemory\ntenants.acme.inmemory.limits=none\n", StandardCharsets.UTF_8);
    try (ImTenants tenants = ImTenants.builder(TenantConfigSource.fromFile(file)).build()) {
      assertThat(tenants.client("acme").provider()).isEqualTo("inmemory");
      assertThat(tenants.refresh("acme")).isFalse();
      Files.writeString(file, "tenants.acme.provider=inmemory\ntenants.acme.inmemory.limits=none\n"
          + "tenants.acme.inmemory.users=auto\n", StandardCharsets.UTF_8);
      assertThat(tenants.refresh("acme")).isTrue();
      assertThat(tenants.client("acme").profiles().get("anyone")).isEmpty();
    }
  }
}
