package io.imfacade.tck.meta;

import io.imfacade.tck.BlockListContract;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.UserProfileContract;
import io.imfacade.tck.inmemory.InMemoryHarness;
import org.junit.jupiter.api.Tag;

/**
 * Single contracts subclassed from another package, the way a provider that wants only some of the
 * TCK uses it, for {@link TckMetaTest}. Tagged {@code tck-fixture} and nested, so that surefire
 * never runs them directly.
 */
final class ContractFixtures {

  private ContractFixtures() {}

  @Tag("tck-fixture")
  static class ProfilesAlone extends UserProfileContract {
    @Override
    protected ProviderHarness harness() {
      return new InMemoryHarness("easemob");
    }
  }

  @Tag("tck-fixture")
  static class BlockListAlone extends BlockListContract {
    @Override
    protected ProviderHarness harness() {
      return new InMemoryHarness("easemob");
    }
  }
}
