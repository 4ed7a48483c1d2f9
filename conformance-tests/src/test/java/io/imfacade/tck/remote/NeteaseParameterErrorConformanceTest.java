package io.imfacade.tck.remote;

import io.imfacade.simulator.netease.AbsentAnswers;
import io.imfacade.simulator.netease.DuplicateAccountAnswers;
import io.imfacade.simulator.netease.ListOrder;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.simulator.netease.RepeatAnswers;
import io.imfacade.simulator.netease.TeamAnswers;
import io.imfacade.tck.BlockListContract;
import io.imfacade.tck.ContactGraphContract;
import io.imfacade.tck.GroupMemberAttributesContract;
import io.imfacade.tck.GroupsContract;
import io.imfacade.tck.ProviderHarness;
import io.imfacade.tck.UserAccountsContract;
import io.imfacade.tck.UserProfileContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TCK against the {@code netease} provider and a NetEase simulator that answers every
 * undocumented case with the catch-all "parameter error" (issue 8, vendor-simulators/FIDELITY.md):
 * code 414 with a desc naming what is missing for unknown accounts (a {@code getUinfos} call with
 * one is refused whole), for removing a friend or a block that is not there and for the alias of a
 * non-friend; code 414 for an add or a block already in place and for a full list; lists in a new
 * random order on every answer; code 414 for an unknown team, an add of a member and a kick of a
 * non-member; a duplicate registration refused with 417 "repeated operation". {@link
 * NeteaseConformanceTest} runs the default mode, {@link NeteaseNotFoundConformanceTest} the 404
 * one.
 *
 * <p>Only the contracts whose calls reach the answers this mode changes run here (profiles,
 * contacts, block list, member attributes, accounts, groups; 6 of the suite's 9): the client,
 * input-validation and limits contracts do not depend on them (the guard refuses before any call,
 * and the block list's quota is checked by the provider before it writes), and run against the
 * default mode in {@link NeteaseConformanceTest}; that keeps the extra NetEase runs short. The
 * over-limit code of this mode is exercised by the provider's own {@code PlausibleAnswersTest}
 * (3000 friends seeded).
 */
class NeteaseParameterErrorConformanceTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension SIMULATOR =
      NeteaseSimulatorExtension.app(Simulators.NETEASE_APP_KEY, Simulators.NETEASE_APP_SECRET)
          .requestsPerSecond(0) // as Simulators.netease(): the rate limit has tests of its own
          .absentAnswers(AbsentAnswers.PARAMETER_414)
          .repeatAnswers(RepeatAnswers.PARAMETER_414)
          .overLimitCode(414)
          .listOrder(ListOrder.SHUFFLED)
          .teamAnswers(TeamAnswers.PARAMETER_414)
          .duplicateAccountAnswers(DuplicateAccountAnswers.REPEATED_OPERATION_417)
          .build();

  private ProviderHarness harness() {
    return new NeteaseHarness(SIMULATOR);
  }

  /** {@link UserProfileContract}: unknown accounts in reads, updates and deletes. */
  @Nested
  class Profiles extends UserProfileContract {
    @Override
    protected ProviderHarness harness() {
      return NeteaseParameterErrorConformanceTest.this.harness();
    }
  }

  /** {@link ContactGraphContract}: unknown accounts, non-friends, repeated adds, list order. */
  @Nested
  class Contacts extends ContactGraphContract {
    @Override
    protected ProviderHarness harness() {
      return NeteaseParameterErrorConformanceTest.this.harness();
    }
  }

  /** {@link BlockListContract}: users not blocked, repeated blocks, list order. */
  @Nested
  class BlockList extends BlockListContract {
    @Override
    protected ProviderHarness harness() {
      return NeteaseParameterErrorConformanceTest.this.harness();
    }
  }

  /** {@link GroupMemberAttributesContract}: teams read through queryDetail in this mode. */
  @Nested
  class MemberAttributes extends GroupMemberAttributesContract {
    @Override
    protected ProviderHarness harness() {
      return NeteaseParameterErrorConformanceTest.this.harness();
    }
  }

  /** {@link UserAccountsContract}: a duplicate registration answered 417 "repeated operation", unknown accounts. */
  @Nested
  class Accounts extends UserAccountsContract {
    @Override
    protected ProviderHarness harness() {
      return NeteaseParameterErrorConformanceTest.this.harness();
    }
  }

  /** {@link GroupsContract}: unknown teams, members and non-members answered the PARAMETER_414 way. */
  @Nested
  class Groups extends GroupsContract {
    @Override
    protected ProviderHarness harness() {
      return NeteaseParameterErrorConformanceTest.this.harness();
    }
  }
}
