package io.imfacade.tck.remote;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tck.ProviderHarness;
import java.util.Collection;
import java.util.Map;

/**
 * Runs the TCK against the {@code easemob} or {@code shengwang} provider talking to the stateful
 * Easemob-family simulator over loopback HTTP. The simulator extension resets its state before
 * every test, so each client starts on an empty app.
 */
public final class EasemobFamilyHarness implements ProviderHarness {

  private final String provider;
  private final EasemobSimulatorExtension simulator;

  private EasemobFamilyHarness(String provider, EasemobSimulatorExtension simulator) {
    this.provider = provider;
    this.simulator = simulator;
  }

  /** The {@code easemob} provider against {@code simulator} (built by {@link Simulators#easemob()}). */
  public static EasemobFamilyHarness easemob(EasemobSimulatorExtension simulator) {
    return new EasemobFamilyHarness("easemob", simulator);
  }

  /** The {@code shengwang} provider against {@code simulator} (built by {@link Simulators#shengwang()}). */
  public static EasemobFamilyHarness shengwang(EasemobSimulatorExtension simulator) {
    return new EasemobFamilyHarness("shengwang", simulator);
  }

  @Override
  public String providerId() {
    return provider;
  }

  @Override
  public ImClient openClient() {
    Map<String, String> config = provider.equals("easemob")
        ? Map.of(
            "provider", "easemob",
            "easemob.baseUrl", simulator.baseUrl(),
            "easemob.orgName", Simulators.EASEMOB_ORG,
            "easemob.appName", Simulators.EASEMOB_APP,
            "easemob.clientId", Simulators.EASEMOB_CLIENT_ID,
            "easemob.clientSecret", Simulators.EASEMOB_CLIENT_SECRET,
            // Loopback is fast; the vendor's 100/s default would only slow the suite down.
            "rateLimit.requestsPerSecond", "5000")
        : Map.of(
            "provider", "shengwang",
            "shengwang.baseUrl", simulator.baseUrl(),
            "shengwang.appId", Simulators.SHENGWANG_APP_ID,
            "shengwang.appCertificate", Simulators.SHENGWANG_APP_CERTIFICATE,
            "rateLimit.requestsPerSecond", "5000");
    return ImFacade.open(config);
  }

  @Override
  public void createUsers(Collection<String> userIds) {
    sim().createUsers(userIds);
  }

  /**
   * Seeds the group in the simulator directly, with an id of digits as Easemob issues, so that the
   * contracts of the other services do not depend on the provider's {@code groups()}.
   */
  @Override
  public String createGroup(String owner, Collection<String> members) {
    String groupId = SeededIds.groupId();
    sim().createGroup(groupId, owner, members);
    return groupId;
  }


  private EasemobSimulator sim() {
    return simulator.simulator();
  }
}
