package io.imfacade.tck.meta;

import io.imfacade.ImClient;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.inmemory.InMemoryHarness;
import io.imfacade.tck.meta.BrokenClient.Fault;
import java.util.Collection;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;

/**
 * Whole-TCK runs against providers with one deliberate bug each, for {@link TckMetaTest}: the
 * contracts that cover the bug must fail. Tagged {@code tck-fixture} and nested, so that surefire
 * never runs them directly.
 */
final class BrokenProviderFixtures {

  private BrokenProviderFixtures() {}

  /** A working in-memory harness whose clients carry a {@link Fault}. */
  static final class BrokenHarness implements ProviderHarness {
    private final InMemoryHarness inner;
    private final Fault fault;
    private final boolean claimsLimits;

    BrokenHarness(String limits, Fault fault, boolean claimsLimits) {
      this.inner = new InMemoryHarness(limits);
      this.fault = fault;
      this.claimsLimits = claimsLimits;
    }

    @Override
    public String providerId() {
      return inner.providerId();
    }

    @Override
    public ImClient openClient() {
      ImClient client = inner.openClient();
      return fault == null ? client : new BrokenClient(client, fault);
    }

    @Override
    public void createUsers(Collection<String> userIds) {
      inner.createUsers(userIds);
    }

    @Override
    public void createGroup(String groupId, String owner, Collection<String> members) {
      inner.createGroup(groupId, owner, members);
    }

    @Override
    public boolean enforcesLimits() {
      return claimsLimits;
    }

    @Override
    public OptionalInt blockListMax() {
      return inner.blockListMax();
    }
  }

  /** The base of the fixtures: portable limits plus one fault. */
  abstract static class Broken extends ImConformanceSuite {
    abstract Fault fault();

    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("portable", fault(), true);
    }
  }

  @Tag("tck-fixture")
  static class GetAllFirstBatchOnly extends Broken {
    @Override
    Fault fault() {
      return Fault.GET_ALL_FIRST_BATCH_ONLY;
    }
  }

  @Tag("tck-fixture")
  static class GetAllSorted extends Broken {
    @Override
    Fault fault() {
      return Fault.GET_ALL_SORTED;
    }
  }

  @Tag("tck-fixture")
  static class UpdateReplaces extends Broken {
    @Override
    Fault fault() {
      return Fault.UPDATE_REPLACES;
    }
  }

  @Tag("tck-fixture")
  static class AsciiOnly extends Broken {
    @Override
    Fault fault() {
      return Fault.ASCII_ONLY;
    }
  }

  @Tag("tck-fixture")
  static class PagesLoseItems extends Broken {
    @Override
    Fault fault() {
      return Fault.PAGES_LOSE_ITEMS;
    }
  }

  @Tag("tck-fixture")
  static class WrongRefusal extends Broken {
    @Override
    Fault fault() {
      return Fault.WRONG_REFUSAL;
    }
  }

  @Tag("tck-fixture")
  static class OwnExceptions extends Broken {
    @Override
    Fault fault() {
      return Fault.OWN_EXCEPTIONS;
    }
  }

  @Tag("tck-fixture")
  static class SetAllDropsFailures extends Broken {
    @Override
    Fault fault() {
      return Fault.SET_ALL_DROPS_FAILURES;
    }
  }

  /** Easemob limits, where custom attributes work, but the client does not declare them. */
  @Tag("tck-fixture")
  static class UndeclaredCapabilityWorks extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("easemob", Fault.UNDECLARED_CAPABILITY_WORKS, true);
    }
  }

  /** A provider that checks no limit at all, behind a harness that says it does. */
  @Tag("tck-fixture")
  static class NoValidation extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("none", null, true);
    }
  }
}
