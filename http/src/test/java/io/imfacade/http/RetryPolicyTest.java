package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaults() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p).isEqualTo(RetryPolicy.of(3, Duration.ofMillis(200), Duration.ofSeconds(5)));
  }

  @Test
  void backoffIsJitteredBelowAnExponentialCeiling_thatIsCapped() {
    RetryPolicy p = RetryPolicy.of(10, Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(p.ceiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.ceiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.ceiling(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.ceiling(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.ceiling(10_000)).isEqualTo(Duration.ofSeconds(1));
    for (int failed = 1; failed <= 12; failed++) {
      for (int i = 0; i < 200; i++) {
        Duration d = p.backoff(failed, null);
        assertThat(d).isBetween(Duration.ZERO, p.ceiling(failed));
      }
    }
  }

  @Test
  void jitterSpreadsTheWaits() {
    RetryPolicy p = RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(1));
    long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> p.backoff(1, null)).distinct().count();
    assertThat(distinct).isGreaterThan(1);
  }

  @Test
  void retryAfterWins_evenAboveTheCap() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.backoff(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.backoff(1, Duration.ofSeconds(-3))).isEqualTo(Duration.ZERO);
  }

  @Test
  void zeroBackoff_isAllowed() {
    RetryPolicy p = RetryPolicy.of(2, Duration.ZERO, Duration.ZERO);
    assertThat(p.backoff(1, null)).isEqualTo(Duration.ZERO);
  }

  @Test
  void bounds() {
    assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.of(11, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofMillis(-1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0, null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(RetryPolicy.of(1, Duration.ZERO, Duration.ZERO).maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.of(10, Duration.ZERO, Duration.ZERO).maxAttempts()).isEqualTo(10);
  }
}
