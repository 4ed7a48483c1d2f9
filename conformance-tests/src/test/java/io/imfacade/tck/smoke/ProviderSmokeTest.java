package io.imfacade.tck.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.spi.ImProvider;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.remote.Simulators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loads every {@link ImProvider} on the classpath the way {@link ImFacade} does. A provider that
 * fails to load, is missing from {@link ImFacade#providers()}, or has no TCK harness fails here:
 * none of them may silently drop out of the conformance run.
 */
class ProviderSmokeTest {

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB = Simulators.easemob();

  @RegisterExtension
  static final EasemobSimulatorExtension SHENGWANG = Simulators.shengwang();

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE = Simulators.netease();

  private static final Map<String, Supplier<ProviderHarness>> HARNESSES =
      Harnesses.byProvider(EASEMOB, SHENGWANG, NETEASE);

  /** The providers found by ServiceLoader, by id; every failure to load is a test failure. */
  private static Map<String, ImProvider> loadAll() {
    Map<String, ImProvider> loaded = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Iterator<ServiceLoader.Provider<ImProvider>> it = ServiceLoader.load(ImProvider.class).stream().iterator();
    while (true) {
      ServiceLoader.Provider<ImProvider> p;
      try {
        if (!it.hasNext()) {
          break;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        failures.add("a registered provider cannot be found: " + e);
        break;
      }
      try {
        ImProvider provider = p.get();
        ImProvider previous = loaded.put(provider.id(), provider);
        if (previous != null) {
          failures.add("two providers with id '" + provider.id() + "': " + previous.getClass().getName()
              + " and " + provider.getClass().getName());
        }
      } catch (ServiceConfigurationError | RuntimeException e) {
        failures.add(p.type().getName() + " failed to load: " + e);
      }
    }
    assertThat(failures).as("providers that failed to load").isEmpty();
    return loaded;
  }

  @Test
  void everyRegisteredProviderLoadsAndIsListedByTheFacade() {
    Map<String, ImProvider> loaded = loadAll();

    assertThat(loaded).as("providers on the test classpath")
        .containsKeys("inmemory", "easemob", "shengwang", "netease");
    assertThat(ImFacade.providers()).isEqualTo(loaded.keySet());
    loaded.forEach((id, provider) -> {
      assertThat(id).as("id of %s", provider.getClass().getName()).matches("[a-z0-9_-]+");
      assertThat(provider.capabilities()).as("capabilities of %s", id).isNotNull();
      assertThat(provider.configKeys()).as("config keys of %s", id).allMatch(k -> k.startsWith(id + "."));
    });
  }

  @Test
  void everyHarnessBelongsToALoadedProvider() {
    assertThat(loadAll().keySet()).containsAll(HARNESSES.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyProviderOpensAClientThroughItsHarness() {
    return loadAll().values().stream().map(provider -> DynamicTest.dynamicTest(provider.id(), () -> {
      Supplier<ProviderHarness> factory = HARNESSES.get(provider.id());
      if (factory == null) {
        fail("provider '" + provider.id() + "' (" + provider.getClass().getName()
            + ") has no TCK harness: register one in " + Harnesses.class.getName());
      }
      try (ProviderHarness harness = factory.get(); ImClient client = harness.openClient()) {
        assertThat(harness.providerId()).isEqualTo(provider.id());
        assertThat(client.provider()).isEqualTo(provider.id());
        assertThat(provider.capabilities()).as("the provider's capabilities").containsAll(client.capabilities());
      }
    }));
  }
}
