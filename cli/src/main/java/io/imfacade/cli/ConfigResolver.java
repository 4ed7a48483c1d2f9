package io.imfacade.cli;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the effective configuration of one {@code imfacade} invocation from its sources, each
 * overriding the ones before it:
 *
 * <ol>
 *   <li>the properties file named by {@code --config FILE}, or else by the environment variable
 *       {@code IMFACADE_CONFIG}; with {@code --prefix im.} only its keys starting with {@code im.}
 *       are read, without the prefix;
 *   <li>{@code --provider ID};
 *   <li>each {@code -D key=value} / {@code --set key=value}, in command-line order.
 * </ol>
 *
 * <p>When no source names a provider, the embedded default applies: {@code provider=inmemory},
 * {@code inmemory.users=auto} and {@code inmemory.file=<home>/embedded.json}, where home is
 * {@code IMFACADE_HOME} or {@code ~/.imfacade}. The snapshot file is what lets successive commands
 * see each other's data. Keys given explicitly win over these defaults, even with an empty value:
 * {@code -D inmemory.file=} runs the embedded provider without a snapshot.
 */
final class ConfigResolver {

  /** Names the configuration file when {@code --config} is not given. */
  static final String ENV_CONFIG = "IMFACADE_CONFIG";
  /** The directory of the embedded provider's snapshot; defaults to {@code ~/.imfacade}. */
  static final String ENV_HOME = "IMFACADE_HOME";

  static final String INMEMORY = "inmemory";
  static final String INMEMORY_FILE = "inmemory.file";
  static final String INMEMORY_USERS = "inmemory.users";

  private final Map<String, String> env;

  /** A resolver reading {@code IMFACADE_CONFIG} and {@code IMFACADE_HOME} from {@code env}. */
  ConfigResolver(Map<String, String> env) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /**
   * The effective configuration.
   *
   * @param configFile {@code --config}, or null
   * @param prefix {@code --prefix}, or null
   * @param provider {@code --provider}, or null
   * @param defines the {@code key=value} arguments of {@code -D}, in order
   * @throws ConfigurationException if the file cannot be read or a define is not {@code key=value}
   */
  ImConfig resolve(Path configFile, String prefix, String provider, List<String> defines) {
    Path file = configFile != null ? configFile : envConfigFile();
    if (file == null && prefix != null) {
      throw new ConfigurationException(
          "--prefix needs a configuration file: give --config FILE or set " + ENV_CONFIG);
    }
    ImConfig.Builder b = ImConfig.builder();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException("configuration file not found: " + file);
      }
      b.setAll(ImConfig.load(file, prefix).asMap());
    }
    if (provider != null) {
      b.provider(provider);
    }
    for (String define : defines) {
      int eq = define.indexOf('=');
      if (eq <= 0 || define.substring(0, eq).isBlank()) {
        // Only up to '=' is shown: what follows might be a secret.
        String shown = eq < 0 ? define : define.substring(0, eq + 1);
        throw new ConfigurationException("-D/--set expects key=value, was '" + shown + "'");
      }
      b.set(define.substring(0, eq).trim(), define.substring(eq + 1));
    }
    ImConfig config = b.build();
    if (!config.keys().contains(ImConfig.PROVIDER)) {
      config = withEmbeddedDefaults(config);
    }
    return config;
  }

  /** The snapshot file of the embedded default provider. */
  Path embeddedSnapshotFile() {
    String home = env.get(ENV_HOME);
    Path dir = home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".imfacade")
        : path(home, ENV_HOME);
    return dir.resolve("embedded.json");
  }

  private ImConfig withEmbeddedDefaults(ImConfig config) {
    ImConfig.Builder b = config.toBuilder().provider(INMEMORY);
    if (!config.keys().contains(INMEMORY_USERS)) {
      // Any id is a user, so that the profile and contact commands work at once; 'user register'
      // still records a user (and refuses one recorded already), as on a vendor.
      b.set(INMEMORY_USERS, "auto");
    }
    if (!config.keys().contains(INMEMORY_FILE)) {
      b.set(INMEMORY_FILE, embeddedSnapshotFile().toString());
    }
    return b.build();
  }

  private Path envConfigFile() {
    String value = env.get(ENV_CONFIG);
    return value == null || value.isBlank() ? null : path(value, ENV_CONFIG);
  }

  private static Path path(String value, String source) {
    try {
      return Path.of(value.trim());
    } catch (InvalidPathException e) {
      throw new ConfigurationException(source + " is not a valid path: " + e.getMessage());
    }
  }
}
