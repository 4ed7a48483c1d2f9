package io.imfacade.simulator.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server life cycle behind the simulators' JUnit 5 extensions: started before all tests of the
 * class that registered it (or before each test, when registered on an instance field), reset
 * before each test, stopped after. Nested classes reuse the outer class's server. Internal.
 */
public final class ServerLifecycle {

  private final Extension extension;
  private final Consumer<WireMockServer> install;
  private final Runnable reset;
  private WireMockServer server;
  private String ownerContext;
  private boolean perTest;

  /**
   * @param extension the simulator, registered as the server's extension
   * @param install registers the simulator's stubs on a started server
   * @param reset resets the simulator (state, faults, journal)
   */
  public ServerLifecycle(Extension extension, Consumer<WireMockServer> install, Runnable reset) {
    this.extension = extension;
    this.install = install;
    this.reset = reset;
  }

  /** JUnit's before-all callback. */
  public synchronized void beforeAll(ExtensionContext context) {
    if (server == null) {
      start();
      ownerContext = context.getUniqueId();
    }
  }

  /** JUnit's before-each callback. */
  public synchronized void beforeEach(ExtensionContext context) {
    if (server == null) {
      start();
      perTest = true;
    }
    reset.run();
  }

  /** JUnit's after-each callback. */
  public synchronized void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  /** JUnit's after-all callback. */
  public synchronized void afterAll(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(ownerContext)) {
      stop();
    }
  }

  /** The running server. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("the simulator's server is not running (outside a test?)");
    }
    return server;
  }

  /** {@code http://localhost:PORT} of the running server. */
  public String baseUrl() {
    return "http://localhost:" + server().port();
  }

  private void start() {
    WireMockServer started = WireMockSupport.startLoopback(extension);
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
