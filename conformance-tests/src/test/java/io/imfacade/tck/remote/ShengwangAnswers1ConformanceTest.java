package io.imfacade.tck.remote;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole TCK against the {@code shengwang} provider and the simulator giving the plausible answers of run 1 ({@link PlausibleAnswers}). */
class ShengwangAnswers1ConformanceTest extends ImConformanceSuite {

  @RegisterExtension
  static final EasemobSimulatorExtension SIMULATOR = PlausibleAnswers.shengwang(1);

  @Override
  protected ProviderHarness harness() {
    return EasemobFamilyHarness.shengwang(SIMULATOR);
  }
}
