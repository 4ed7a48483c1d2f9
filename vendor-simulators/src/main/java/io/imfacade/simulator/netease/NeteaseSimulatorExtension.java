package io.imfacade.simulator.netease;

import io.imfacade.simulator.SimulatorExtension;
import java.time.Clock;

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
public final class NeteaseSimulatorExtension extends SimulatorExtension<NeteaseSimulator> {

  private NeteaseSimulatorExtension(NeteaseSimulator simulator) {
    super(simulator, simulator::install, simulator::reset);
  }

  /** An extension for the app with this key and secret. */
  public static Builder app(String appKey, String appSecret) {
    return new Builder(NeteaseSimulator.builder().appKey(appKey).appSecret(appSecret));
  }

  /** An extension running {@code simulator}, which must not be installed anywhere else. */
  public static NeteaseSimulatorExtension of(NeteaseSimulator simulator) {
    return new NeteaseSimulatorExtension(simulator);
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

    /** See {@link NeteaseSimulator.Builder#overLimitCode}. */
    public Builder overLimitCode(int code) {
      simulator.overLimitCode(code);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#absentAnswers}. */
    public Builder absentAnswers(AbsentAnswers answers) {
      simulator.absentAnswers(answers);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#repeatAnswers}. */
    public Builder repeatAnswers(RepeatAnswers answers) {
      simulator.repeatAnswers(answers);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#listOrder}. */
    public Builder listOrder(ListOrder order) {
      simulator.listOrder(order);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#emailCheck}. */
    public Builder emailCheck(EmailCheck check) {
      simulator.emailCheck(check);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#omitEmptyAdmins}. */
    public Builder omitEmptyAdmins(boolean omit) {
      simulator.omitEmptyAdmins(omit);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#teamAnswers}. */
    public Builder teamAnswers(TeamAnswers answers) {
      simulator.teamAnswers(answers);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#duplicateAccountAnswers}. */
    public Builder duplicateAccountAnswers(DuplicateAccountAnswers answers) {
      simulator.duplicateAccountAnswers(answers);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#joinedTeamsMax}. */
    public Builder joinedTeamsMax(int max) {
      simulator.joinedTeamsMax(max);
      return this;
    }

    /** See {@link NeteaseSimulator.Builder#teamSizeMax}. */
    public Builder teamSizeMax(int max) {
      simulator.teamSizeMax(max);
      return this;
    }

    /** The extension. */
    public NeteaseSimulatorExtension build() {
      return new NeteaseSimulatorExtension(simulator.build());
    }
  }
}
