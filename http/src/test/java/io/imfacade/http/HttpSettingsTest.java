package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

  private static ImConfig config(String... keysAndValues) {
    ImConfig.Builder b = ImConfig.builder().provider("easemob");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.set(keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }

  @Test
  void defaults() {
    HttpSettings s = HttpSettings.from(config(), 100);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.callTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(s.requestsPerSecond()).isEqualTo(100);
  }

  @Test
  void readsEveryKey() {
    HttpSettings s = HttpSettings.from(ImConfig.of(Map.of(
        "provider", "easemob",
        "http.connectTimeoutMs", "1000",
        "http.readTimeoutMs", "2000",
        "http.callTimeoutMs", "9000",
        "retry.maxAttempts", "1",
        "retry.initialBackoffMs", "50",
        "retry.maxBackoffMs", "400",
        "rateLimit.requestsPerSecond", "12.5")), 100);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.callTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(s.retryPolicy()).isEqualTo(RetryPolicy.of(1, Duration.ofMillis(50), Duration.ofMillis(400)));
    assertThat(s.requestsPerSecond()).isEqualTo(12.5);
    assertThat(s.toString()).contains("callTimeout=9000ms", "requestsPerSecond=12.5");
  }

  @Test
  void aLargeInitialBackoffAlone_raisesTheDefaultMax() {
    HttpSettings s = HttpSettings.from(config("retry.initialBackoffMs", "8000"), 100);
    assertThat(s.retryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(8));
  }

  @ParameterizedTest
  @CsvSource({
      "http.connectTimeoutMs, abc",
      "http.connectTimeoutMs, 0",
      "http.readTimeoutMs, -5",
      "http.callTimeoutMs, 99999999999",
      "retry.maxAttempts, 0",
      "retry.maxAttempts, 11",
      "retry.initialBackoffMs, 1.5",
      "retry.maxBackoffMs, 700000",
      "rateLimit.requestsPerSecond, 0",
      "rateLimit.requestsPerSecond, fast",
  })
  void aBadValue_namesItsKey(String key, String value) {
    assertThatThrownBy(() -> HttpSettings.from(config(key, value), 100))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'" + key + "'");
  }

  @Test
  void maxBackoffBelowInitial_namesTheKey() {
    assertThatThrownBy(() -> HttpSettings.from(config("retry.initialBackoffMs", "500", "retry.maxBackoffMs", "100"), 100))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'retry.maxBackoffMs'")
        .hasMessageContaining("retry.initialBackoffMs");
  }

  @Test
  void aBadVendorDefault_isAProgrammingError() {
    assertThatThrownBy(() -> HttpSettings.from(config(), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
