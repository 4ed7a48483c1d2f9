/**
 * The service provider interface: {@link io.imfacade.spi.ImProvider} (found by {@link
 * java.util.ServiceLoader}), which describes itself with one {@link
 * io.imfacade.spi.ProviderMetadata} (id, configuration keys, capabilities, {@link
 * io.imfacade.spi.VendorLimits}) and builds a {@link io.imfacade.spi.ProviderClient}; the shared
 * {@link io.imfacade.spi.ProviderContext}. The neutral guard of {@link io.imfacade.ImFacade#open}
 * enforces the metadata, so a provider receives clean input only.
 */
@NullMarked
package io.imfacade.spi;

import org.jspecify.annotations.NullMarked;
