package io.imfacade.easemob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.easemob.Undocumented;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accounts and groups through {@code ImFacade.open} against the simulator in each plausible answer
 * of the behaviours the vendor leaves open or documents two ways (facts §11, §12): the caller's
 * outcome is the same under every one of them, and the simulator's state is what the outcome says.
 */
class EasemobAccountsAndGroupsTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("ag-org", "ag-app")
      .clientCredentials("YXA6ag-client", "ag-secret")
      .build();

  private static ProviderContext context;
  private ImClient client;
  private EasemobSimulator sim;

  @BeforeAll
  static void openContext() {
    context = ProviderContext.create();
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  @BeforeEach
  void open() {
    sim = SIM.simulator();
    Map<String, String> config = new LinkedHashMap<>();
    config.put("provider", "easemob");
    config.put("easemob.baseUrl", SIM.baseUrl());
    config.put("easemob.orgName", "ag-org");
    config.put("easemob.appName", "ag-app");
    config.put("easemob.clientId", "YXA6ag-client");
    config.put("easemob.clientSecret", "ag-secret");
    config.put(ImConfig.RETRY_MAX_ATTEMPTS, "3");
    config.put(ImConfig.RETRY_INITIAL_BACKOFF_MS, "1");
    config.put(ImConfig.RETRY_MAX_BACKOFF_MS, "5");
    config.put(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "5000");
    client = ImFacade.open(ImConfig.of(config), context);
    sim.createUsers("alice", "bob", "carol");
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- accounts

  /**
   * 130 users in three batches of at most 60, one existing user in each, half of them without a
   * password: every new user is registered (the generated passwords are the ones stored and are
   * returned once), each existing one is a conflict, whether the vendor fails it alone or refuses
   * its whole batch.
   */
  @ParameterizedTest
  @EnumSource(Undocumented.RegisterExistingUser.class)
  void registerAllReportsEveryUserWhateverTheAnswerToAnExistingOne(Undocumented.RegisterExistingUser answer) {
    sim.answer(answer);
    List<String> users = ids("n", 130);
    List<String> existing = List.of("n5", "n70", "n129");
    sim.createUsers(existing);
    List<Registration> registrations = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      registrations.add(i % 2 == 0 ? Registration.of(users.get(i)) : Registration.of(users.get(i), "given-pw-" + i));
    }

    BatchOutcome<Account> outcome = client.accounts().registerAll(registrations);

    assertThat(outcome.failed().keySet()).containsExactlyElementsOf(existing);
    assertThat(outcome.failed().values()).allSatisfy(e -> assertThat(e).isInstanceOf(ConflictException.class));
    assertThat(outcome.succeeded()).hasSize(127);
    outcome.succeeded().forEach((id, account) -> {
      assertThat(sim.hasUser(id)).as(id).isTrue();
      int i = Integer.parseInt(id.substring(1));
      if (i % 2 == 0) {
        Credential generated = account.credential();
        assertThat(generated).as("credential of %s", id).isNotNull();
        assertThat(generated.kind()).isEqualTo(Credential.Kind.PASSWORD);
        assertThat(sim.passwordOf(id)).as("the password registered for %s", id).hasValue(generated.secret());
      } else {
        assertThat(account.credential()).as("no credential for a given password").isNull();
        assertThat(sim.passwordOf(id)).hasValue("given-pw-" + i);
      }
    });
    assertThat(sim.passwordOf("n5")).as("an existing user is left as it was").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Undocumented.RegisterExistingUser.class)
  void registeringAnExistingUserAloneIsAConflict(Undocumented.RegisterExistingUser answer) {
    sim.answer(answer);

    assertThatThrownBy(() -> client.accounts().register(Registration.of("ALICE", "pw123456")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void twoGeneratedPasswordsDiffer() {
    Credential a = client.accounts().register(Registration.of("gen1")).credential();
    Credential b = client.accounts().register(Registration.of("gen2")).credential();

    assertThat(a.secret()).isNotEqualTo(b.secret()).hasSize(32);
  }

  /** A deleted user is gone with the groups it owned; an unknown one is deleted whatever the answer. */
  @ParameterizedTest
  @EnumSource(Undocumented.DeleteUnknownUser.class)
  void deletingSucceedsForAUserAndForAnUnknownOne(Undocumented.DeleteUnknownUser answer) {
    sim.answer(answer);
    String owned = client.groups().create(NewGroup.of("bob", "bob's", List.of("carol"))).groupId();

    client.accounts().delete("BOB");
    client.accounts().delete("ghost");

    assertThat(sim.hasUser("bob")).isFalse();
    assertThat(client.accounts().exists("bob")).isFalse();
    assertThat(client.groups().get(owned)).as("the group bob owned").isEmpty();
    assertThat(sim.hasUser("alice")).isTrue();
  }

  @Test
  void aTokenIsIssuedToTheUserForTheAskedTime() {
    Instant before = Instant.now();

    Credential token = client.accounts().issueToken("Alice", Duration.ofMinutes(90));

    assertThat(sim.userTokenOwner(token.secret())).hasValue("alice");
    assertThat(token.expiresAt()).isBetween(before.plus(Duration.ofMinutes(90)).minusSeconds(1),
        Instant.now().plus(Duration.ofMinutes(90)));
    assertThatThrownBy(() -> client.accounts().issueToken("ghost", Duration.ofMinutes(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPasswordIsSetAndAnUnknownUsersIsNotFound() {
    client.accounts().setPassword("alice", "new-password-1");

    assertThat(sim.passwordOf("alice")).hasValue("new-password-1");
    assertThatThrownBy(() -> client.accounts().setPassword("ghost", "new-password-1"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.accounts().setPassword("alice", "12345")).as("the password page's minimum of 6")
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).doesNotContain("12345"));
  }

  // ---------------------------------------------------------------- groups

  static Stream<Arguments> addAnswers() {
    List<Arguments> all = new ArrayList<>();
    for (Undocumented.AddUnknownMember unknown : Undocumented.AddUnknownMember.values()) {
      for (Undocumented.AddExistingMember existing : Undocumented.AddExistingMember.values()) {
        all.add(Arguments.of(unknown, existing));
      }
    }
    return all.stream();
  }

  /**
   * 130 users in three requests: 5 members already, 3 unknown users (one in each request), the
   * others new: each is reported as what happened to it, whatever the vendor does with an unknown
   * user or a member in a request, and the group holds exactly the members it should.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("addAnswers")
  void addMembersReportsEveryUserWhateverTheAnswers(Undocumented.AddUnknownMember unknown,
      Undocumented.AddExistingMember existing) {
    sim.answer(unknown);
    sim.answer(existing);
    List<String> users = ids("m", 130);
    List<String> ghosts = List.of("m10", "m75", "m128");
    List<String> members = List.of("m0", "m61", "m62", "m100", "m129");
    List<String> known = new ArrayList<>(users);
    known.removeAll(ghosts);
    sim.createUsers(known);
    String group = client.groups().create(new NewGroup("alice", "g", null, members, 500)).groupId();

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(group, users);

    assertThat(outcome.failed().keySet()).containsExactlyElementsOf(ghosts);
    assertThat(outcome.failed().values()).allSatisfy(e -> assertThat(e).isInstanceOf(NotFoundException.class));
    members.forEach(m -> assertThat(outcome.succeeded().get(m)).as(m).isEqualTo(MemberChange.ALREADY_MEMBER));
    assertThat(outcome.succeeded().values().stream().filter(c -> c == MemberChange.ADDED).count()).isEqualTo(122);
    List<String> expected = new ArrayList<>(known);
    expected.add("alice");
    assertThat(sim.membersOf(group)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** A group that fills up takes users in order; the others are over the quota. */
  @Test
  void aGroupThatFillsUpTakesTheFirstUsers() {
    List<String> users = ids("f", 5);
    sim.createUsers(users);
    String group = client.groups().create(new NewGroup("alice", "g", null, List.of("bob"), 5)).groupId();

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(group, users);

    assertThat(outcome.succeeded()).containsExactly(Map.entry("f0", MemberChange.ADDED),
        Map.entry("f1", MemberChange.ADDED), Map.entry("f2", MemberChange.ADDED));
    assertThat(outcome.failed().keySet()).containsExactly("f3", "f4");
    assertThat(sim.membersOf(group)).containsExactly("alice", "bob", "f0", "f1", "f2");
  }

  static Stream<Arguments> removeAnswers() {
    List<Arguments> all = new ArrayList<>();
    for (Undocumented.RemoveNonMember nonMember : Undocumented.RemoveNonMember.values()) {
      for (Undocumented.RemoveOwnerInBatch owner : Undocumented.RemoveOwnerInBatch.values()) {
        all.add(Arguments.of(nonMember, owner));
      }
    }
    return all.stream();
  }

  /** 70 members removed with non-members, an unknown user and the owner, over two requests. */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("removeAnswers")
  void removeMembersReportsEveryUserWhateverTheAnswers(Undocumented.RemoveNonMember nonMember,
      Undocumented.RemoveOwnerInBatch owner) {
    sim.answer(nonMember);
    sim.answer(owner);
    List<String> members = ids("r", 70);
    sim.createUsers(members);
    String group = client.groups().create(new NewGroup("alice", "g", null, members, 100)).groupId();
    List<String> request = new ArrayList<>(members);
    request.add(3, "bob");
    request.add(40, "ghost");
    request.add("alice");

    BatchOutcome<MemberChange> outcome = client.groups().removeMembers(group, request);

    assertThat(outcome.failed().keySet()).containsExactly("alice");
    assertThat(outcome.failed().get("alice")).isInstanceOf(InvalidRequestException.class);
    assertThat(outcome.succeeded()).hasSize(72).containsEntry("bob", MemberChange.NOT_A_MEMBER)
        .containsEntry("ghost", MemberChange.NOT_A_MEMBER);
    members.forEach(m -> assertThat(outcome.succeeded().get(m)).as(m).isEqualTo(MemberChange.REMOVED));
    assertThat(sim.membersOf(group)).containsExactly("alice");
  }

  /** More than 100 members at creation: sent as the 2023 page allows, the rest added; one group. */
  @ParameterizedTest
  @EnumSource(Undocumented.CreateGroupMembers.class)
  void aGroupOfMoreThan100MembersIsCreatedWhateverTheLimitAtCreation(Undocumented.CreateGroupMembers answer) {
    sim.answer(answer);
    List<String> members = ids("c", 150);
    sim.createUsers(members);

    Group group = client.groups().create(new NewGroup("alice", "big", "many", members, 200));

    assertThat(group.memberCount()).isEqualTo(151);
    assertThat(sim.membersOf(group.groupId())).hasSize(151).contains("alice", "c0", "c149");
    assertThat(client.groups().get(group.groupId()).orElseThrow())
        .isEqualTo(new Group(group.groupId(), "big", "alice", "many", 151, 200));
  }

  /** An unknown member, wherever it is, fails the creation and leaves no group behind. */
  @ParameterizedTest
  @EnumSource(Undocumented.CreateGroupMembers.class)
  void anUnknownMemberLeavesNoGroupBehind(Undocumented.CreateGroupMembers answer) {
    sim.answer(answer);
    List<String> members = ids("c", 150);
    sim.createUsers(members);
    members.add("ghost");
    List<String> before = sim.groupIds();

    assertThatThrownBy(() -> client.groups().create(new NewGroup("alice", "big", null, members, 200)))
        .isInstanceOf(NotFoundException.class);

    assertThat(sim.groupIds()).isEqualTo(before);
  }

  /** Cursors hold an offset: a caller may change the page size between pages. */
  @Test
  void pagesCoverEveryMemberOnceWhenThePageSizeChanges() {
    List<String> members = ids("p", 11);
    sim.createUsers(members);
    String group = client.groups().create(new NewGroup("alice", "g", null, members, 0)).groupId();

    Page<String> first = client.groups().members(group, PageRequest.first(3));
    Page<String> second = client.groups().members(group, PageRequest.after(first.nextCursor().orElseThrow(), 4));
    Page<String> third = client.groups().members(group, PageRequest.after(second.nextCursor().orElseThrow(), 5));

    List<String> all = new ArrayList<>(first.items());
    all.addAll(second.items());
    all.addAll(third.items());
    assertThat(first.items()).hasSize(3);
    assertThat(second.items()).hasSize(4);
    assertThat(third.items()).hasSize(5);
    assertThat(third.nextCursor()).isEmpty();
    assertThat(all).as("the owner first, then in join order").startsWith("alice").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("alice"), members.stream()).toList());
    assertThatThrownBy(() -> client.groups().members(group, PageRequest.after("not-a-cursor", 3)))
        .isInstanceOf(InvalidRequestException.class);
  }
}
