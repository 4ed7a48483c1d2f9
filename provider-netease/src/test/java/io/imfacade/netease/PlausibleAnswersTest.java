package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.netease.AbsentAnswers;
import io.imfacade.simulator.netease.EmailCheck;
import io.imfacade.simulator.netease.ListOrder;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.simulator.netease.RepeatAnswers;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8 items 3, 4, 6 and issue 9 item 6 against the stateful simulator in each of its
 * plausible-answer modes: whatever documented code and desc NetEase uses for an unknown account, a
 * missing relation, a full list or a repeated write, the neutral contract's outcome is the same.
 */
class PlausibleAnswersTest {

  /** One simulated server per plausible answer (the simulator's {@link AbsentAnswers} etc.). */
  enum Server {
    /** The default: 404 unknown accounts, 403 alias of a non-friend, 200 removing nothing, 200 repeats, 419 full. */
    MIXED,
    /** 404 for everything absent, 417 for repeats, 403 over the caps, newest first, no empty admins. */
    NOT_FOUND,
    /** 414 for everything absent and for repeats, 414 over the caps, shuffled lists, a strict email check. */
    PARAMETER_ERROR
  }

  @RegisterExtension
  static final NeteaseSimulatorExtension MIXED = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).build();

  @RegisterExtension
  static final NeteaseSimulatorExtension NOT_FOUND = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).absentAnswers(AbsentAnswers.NOT_FOUND_404).repeatAnswers(RepeatAnswers.REPEATED_OPERATION_417)
      .overLimitCode(403).listOrder(ListOrder.NEWEST_FIRST).omitEmptyAdmins(true).build();

  @RegisterExtension
  static final NeteaseSimulatorExtension PARAMETER_ERROR = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .requestsPerSecond(0).absentAnswers(AbsentAnswers.PARAMETER_414).repeatAnswers(RepeatAnswers.PARAMETER_414)
      .overLimitCode(414).listOrder(ListOrder.SHUFFLED).emailCheck(EmailCheck.STRICT_PATTERN).build();

  private final ProviderContext context = ProviderContext.create();
  private ImClient client;
  private NeteaseSimulator sim;

  private void open(Server server) {
    NeteaseSimulatorExtension ext = switch (server) {
      case MIXED -> MIXED;
      case NOT_FOUND -> NOT_FOUND;
      case PARAMETER_ERROR -> PARAMETER_ERROR;
    };
    sim = ext.simulator();
    sim.createUsers("alice", "bob", "carol");
    client = TestClients.to(ext.baseUrl()).open(context);
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    context.close();
  }

  private Contact contactOf(String owner, String friend) {
    return client.contacts().allContacts(owner).filter(c -> c.userId().equals(friend)).findFirst()
        .orElseThrow(() -> new AssertionError(friend + " is not a contact of " + owner));
  }

  /**
   * Issue 8 item 4: NetEase keeps an alias when a friendship ends unless {@code isDeleteAlias=true}
   * (default false), and the simulator keeps the other side's alias whatever is sent. Removed and
   * added again, the contact comes back with no remark on either side.
   */
  @ParameterizedTest
  @EnumSource(Server.class)
  void removeThenReAddBringsNoOldRemarkBack(Server server) {
    open(server);
    client.contacts().addContact("alice", "bob");
    client.contacts().setRemark("alice", "bob", "Bee");
    client.contacts().setRemark("bob", "alice", "Ay");

    client.contacts().removeContact("alice", "bob");
    assertThat(sim.storedAliasOf("alice", "bob")).as("isDeleteAlias=true was sent").isEmpty();
    assertThat(sim.storedAliasOf("bob", "alice")).as("the friend's alias was cleared first").isEmpty();
    client.contacts().addContact("alice", "bob");

    assertThat(contactOf("alice", "bob")).isEqualTo(Contact.of("bob"));
    assertThat(contactOf("bob", "alice")).isEqualTo(Contact.of("alice"));
  }

  /** Issue 8 item 3: the contracts' outcomes for unknown users and missing relations, in every mode. */
  @ParameterizedTest
  @EnumSource(Server.class)
  void unknownUsersAndMissingRelationsGiveTheContractsOutcome(Server server) {
    open(server);

    assertThatThrownBy(() -> client.contacts().addContact("alice", "ghost")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().addContact("ghost", "alice")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().setRemark("alice", "bob", "x")).as("not friends").isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().setRemark("ghost", "bob", "x")).isInstanceOf(NotFoundException.class);
    client.contacts().removeContact("alice", "bob");
    client.contacts().removeContact("alice", "ghost");
    assertThatThrownBy(() -> client.contacts().removeContact("ghost", "alice")).isInstanceOf(NotFoundException.class);
    client.contacts().unblock("alice", "bob");
    assertThatThrownBy(() -> client.contacts().unblock("ghost", "alice")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().block("alice", List.of("bob", "ghost"))).isInstanceOf(NotFoundException.class);
    assertThat(client.contacts().allBlocked("alice")).as("the user that exists is blocked").containsExactly("bob");
    assertThatThrownBy(() -> client.contacts().block("ghost", List.of("bob"))).isInstanceOf(NotFoundException.class);

    client.profiles().delete("ghost");
    assertThatThrownBy(() -> client.profiles().update("ghost", ProfileUpdate.builder().nickname("x").build()))
        .isInstanceOf(NotFoundException.class);
    client.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());
    assertThat(client.profiles().get("ghost")).isEmpty();
    assertThat(client.profiles().getAll(List.of("ghost", "alice", "bob", "nobody")))
        .containsOnlyKeys("alice").containsEntry("alice", UserProfile.builder("alice").nickname("Alice").build());
    assertThat(client.contacts().allContacts("alice")).isEmpty();
  }

  /**
   * Issue 9 item 6: the answer of an add or a block that landed is lost; the provider sends it again
   * (both are idempotent by outcome), the server answers the replay as it answers repeats (200, 417
   * or 414), and the caller gets success because the friend or the block is in place.
   */
  @ParameterizedTest
  @EnumSource(Server.class)
  void theReplayOfALostAddOrBlockIsASuccess(Server server) {
    open(server);

    sim.loseAnswers("friend/add.action", 1);
    client.contacts().addContact("alice", "bob");
    assertThat(sim.friendsOf("alice")).containsExactly("bob");

    sim.loseAnswers("user/setSpecialRelation.action", 1);
    client.contacts().block("alice", List.of("carol", "bob"));
    assertThat(sim.blockListOf("alice")).containsExactly("carol", "bob");

    client.contacts().addContact("bob", "alice");
    client.contacts().block("alice", List.of("carol"));
    assertThat(client.contacts().allContacts("bob").map(Contact::userId)).containsExactly("alice");
  }

  /** Issue 9 item 6: a member attribute write whose answer is lost is read back, not replayed. */
  @ParameterizedTest
  @EnumSource(Server.class)
  void aLostMemberWriteThatLandedIsASuccess(Server server) {
    open(server);
    sim.createTeam("1001", "alice", List.of("bob"));
    sim.loseAnswers("team/updateTeamNick.action", 1);
    long before = sim.requests();

    assertThat(client.groupMemberAttributes().set("1001", "bob", Map.of("seat", "3"))).isEqualTo(Map.of("seat", "3"));

    assertThat(sim.requests() - before).as("read, write (answer lost), read back; no replay").isEqualTo(3);
    assertThat(sim.teamMemberCustom("1001", "bob")).contains("{\"seat\":\"3\"}");
    assertThat(client.groupMemberAttributes().get("1001", "bob")).isEqualTo(Map.of("seat", "3"));
  }

  /**
   * Issue 8 item 6: a full friend list (3000, the server doc's cap) or block list is over quota
   * whatever code the server answers (419, 403 or 414).
   */
  @ParameterizedTest
  @EnumSource(Server.class)
  void aFullListIsOverQuotaWhateverTheCode(Server server) {
    open(server);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      others.add("u" + i);
    }
    sim.createUsers(others);
    others.forEach(u -> sim.addFriend("alice", u));
    sim.block("alice", others);

    assertThatThrownBy(() -> client.contacts().addContact("alice", "bob")).isInstanceOf(QuotaExceededException.class);
    assertThatThrownBy(() -> client.contacts().addContact("carol", "alice")).as("the friend's list is full")
        .isInstanceOf(QuotaExceededException.class);
    assertThatThrownBy(() -> client.contacts().block("alice", List.of("bob"))).isInstanceOf(QuotaExceededException.class);
    client.contacts().addContact("alice", "u7");
    client.contacts().block("alice", List.of("u7"));
    assertThat(sim.friendsOf("alice")).hasSize(3000);
  }

  /** Issue 8 item 6: the pages are in id order whatever order the server lists friends in. */
  @ParameterizedTest
  @EnumSource(Server.class)
  void pagesAreInIdOrderWhateverTheServersOrder(Server server) {
    open(server);
    List<String> friends = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      friends.add(String.format("f%02d", i));
    }
    sim.createUsers(friends);
    friends.forEach(f -> sim.addFriend("alice", f));

    List<String> first = client.contacts().allContacts("alice").map(Contact::userId).collect(Collectors.toList());
    List<String> second = client.contacts().allContacts("alice").map(Contact::userId).collect(Collectors.toList());

    assertThat(first).isSorted().hasSize(30).isEqualTo(second);
  }

  /**
   * Item 5: the server checks the email format; its refusal names the value ({@code "<value> not
   * email"}) and becomes an invalid request naming the field. The default simulator refuses what
   * the recorded refusal shows (no {@code @}); the strict one also non-ASCII addresses.
   */
  @Test
  void aRefusedEmailNamesTheField() {
    open(Server.MIXED);
    assertThatThrownBy(() -> client.profiles().update("alice", ProfileUpdate.builder().email("邮件").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains("email");
          assertThat(e.vendorMessage()).contains("邮件 not email");
        });
    client.profiles().update("alice", ProfileUpdate.builder().email("张三@例子.中国").build());
    client.close();
    context.close();

    try (ProviderContext strict = ProviderContext.create();
        ImClient c = TestClients.to(PARAMETER_ERROR.baseUrl()).open(strict)) {
      PARAMETER_ERROR.simulator().createUsers("alice");
      assertThatThrownBy(() -> c.profiles().update("alice", ProfileUpdate.builder().email("张三@例子.中国").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("email"));
      c.profiles().update("alice", ProfileUpdate.builder().email("zhang.san+im@example.cn").build());
      assertThat(PARAMETER_ERROR.simulator().userCard("alice")).containsEntry("email", "zhang.san+im@example.cn");
    }
  }
}
