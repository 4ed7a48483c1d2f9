package io.imfacade.tck.meta;

import io.imfacade.ImClient;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.inmemory.InMemoryHarness;
import java.util.Collection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

/**
 * Whole-TCK runs with a broken harness, for {@link TckMetaTest}: every test of each must fail.
 * Tagged {@code tck-fixture} and nested, so that surefire never runs them directly.
 */
final class MisconfiguredHarnessFixtures {

  private MisconfiguredHarnessFixtures() {}

  /** A harness that forwards to a working in-memory harness; fixtures override one method. */
  static class Forwarding implements ProviderHarness {
    final InMemoryHarness inner = new InMemoryHarness("portable");

    @Override
    public String providerId() {
      return inner.providerId();
    }

    @Override
    public ImClient openClient() {
      return inner.openClient();
    }

    @Override
    public void createUsers(Collection<String> userIds) {
      inner.createUsers(userIds);
    }

    @Override
    public String createGroup(String owner, Collection<String> members) {
      return inner.createGroup(owner, members);
    }
  }

  @Tag("tck-fixture")
  static class NullHarness extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return null;
    }
  }

  @Tag("tck-fixture")
  static class HarnessFactoryThrows extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      throw new IllegalStateException("simulator failed to start");
    }
  }

  /** A harness that "skips" when its simulator is missing: the TCK must turn that into failures. */
  @Tag("tck-fixture")
  static class HarnessFactoryAssumes extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      Assumptions.assumeTrue(false, "simulator not running");
      return new Forwarding();
    }
  }

  @Tag("tck-fixture")
  static class OpenClientThrows extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new Forwarding() {
        @Override
        public ImClient openClient() {
          throw new IllegalStateException("connection refused");
        }
      };
    }
  }

  @Tag("tck-fixture")
  static class OpenClientReturnsNull extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new Forwarding() {
        @Override
        public ImClient openClient() {
          return null;
        }
      };
    }
  }

  @Tag("tck-fixture")
  static class ClientOfAnotherProvider extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new Forwarding() {
        @Override
        public String providerId() {
          return "easemob";
        }
      };
    }
  }

  /** A harness that creates the group but does not say its id: the tests that need a group must fail. */
  @Tag("tck-fixture")
  static class CreateGroupReturnsNoId extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new Forwarding() {
        @Override
        public String createGroup(String owner, Collection<String> members) {
          super.createGroup(owner, members);
          return null;
        }
      };
    }
  }

  @Tag("tck-fixture")
  static class CreateUsersFails extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new Forwarding() {
        @Override
        public void createUsers(Collection<String> userIds) {
          throw new UnsupportedOperationException("no admin API");
        }
      };
    }
  }
}
