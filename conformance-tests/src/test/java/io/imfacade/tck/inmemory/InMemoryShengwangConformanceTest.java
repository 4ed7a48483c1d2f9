package io.imfacade.tck.inmemory;

import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;

/** The whole TCK against the in-memory provider with {@code inmemory.limits=shengwang}. */
public class InMemoryShengwangConformanceTest extends ImConformanceSuite {

  @Override
  protected ProviderHarness harness() {
    return new InMemoryHarness("shengwang");
  }
}
