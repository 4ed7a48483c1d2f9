package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.ImClient;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many tenants (one NetEase app each) in one JVM, sharing one provider context and its connection
 * pool: every request is signed with its own tenant's key and secret, never another's.
 */
@Timeout(120)
class MultiTenantTest {

  private static final int TENANTS = 24;
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static String key(int tenant) {
    return "tenant" + tenant + "key";
  }

  private static String secret(int tenant) {
    return "secret-of-tenant-" + tenant;
  }

  private static void runAll(List<Callable<Void>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Void>> futures = pool.invokeAll(work);
      for (Future<Void> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * 24 tenants, 5 calls each, all at once against one server: each captured request names a user
   * of the tenant whose AppKey it carries, and its CheckSum verifies with that tenant's secret.
   */
  @Test
  void everyRequestIsSignedWithItsOwnTenantsKey() throws Exception {
    WM.stubFor(post(anyUrl()).willReturn(okJson("{\"code\":200,\"uinfos\":[]}")));
    try (ProviderContext context = ProviderContext.create()) {
      List<ImClient> clients = new ArrayList<>();
      for (int t = 0; t < TENANTS; t++) {
        clients.add(TestClients.to(WM.baseUrl()).app(key(t), secret(t)).set("tenant", "t" + t).open(context));
      }
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < TENANTS; t++) {
        ImClient client = clients.get(t);
        String user = "user-of-" + t;
        for (int i = 0; i < 5; i++) {
          work.add(() -> {
            client.profiles().get(user);
            return null;
          });
        }
      }
      runAll(work);
      clients.forEach(ImClient::close);
    }

    List<ServeEvent> events = WM.getAllServeEvents();
    assertThat(events).hasSize(TENANTS * 5);
    Map<String, Integer> perTenant = new HashMap<>();
    for (ServeEvent event : events) {
      LoggedRequest request = event.getRequest();
      String accids = Wiretap.form(request).get("accids");
      int tenant = Integer.parseInt(JSON.readTree(accids).get(0).asText().substring("user-of-".length()));
      Wiretap.assertSigned(request, key(tenant), secret(tenant));
      perTenant.merge(key(tenant), 1, Integer::sum);
    }
    assertThat(perTenant).hasSize(TENANTS).allSatisfy((k, n) -> assertThat(n).isEqualTo(5));
  }

  /**
   * 20 tenants, each with its own simulated app (which refuses any other key or secret), writing
   * and reading in parallel: every call succeeds, and each app holds only its own tenant's data.
   */
  @Test
  void twentyTenantsAgainstTheirOwnSimulatedApps() throws Exception {
    int tenants = 20;
    List<NeteaseSimulator> sims = new ArrayList<>();
    List<WireMockServer> servers = new ArrayList<>();
    try (ProviderContext context = ProviderContext.create()) {
      for (int t = 0; t < tenants; t++) {
        NeteaseSimulator sim = NeteaseSimulator.builder().appKey(key(t)).appSecret(secret(t)).build();
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
            .containerThreads(10).jettyAcceptors(1).extensions(sim));
        server.start();
        servers.add(server);
        sim.install(server);
        sim.createUsers("alice", "bob");
        sims.add(sim);
      }
      List<ImClient> clients = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        clients.add(TestClients.to("http://127.0.0.1:" + servers.get(t).port()).app(key(t), secret(t)).open(context));
      }
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        ImClient client = clients.get(t);
        String name = "alice of tenant " + t;
        work.add(() -> {
          client.profiles().update("alice", ProfileUpdate.builder().nickname(name).build());
          assertThat(client.profiles().get("alice").orElseThrow().nickname()).isEqualTo(name);
          client.contacts().addContact("alice", "bob");
          client.contacts().block("alice", List.of("bob"));
          return null;
        });
      }
      runAll(work);
      clients.forEach(ImClient::close);

      for (int t = 0; t < tenants; t++) {
        NeteaseSimulator sim = sims.get(t);
        assertThat(sim.userCard("alice")).as("tenant %d", t).containsEntry("name", "alice of tenant " + t);
        assertThat(sim.friendsOf("alice")).containsExactly("bob");
        assertThat(sim.blockListOf("alice")).containsExactly("bob");
        // update, get, add, and for the block: the list, the existence probe, the write.
        assertThat(sim.requests()).as("requests of tenant %d", t).isEqualTo(6);
        assertThat(sim.rateLimitedRequests()).isZero();
      }
    } finally {
      servers.forEach(WireMockServer::stop);
    }
  }
}
