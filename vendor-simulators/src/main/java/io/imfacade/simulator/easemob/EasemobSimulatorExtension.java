package io.imfacade.simulator.easemob;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.imfacade.simulator.internal.ServerLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension running an {@link EasemobSimulator} on a WireMock server bound to a free
 * loopback port:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EasemobSimulatorExtension sim =
 *     EasemobSimulatorExtension.easemob("org", "app").clientCredentials("id", "secret").build();
 *
 * @Test
 * void test() {
 *   sim.simulator().createUsers("alice");
 *   String url = sim.baseUrl() + "/org/app/metadata/user/alice";
 * }
 * }</pre>
 *
 * <p>Registered on a static field, the server starts before all tests of the class and stops after
 * them; on an instance field, it runs for each test. Before each test the simulator is {@link
 * EasemobSimulator#reset() reset}: state, faults, counters and the request journal. Test methods of
 * one class must not run concurrently.
 */
public final class EasemobSimulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final EasemobSimulator simulator;
  private final ServerLifecycle lifecycle;

  private EasemobSimulatorExtension(EasemobSimulator simulator) {
    this.simulator = simulator;
    this.lifecycle = new ServerLifecycle(simulator, simulator::install, simulator::reset);
  }

  /** An extension for an Easemob app under {@code /{org}/{app}}. */
  public static Builder easemob(String org, String app) {
    return new Builder(EasemobSimulator.builder().easemob(org, app));
  }

  /** An extension for a Shengwang app under {@code /app-id/{appId}}. */
  public static Builder shengwang(String appId) {
    return new Builder(EasemobSimulator.builder().shengwang(appId));
  }

  /** An extension running {@code simulator}, which must not be installed anywhere else. */
  public static EasemobSimulatorExtension of(EasemobSimulator simulator) {
    return new EasemobSimulatorExtension(simulator);
  }

  /** The simulator, for seeding, inspection and faults. */
  public EasemobSimulator simulator() {
    return simulator;
  }

  /** The running WireMock server. */
  public WireMockServer server() {
    return lifecycle.server();
  }

  /** {@code http://localhost:PORT}: the base URL to configure the client with (the path prefix is not included). */
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

  /** Builds an {@link EasemobSimulatorExtension}: the settings of {@link EasemobSimulator.Builder}. */
  public static final class Builder {
    private final EasemobSimulator.Builder simulator;

    private Builder(EasemobSimulator.Builder simulator) {
      this.simulator = simulator;
    }

    /** See {@link EasemobSimulator.Builder#clientCredentials}. */
    public Builder clientCredentials(String clientId, String clientSecret) {
      simulator.clientCredentials(clientId, clientSecret);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#tokenTtl}. */
    public Builder tokenTtl(Duration ttl) {
      simulator.tokenTtl(ttl);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#acceptToken}. */
    public Builder acceptToken(Predicate<String> acceptToken) {
      simulator.acceptToken(acceptToken);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#requestsPerSecond}. */
    public Builder requestsPerSecond(double requestsPerSecond) {
      simulator.requestsPerSecond(requestsPerSecond);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#clock}. */
    public Builder clock(Clock clock) {
      simulator.clock(clock);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#contactsMax}. */
    public Builder contactsMax(int contactsMax) {
      simulator.contactsMax(contactsMax);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#blockListMax}. */
    public Builder blockListMax(int blockListMax) {
      simulator.blockListMax(blockListMax);
      return this;
    }

    /** The extension. */
    public EasemobSimulatorExtension build() {
      return new EasemobSimulatorExtension(simulator.build());
    }
  }
}
