package io.imfacade.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code imfacade} command: every operation of the account, profile, group, group member
 * attribute and contact services against the configured provider. Run {@code imfacade --help} for the commands, the
 * configuration sources and the exit codes.
 */
public final class Main {

  private Main() {}

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /**
   * Runs the command without exiting the JVM, for tests and embedding.
   *
   * @param args the command-line arguments
   * @param out where results go (UTF-8)
   * @param err where messages go (UTF-8)
   * @param env the environment: {@code IMFACADE_CONFIG} and {@code IMFACADE_HOME} are read from it
   * @return the exit code: 0 done, 1 not found, 2 invalid input or configuration, 3 provider failure
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    // UTF-8 whatever the platform default: JSON is UTF-8, and user names are often not ASCII.
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    ImfacadeCommand root = new ImfacadeCommand(new ConfigResolver(env), outWriter, err);
    ErrorReporter reporter = new ErrorReporter(root, errWriter);
    CommandLine commandLine = new CommandLine(root)
        .setOut(outWriter)
        .setErr(errWriter)
        .setCaseInsensitiveEnumValuesAllowed(true)
        // Lets -D repeat across command levels; for other options the last occurrence wins.
        .setOverwrittenOptionsAllowed(true)
        .setParameterExceptionHandler(reporter)
        .setExecutionExceptionHandler(reporter);
    tidyUsageHelp(commandLine);
    int code = commandLine.execute(args);
    root.output().commit();
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /**
   * Every command's help shows a short synopsis ({@code [OPTIONS]}) and its own options before the
   * inherited global ones, which would otherwise drown them.
   */
  private static void tidyUsageHelp(CommandLine commandLine) {
    commandLine.getCommandSpec().usageMessage().abbreviateSynopsis(true).sortOptions(false);
    commandLine.getSubcommands().values().forEach(Main::tidyUsageHelp);
  }
}
