package io.imfacade.tck.smoke;

import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.inmemory.InMemoryHarness;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The TCK harness of every provider built in this repository, by provider id. A provider that is
 * on the classpath without an entry here fails {@link ProviderSmokeTest}: adding a provider means
 * adding its harness (and its {@code ImConformanceSuite} subclass).
 */
final class Harnesses {

  static final Map<String, Supplier<ProviderHarness>> BY_PROVIDER = Map.of(
      "inmemory", () -> new InMemoryHarness("portable"));

  private Harnesses() {}
}
