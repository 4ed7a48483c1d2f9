package io.imfacade;

import io.imfacade.error.ConfigurationException;
import io.imfacade.internal.GuardedClient;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link ImClient}s. The provider is chosen by the configuration key {@code provider} among
 * the {@link ImProvider}s on the classpath, and every client it returns is wrapped in the neutral
 * guard (see {@link ImClient}).
 *
 * <pre>{@code
 * try (ImClient im = ImFacade.open(Map.of("provider", "inmemory"))) {
 *   im.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());
 * }
 * }</pre>
 *
 * <p><b>Configuration keys</b> are checked before the provider is called: the common keys ({@link
 * ImConfig#COMMON_KEYS}) and the chosen provider's keys are accepted, an unknown key in those
 * namespaces fails with a {@link ConfigurationException} naming it, and keys in any other
 * namespace (another provider's, say {@code netease.appKey} while {@code provider=easemob}) are
 * ignored, so that switching vendor is a change of {@code provider} alone.
 */
public final class ImFacade {

  private static final Logger LOG = LoggerFactory.getLogger(ImFacade.class);

  private ImFacade() {}

  /** Opens a client from a flat configuration map (see {@link ImConfig}). */
  public static ImClient open(Map<String, String> config) {
    return open(ImConfig.of(config));
  }

  /** Opens a client that shares the JVM-wide {@link ProviderContext#defaultContext()}. */
  public static ImClient open(ImConfig config) {
    return open(config, ProviderContext.defaultContext());
  }

  /**
   * Opens a client that shares the resources of {@code context} (connection pool, rate limiters)
   * with the other clients opened with it.
   *
   * @throws ConfigurationException if the provider is unknown (the message lists the ids found),
   *     a key is unknown or a required key is missing
   */
  public static ImClient open(ImConfig config, ProviderContext context) {
    ImProvider provider = provider(config.provider());
    ProviderMetadata declared = provider.metadata();
    checkKeys(config, declared);
    ProviderMetadata metadata = provider.metadata(config);
    if (!metadata.id().equals(declared.id())) {
      throw new ConfigurationException("provider " + declared.id() + " answered metadata of '" + metadata.id() + "'");
    }
    ProviderClient client = provider.create(config, context);
    if (client == null) {
      throw new ConfigurationException("provider " + declared.id() + " created no client");
    }
    LOG.debug("opened {} client{}", declared.id(), config.tenant().map(t -> " for tenant " + t).orElse(""));
    return new GuardedClient(metadata, client, config.tenant().orElse(null), context);
  }

  /** The ids of the providers found on the classpath, sorted. */
  public static Set<String> providers() {
    return Collections.unmodifiableSet(new TreeSet<>(Registry.INSTANCE.providers.keySet()));
  }

  /** The metadata of every provider found on the classpath, by id, sorted. */
  public static Map<String, ProviderMetadata> metadata() {
    Map<String, ProviderMetadata> all = new TreeMap<>();
    Registry.INSTANCE.providers.forEach((id, p) -> all.put(id, p.metadata()));
    return Collections.unmodifiableMap(all);
  }

  /** The metadata of the provider {@code id}, if it is on the classpath. */
  public static Optional<ProviderMetadata> metadata(String id) {
    ImProvider p = Registry.INSTANCE.providers.get(id);
    return p == null ? Optional.empty() : Optional.of(p.metadata());
  }

  private static ImProvider provider(String id) {
    ImProvider provider = Registry.INSTANCE.providers.get(id);
    if (provider != null) {
      return provider;
    }
    Set<String> found = Registry.INSTANCE.providers.keySet();
    StringBuilder msg = new StringBuilder("unknown provider '").append(id).append("'; providers found: ")
        .append(found.isEmpty() ? "none" : String.join(", ", new TreeSet<>(found)));
    if (!Registry.INSTANCE.failures.isEmpty()) {
      msg.append("; providers that failed to load: ").append(String.join("; ", Registry.INSTANCE.failures));
    }
    throw new ConfigurationException(msg.toString());
  }

  private static void checkKeys(ImConfig config, ProviderMetadata metadata) {
    Set<String> own = metadata.configKeyNames();
    for (String key : config.keys()) {
      if (ImConfig.COMMON_KEYS.contains(key) || own.contains(key)) {
        continue;
      }
      int dot = key.indexOf('.');
      String namespace = dot < 0 ? "" : key.substring(0, dot);
      boolean foreign = dot > 0 && !namespace.equals(metadata.id()) && !ImConfig.COMMON_NAMESPACES.contains(namespace);
      if (foreign) {
        continue; // another provider's key, kept so that switching provider is a one-key change
      }
      List<String> known = new ArrayList<>(new TreeSet<>(ImConfig.COMMON_KEYS));
      known.addAll(new TreeSet<>(own));
      throw new ConfigurationException("unknown configuration key '" + key + "' for provider '" + metadata.id()
          + "'; known keys: " + String.join(", ", known));
    }
    for (ConfigKey key : metadata.configKeys()) {
      if (key.required()) {
        config.require(key.name());
      }
    }
  }

  /** The providers found once, on first use. */
  private static final class Registry {
    static final Registry INSTANCE = new Registry();

    final Map<String, ImProvider> providers = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    private Registry() {
      // Iterate by hand: a provider class that cannot be loaded throws from hasNext()/next(), and
      // one broken jar must not hide the others (nor break every later open() in this JVM).
      Iterator<ServiceLoader.Provider<ImProvider>> it =
          ServiceLoader.load(ImProvider.class, ImFacade.class.getClassLoader()).stream().iterator();
      while (true) {
        ServiceLoader.Provider<ImProvider> p;
        try {
          if (!it.hasNext()) {
            break;
          }
          p = it.next();
        } catch (ServiceConfigurationError e) {
          failures.add(String.valueOf(e.getMessage()));
          LOG.warn("a registered provider cannot be loaded", e);
          if (failures.size() > 1000) {
            break; // a loader that fails forever; what was found so far still works
          }
          continue;
        }
        try {
          ImProvider provider = p.get();
          String id = provider.metadata().id();
          ImProvider previous = providers.putIfAbsent(id, provider);
          if (previous != null) {
            LOG.warn("two providers with id '{}': {} and {}; using the first", id,
                previous.getClass().getName(), provider.getClass().getName());
          }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          failures.add(p.type().getName() + ": " + e);
          LOG.warn("provider {} failed to load", p.type().getName(), e);
        }
      }
    }
  }
}
