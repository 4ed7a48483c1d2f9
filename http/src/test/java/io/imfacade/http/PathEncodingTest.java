package io.imfacade.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An id goes into a Retrofit {@code @Path} as one encoded segment, or not at all. */
class PathEncodingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a/../b?x#y%2F | /items/a%2F..%2Fb%3Fx%23y%252F",
      "../admin      | /items/..%2Fadmin",
      "a/b           | /items/a%2Fb",
      "%2e%2e        | /items/%252e%252e",
      "ü id          | /items/%C3%BC%20id",
  })
  void anIdStaysOneEncodedSegment(String id, String expectedPath) {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"x\"}")));
    try (Rig rig = Rig.to(wm.baseUrl() + "/").build()) {
      rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, id));
    }
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getUrl()).isEqualTo(expectedPath);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void aDotSegment_isRefusedBeforeSending(String id) {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    try (Rig rig = Rig.to(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, id)))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.provider()).hasValue("testvendor");
            assertThat(e.isRetryable()).isFalse();
          });
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aBaseUrlWithAPathPrefix_keepsIt() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    try (Rig rig = Rig.to(wm.baseUrl() + "/app-id/abc/").build()) {
      rig.executor.execute(Operation.idempotent("items.get"), tag -> rig.api.get(tag, "u/1"));
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl())).get(0).getUrl()).isEqualTo("/app-id/abc/items/u%2F1");
  }
}
