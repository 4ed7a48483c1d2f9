package io.imfacade.tck.remote;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.tck.ProviderHarness;
import java.util.Collection;
import java.util.Map;

/**
 * Runs the TCK against the {@code netease} provider talking to the stateful NetEase simulator over
 * loopback HTTP, signed requests included. The simulator extension resets its state before every
 * test.
 */
public final class NeteaseHarness implements ProviderHarness {

  private final NeteaseSimulatorExtension simulator;

  /** The provider against {@code simulator} (built by {@link Simulators#netease()}). */
  public NeteaseHarness(NeteaseSimulatorExtension simulator) {
    this.simulator = simulator;
  }

  @Override
  public String providerId() {
    return "netease";
  }

  @Override
  public ImClient openClient() {
    return ImFacade.open(Map.of(
        "provider", "netease",
        "netease.baseUrl", simulator.baseUrl(),
        "netease.appKey", Simulators.NETEASE_APP_KEY,
        "netease.appSecret", Simulators.NETEASE_APP_SECRET,
        "rateLimit.requestsPerSecond", "5000"));
  }

  @Override
  public void createUsers(Collection<String> userIds) {
    simulator.simulator().createUsers(userIds);
  }

  /**
   * Seeds the team in the simulator directly, with an id the simulator issues as {@code
   * team/create.action} would, so that the contracts of the other services do not depend on the
   * provider's {@code groups()}.
   */
  @Override
  public String createGroup(String owner, Collection<String> members) {
    return simulator.simulator().createTeam(owner, members);
  }

}
