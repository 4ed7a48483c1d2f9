package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The health indicator when the vendor refuses the configured credentials: DOWN, and the secret nowhere. */
@SpringBootTest(classes = TestApplication.class, properties = {
    "management.endpoint.health.show-details=always",
    "imfacade.easemob.client-secret=wrong-secret-value"})
@ActiveProfiles("easemob")
@AutoConfigureMockMvc
class HealthBadCredentialsTest {

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
  void downWithAuthenticationExceptionAndNoSecret() throws Exception {
    String body = mvc.perform(get("/actuator/health"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.status").value("DOWN"))
        .andExpect(jsonPath("$.components.imfacade.status").value("DOWN"))
        .andExpect(jsonPath("$.components.imfacade.details.error").value("AuthenticationException"))
        .andReturn().getResponse().getContentAsString();

    assertThat(body).doesNotContain("wrong-secret-value").doesNotContain("yaml-client-secret");
    long tokenRequests = SIM.simulator().tokenRequests();
    assertThat(tokenRequests).as("one probe, one token attempt").isEqualTo(1);

    mvc.perform(get("/actuator/health/imfacade")).andExpect(jsonPath("$.status").value("DOWN"));

    assertThat(SIM.simulator().tokenRequests()).as("no new token attempt within the cache period").isEqualTo(tokenRequests);
    assertThat(SIM.simulator().requests()).as("no API request without a token").isZero();
  }
}
