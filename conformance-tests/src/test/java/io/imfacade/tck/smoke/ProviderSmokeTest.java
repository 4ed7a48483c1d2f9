package io.imfacade.tck.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.remote.Simulators;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

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
    return loadAll(Thread.currentThread().getContextClassLoader());
  }

  private static Map<String, ImProvider> loadAll(ClassLoader loader) {
    Map<String, ImProvider> loaded = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Iterator<ServiceLoader.Provider<ImProvider>> it = ServiceLoader.load(ImProvider.class, loader).stream().iterator();
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
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
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
    assertThat(ImFacade.metadata().keySet()).as("ids of ImFacade.metadata()").isEqualTo(loaded.keySet());
    loaded.forEach((id, provider) -> {
      ProviderMetadata metadata = provider.metadata();
      assertThat(id).as("id of %s", provider.getClass().getName()).matches("[a-z0-9_-]+");
      assertThat(metadata.id()).as("metadata().id() of %s", provider.getClass().getName()).isEqualTo(id);
      assertThat(ImFacade.metadata(id)).as("ImFacade.metadata(%s)", id).contains(metadata);
      assertThat(metadata.capabilities()).as("capabilities of %s", id).isNotNull();
      assertThat(metadata.limits()).as("limits of %s", id).isNotNull();
      assertThat(metadata.configKeyNames()).as("config keys of %s", id).allMatch(k -> k.startsWith(id + "."));
      metadata.unsupported().forEach((capability, reason) ->
          assertThat(reason).as("%s: reason %s is not offered", id, capability).isNotBlank());
    });
  }

  /**
   * The check above is not vacuous: a registered provider that cannot describe itself, or whose
   * class is missing, fails it (here in a class loader of its own, so that the real run stays clean).
   */
  @Test
  void aProviderThatFailsToLoadFailsTheSmokeTest(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/" + ImProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, BrokenProvider.class.getName() + "\nio.imfacade.nowhere.MissingProvider\n");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> loadAll(loader))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("providers that failed to load")
          .hasMessageContaining(BrokenProvider.class.getName())
          .hasMessageContaining("io.imfacade.nowhere.MissingProvider");
    }
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
        assertThat(provider.metadata().capabilities()).as("the provider's capabilities")
            .containsAll(client.capabilities());
        assertThat(client.metadata().id()).as("the client's metadata").isEqualTo(provider.id());
      }
    }));
  }
}
