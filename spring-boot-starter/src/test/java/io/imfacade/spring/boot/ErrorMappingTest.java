package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/**
 * imfacade's exceptions through MockMvc: each one becomes RFC 9457 problem details with its status;
 * the vendor's failures come from the Easemob simulator's fault injection.
 */
@SpringBootTest(classes = TestApplication.class)
@ActiveProfiles("easemob")
@AutoConfigureMockMvc
@Import(ProfileTestController.class)
class ErrorMappingTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("yaml-org", "yaml-app")
      .clientCredentials("YXA6yaml-client", "yaml-client-secret")
      .build();

  @DynamicPropertySource
  static void simulator(DynamicPropertyRegistry registry) {
    registry.add("imfacade.easemob.base-url", SIM::baseUrl);
  }

  @Autowired
  MockMvc mvc;

  @Test
  void invalidRequestIs400WithTheField() throws Exception {
    mvc.perform(get("/users/{id}/profile", "not an id!"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:invalid-request"))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(jsonPath("$.field").value("userId"))
        .andExpect(jsonPath("$.provider").value("easemob"))
        .andExpect(jsonPath("$.operation").value("profiles.get"))
        .andExpect(jsonPath("$.tenant").value("yaml-tenant"))
        .andExpect(jsonPath("$.instance").value("/users/not%20an%20id!/profile"));
  }

  @Test
  void notFoundIs404() throws Exception {
    SIM.simulator().createUsers("ghost");

    mvc.perform(get("/users/ghost/profile"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:not-found"))
        .andExpect(jsonPath("$.detail").value("user ghost has no profile"))
        .andExpect(jsonPath("$.provider").value("easemob"));
  }

  @Test
  void rateLimitedIs429WithRetryAfterInWholeSeconds() throws Exception {
    SIM.simulator().createUsers("alice");
    SIM.simulator().faults().rateLimitNext(1, Duration.ofMillis(6200));

    mvc.perform(get("/users/alice/profile"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "7"))
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:rate-limited"))
        .andExpect(jsonPath("$.provider").value("easemob"))
        .andExpect(jsonPath("$.operation").value("profiles.get"))
        .andExpect(jsonPath("$.tenant").value("yaml-tenant"))
        .andExpect(jsonPath("$.vendorCode").isNotEmpty());
  }

  @Test
  void providerUnavailableIs503WithAFixedDetail() throws Exception {
    SIM.simulator().createUsers("alice");
    SIM.simulator().faults().failNext(1, 503);

    String body = mvc.perform(get("/users/alice/profile"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER))
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:provider-unavailable"))
        .andExpect(jsonPath("$.detail").value("The IM provider is unavailable; try again later."))
        .andExpect(jsonPath("$.provider").value("easemob"))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain("localhost").doesNotContain(String.valueOf(SIM.server().port()));
  }

  @Test
  void aProfileIsWrittenAndReadAsPlainJson() throws Exception {
    SIM.simulator().createUsers("alice");

    mvc.perform(put("/users/alice/profile").contentType(MediaType.APPLICATION_JSON)
            .content("{\"nickname\":\"Alice\",\"customAttributes\":{\"city\":\"Hangzhou\"}}"))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"userId\":\"alice\",\"nickname\":\"Alice\",\"customAttributes\":{\"city\":\"Hangzhou\"}}",
            JsonCompareMode.STRICT));
  }

  @ParameterizedTest
  @CsvSource({
      "conflict,    409, conflict",
      "quota,       422, quota-exceeded",
      "unsupported, 501, unsupported-capability",
      "auth,        502, provider-authentication",
      "feature,     502, feature-not-enabled",
      "unavailable, 503, provider-unavailable",
      "config,      500, configuration",
      "other,       500, error"})
  void everyNeutralExceptionHasItsStatus(String kind, int status, String type) throws Exception {
    mvc.perform(get("/fail/{kind}", kind))
        .andExpect(status().is(status))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:" + type))
        .andExpect(jsonPath("$.title").isNotEmpty())
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("s3cr3t-value"))))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("a1.internal.example"))));
  }

  @Test
  void theDetailsOfTheExceptionAreProperties() throws Exception {
    mvc.perform(get("/fail/conflict"))
        .andExpect(jsonPath("$.detail").value("the member's attributes changed concurrently"))
        .andExpect(jsonPath("$.provider").value("easemob"))
        .andExpect(jsonPath("$.operation").value("groupMemberAttributes.setAll"))
        .andExpect(jsonPath("$.tenant").value("acme"))
        .andExpect(jsonPath("$.vendorCode").value("vendor_code_x"));
  }
}
