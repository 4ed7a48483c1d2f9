package io.imfacade.tck.smoke;

import io.imfacade.ImConfig;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;

/**
 * A provider that cannot describe itself, as a jar with a broken static initialiser or a missing
 * dependency would: {@link #metadata()} throws. Never registered on the test class path; {@link
 * ProviderSmokeTest} registers it in a class loader of its own to prove that it fails the smoke test.
 */
public final class BrokenProvider implements ImProvider {

  /** Needed by {@link java.util.ServiceLoader}. */
  public BrokenProvider() {}

  @Override
  public ProviderMetadata metadata() {
    throw new IllegalStateException("the provider's metadata could not be built");
  }

  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    throw new IllegalStateException("never opened: the provider does not load");
  }
}
