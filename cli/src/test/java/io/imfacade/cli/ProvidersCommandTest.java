package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.ImFacade;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ProviderMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imfacade providers}: every provider's metadata, and never a configured value. */
class ProvidersCommandTest {

  /** Configured secrets (and one non-secret value) that the listing must not print. */
  private static final List<String> CONFIGURED_VALUES = List.of(
      "EASEMOB-SECRET-0001", "NETEASE-SECRET-0002", "SHENGWANG-CERT-0003", "FAKE-TOKEN-0004", "tenant-label-0005");

  @TempDir
  Path home;

  @TempDir
  Path dir;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
  }

  /** A configuration full of secrets, by file and by -D: the listing reads none of it. */
  private String[] withSecrets(String... command) throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, String.join("\n",
        "provider=easemob",
        "easemob.clientSecret=" + CONFIGURED_VALUES.get(0),
        "netease.appSecret=" + CONFIGURED_VALUES.get(1),
        "shengwang.appCertificate=" + CONFIGURED_VALUES.get(2)), StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("--config", file.toString(), "-D", "fake.appToken=" + CONFIGURED_VALUES.get(3),
        "-D", "tenant=" + CONFIGURED_VALUES.get(4)));
    args.addAll(List.of(command));
    return args.toArray(new String[0]);
  }

  @Test
  void everyProviderIsListedWithItsMetadata() throws Exception {
    Cli.Result r = cli.ok(withSecrets("providers"));

    Map<String, ProviderMetadata> all = ImFacade.metadata();
    assertThat(all).containsKeys("inmemory", "easemob", "shengwang", "netease", "fake");
    assertThat(r.lines()).as("one line holding the id alone per provider").containsAll(all.keySet());
    for (ProviderMetadata m : all.values()) {
      assertThat(r.out).contains("  name: " + m.name());
      for (ConfigKey key : m.configKeys()) {
        assertThat(r.lines()).as("the line of %s", key.name())
            .anySatisfy(line -> assertThat(line).startsWith("    " + key.name() + " (")
                .contains(key.required() ? "required" : "optional")
                .contains(key.description()));
      }
      m.unsupported().forEach((capability, reason) ->
          assertThat(r.out).contains("  not offered: " + capability.name() + ": " + reason));
    }
    assertThat(r.out)
        .contains("    easemob.baseUrl (required): ")
        .contains("    easemob.clientSecret (optional, secret): ")
        .contains("    netease.appSecret (required, secret): ")
        .contains("    netease.baseUrl (optional, default https://api.netease.im): ")
        .contains("    inmemory.limits (optional, default portable): ")
        .contains("  capabilities: PROFILE_TOTAL_SIZE, PROFILE_CUSTOM_ATTRIBUTES, GROUP_MEMBER_ATTRIBUTES, "
            + "CONTACT_REMARK, BLOCK_LIST")
        .contains("  default rate: 100 requests/s per app");
    CONFIGURED_VALUES.forEach(v -> assertThat(r.out + r.err).as("configured value %s", v).doesNotContain(v));
  }

  @Test
  void theJsonListingHasEveryKeyWithItsFlags() throws Exception {
    JsonNode json = cli.ok(withSecrets("providers", "--json")).json();

    JsonNode providers = json.get("providers");
    assertThat(providers).hasSize(ImFacade.metadata().size());
    JsonNode netease = find(providers, "netease");
    assertThat(netease.get("name").asText()).isEqualTo(ImFacade.metadata("netease").orElseThrow().name());
    assertThat(netease.get("capabilities").toString()).contains("GROUP_MEMBER_ATTRIBUTES").doesNotContain("PROFILE_TOTAL_SIZE");
    assertThat(netease.get("unsupported").get("PROFILE_TOTAL_SIZE").asText()).isNotBlank();
    assertThat(netease.get("defaultRequestsPerSecond").asDouble()).isEqualTo(100);
    JsonNode secret = find(netease.get("configKeys"), "netease.appSecret");
    assertThat(secret.get("required").asBoolean()).isTrue();
    assertThat(secret.get("secret").asBoolean()).isTrue();
    JsonNode baseUrl = find(netease.get("configKeys"), "netease.baseUrl");
    assertThat(baseUrl.get("secret").asBoolean()).isFalse();
    assertThat(baseUrl.get("default").asText()).isEqualTo("https://api.netease.im");
    JsonNode token = find(find(providers, "fake").get("configKeys"), "fake.appToken");
    assertThat(token.get("secret").asBoolean()).isTrue();
    assertThat(find(providers, "inmemory").get("unsupported")).isEmpty();
    CONFIGURED_VALUES.forEach(v -> assertThat(json.toString()).as("configured value %s", v).doesNotContain(v));
  }

  @Test
  void idsOnlyPrintsOneIdPerLine() {
    assertThat(cli.ok("providers", "--ids").lines()).containsExactlyElementsOf(ImFacade.metadata().keySet());
    assertThat(cli.ok("providers", "--ids", "--json").json().get("providers").toString())
        .isEqualTo("[\"easemob\",\"fake\",\"inmemory\",\"netease\",\"shengwang\"]");
  }

  private static JsonNode find(JsonNode array, String idOrName) {
    for (JsonNode n : array) {
      JsonNode id = n.has("id") ? n.get("id") : n.get("name");
      if (id.asText().equals(idOrName)) {
        return n;
      }
    }
    throw new AssertionError(idOrName + " not in " + array);
  }
}
