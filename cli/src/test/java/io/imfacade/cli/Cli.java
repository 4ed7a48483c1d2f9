package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@link Main#run} in-process with captured streams and an environment whose {@code
 * IMFACADE_HOME} is a test directory, so that the real home is never touched.
 */
final class Cli {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> env = new HashMap<>();

  Cli(Path home) {
    env.put("IMFACADE_HOME", home.toString());
  }

  /** Sets an environment variable for the following runs. */
  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** One invocation. */
  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(env));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** One invocation that must succeed. */
  Result ok(String... args) {
    Result r = run(args);
    assertThat(r.exitCode).as("exit code of %s; stderr: %s", String.join(" ", args), r.err).isZero();
    return r;
  }

  /** What an invocation printed, and its exit code. */
  static final class Result {
    final int exitCode;
    final String out;
    final String err;

    Result(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    /** Stdout parsed as one JSON document. */
    JsonNode json() {
      try {
        return MAPPER.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out, e);
      }
    }

    /** Stdout's lines. */
    String[] lines() {
      return out.strip().isEmpty() ? new String[0] : out.strip().split("\\R");
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
