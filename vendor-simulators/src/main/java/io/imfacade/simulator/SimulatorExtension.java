package io.imfacade.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.imfacade.simulator.internal.WireMockSupport;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 side of a simulator: a WireMock server on a free loopback port, started before all
 * tests of the class that registered it (or before each test, when registered on an instance
 * field), the simulator reset before each test, the server stopped after. Nested classes reuse the
 * outer class's server. Test methods of one class must not run concurrently.
 *
 * @param <S> the simulator
 */
public abstract class SimulatorExtension<S extends Extension>
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final S simulator;
  private final Consumer<WireMockServer> install;
  private final Runnable reset;
  private WireMockServer server;
  private String ownerContext;
  private boolean perTest;

  /**
   * An extension running {@code simulator}.
   *
   * @param simulator the simulator, registered as the server's extension
   * @param install registers the simulator's stubs on a started server
   * @param reset resets the simulator (state, faults, journal)
   */
  protected SimulatorExtension(S simulator, Consumer<WireMockServer> install, Runnable reset) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.install = install;
    this.reset = reset;
  }

  /** The simulator, for seeding, inspection and faults. */
  public final S simulator() {
    return simulator;
  }

  /** Starts the server (JUnit calls this). */
  @Override
  public final synchronized void beforeAll(ExtensionContext context) {
    if (server == null) {
      start();
      ownerContext = context.getUniqueId();
    }
  }

  /** Resets the simulator, starting the server first if needed (JUnit calls this). */
  @Override
  public final synchronized void beforeEach(ExtensionContext context) {
    if (server == null) {
      start();
      perTest = true;
    }
    reset.run();
  }

  /** Stops a per-test server (JUnit calls this). */
  @Override
  public final synchronized void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  /** Stops the server (JUnit calls this). */
  @Override
  public final synchronized void afterAll(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(ownerContext)) {
      stop();
    }
  }

  /** The running WireMock server. */
  public final synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("the simulator's server is not running (outside a test?)");
    }
    return server;
  }

  /**
   * {@code http://localhost:PORT}: the base URL to configure a client with (the vendor's path
   * prefix is not included).
   */
  public final String baseUrl() {
    return "http://localhost:" + server().port();
  }

  private void start() {
    WireMockServer started = WireMockSupport.startLoopback(simulator);
    try {
      install.accept(started);
    } catch (RuntimeException e) {
      started.stop();
      throw e;
    }
    server = started;
  }

  private void stop() {
    try {
      server.stop();
    } finally {
      server = null;
      ownerContext = null;
      perTest = false;
    }
  }
}
