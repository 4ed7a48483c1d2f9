package io.imfacade.tck;

import org.junit.jupiter.api.Nested;

/**
 * The whole TCK in one class: every contract as a {@code @Nested} test class. A provider runs all
 * of it with one subclass:
 *
 * <pre>{@code
 * class AcmeConformanceTest extends ImConformanceSuite {
 *   @Override
 *   protected ProviderHarness harness() {
 *     return new AcmeHarness();
 *   }
 * }
 * }</pre>
 *
 * <p>JUnit Jupiter discovers the nested classes inherited from this class; each calls {@link
 * #harness()} of the subclass once per test.
 */
public abstract class ImConformanceSuite {

  /** The harness of the provider under test; called once per test. */
  protected abstract ProviderHarness harness();

  /** {@link ClientContract}. */
  @Nested
  public class Client extends ClientContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link UserProfileContract}. */
  @Nested
  public class Profiles extends UserProfileContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link InputValidationContract}. */
  @Nested
  public class InputValidation extends InputValidationContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link LimitsContract}. */
  @Nested
  public class Limits extends LimitsContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link GroupMemberAttributesContract}. */
  @Nested
  public class MemberAttributes extends GroupMemberAttributesContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link ContactGraphContract}. */
  @Nested
  public class Contacts extends ContactGraphContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link BlockListContract}. */
  @Nested
  public class BlockList extends BlockListContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link UserAccountsContract}. */
  @Nested
  public class Accounts extends UserAccountsContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }

  /** {@link GroupsContract}. */
  @Nested
  public class Groups extends GroupsContract {
    @Override
    protected ProviderHarness harness() {
      return ImConformanceSuite.this.harness();
    }
  }
}
