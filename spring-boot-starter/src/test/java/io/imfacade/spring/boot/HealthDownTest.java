package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The health indicator against a NetEase simulator that fails (fault injection): DOWN with the
 * neutral exception's type, no secret, and the failure cached like a success.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "management.endpoint.health.show-details=always",
    "imfacade.provider=netease",
    "imfacade.netease.app-key=health-app",
    "imfacade.netease.app-secret=health-secret-value",
    "imfacade.retry.max-attempts=1"})
@AutoConfigureMockMvc
class HealthDownTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app("health-app", "health-secret-value").build();

  @DynamicPropertySource
  static void simulator(DynamicPropertyRegistry registry) {
    registry.add("imfacade.netease.base-url", SIM::baseUrl);
  }

  @Autowired
  MockMvc mvc;

  @Test
  void downWhileTheVendorFailsWithTheNeutralTypeAndNoSecret() throws Exception {
    SIM.simulator().faults().failNext(1, 502);

    String body = mvc.perform(get("/actuator/health/imfacade"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.status").value("DOWN"))
        .andExpect(jsonPath("$.details.provider").value("netease"))
        .andExpect(jsonPath("$.details.error").value("ProviderUnavailableException"))
        .andExpect(jsonPath("$.details.httpStatus").value(502))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain("health-secret-value").doesNotContain("localhost");
    long requests = SIM.simulator().requests();

    SIM.simulator().faults().clear();
    mvc.perform(get("/actuator/health/imfacade")).andExpect(jsonPath("$.status").value("DOWN"));

    assertThat(SIM.simulator().requests()).as("the DOWN result is cached too").isEqualTo(requests);
  }
}
