package io.imfacade.simulator.easemob;

import io.imfacade.simulator.SimulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

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
public final class EasemobSimulatorExtension extends SimulatorExtension<EasemobSimulator> {

  private EasemobSimulatorExtension(EasemobSimulator simulator) {
    super(simulator, simulator::install, simulator::reset);
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

    /** See {@link EasemobSimulator.Builder#answer}. */
    public Builder answer(Enum<?> answer) {
      simulator.answer(answer);
      return this;
    }

    /** See {@link EasemobSimulator.Builder#cursorQuirk}. */
    public Builder cursorQuirk(CursorQuirk quirk) {
      simulator.cursorQuirk(quirk);
      return this;
    }

    /** The extension. */
    public EasemobSimulatorExtension build() {
      return new EasemobSimulatorExtension(simulator.build());
    }
  }
}
