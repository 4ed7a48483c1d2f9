package io.imfacade.tck.remote;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole TCK against the {@code shengwang} provider and the Easemob-family simulator under {@code /app-id/{appId}}. */
class ShengwangConformanceTest extends ImConformanceSuite {

  @RegisterExtension
  static final EasemobSimulatorExtension SIMULATOR = Simulators.shengwang();

  @Override
  protected ProviderHarness harness() {
    return EasemobFamilyHarness.shengwang(SIMULATOR);
  }
}
