package io.imfacade.simulator.netease;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.imfacade.simulator.internal.ServerLifecycle;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension running a {@link NeteaseSimulator} on a WireMock server bound to a free
 * loopback port:
 *
 * <pre>{@code
 * @RegisterExtension
 * static NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app("appKey", "appSecret").build();
 *
 * @Test
 * void test() {
 *   sim.simulator().createUsers("alice");
 *   String url = sim.baseUrl() + "/nimserver/user/getUinfos.action";
 * }
 * }</pre>
 *
 * <p>Registered on a static field, the server starts before all tests of the class and stops after
 * them; on an instance field, it runs for each test. Before each test the simulator is {@link
 * NeteaseSimulator#reset() reset}: state, rate limits, faults, counters and the request journal.
 * Test methods of one class must not run concurrently.
 */
public final class NeteaseSimulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final NeteaseSimulator simulator;
  private final ServerLifecycle lifecycle;

  private NeteaseSimulatorExtension(NeteaseSimulator simulator) {
    this.simulator = simulator;
    this.lifecycle = new ServerLifecycle(simulator, simulator::install, simulator::reset);
  }

  /** An extension for the app with this key and secret. */
  public static Builder app(String appKey, String appSecret) {
    return new Builder(NeteaseSimulator.builder().appKey(appKey).appSecret(appSecret));
  }

  /** An extension running {@code simulator}, which must not be installed anywhere else. */
  public static NeteaseSimulatorExtension of(NeteaseSimulator simulator) {
    return new NeteaseSimulatorExtension(simulator);
  }

  /** The simulator, for seeding, inspection and faults. */
  public NeteaseSimulator simulator() {
    return simulator;
  }

  /** The running WireMock server. */
  public WireMockServer server() {
    return lifecycle.server();
  }

  /** {@code http://localhost:PORT}: the base URL to configure the client with ({@code /nimserver} not included). */
  public String baseUrl() {
    return lifecycle.baseUrl();
  }

  /** Starts the server (JUnit calls this). */
  @Override
  public void beforeAll(ExtensionContext context) {
    lifecycle.beforeAll(context);
  }

  /** Resets the simulator, starting the server first if needed (JUnit calls this). */
  @Override
  public void beforeEach(ExtensionContext context) {
    lifecycle.beforeEach(context);
  }

  /** Stops a per-test server (JUnit calls this). */
  @Override
  public void afterEach(ExtensionContext context) {
    lifecycle.afterEach(context);
  }

  /** Stops the server (JUnit calls this). */
  @Override
  public void afterAll(ExtensionContext context) {
    lifecycle.afterAll(context);
  }

  /** Builds a {@link NeteaseSimulatorExtension}: the settings of {@link NeteaseSimulator.Builder}. */
  public static final class Builder {
    private final NeteaseSimulator.Builder simulator;

    private Builder(NeteaseSimulator.Builder simulator) {
      this.simulator = simulator;
    }

    /** See {@link NeteaseSimulator.Builder#clock}. */
    public Builder clock(Clock clock) {
      simulator.clock(clock);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#requestsPerSecond}. */
    public Builder requestsPerSecond(double requestsPerSecond) {
      simulator.requestsPerSecond(requestsPerSecond);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#friendsMax}. */
    public Builder friendsMax(int friendsMax) {
      simulator.friendsMax(friendsMax);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#blockListMax}. */
    public Builder blockListMax(int blockListMax) {
      simulator.blockListMax(blockListMax);
      return this;
    }

    /** The extension. */
    public NeteaseSimulatorExtension build() {
      return new NeteaseSimulatorExtension(simulator.build());
    }
  }
}
