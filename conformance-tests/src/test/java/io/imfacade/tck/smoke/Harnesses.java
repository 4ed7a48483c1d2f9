package io.imfacade.tck.smoke;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.inmemory.InMemoryHarness;
import io.imfacade.tck.remote.EasemobFamilyHarness;
import io.imfacade.tck.remote.NeteaseHarness;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The TCK harness of every provider built in this repository, by provider id. A provider that is
 * on the classpath without an entry here fails {@link ProviderSmokeTest}: adding a provider means
 * adding its harness (and its {@code ImConformanceSuite} subclass).
 */
final class Harnesses {

  /** The harnesses, the remote ones against the given simulators. */
  static Map<String, Supplier<ProviderHarness>> byProvider(
      EasemobSimulatorExtension easemob, EasemobSimulatorExtension shengwang, NeteaseSimulatorExtension netease) {
    return Map.of(
        "inmemory", () -> new InMemoryHarness("portable"),
        "easemob", () -> EasemobFamilyHarness.easemob(easemob),
        "shengwang", () -> EasemobFamilyHarness.shengwang(shengwang),
        "netease", () -> new NeteaseHarness(netease));
  }

  private Harnesses() {}
}
