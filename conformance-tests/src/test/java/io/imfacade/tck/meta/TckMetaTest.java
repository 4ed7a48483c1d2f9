package io.imfacade.tck.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.imfacade.tck.BlockListContract;
import io.imfacade.tck.ClientContract;
import io.imfacade.tck.ContactGraphContract;
import io.imfacade.tck.GroupMemberAttributesContract;
import io.imfacade.tck.GroupsContract;
import io.imfacade.tck.ImConformanceSuite;
import io.imfacade.tck.InputValidationContract;
import io.imfacade.tck.LimitsContract;
import io.imfacade.tck.UserAccountsContract;
import io.imfacade.tck.UserProfileContract;
import io.imfacade.tck.inmemory.InMemoryNoLimitsConformanceTest;
import io.imfacade.tck.inmemory.InMemoryPortableConformanceTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Tests of the TCK itself: it skips what a provider does not offer (with the reason), fails — never
 * skips — on a broken harness, and fails a provider with a bug. The fixtures run through
 * EngineTestKit, in this JVM, exactly as a provider's build would run the TCK.
 */
class TckMetaTest {

  /** Fewer tests than this means the inherited @Nested contracts were not discovered. */
  private static final int MIN_TESTS = 140;

  private static EngineExecutionResults run(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
  }

  private static String methodName(Event event) {
    return event.getTestDescriptor().getSource()
        .filter(MethodSource.class::isInstance)
        .map(s -> ((MethodSource) s).getMethodName())
        .orElse(event.getTestDescriptor().getDisplayName());
  }

  private static Optional<Throwable> throwable(Event event) {
    return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
  }

  private static Set<String> failedMethods(EngineExecutionResults results) {
    return results.testEvents().failed().stream().map(TckMetaTest::methodName).collect(Collectors.toSet());
  }

  @Test
  void inheritedNestedContractsAreDiscoveredAndPassOnInMemory() {
    Events tests = run(InMemoryPortableConformanceTest.class).testEvents();

    assertThat(tests.started().count()).isGreaterThanOrEqualTo(MIN_TESTS);
    assertThat(tests.failed().stream().map(e -> methodName(e) + ": " + throwable(e).orElse(null)))
        .as("failures").isEmpty();
    assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(MIN_TESTS - 20);
  }

