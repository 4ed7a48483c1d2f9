package io.imfacade.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The loopback stubs of the facade-overhead benchmarks, in a process of their own: one WireMock
 * server per {@link Scenario}, each answering its one endpoint with the vendor's documented answer
 * and checking the credentials' headers. A separate process keeps the server's CPU, JIT and garbage
 * out of the measured JVM, so that JMH's {@code gc.alloc.rate.norm} is the client's allocation.
 *
 * <p>As a program: prints {@code PORT <scenario> <port>} per scenario, then serves until its
 * standard input ends (the parent closed it or died). {@link #start} runs it from a benchmark.
 */
public final class LoopbackStub implements AutoCloseable {

  private final Process process;
  private final Map<Scenario, Integer> ports;

  private LoopbackStub(Process process, Map<Scenario, Integer> ports) {
    this.process = process;
    this.ports = ports;
  }

  /** Starts a stub process serving {@code scenarios}, on the class path of this JVM. */
  static LoopbackStub start(Scenario... scenarios) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    // Small and quiet: the stub must not take more of the two cores than it needs.
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LoopbackStub.class.getName());
    for (Scenario s : scenarios) {
      command.add(s.key());
    }
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Map<Scenario, Integer> ports = new LinkedHashMap<>();
      while (ports.size() < scenarios.length) {
        String line = out.readLine();
        if (line == null) {
          process.destroyForcibly();
          throw new IllegalStateException("the stub process ended before it printed its ports");
        }
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("PORT")) {
          ports.put(Scenario.of(parts[1]), Integer.parseInt(parts[2]));
        }
      }
      return new LoopbackStub(process, ports);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL of the stub of {@code scenario}: {@code http://127.0.0.1:<port>}. */
  String baseUrl(Scenario scenario) {
    Integer port = ports.get(scenario);
    if (port == null) {
      throw new IllegalArgumentException("this stub does not serve " + scenario.key());
    }
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // the stub ends when its standard input ends
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String javaBinary() {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    return java.toString();
  }

  /**
   * Serves the scenarios named in {@code args} until standard input ends.
   *
   * @param args scenario keys, such as {@code easemobBatch neteaseSingle}
   */
  public static void main(String[] args) throws IOException {
    List<WireMockServer> servers = new ArrayList<>();
    for (String key : args) {
      Scenario scenario = Scenario.of(key);
      WireMockServer server = new WireMockServer(WireMockConfiguration.options()
          .bindAddress("127.0.0.1")
          .dynamicPort()
          .containerThreads(8)
          .disableRequestJournal()
          .stubRequestLoggingDisabled(true));
      server.start();
      server.stubFor(mapping(scenario).willReturn(aResponse()
          .withStatus(200)
          .withHeader("Content-Type", "application/json;charset=UTF-8")
          .withBody(scenario.answer())));
      servers.add(server);
      System.out.println("PORT " + key + " " + server.port());
    }
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // serve until the parent closes our input or dies
      }
    } finally {
      servers.forEach(WireMockServer::stop);
    }
    System.exit(0);
  }

  private static MappingBuilder mapping(Scenario scenario) {
    if (scenario.vendor() == Scenario.Vendor.NETEASE) {
      return post(urlPathEqualTo(scenario.path()))
          .withHeader("AppKey", equalTo(Scenario.APP_KEY))
          .withHeader("CheckSum", matching("[0-9a-f]{40}"));
    }
    MappingBuilder m = scenario.batch() ? post(urlPathEqualTo(scenario.path())) : get(urlPathEqualTo(scenario.path()));
    return m.withHeader("Authorization", equalTo("Bearer " + Scenario.TOKEN));
  }
}
