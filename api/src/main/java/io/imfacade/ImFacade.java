package io.imfacade;

import io.imfacade.error.ConfigurationException;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link ImClient}s. The provider is chosen by the configuration key {@code provider} among
 * the {@link ImProvider}s on the classpath.
 *
 * <pre>{@code
 * try (ImClient im = ImFacade.open(Map.of("provider", "inmemory"))) {
 *   im.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());
 * }
 * }</pre>
 */
public final class ImFacade {

  private static final Logger LOG = LoggerFactory.getLogger(ImFacade.class);

  /** Ids of the built-in providers: their keys are ignored when another provider is chosen. */
  private static final Set<String> BUILT_IN_IDS = Set.of("inmemory", "easemob", "shengwang", "netease");

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
    String id = config.provider();
    ImProvider provider = Registry.INSTANCE.providers.get(id);
    if (provider == null) {
      StringBuilder msg = new StringBuilder("unknown provider '").append(id).append("'; providers found: ")
          .append(Registry.INSTANCE.providers.keySet().isEmpty() ? "none" : String.join(", ", new TreeSet<>(Registry.INSTANCE.providers.keySet())));
      if (!Registry.INSTANCE.failures.isEmpty()) {
        msg.append("; providers that failed to load: ").append(String.join("; ", Registry.INSTANCE.failures));
      }
      throw new ConfigurationException(msg.toString());
    }
    checkKeys(config, provider);
    ImClient client = provider.create(config, context);
    LOG.debug("opened {} client{}", id, config.tenant().map(t -> " for tenant " + t).orElse(""));
    return client;
  }

  /** The ids of the providers found on the classpath, sorted. */
  public static Set<String> providers() {
    return Collections.unmodifiableSet(new TreeSet<>(Registry.INSTANCE.providers.keySet()));
  }

  private static void checkKeys(ImConfig config, ImProvider provider) {
    Set<String> own = provider.configKeys();
    for (String key : config.keys()) {
      if (ImConfig.COMMON_KEYS.contains(key) || own.contains(key)) {
        continue;
      }
      int dot = key.indexOf('.');
      String namespace = dot < 0 ? "" : key.substring(0, dot);
      boolean otherProvider = !namespace.equals(provider.id())
          && (BUILT_IN_IDS.contains(namespace) || Registry.INSTANCE.providers.containsKey(namespace));
      if (otherProvider) {
        continue; // kept so that switching provider is a one-key change
      }
      List<String> known = new ArrayList<>(new TreeSet<>(ImConfig.COMMON_KEYS));
      known.addAll(new TreeSet<>(own));
      throw new ConfigurationException("unknown configuration key '" + key + "' for provider '" + provider.id()
          + "'; known keys: " + String.join(", ", known));
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
          ImProvider previous = providers.putIfAbsent(provider.id(), provider);
          if (previous != null) {
            LOG.warn("two providers with id '{}': {} and {}; using the first", provider.id(),
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
