package io.imfacade.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.group.BatchResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorModelTest {

  @Test
  void messageCarriesProviderOperationStatusAndVendorCode() {
    ErrorDetails details = ErrorDetails.builder().provider("easemob").operation("profiles.update")
        .httpStatus(403).vendorCode("FORBIDDEN").vendorMessage("user metadata service not allow").requestId("r-1").build();
    FeatureNotEnabledException e = new FeatureNotEnabledException("feature off", details);
    assertThat(e.getMessage())
        .isEqualTo("[easemob] profiles.update: feature off (HTTP 403) [vendor code FORBIDDEN: user metadata service not allow] [request id r-1]");
    assertThat(e.plainMessage()).isEqualTo("feature off");
    assertThat(e.httpStatus()).hasValue(403);
    assertThat(e.vendorCode()).contains("FORBIDDEN");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void rateLimitedIsAlwaysRetryableAndKeepsTheWait() {
    RateLimitedException e = new RateLimitedException("slow down", ErrorDetails.builder().vendorCode("416").build(), Duration.ofSeconds(10), null);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
  }

  @Test
  void batchResultRefusesAMemberInBothMaps() {
    assertThatThrownBy(() -> new BatchResult(Map.of("u", Map.of("k", "v")), Map.of("u", new NotFoundException("x"))))
        .isInstanceOf(IllegalArgumentException.class);
    BatchResult r = new BatchResult(Map.of("a", Map.of("k", "v")), Map.of("b", new NotFoundException("user not in group")));
    assertThat(r.allSucceeded()).isFalse();
    assertThat(r.toString()).contains("b=user not in group");
  }
}
