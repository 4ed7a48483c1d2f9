package io.imfacade.spring.boot;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The health indicator against a healthy Easemob simulator: UP, from one probe for many requests. */
@SpringBootTest(classes = TestApplication.class, properties = "management.endpoint.health.show-details=always")
@ActiveProfiles("easemob")
@AutoConfigureMockMvc
class HealthUpTest {

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
  void upFromOneCheapReadThatIsCached() throws Exception {
    mvc.perform(get("/actuator/health/imfacade"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.details.provider").value("easemob"))
        .andExpect(jsonPath("$.details.error").doesNotExist());
    long requests = SIM.simulator().requests();
    Assertions.assertThat(requests).as("one read").isEqualTo(1);
    Assertions.assertThat(SIM.simulator().tokenRequests()).as("one token").isEqualTo(1);

    for (int i = 0; i < 5; i++) {
      mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.imfacade.status").value("UP"));
    }

    Assertions.assertThat(SIM.simulator().requests()).as("cached: no request for 30 s").isEqualTo(requests);
  }
}
