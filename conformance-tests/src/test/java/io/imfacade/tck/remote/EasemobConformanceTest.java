package io.imfacade.tck.remote;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole TCK against the {@code easemob} provider and the Easemob simulator. */
class EasemobConformanceTest extends ImConformanceSuite {

  @RegisterExtension
  static final EasemobSimulatorExtension SIMULATOR = Simulators.easemob();

  @Override
  protected ProviderHarness harness() {
    return EasemobFamilyHarness.easemob(SIMULATOR);
  }
}
