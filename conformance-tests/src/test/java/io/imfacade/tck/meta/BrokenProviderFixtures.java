package io.imfacade.tck.meta;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.inmemory.InMemoryHarness;
import io.imfacade.tck.meta.BrokenClient.Fault;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * Whole-TCK runs against providers with one deliberate bug each, for {@link TckMetaTest}: the
 * contracts that cover the bug must fail. Tagged {@code tck-fixture} and nested, so that surefire
 * never runs them directly.
 */
final class BrokenProviderFixtures {

  private BrokenProviderFixtures() {}

  /**
   * A working in-memory harness whose clients carry a {@link Fault}. With {@code claimedLimits},
   * the client declares the limits of that in-memory mode while its store enforces those of {@code
   * limits} (say {@code none}).
   */
  static final class BrokenHarness implements ProviderHarness {
    private final InMemoryHarness inner;
    private final Fault fault;
    private final String claimedLimits;

    BrokenHarness(String limits, Fault fault) {
      this(limits, fault, null);
    }

    BrokenHarness(String limits, Fault fault, String claimedLimits) {
      this.inner = new InMemoryHarness(limits);
      this.fault = fault;
      this.claimedLimits = claimedLimits;
    }

    @Override
    public String providerId() {
      return inner.providerId();
    }

    @Override
    public ImClient openClient() {
      ImClient client = inner.openClient();
      ProviderMetadata claimed = null;
      if (claimedLimits != null) {
        try (ImClient other = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", claimedLimits))) {
          claimed = client.metadata().toBuilder().limits(other.metadata().limits()).build();
        }
      }
      return new BrokenClient(client, fault, claimed);
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

  /** The base of the fixtures: portable limits plus one fault. */
  abstract static class Broken extends ImConformanceSuite {
    abstract Fault fault();

    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("portable", fault());
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

  @Tag("tck-fixture")
  static class LowerCaseKeys extends Broken {
    @Override
    Fault fault() {
      return Fault.LOWER_CASE_KEYS;
    }
  }

  @Tag("tck-fixture")
  static class EmptyBatchesAreNoops extends Broken {
    @Override
    Fault fault() {
      return Fault.EMPTY_BATCHES_ARE_NOOPS;
    }
  }

  @Tag("tck-fixture")
  static class CloseIgnored extends Broken {
    @Override
    Fault fault() {
      return Fault.CLOSE_IGNORED;
    }
  }

  @Tag("tck-fixture")
  static class DuplicateRegistrationSucceeds extends Broken {
    @Override
    Fault fault() {
      return Fault.DUPLICATE_REGISTRATION_SUCCEEDS;
    }
  }

  @Tag("tck-fixture")
  static class MembersWithoutOwner extends Broken {
    @Override
    Fault fault() {
      return Fault.MEMBERS_WITHOUT_OWNER;
    }
  }

  /** Easemob limits, where custom attributes work, but the client does not declare them. */
  @Tag("tck-fixture")
  static class UndeclaredCapabilityWorks extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("easemob", Fault.UNDECLARED_CAPABILITY_WORKS);
    }
  }

  /** A provider that checks no limit at all, but declares the portable limits in its metadata. */
  @Tag("tck-fixture")
  static class NoValidation extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("none", Fault.UNENFORCED_LIMITS, "portable");
    }
  }

  /** A provider that declares NetEase's limits but counts profile fields in code points: too lenient. */
  @Tag("tck-fixture")
  static class CountsCodePoints extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("none", Fault.COUNTS_CODE_POINTS, "netease");
    }
  }

  /** A provider that declares NetEase's limits but counts profile fields in UTF-8 bytes: too strict. */
  @Tag("tck-fixture")
  static class CountsBytes extends ImConformanceSuite {
    @Override
    protected ProviderHarness harness() {
      return new BrokenHarness("none", Fault.COUNTS_BYTES, "netease");
    }
  }
}
