package io.imfacade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.ImClient;
import java.util.function.Supplier;

/**
 * A command that talks to the configured provider. It checks its own arguments first, then opens a
 * client, runs, and closes the client before anything is printed (see {@link Output}).
 */
abstract class ClientCommand extends BaseCommand {

  @Override
  public final Integer call() {
    check();
    ImfacadeCommand root = root();
    try (ImClient client = root.openClient()) {
      return run(client, root.output());
    }
  }

  /**
   * Checks the arguments before any client is opened, so that a mistake on the command line costs
   * no call to the provider. Throws {@link #usage} or an {@code InvalidRequestException}.
   */
  void check() {}

  /** Does the work and adds the result to {@code out}; returns the exit code. */
  abstract int run(ImClient client, Output out);

  /**
   * Adds the one result of a command that succeeded, as JSON or as a line, and returns {@link
   * ExitCodes#OK}. Suppliers, so that only the form asked for is built.
   */
  static int print(Output out, Supplier<? extends JsonNode> json, Supplier<String> line) {
    if (out.json()) {
      out.json(json.get());
    } else {
      out.line(line.get());
    }
    return ExitCodes.OK;
  }
}
