package io.imfacade.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.spring.boot.ImfacadeProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** From {@code imfacade.*} properties, in each relaxed form, to the client's flat keys. */
class ClientConfigsTest {

  @Test
  void kebabCaseCamelCaseAndEnvironmentVariablesAllReachTheSameKeys() {
    ImConfig kebab = bind(Map.of(
        "imfacade.provider", "easemob",
        "imfacade.easemob.base-url", "https://a1.easemob.com",
        "imfacade.easemob.org-name", "org",
        "imfacade.easemob.client-secret", "s3cret"));
    ImConfig camel = bind(Map.of(
        "imfacade.provider", "easemob",
        "imfacade.easemob.baseUrl", "https://a1.easemob.com",
        "imfacade.easemob.orgName", "org",
        "imfacade.easemob.clientSecret", "s3cret"));
    ImConfig env = bindEnvironment(Map.of(
        "IMFACADE_PROVIDER", "easemob",
        "IMFACADE_EASEMOB_BASEURL", "https://a1.easemob.com",
        "IMFACADE_EASEMOB_ORGNAME", "org",
        "IMFACADE_EASEMOB_CLIENTSECRET", "s3cret"));

    assertThat(kebab.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "provider", "easemob", "easemob.baseUrl", "https://a1.easemob.com", "easemob.orgName", "org",
        "easemob.clientSecret", "s3cret"));
    assertThat(camel).isEqualTo(kebab);
    assertThat(env).isEqualTo(kebab);
  }

  @Test
  void everyProviderBlockAndCommonSettingHasItsKey() {
    ImConfig config = bind(Map.ofEntries(
        Map.entry("imfacade.tenant", "acme"),
        Map.entry("imfacade.shengwang.app-id", "0123456789abcdef0123456789abcdef"),
        Map.entry("imfacade.shengwang.app-certificate", "c"),
        Map.entry("imfacade.netease.app-key", "k"),
        Map.entry("imfacade.netease.app-secret", "s"),
        Map.entry("imfacade.inmemory.users", "auto"),
        Map.entry("imfacade.http.connect-timeout", "2s"),
        Map.entry("imfacade.http.read-timeout", "1500ms"),
        Map.entry("imfacade.http.call-timeout", "1m"),
        Map.entry("imfacade.retry.max-attempts", "4"),
        Map.entry("imfacade.retry.initial-backoff", "100ms"),
        Map.entry("imfacade.retry.max-backoff", "2s"),
        Map.entry("imfacade.rate-limit.requests-per-second", "12.5"),
        Map.entry("imfacade.rate-limit.store", "redis"),
        Map.entry("imfacade.rate-limit.redis.uri", "redis://:pw@localhost:6379"),
        Map.entry("imfacade.rate-limit.redis.timeout", "250ms")));

    assertThat(config.asMap()).containsAllEntriesOf(Map.ofEntries(
        Map.entry("tenant", "acme"),
        Map.entry("shengwang.appId", "0123456789abcdef0123456789abcdef"),
        Map.entry("shengwang.appCertificate", "c"),
        Map.entry("netease.appKey", "k"),
        Map.entry("netease.appSecret", "s"),
        Map.entry("inmemory.users", "auto"),
        Map.entry("http.connectTimeoutMs", "2000"),
        Map.entry("http.readTimeoutMs", "1500"),
        Map.entry("http.callTimeoutMs", "60000"),
        Map.entry("retry.maxAttempts", "4"),
        Map.entry("retry.initialBackoffMs", "100"),
        Map.entry("retry.maxBackoffMs", "2000"),
        Map.entry("rateLimit.requestsPerSecond", "12.5"),
        Map.entry("rateLimit.store", "redis"),
        Map.entry("rateLimit.redis.uri", "redis://:pw@localhost:6379"),
        Map.entry("rateLimit.redis.timeoutMs", "250")));
    assertThat(config.toString()).doesNotContain("pw@");
  }

  @Test
  void theFreeMapTakesAnyKeyAndTurnsKebabSegmentsIntoCamelCase() {
    ImConfig config = bind(Map.of(
        "imfacade.provider", "acme",
        "imfacade.config.[acme.apiKey]", "k1",
        "imfacade.config.[acme.region-name]", "eu",
        "imfacade.config.acme.plain", "p"));

    assertThat(config.asMap()).containsEntry("acme.apiKey", "k1").containsEntry("acme.regionName", "eu")
        .containsEntry("acme.plain", "p");
  }

  @Test
  void aKeySetTwiceIsRefused() {
    assertThatThrownBy(() -> bind(Map.of(
        "imfacade.easemob.org-name", "one",
        "imfacade.config.[easemob.org-name]", "two")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("easemob.orgName");
  }

  @Test
  void unsetPropertiesAreLeftOutForTheProvidersDefaults() {
    assertThat(bind(Map.of("imfacade.provider", "inmemory")).keys()).containsExactly("provider");
  }

  @Test
  void camelCaseOfSegments() {
    assertThat(ClientConfigs.camelCase("rate-limit.requests-per-second")).isEqualTo("rateLimit.requestsPerSecond");
    assertThat(ClientConfigs.camelCase("acme.apiKey")).isEqualTo("acme.apiKey");
  }

  private static ImConfig bind(Map<String, String> properties) {
    Binder binder = new Binder(new MapConfigurationPropertySource(properties));
    return ClientConfigs.of(binder.bindOrCreate("imfacade", Bindable.of(ImfacadeProperties.class)));
  }

  private static ImConfig bindEnvironment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    return ClientConfigs.of(binder.bindOrCreate("imfacade", Bindable.of(ImfacadeProperties.class)));
  }
}
