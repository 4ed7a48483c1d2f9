package io.imfacade.simulator.easemob;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.imfacade.simulator.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registered on an instance field, the extension runs a server per test. */
class EasemobPerTestExtensionTest {

  static final List<WireMockServer> SERVERS = new ArrayList<>();

  @RegisterExtension
  final EasemobSimulatorExtension sim = EasemobSimulatorExtension.easemob("org", "app").acceptToken(t -> true).build();

  @AfterAll
  static void serversWereStopped() {
    assertThat(SERVERS).hasSize(2).noneMatch(WireMockServer::isRunning);
  }

  @Test
  void first() throws Exception {
    check();
  }

  @Test
  void second() throws Exception {
    check();
  }

  private void check() throws Exception {
    SERVERS.add(sim.server());
    sim.simulator().createUsers("u");
    assertThat(Http.get(sim.baseUrl() + "/org/app/metadata/user/u").bearer("any").send().status).isEqualTo(200);
  }
}
