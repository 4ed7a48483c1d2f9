package io.imfacade.tck.remote;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole TCK against the {@code easemob} provider and the simulator giving the plausible answers of run 3 ({@link PlausibleAnswers}). */
class EasemobAnswers3ConformanceTest extends ImConformanceSuite {

  @RegisterExtension
  static final EasemobSimulatorExtension SIMULATOR = PlausibleAnswers.easemob(3);

  @Override
  protected ProviderHarness harness() {
    return EasemobFamilyHarness.easemob(SIMULATOR);
  }
}
