package io.imfacade.spi;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import java.util.Set;

/**
 * A provider of {@link ImClient}s for one vendor, found through {@link java.util.ServiceLoader}: a
 * jar registers its implementation in {@code META-INF/services/io.imfacade.spi.ImProvider}.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe and must not do
 * I/O before {@link #create}.
 */
public interface ImProvider {

  /** The id users put in {@code provider=...}: lower case, no dots. */
  String id();

  /** Every optional operation this provider can offer; a client may offer fewer. */
  Set<Capability> capabilities();

  /**
   * The provider's own configuration keys, each starting with {@code id() + "."}. Keys outside
   * this set and {@link ImConfig#COMMON_KEYS} are refused before {@link #create} is called.
   */
  Set<String> configKeys();

  /**
   * Builds a client. The configuration's keys have been checked; values and required keys are
   * the provider's to check, with {@link io.imfacade.error.ConfigurationException}s that name the
   * key (see {@link ImConfig#require} and {@link ImConfig#invalid}).
   *
   * @param config the client's configuration
   * @param context resources shared between clients: clock, connection pool, rate limiters
   */
  ImClient create(ImConfig config, ProviderContext context);
}
