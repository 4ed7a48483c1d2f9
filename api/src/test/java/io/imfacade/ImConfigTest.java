package io.imfacade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImConfigTest {

  @Test
  void valuesAreTrimmedAndEmptyMeansAbsent() {
    ImConfig config = ImConfig.of(Map.of("provider", " easemob ", "tenant", "  "));
    assertThat(config.provider()).isEqualTo("easemob");
    assertThat(config.tenant()).isEmpty();
    assertThat(config.keys()).contains("tenant");
  }

  @Test
  void propertiesWithPrefixKeepOnlyPrefixedKeysWithoutThePrefix() {
    Properties p = new Properties();
    p.setProperty("im.provider", "netease");
    p.setProperty("im.netease.appKey", "k");
    p.setProperty("spring.datasource.url", "jdbc:x");
    ImConfig config = ImConfig.fromProperties(p, "im.");
    assertThat(config.asMap()).isEqualTo(Map.of("provider", "netease", "netease.appKey", "k"));
  }

  @Test
  void loadsUtf8PropertiesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("im.properties");
    Files.writeString(file, "# comment\nim.provider=inmemory\nim.tenant=租户一\n", StandardCharsets.UTF_8);
    ImConfig config = ImConfig.load(file, "im.");
    assertThat(config.provider()).isEqualTo("inmemory");
    assertThat(config.tenant()).contains("租户一");
  }

  @Test
  void missingFileIsAConfigurationError(@TempDir Path dir) {
    assertThatThrownBy(() -> ImConfig.load(dir.resolve("nope.properties"), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nope.properties");
  }

  @Test
  void typedGettersNameTheKeyOnBadValues() {
    ImConfig config = ImConfig.of(Map.of("http.readTimeoutMs", "soon", "retry.maxAttempts", "0", "rateLimit.requestsPerSecond", "-1"));
    assertThatThrownBy(() -> config.getMillis("http.readTimeoutMs", Duration.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'http.readTimeoutMs'")
        .hasMessageContaining("'soon'");
    assertThatThrownBy(() -> config.getLong("retry.maxAttempts", 3, 1, 10))
        .hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> config.getPositiveDouble("rateLimit.requestsPerSecond", 100))
        .hasMessageContaining("positive");
    assertThat(config.getInt("absent.key", 7)).isEqualTo(7);
  }

  @Test
  void choiceIsCaseInsensitiveAndListsAllowedValues() {
    ImConfig config = ImConfig.of(Map.of("inmemory.limits", "NetEase", "x.mode", "weird"));
    assertThat(config.getChoice("inmemory.limits", "portable", Set.of("portable", "netease"))).isEqualTo("netease");
    assertThatThrownBy(() -> config.getChoice("x.mode", "a", Set.of("a", "b")))
        .hasMessageContaining("one of [a, b]");
  }

  @Test
  void secretKeysAreRecognisedBySuffix() {
    assertThat(ImConfig.isSecretKey("easemob.clientSecret")).isTrue();
    assertThat(ImConfig.isSecretKey("easemob.appToken")).isTrue();
    assertThat(ImConfig.isSecretKey("shengwang.appCertificate")).isTrue();
    assertThat(ImConfig.isSecretKey("netease.appSecret")).isTrue();
    assertThat(ImConfig.isSecretKey("db.password")).isTrue();
    assertThat(ImConfig.isSecretKey("netease.appKey")).isFalse();
    assertThat(ImConfig.isSecretKey("easemob.clientId")).isFalse();
  }

  @Test
  void secretsNeverAppearInToStringOrErrors() {
    ImConfig config = ImConfig.of(Map.of(
        "provider", "easemob",
        "easemob.clientSecret", "YXA6-very-secret",
        "shengwang.appCertificate", "5CFd2fd1755d40ecb72977518be15d3b",
        "easemob.appToken", "not-a-number"));
    assertThat(config.toString())
        .contains("easemob.clientSecret=****")
        .doesNotContain("YXA6-very-secret")
        .doesNotContain("5CFd2fd1755d40ecb72977518be15d3b")
        .doesNotContain("not-a-number");
    assertThatThrownBy(() -> config.getInt("easemob.appToken", 0))
        .hasMessageContaining("'easemob.appToken'")
        .hasMessageNotContaining("not-a-number");
  }

  @Test
  void aPasswordInsideAUriIsASecretToo() {
    ImConfig config = ImConfig.of(Map.of(
        "provider", "netease",
        ImConfig.RATE_LIMIT_REDIS_URI, "redis://app:s3cr3t-pw@redis.internal:6380/2",
        ImConfig.RATE_LIMIT_REDIS_TIMEOUT_MS, "soon"));
    assertThat(config.toString())
        .contains("rateLimit.redis.uri=redis://****@redis.internal:6380/2")
        .doesNotContain("s3cr3t-pw");
    assertThat(config.secretValues()).containsExactlyInAnyOrder("app:s3cr3t-pw", "s3cr3t-pw");
    assertThat(config.get(ImConfig.RATE_LIMIT_REDIS_URI)).contains("redis://app:s3cr3t-pw@redis.internal:6380/2");
    ImConfig badUri = config.with(ImConfig.RATE_LIMIT_REDIS_URI, "redis://:pw/with@slash@host");
    assertThatThrownBy(() -> badUri.getLong(ImConfig.RATE_LIMIT_REDIS_URI, 0, 0, 1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'redis://****@host'")
        .hasMessageNotContaining("pw/with");
  }

  @Test
  void maskUserInfoMasksEveryUriAndLeavesOtherTextAlone() {
    assertThat(ImConfig.maskUserInfo("cannot reach redis://:pw@10.0.0.1:6379 or rediss://pw2@h/0 now"))
        .isEqualTo("cannot reach redis://****@10.0.0.1:6379 or rediss://****@h/0 now");
    assertThat(ImConfig.maskUserInfo("https://api.netease.im/nimserver")).isEqualTo("https://api.netease.im/nimserver");
    assertThat(ImConfig.maskUserInfo("alice@example.com")).isEqualTo("alice@example.com");
    assertThat(ImConfig.maskUserInfo(null)).isNull();
  }

  @Test
  void secretValuesListTheSecretKeysValues() {
    ImConfig config = ImConfig.of(Map.of("netease.appSecret", "abc-secret", "netease.appKey", "key", "tenant", ""));
    assertThat(config.secretValues()).containsExactly("abc-secret");
  }

  @Test
  void theRateLimitStoreKeysAreCommonKeys() {
    assertThat(ImConfig.COMMON_KEYS).contains("rateLimit.store", "rateLimit.redis.uri",
        "rateLimit.redis.fallbackShare", "rateLimit.redis.timeoutMs");
  }

  @Test
  void withAndBuilderMakeIndependentCopies() {
    ImConfig base = ImConfig.builder().provider("inmemory").set("tenant", "a").build();
    ImConfig changed = base.with("tenant", "b");
    assertThat(base.tenant()).contains("a");
    assertThat(changed.tenant()).contains("b");
    assertThat(base.with("tenant", null).keys()).doesNotContain("tenant");
    assertThat(base).isEqualTo(ImConfig.of(Map.of("provider", "inmemory", "tenant", "a")));
  }

  @Test
  void blankKeyIsRefused() {
    assertThatThrownBy(() -> ImConfig.of(Map.of(" ", "x"))).isInstanceOf(ConfigurationException.class);
  }
}
