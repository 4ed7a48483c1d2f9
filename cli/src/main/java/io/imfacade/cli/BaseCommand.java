package io.imfacade.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code imfacade} command has: {@code --help}, access to the invocation's shared state
 * (held by the root command) and a way to report a usage error. A command returns its exit code.
 */
abstract class BaseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** The root command: global options, the effective configuration, the output. */
  final ImfacadeCommand root() {
    return (ImfacadeCommand) spec.root().userObject();
  }

  /** A usage error of this command: exit code 2, the message, then a pointer to {@code --help}. */
  final ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
