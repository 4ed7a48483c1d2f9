package io.imfacade.cli;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code imfacade} command. It holds the global options (accepted before or after any
 * subcommand), and the state of one invocation: the effective configuration and the output.
 */
@Command(
    name = "imfacade",
    versionProvider = ImfacadeCommand.Version.class,
    description = {
        "Manage IM users' accounts, profiles, groups, group member attributes and contacts on any provider,",
        "and move them from one provider to another (export, import, migrate).",
        ""
    },
    subcommands = {
        ProvidersCommand.class,
        ConfigCommand.class,
        UserCommand.class,
        ProfileCommand.class,
        GroupCommand.class,
        ContactsCommand.class,
        MigrationCommand.Export.class,
        MigrationCommand.Import.class,
        MigrationCommand.Migrate.class,
        HelpCommand.class
    },
    footerHeading = "%nConfiguration:%n",
    // Lines of at most 78 characters: picocli wraps at 80, which would break them mid-phrase.
    footer = {
        "  Each source overrides the ones before it:",
        "   1. the .properties file of --config FILE, or else of $IMFACADE_CONFIG;",
        "      with --prefix P, only its keys that start with P, P removed;",
        "   2. --provider ID;",
        "   3. each -D KEY=VALUE (or --set KEY=VALUE), in order.",
        "  When no source names a provider, the embedded in-memory provider is used",
        "  (provider=inmemory, inmemory.users=auto). It keeps its data in",
        "  $IMFACADE_HOME/embedded.json (default ~/.imfacade/embedded.json), so that",
        "  successive commands see each other's data; -D inmemory.file= turns that off.",
        "  'imfacade config show' prints the effective configuration, secrets masked.",
        "  'imfacade providers' lists each provider's keys (required, secret, default)",
        "  and capabilities, read from its metadata.",
        "",
        "Output:",
        "  Human-readable lines by default; with --json, one JSON document on stdout.",
        "  Errors go to stderr, prefixed 'imfacade: '. With --json, an error is also",
        "  printed on stdout as a JSON object: error, type, exitCode and, when known,",
        "  field, provider, operation, httpStatus, vendorCode, vendorMessage, requestId."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:not found: no such user, profile, group, member or relation",
        "2:invalid input or configuration, or an operation the provider does not offer",
        "3:the provider failed (authentication, rate limit, outage), a conflict (such as a user who exists",
        "  already) or an unexpected error"
    })
final class ImfacadeCommand extends CommandGroup {

  private final ConfigResolver resolver;
  private final PrintWriter out;
  private final PrintStream err;
  private final List<String> defines = new ArrayList<>();
  private ImConfig config;
  private Output output;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "A .properties file with the configuration (default: $IMFACADE_CONFIG).")
  Path configFile;

  @Option(names = "--prefix", paramLabel = "PREFIX", scope = ScopeType.INHERIT,
      description = "Read only the keys of the configuration file that start with PREFIX, such as 'im.'.")
  String prefix;

  @Option(names = "--provider", paramLabel = "ID", scope = ScopeType.INHERIT,
      description = "The provider: inmemory, easemob, shengwang, netease, ... (see 'imfacade providers').")
  String provider;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "Print JSON for scripts instead of human-readable lines.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean verbose;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
  boolean version;

  ImfacadeCommand(ConfigResolver resolver, PrintWriter out, PrintStream err) {
    this.resolver = resolver;
    this.out = out;
    this.err = err;
  }

  /** Standard error, for live progress (a progress bar writes to a stream of its own). */
  PrintStream err() {
    return err;
  }

  /**
   * {@code -D KEY=VALUE}: a setter rather than a map field, because picocli re-creates a collection
   * for each command level it is given on; this way {@code -D a=1 profile get -D b=2} keeps both,
   * in order.
   */
  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
      description = "Set a configuration key; repeatable; overrides the file and --provider.")
  void define(String keyValue) {
    if (keyValue != null) {
      defines.add(keyValue);
    }
  }

  /** The effective configuration (see {@link ConfigResolver}); resolved once. */
  ImConfig config() {
    if (config == null) {
      config = resolver.resolve(configFile, prefix, provider, defines);
    }
    return config;
  }

  /** Opens a client of the configured provider; the caller closes it. */
  ImClient openClient() {
    ImConfig c = config();
    Path snapshot = resolver.embeddedSnapshotFile();
    boolean embeddedDefault = c.get(ConfigResolver.INMEMORY_FILE).map(snapshot.toString()::equals).orElse(false);
    if (embeddedDefault && snapshot.getParent() != null) {
      // The default home is ours to create; a file the user names must be in a directory they made.
      try {
        Files.createDirectories(snapshot.getParent());
      } catch (IOException e) {
        throw new ConfigurationException("cannot create the directory of " + snapshot + ": " + e);
      }
    }
    return ImFacade.open(c);
  }

  /** The output of this invocation, human or JSON as {@code --json} says. */
  Output output() {
    if (output == null) {
      output = new Output(out, json);
    }
    return output;
  }

  /** Whether {@code --verbose} was given. */
  boolean verbose() {
    return verbose;
  }

  /** Whether {@code --json} was given. */
  boolean json() {
    return json;
  }

  /** Reads the version that Maven wrote into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = ImfacadeCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"imfacade " + p.getProperty("version", "(unknown version)")};
    }
  }
}
