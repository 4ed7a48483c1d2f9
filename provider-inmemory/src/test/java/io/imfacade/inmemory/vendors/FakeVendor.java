package io.imfacade.inmemory.vendors;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;

/**
 * A vendor provider that only declares metadata, for the in-memory provider to emulate. Its limits
 * are made up, chosen so that each vendor is the strictest somewhere and counts in its own unit.
 */
public abstract class FakeVendor implements ImProvider {

  private final ProviderMetadata metadata;

  protected FakeVendor(ProviderMetadata metadata) {
    this.metadata = metadata;
  }

  @Override
  public final ProviderMetadata metadata() {
    return metadata;
  }

  @Override
  public final ProviderClient create(ImConfig config, ProviderContext context) {
    throw new ConfigurationException(metadata.id() + " is a fake vendor: the in-memory provider's tests only read its metadata");
  }
}
