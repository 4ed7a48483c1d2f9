package example.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import kotlin.KotlinVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The app against the Easemob simulator, on the library versions Spring Boot manages: WireMock's
 * Jetty 12 under Boot's Jetty, Retrofit/OkHttp on Boot's Kotlin stdlib, the model's JSON on Boot's
 * Jackson.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BootAppTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("demo-org", "demo-app")
      .clientCredentials("YXA6demo-client", "demo-secret")
      .build();

  @DynamicPropertySource
  static void simulator(DynamicPropertyRegistry registry) {
    registry.add("imfacade.easemob.base-url", SIM::baseUrl);
  }

  @Autowired
  MockMvc mvc;

  @Test
  void aProfileGoesToTheVendorAndBackAsPlainJson() throws Exception {
    SIM.simulator().createUsers("alice");

    mvc.perform(put("/users/alice/profile").contentType(MediaType.APPLICATION_JSON).content("{\"nickname\":\"Alice\"}"))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"userId\":\"alice\",\"nickname\":\"Alice\"}", true));

    assertThat(SIM.simulator().userMetadata("alice")).containsEntry("nickname", "Alice");
  }

  @Test
  void vendorFailuresAreProblemDetails() throws Exception {
    SIM.simulator().createUsers("bob");
    SIM.simulator().faults().rateLimitNext(1, Duration.ofSeconds(3));

    mvc.perform(get("/users/bob/profile"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "3"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.provider").value("easemob"));

    mvc.perform(get("/users/{id}/profile", "not an id!"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("userId"));
  }

  @Autowired
  MeterRegistry meters;

  @Test
  void healthAndMetricsAreThere() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.imfacade.status").value("UP"));

    assertThat(meters.find("imfacade.calls").tag("operation", "profiles.get").timer()).isNotNull();
  }

  @Test
  void theVersionsUnderTestAreBoots() {
    // This app runs Boot's Jackson and Kotlin, not the ones imfacade was built with.
    assertThat(ObjectMapper.class.getPackage().getImplementationVersion()).startsWith("2.19.");
    assertThat(KotlinVersion.CURRENT.toString()).startsWith("1.9.");
  }
}
