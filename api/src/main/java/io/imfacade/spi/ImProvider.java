package io.imfacade.spi;

import io.imfacade.ImConfig;

/**
 * A provider of clients for one vendor, found through {@link java.util.ServiceLoader}: a jar
 * registers its implementation in {@code META-INF/services/io.imfacade.spi.ImProvider}. Adding the
 * jar is all a user does to add the provider.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe and must not do
 * I/O before {@link #create}.
 */
public interface ImProvider {

  /** What the provider declares about itself: id, configuration keys, capabilities, limits. */
  ProviderMetadata metadata();

  /**
   * The metadata that holds for a client opened with {@code config}: by default {@link
   * #metadata()}. A provider whose limits or capabilities depend on the configuration (the
   * in-memory provider's {@code inmemory.limits}) answers the narrower value here; the guard
   * enforces it.
   *
   * @throws io.imfacade.error.ConfigurationException naming the key of a bad value
   */
  default ProviderMetadata metadata(ImConfig config) {
    return metadata();
  }

  /** The provider id, {@code metadata().id()}. */
  default String id() {
    return metadata().id();
  }

  /**
   * Builds the provider's side of a client. The configuration's keys have been checked against
   * {@link ProviderMetadata#configKeys()}; values and required combinations are the provider's to
   * check, with {@link io.imfacade.error.ConfigurationException}s that name the key (see {@link
   * ImConfig#require} and {@link ImConfig#invalid}).
   *
   * @param config the client's configuration
   * @param context resources shared between clients: clock, connection pool, rate limiters
   */
  ProviderClient create(ImConfig config, ProviderContext context);
}
