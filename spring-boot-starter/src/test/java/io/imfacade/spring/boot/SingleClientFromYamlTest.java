package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.event.CallEvent;
import io.imfacade.event.ImListener;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One client from {@code application-easemob.yml}, talking to the Easemob simulator (WireMock on
 * Jetty 12, under the Spring Boot BOM) through the auto-configured {@link ImClient}.
 */
@SpringBootTest(classes = TestApplication.class)
@ActiveProfiles("easemob")
class SingleClientFromYamlTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("yaml-org", "yaml-app")
      .clientCredentials("YXA6yaml-client", "yaml-client-secret")
      .build();

  @DynamicPropertySource
  static void simulator(DynamicPropertyRegistry registry) {
    registry.add("imfacade.easemob.base-url", SIM::baseUrl);
  }

  @Autowired
  ImClient client;

  @Autowired
  ProviderContext context;

  @Test
  void theYamlConfiguresAnEasemobClientThatTalksToTheVendor() {
    SIM.simulator().createUsers("alice");

    client.profiles().update("Alice", ProfileUpdate.builder().nickname("Alice").customAttribute("city", "Hangzhou").build());

    assertThat(client.provider()).isEqualTo("easemob");
    assertThat(SIM.simulator().userMetadata("alice")).containsEntry("nickname", "Alice").containsEntry("city", "Hangzhou");
    assertThat(client.profiles().get("alice")).get().extracting(UserProfile::nickname).isEqualTo("Alice");
    // org-name (kebab), appName (camel) and the client credentials reached the vendor: a token was issued.
    assertThat(SIM.simulator().tokenRequests()).isEqualTo(1);
  }

  @Test
  void theTenantLabelOfTheYamlTravelsWithEveryException() {
    assertThatThrownBy(() -> client.profiles().get("not an id!"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.details().tenant()).contains("yaml-tenant");
          assertThat(e.provider()).contains("easemob");
        });
  }

  @Test
  void theClientIsOpenedWithTheSharedContextBean() {
    List<CallEvent> heard = new CopyOnWriteArrayList<>();
    ImListener listener = heard::add;
    context.addListener(listener);
    try {
      client.profiles().get("bob");
    } finally {
      context.removeListener(listener);
    }
    assertThat(heard).singleElement().satisfies(event -> {
      assertThat(event.operation()).isEqualTo("profiles.get");
      assertThat(event.tenant()).isEqualTo("yaml-tenant");
    });
  }
}
