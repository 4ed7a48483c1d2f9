package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a failed invocation and picks its exit code ({@link ExitCodes}): one line on stderr
 * prefixed {@code imfacade: }; with {@code --verbose} the stack trace; with {@code --json} also a
 * JSON error object on stdout, so that a script reading stdout always gets a document:
 *
 * <pre>{"error":"...","type":"not_found","exitCode":1,"provider":"easemob","httpStatus":404,...}</pre>
 *
 * <p>Whatever the command had printed so far is dropped: a failed command prints only its error.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  private static final String PREFIX = "imfacade: ";

  private final ImfacadeCommand root;
  private final PrintWriter err;

  ErrorReporter(ImfacadeCommand root, PrintWriter err) {
    this.root = root;
    this.err = err;
  }

  /** A usage error: unknown option, missing operand, bad value, missing subcommand. */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    err.println(PREFIX + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
    // Parsing may have stopped before --json or --verbose were seen: look at the raw arguments.
    report(e, hasFlag(args, "--json"), hasFlag(args, "--verbose") || hasFlag(args, "-v"));
    return ExitCodes.INVALID;
  }

  /** A failure while a command ran. */
  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    // An ImException's message already says which provider and operation failed, and how.
    err.println(PREFIX + (e instanceof ImException ? e.getMessage() : "unexpected error: " + e));
    report(e, root.json(), root.verbose());
    return ExitCodes.of(e);
  }

  private void report(Exception e, boolean json, boolean verbose) {
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    Output output = root.output();
    output.discard();
    if (json) {
      output.jsonNow(toJson(e));
    }
  }

  /** The JSON error object; absent details are omitted. Never holds a secret: see ImException. */
  static ObjectNode toJson(Exception e) {
    ObjectNode node = Views.object();
    node.put("error", plainMessage(e));
    node.put("type", ExitCodes.type(e));
    node.put("exitCode", ExitCodes.of(e));
    if (e instanceof ImException im) {
      if (im instanceof InvalidRequestException invalid) {
        invalid.field().ifPresent(f -> node.put("field", f));
      }
      if (im instanceof UnsupportedCapabilityException unsupported) {
        node.put("capability", unsupported.capability().name());
      }
      im.provider().ifPresent(p -> node.put("provider", p));
      im.operation().ifPresent(o -> node.put("operation", o));
      im.httpStatus().ifPresent(s -> node.put("httpStatus", s));
      im.vendorCode().ifPresent(c -> node.put("vendorCode", c));
      im.vendorMessage().ifPresent(m -> node.put("vendorMessage", m));
      im.details().requestId().ifPresent(r -> node.put("requestId", r));
      node.put("retryable", im.isRetryable());
      if (im instanceof RateLimitedException limited) {
        limited.retryAfter().ifPresent(d -> node.put("retryAfterMs", d.toMillis()));
      }
    }
    return node;
  }

  /** The message without the provider/status decorations, which the JSON has as fields. */
  private static String plainMessage(Exception e) {
    if (e instanceof ImException im && im.plainMessage() != null) {
      return im.plainMessage();
    }
    return e instanceof ImException || e instanceof ParameterException ? e.getMessage() : "unexpected error: " + e;
  }

  private static boolean hasFlag(String[] args, String flag) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals(flag)) {
        return true;
      }
    }
    return false;
  }
}
