/**
 * The service provider interface: {@link io.imfacade.spi.ImProvider} (found by {@link
 * java.util.ServiceLoader}), the shared {@link io.imfacade.spi.ProviderContext}, and the vendor
 * limits and input checks every provider applies the same way.
 */
package io.imfacade.spi;
