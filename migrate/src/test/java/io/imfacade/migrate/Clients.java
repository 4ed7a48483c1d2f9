package io.imfacade.migrate;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import java.util.HashMap;
import java.util.Map;

/** The simulated vendor apps the migration tests run between, and clients of them. */
final class Clients {

  static final String EASEMOB_SECRET = "migrate-easemob-client-secret";
  static final String NETEASE_SECRET = "migrate-netease-app-secret";

  private Clients() {}

  static EasemobSimulatorExtension easemobSimulator() {
    return EasemobSimulatorExtension.easemob("org", "app").clientCredentials("migrate-client", EASEMOB_SECRET).build();
  }

  /** Without the simulator's per-endpoint rate limit: loopback is fast and the tests are not about it. */
  static NeteaseSimulatorExtension neteaseSimulator() {
    return NeteaseSimulatorExtension.app("migrateappkey", NETEASE_SECRET).requestsPerSecond(0).build();
  }

  /** An empty in-memory client offering every capability, without limits. */
  static ImClient inMemory() {
    return ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", "none"));
  }

  static Map<String, String> easemobConfig(EasemobSimulatorExtension sim) {
    Map<String, String> c = new HashMap<>(fast());
    c.putAll(Map.of("provider", "easemob", "easemob.baseUrl", sim.baseUrl(), "easemob.orgName", "org",
        "easemob.appName", "app", "easemob.clientId", "migrate-client", "easemob.clientSecret", EASEMOB_SECRET));
    return c;
  }

  static Map<String, String> neteaseConfig(NeteaseSimulatorExtension sim) {
    Map<String, String> c = new HashMap<>(fast());
    c.putAll(Map.of("provider", "netease", "netease.baseUrl", sim.baseUrl(), "netease.appKey", "migrateappkey",
        "netease.appSecret", NETEASE_SECRET));
    return c;
  }

  static ImClient easemob(EasemobSimulatorExtension sim) {
    return ImFacade.open(easemobConfig(sim));
  }

  static ImClient netease(NeteaseSimulatorExtension sim) {
    return ImFacade.open(neteaseConfig(sim));
  }

  /** Loopback answers fast; retries are kept short so that an outage surfaces quickly. */
  private static Map<String, String> fast() {
    return Map.of("rateLimit.requestsPerSecond", "5000", "retry.maxAttempts", "2", "retry.initialBackoffMs", "1",
        "retry.maxBackoffMs", "5");
  }
}
