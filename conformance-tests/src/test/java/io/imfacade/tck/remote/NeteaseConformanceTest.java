package io.imfacade.tck.remote;

import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole TCK against the {@code netease} provider and the NetEase simulator. */
class NeteaseConformanceTest extends ImConformanceSuite {

  @RegisterExtension
  static final NeteaseSimulatorExtension SIMULATOR = Simulators.netease();

  @Override
  protected ProviderHarness harness() {
    return new NeteaseHarness(SIMULATOR);
  }
}
