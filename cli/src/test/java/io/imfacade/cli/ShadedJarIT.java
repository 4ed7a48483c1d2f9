package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as {@code java -jar}, as the launcher does: proves that the merged {@code
 * META-INF/services} files still find the providers and that the snapshot works across processes.
 * Runs in failsafe's integration-test phase, after {@code package} built the jar.
 */
class ShadedJarIT {

  @TempDir
  Path home;

  @Test
  void theJarFindsTheProvidersThroughTheMergedServiceFiles() throws Exception {
    Run r = run("providers");

    assertThat(r.exitCode).as(r.err).isZero();
    assertThat(r.out.lines()).contains("inmemory", "easemob", "shengwang", "netease");
  }

  @Test
  void successiveProcessesShareTheEmbeddedSnapshot() throws Exception {
    assertThat(run("profile", "set", "alice", "--nickname", "Alice").exitCode).isZero();

    Run get = run("profile", "get", "alice", "--json");
    assertThat(get.exitCode).as(get.err).isZero();
    assertThat(get.out).contains("\"nickname\":\"Alice\"");
    Run missing = run("profile", "get", "bob");
    assertThat(missing.exitCode).isEqualTo(1);
    assertThat(missing.err).startsWith("imfacade: ");
  }

  private Run run(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("imfacade.cli.jar", "target/imfacade-cli.jar"));
    assertThat(jar).as("the shaded jar; run through `mvn verify`").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("IMFACADE_HOME", home.toString());
    builder.environment().remove("IMFACADE_CONFIG");
    Path out = home.resolve("stdout.txt");
    Path err = home.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("imfacade " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }
  }
}