  @ParameterizedTest
  @ValueSource(classes = {
      ImConformanceSuite.class,
      ClientContract.class,
      UserProfileContract.class,
      InputValidationContract.class,
      LimitsContract.class,
      GroupMemberAttributesContract.class,
      ContactGraphContract.class,
      BlockListContract.class,
      UserAccountsContract.class,
      GroupsContract.class})
  void theAbstractTckClassesRunNothingOnTheirOwn(Class<?> tckClass) {
    assertThat(run(tckClass).testEvents().started().count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(classes = {ContractFixtures.ProfilesAlone.class, ContractFixtures.BlockListAlone.class})
  void aSingleContractRunsOnItsOwnFromAnotherPackage(Class<?> fixture) {
    Events tests = run(fixture).testEvents();

    assertThat(tests.started().count()).isGreaterThanOrEqualTo(10);
    assertThat(tests.succeeded().count()).as("succeeded").isEqualTo(tests.started().count());
  }

  @Test
  void capabilityTheProviderLacksIsSkippedWithTheReason() {
    Events tests = run(InMemoryPortableConformanceTest.class).testEvents();

    Map<String, String> reasons = tests.aborted().stream().collect(Collectors.toMap(
        TckMetaTest::methodName, e -> throwable(e).map(Throwable::getMessage).orElse(""), (a, b) -> a));
    assertThat(reasons).containsKeys("customAttributesRoundTrip", "customAttributesArePatchedAndRemovedWithEmptyValue");
    assertThat(reasons.get("customAttributesRoundTrip"))
        .contains("inmemory")
        .contains("PROFILE_CUSTOM_ATTRIBUTES");
    assertThat(reasons.get("totalSizeGrowsAfterAWrite")).contains("PROFILE_TOTAL_SIZE");
  }

  /** A limit the client's metadata does not declare is skipped, naming the limit: never passed. */
  @Test
  void noLimitsModeSkipsOnlyTheLimitContractsNamingTheLimit() {
    Events tests = run(InMemoryNoLimitsConformanceTest.class).testEvents();

    assertThat(tests.failed().stream().map(e -> methodName(e) + ": " + throwable(e).orElse(null)))
        .as("failures").isEmpty();
    List<String> reasons = tests.aborted().stream().map(e -> throwable(e).map(Throwable::getMessage).orElse(""))
        .collect(Collectors.toList());
    assertThat(reasons).isNotEmpty()
        .allMatch(reason -> reason.startsWith("provider 'inmemory' declares no "), "names the undeclared limit");
    assertThat(String.join("\n", reasons)).contains("declares no profile field nickname limit")
        .contains("declares no remark limit")
        .contains("declares no memberKey limit")
        .contains("declares no memberTotalBytes limit")
        .contains("declares no profileTotalBytes limit")
        .contains("declares no pageSizeMax limit")
        .contains("declares no blockListMax limit");
    assertThat(tests.aborted().stream().map(TckMetaTest::methodName))
        .contains("profileFieldAtItsLimitRoundTrips", "profileFieldOverItsLimitIsRefusedNamingTheField",
            "blockListOverItsLimitIsQuotaExceeded", "contactPageAtTheLargestSizeIsAcceptedAndOneMoreRefused");
  }

  @ParameterizedTest
  @ValueSource(classes = {
      MisconfiguredHarnessFixtures.NullHarness.class,
      MisconfiguredHarnessFixtures.HarnessFactoryThrows.class,
      MisconfiguredHarnessFixtures.HarnessFactoryAssumes.class,
      MisconfiguredHarnessFixtures.OpenClientThrows.class,
      MisconfiguredHarnessFixtures.OpenClientReturnsNull.class,
      MisconfiguredHarnessFixtures.ClientOfAnotherProvider.class,
      MisconfiguredHarnessFixtures.CreateUsersFails.class})
  void misconfiguredHarnessFailsEveryTestAndSkipsNone(Class<?> fixture) {
    Events tests = run(fixture).testEvents();

    assertThat(tests.started().count()).isGreaterThanOrEqualTo(MIN_TESTS);
    assertThat(tests.aborted().count()).as("skipped").isZero();
    assertThat(tests.succeeded().count()).as("succeeded").isZero();
    assertThat(tests.failed().count()).as("failed").isEqualTo(tests.started().count());
    assertThat(tests.failed().stream().map(e -> throwable(e).map(Throwable::getMessage).orElse("")))
        .allMatch(m -> m.contains("misconfigured TCK harness"));
  }

  @Test
  void aHarnessThatGivesNoGroupIdFailsTheTestsThatNeedAGroup() {
    Events tests = run(MisconfiguredHarnessFixtures.CreateGroupReturnsNoId.class).testEvents();

    Map<String, String> failures = tests.failed().stream().collect(Collectors.toMap(
        TckMetaTest::methodName, e -> throwable(e).map(Throwable::getMessage).orElse(""), (a, b) -> a));
    assertThat(failures).containsKeys("attributesRoundTrip", "setAllReportsEveryMembersOutcome");
    assertThat(failures.get("attributesRoundTrip")).contains("misconfigured TCK harness")
        .contains("it must return the id of the group");
    assertThat(tests.succeeded().count()).as("the tests without a seeded group").isGreaterThan(50);
  }

  @Test
  void aClientOfAnotherProviderIsNamedInTheFailure() {
    Events tests = run(MisconfiguredHarnessFixtures.ClientOfAnotherProvider.class).testEvents();

    assertThat(throwable(tests.failed().list().get(0)).orElseThrow().getMessage())
        .contains("'easemob'")
        .contains("'inmemory'");
  }

  static List<Object[]> brokenProviders() {
    return List.of(
        new Object[] {BrokenProviderFixtures.GetAllFirstBatchOnly.class,
            List.of("getAllAcrossBatchesKeepsOrderCollapsesRepeatsAndSkipsTheAbsent")},
        new Object[] {BrokenProviderFixtures.GetAllSorted.class,
            List.of("getAllAcrossBatchesKeepsOrderCollapsesRepeatsAndSkipsTheAbsent")},
        new Object[] {BrokenProviderFixtures.UpdateReplaces.class,
            List.of("partialUpdateKeepsTheOtherFields", "clearRemovesOnlyThatField", "emptyStringClearsTheField",
                "genderUnknownClearsTheGender")},
        new Object[] {BrokenProviderFixtures.AsciiOnly.class,
            List.of("everyFieldRoundTripsWithUnicodeAndEmoji", "eachStringFieldRoundTripsAlone")},
        new Object[] {BrokenProviderFixtures.PagesLoseItems.class,
            List.of("pagingVisitsEveryContactOnceAndEndsWithoutCursor")},
        new Object[] {BrokenProviderFixtures.WrongRefusal.class,
            List.of("capabilityDeclarationMatchesBehaviour", "blockedUsersAreListed", "newUserBlocksNobody")},
        new Object[] {BrokenProviderFixtures.OwnExceptions.class,
            List.of("getRefusesAMalformedUserId", "emptyUpdateIsRefused", "malformedAttributesAreRefused")},
        new Object[] {BrokenProviderFixtures.SetAllDropsFailures.class,
            List.of("setAllReportsEveryMembersOutcome")},
        new Object[] {BrokenProviderFixtures.UndeclaredCapabilityWorks.class,
            List.of("customAttributesRoundTrip", "capabilityDeclarationMatchesBehaviour")},
        new Object[] {BrokenProviderFixtures.NoValidation.class,
            List.of("profileFieldOverItsLimitIsRefusedNamingTheField",
                "profileAtItsTotalRoundTripsAndOneByteMoreIsOverQuota",
                "contactPageAtTheLargestSizeIsAcceptedAndOneMoreRefused",
                "blockListPageAtTheLargestSizeIsAcceptedAndOneMoreRefused",
                "memberAttributeKeyAtItsLimitRoundTripsAndOneUnitMoreIsRefused",
                "memberAttributeValueAtItsLimitRoundTripsAndOneUnitMoreIsRefused",
                "memberAttributesAtTheirTotalRoundTripAndOneByteMoreIsOverQuota",
                "remarkAtItsLimitRoundTripsAndOneUnitMoreIsRefused",
                "userIdAtItsLengthIsAcceptedAndOneLongerRefused",
                "blockListOverItsLimitIsQuotaExceeded")},
        new Object[] {BrokenProviderFixtures.LowerCaseKeys.class,
            List.of("getAllAnswersUnderTheCallersSpelling", "twoSpellingsOfOneUserInGetAllBothMapToItsProfile",
                "batchReadAnswersUnderTheCallersSpelling")},
        new Object[] {BrokenProviderFixtures.EmptyBatchesAreNoops.class,
            List.of("setAllOfNoMemberIsRefused", "blockingNobodyIsRefused")},
        new Object[] {BrokenProviderFixtures.CloseIgnored.class,
            List.of("closingTwiceIsHarmlessAndLaterCallsThrowIllegalStateException",
                "everyServiceThrowsIllegalStateExceptionAfterClose")},
        new Object[] {BrokenProviderFixtures.CountsCodePoints.class,
            List.of("profileFieldOverItsLimitIsRefusedNamingTheField")},
        new Object[] {BrokenProviderFixtures.CountsBytes.class,
            List.of("profileFieldAtItsLimitRoundTrips")},
        new Object[] {BrokenProviderFixtures.DuplicateRegistrationSucceeds.class,
            List.of("registeringAnExistingUserIsAConflict")},
        new Object[] {BrokenProviderFixtures.MembersWithoutOwner.class,
            List.of("aCreatedGroupHasAnIssuedIdItsOwnerAndItsMembers", "membersArePagedIncludingTheOwnerAndStreamed",
                "removeMembersReportsEachUserAndRefusesTheOwner")});
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("brokenProviders")
  void brokenProviderFailsTheContractsThatCoverTheBug(Class<?> fixture, List<String> expectedFailures) {
    EngineExecutionResults results = run(fixture);

    assertThat(failedMethods(results)).containsAll(expectedFailures);
    assertThat(results.testEvents().succeeded().count()).as("the rest of the TCK still passes").isGreaterThan(50);
  }

  @Test
  void aCapabilityContractFailsRatherThanSkipsWhenTheUndeclaredOperationWorks() {
    Events tests = run(BrokenProviderFixtures.UndeclaredCapabilityWorks.class).testEvents();

    assertThat(tests.aborted().stream().map(TckMetaTest::methodName)).doesNotContain("customAttributesRoundTrip");
    Event failure = tests.failed().stream()
        .filter(e -> methodName(e).equals("customAttributesRoundTrip")).findFirst().orElseThrow();
    assertThat(throwable(failure).orElseThrow().getMessage()).contains("UnsupportedCapabilityException");
  }
}
