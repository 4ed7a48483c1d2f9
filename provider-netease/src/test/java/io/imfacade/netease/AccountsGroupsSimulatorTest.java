package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.simulator.netease.AbsentAnswers;
import io.imfacade.simulator.netease.DuplicateAccountAnswers;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.simulator.netease.TeamAnswers;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Accounts and groups through {@code ImFacade.open} against the stateful simulator, in each of its
 * plausible-answer modes for what NetEase leaves open (the desc of a duplicate registration, the
 * code of an unknown team, an add of a member, a kick of a non-member, unknown accounts): the
 * neutral outcome is the same in every mode. Also: an account registered here is the account the
 * other services see, and a group created here is the team member attributes work on.
 */
class AccountsGroupsSimulatorTest {

  /** One simulated server per set of plausible answers. */
  enum Server {
    /** 414 "already register" (observed), 803/809/804/802 team codes, 404 unknown accounts. */
    DOCUMENTED,
    /** 414 with another desc, 404 unknown team, members and non-members skipped silently, 404 unknown accounts. */
    NOT_FOUND,
    /** 417 for a duplicate, 414 for every team case and unknown accounts. */
    PARAMETER_ERROR
  }

  @RegisterExtension
  static final NeteaseSimulatorExtension DOCUMENTED = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).build();

  @RegisterExtension
  static final NeteaseSimulatorExtension NOT_FOUND = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).absentAnswers(AbsentAnswers.NOT_FOUND_404).teamAnswers(TeamAnswers.NOT_FOUND_404)
      .duplicateAccountAnswers(DuplicateAccountAnswers.OTHER_DESC_414).omitEmptyAdmins(true).build();

  @RegisterExtension
  static final NeteaseSimulatorExtension PARAMETER_ERROR = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).absentAnswers(AbsentAnswers.PARAMETER_414).teamAnswers(TeamAnswers.PARAMETER_414)
      .duplicateAccountAnswers(DuplicateAccountAnswers.REPEATED_OPERATION_417).build();

  /** Accounts may be in one team only: {@code faccid} answers. */
  @RegisterExtension
  static final NeteaseSimulatorExtension ONE_TEAM_EACH = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).joinedTeamsMax(1).build();

  private final ProviderContext context = ProviderContext.create();
  private ImClient client;
  private NeteaseSimulator sim;

  private void open(Server server) {
    open(switch (server) {
      case DOCUMENTED -> DOCUMENTED;
      case NOT_FOUND -> NOT_FOUND;
      case PARAMETER_ERROR -> PARAMETER_ERROR;
    });
  }

  private void open(NeteaseSimulatorExtension ext) {
    sim = ext.simulator();
    client = TestClients.to(ext.baseUrl()).open(context);
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    context.close();
  }

  // ---- accounts ----

  @ParameterizedTest
  @EnumSource(Server.class)
  void aRegisteredUserIsTheUserEveryServiceSees(Server server) {
    open(server);

    Account alice = client.accounts().register(Registration.of("Alice"));
    Account bob = client.accounts().register(Registration.of("bob", "bobs-token"));

    assertThat(alice.userId()).isEqualTo("alice");
    assertThat(alice.credential()).isNotNull();
    assertThat(alice.credential().kind()).isEqualTo(Credential.Kind.TOKEN);
    assertThat(alice.credential().expiresAt()).isNull();
    assertThat(sim.tokenOf("alice")).contains(alice.credential().secret());
    assertThat(bob.credential()).as("the caller has the password").isNull();
    assertThat(sim.tokenOf("bob")).contains("bobs-token");
    assertThat(client.accounts().exists("ALICE")).isTrue();
    assertThat(client.accounts().get("bob")).contains(Account.of("bob", null));

    client.profiles().update("alice", ProfileUpdate.builder().nickname("Alice A").build());
    client.contacts().addContact("alice", "bob");
    assertThat(sim.userCard("alice")).containsEntry("name", "Alice A");
    assertThat(client.contacts().allContacts("bob")).containsExactly(Contact.of("alice"));
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void registeringAnExistingUserIsAConflictWhateverTheServerSays(Server server) {
    open(server);
    sim.createUsers("carol");

    assertThatThrownBy(() -> client.accounts().register(Registration.of("Carol", "x")))
        .isInstanceOf(ConflictException.class);
    assertThat(sim.tokenOf("carol")).get().isNotEqualTo("x");

    BatchOutcome<Account> outcome = client.accounts().registerAll(List.of(
        Registration.of("dave"), Registration.of("CAROL"), Registration.of("erin", "e-token")));
    assertThat(outcome.succeeded()).containsOnlyKeys("dave", "erin");
    assertThat(outcome.succeeded().get("dave").credential().secret()).isEqualTo(sim.tokenOf("dave").orElseThrow());
    assertThat(outcome.succeeded().get("erin").credential()).isNull();
    assertThat(outcome.failed()).containsOnlyKeys("CAROL");
    assertThat(outcome.failed().get("CAROL")).isInstanceOf(ConflictException.class);
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void unknownUsersDoNotExistAndHaveNoCredentialToChange(Server server) {
    open(server);

    assertThat(client.accounts().get("ghost")).isEmpty();
    assertThat(client.accounts().exists("ghost")).isFalse();
    assertThatThrownBy(() -> client.accounts().setPassword("ghost", "x")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.accounts().issueToken("ghost", Duration.ofDays(1))).isInstanceOf(NotFoundException.class);
    assertThat(sim.tokenOf("ghost")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void setPasswordAndIssueTokenReplaceTheLoginToken(Server server) {
    open(server);
    sim.createUsers("frank");

    client.accounts().setPassword("Frank", "chosen-token");
    assertThat(sim.tokenOf("frank")).contains("chosen-token");

    Credential issued = client.accounts().issueToken("frank", Duration.ofMinutes(5));
    assertThat(issued.kind()).isEqualTo(Credential.Kind.TOKEN);
    assertThat(issued.expiresAt()).as("NetEase tokens do not expire").isNull();
    assertThat(issued.secret()).isNotEqualTo("chosen-token");
    assertThat(sim.tokenOf("frank")).contains(issued.secret());
  }

  @Test
  void deleteIsUnsupportedWithTheReasonAndSendsNothing() {
    open(DOCUMENTED);
    sim.createUsers("gina");
    long before = sim.requests();

    assertThatThrownBy(() -> client.accounts().delete("gina"))
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
            e -> assertThat(e.getMessage()).contains("cannot delete accounts"));
    assertThat(sim.requests()).isEqualTo(before);
  }

  @Test
  void aRegistrationWhoseAnswerIsLostIsNotRepeatedButTheAccountCanBeFound() {
    open(DOCUMENTED);
    sim.loseAnswers("user/create.action", 1);

    assertThatThrownBy(() -> client.accounts().register(Registration.of("henry", "t")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(client.accounts().exists("henry")).isTrue();
    assertThat(sim.tokenOf("henry")).contains("t");
  }

  @Test
  void aTokenRequestWhoseAnswerIsLostIsRepeatedAndTheTokenReturnedIsTheValidOne() {
    open(DOCUMENTED);
    sim.createUsers("iris");
    sim.loseAnswers("user/refreshToken.action", 1);

    Credential issued = client.accounts().issueToken("iris", Duration.ofHours(1));

    assertThat(sim.tokenOf("iris")).contains(issued.secret());
  }

  // ---- groups ----

  @ParameterizedTest
  @EnumSource(Server.class)
  void aGroupsLifecycle(Server server) {
    open(server);
    sim.createUsers("owner", "m1", "m2", "m3", "m4");

    Group group = client.groups().create(new NewGroup("Owner", "Team A", "about us", List.of("m1", "M2", "owner"), 0));
    String gid = group.groupId();
    assertThat(gid).matches("[0-9]+");
    assertThat(group).isEqualTo(new Group(gid, "Team A", "owner", "about us", 3, 200));
    assertThat(client.groups().get(gid)).contains(group);
    assertThat(sim.teamMembersOf(gid)).containsExactly("owner", "m1", "m2");

    BatchOutcome<MemberChange> added = client.groups().addMembers(gid, List.of("m2", "M3", "ghost", "owner"));
    assertThat(added.succeeded()).containsExactly(Map.entry("m2", MemberChange.ALREADY_MEMBER),
        Map.entry("M3", MemberChange.ADDED), Map.entry("owner", MemberChange.ALREADY_MEMBER));
    assertThat(added.failed()).containsOnlyKeys("ghost");
    assertThat(added.failed().get("ghost")).isInstanceOf(NotFoundException.class);

    BatchOutcome<MemberChange> removed = client.groups().removeMembers(gid, List.of("m1", "m4", "Owner"));
    assertThat(removed.succeeded()).containsExactly(Map.entry("m1", MemberChange.REMOVED),
        Map.entry("m4", MemberChange.NOT_A_MEMBER));
    assertThat(removed.failed()).containsOnlyKeys("Owner");
    assertThat(removed.failed().get("Owner")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("delete the group instead");
    assertThat(sim.teamMembersOf(gid)).containsExactly("owner", "m2", "m3");

    // Member attributes work on the group this service created.
    client.groupMemberAttributes().set(gid, "m3", Map.of("seat", "7"));
    assertThat(client.groupMemberAttributes().get(gid, "m3")).containsExactly(Map.entry("seat", "7"));

    Page<String> first = client.groups().members(gid, PageRequest.first(2));
    assertThat(first.items()).containsExactly("m2", "m3");
    assertThat(client.groups().members(gid, PageRequest.after(first.nextCursor().orElseThrow(), 2)).items())
        .containsExactly("owner");
    assertThat(client.groups().allMembers(gid)).containsExactly("m2", "m3", "owner");

    client.groups().delete(gid);
    assertThat(sim.teamExists(gid)).isFalse();
    assertThat(client.groups().get(gid)).isEmpty();
    assertThatThrownBy(() -> client.groups().delete(gid)).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void anUnknownGroupIsEmptyOrNotFoundWhateverTheCode(Server server) {
    open(server);
    sim.createUsers("owner", "m1");

    assertThat(client.groups().get("424242")).isEmpty();
    assertThatThrownBy(() -> client.groups().addMembers("424242", List.of("m1"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groups().removeMembers("424242", List.of("m1"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groups().members("424242", PageRequest.first(10))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groups().delete("424242")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groupMemberAttributes().get("424242", "m1")).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void creatingWithAnUnknownUserIsNotFoundAndCreatesNothing(Server server) {
    open(server);
    sim.createUsers("owner", "m1");
    String probe = sim.createTeam("owner", List.of());

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("m1", "ghost"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> client.groups().create(NewGroup.of("ghost", "t", List.of("m1"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(sim.teamExists(Long.toString(Long.parseLong(probe) + 1))).as("no team was made").isFalse();
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void usersBeyondAFullGroupAreOverQuotaTheOthersAdded(Server server) {
    open(server);
    sim.createUsers("owner", "m1", "m2", "m3", "m4");
    String gid = client.groups().create(new NewGroup("owner", "small", null, List.of("m1"), 3)).groupId();

    BatchOutcome<MemberChange> added = client.groups().addMembers(gid, List.of("m2", "m3", "m4"));

    assertThat(added.succeeded()).containsExactly(Map.entry("m2", MemberChange.ADDED));
    assertThat(added.failed()).containsOnlyKeys("m3", "m4");
    assertThat(added.failed().values()).allMatch(e -> e instanceof QuotaExceededException);
    assertThat(sim.teamMembersOf(gid)).containsExactly("owner", "m1", "m2");
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void changesWhoseAnswersAreLostAreReadBack(Server server) {
    open(server);
    sim.createUsers("owner", "m1", "m2");
    String gid = client.groups().create(NewGroup.of("owner", "t", List.of("m1"))).groupId();

    sim.loseAnswers("team/add.action", 1);
    assertThat(client.groups().addMembers(gid, List.of("m2")).succeeded()).containsExactly(Map.entry("m2", MemberChange.ADDED));
    sim.loseAnswers("team/kick.action", 1);
    assertThat(client.groups().removeMembers(gid, List.of("m1", "m2")).succeeded())
        .containsExactly(Map.entry("m1", MemberChange.REMOVED), Map.entry("m2", MemberChange.REMOVED));
    assertThat(sim.teamMembersOf(gid)).containsExactly("owner");
    sim.loseAnswers("team/remove.action", 1);
    client.groups().delete(gid);
    assertThat(sim.teamExists(gid)).isFalse();
  }

  @Test
  void aGroupCreateWhoseAnswerIsLostIsNotRepeated() {
    open(DOCUMENTED);
    sim.createUsers("owner");
    String before = sim.createTeam("owner", List.of());
    sim.loseAnswers("team/create.action", 1);

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of())))
        .isInstanceOf(ProviderUnavailableException.class);
    String next = Long.toString(Long.parseLong(before) + 1);
    assertThat(sim.teamExists(next)).as("one team made").isTrue();
    assertThat(sim.teamExists(Long.toString(Long.parseLong(before) + 2))).as("and no second one").isFalse();
  }

  @Test
  void membersWhoCannotJoinFailTheCreateAndTheTeamIsDismissed() {
    open(ONE_TEAM_EACH);
    sim.createUsers("owner", "busy", "free", "elsewhere");
    String other = sim.createTeam("elsewhere", List.of("busy"));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("free", "busy"))))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.getMessage()).contains("busy").contains("dismissed").doesNotContain("free,");
          assertThat(e.vendorMessage()).isPresent();
        });
    String made = Long.toString(Long.parseLong(other) + 1);
    assertThat(sim.teamExists(made)).as("the half-made team was dismissed").isFalse();
    assertThat(sim.teamMembersOf(other)).containsExactly("elsewhere", "busy");

    String gid = client.groups().create(NewGroup.of("owner", "t2", List.of("free"))).groupId();
    BatchOutcome<MemberChange> added = client.groups().addMembers(gid, List.of("busy"));
    assertThat(added.failed()).containsOnlyKeys("busy");
    assertThat(added.failed().get("busy")).isInstanceOf(QuotaExceededException.class);
  }
}
