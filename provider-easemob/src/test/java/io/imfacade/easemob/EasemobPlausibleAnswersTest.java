package io.imfacade.easemob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.simulator.easemob.CursorQuirk;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.easemob.Undocumented;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
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
 * The provider against the simulator in each plausible answer of the behaviours it relies on that
 * the vendor leaves undocumented (issue 8 items 5, 6, 8; issue 9 item 6): the caller's outcome
 * must be the same under every one of them.
 */
class EasemobPlausibleAnswersTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("pa-org", "pa-app")
      .clientCredentials("YXA6pa-client", "pa-secret")
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
    config.put("easemob.orgName", "pa-org");
    config.put("easemob.appName", "pa-app");
    config.put("easemob.clientId", "YXA6pa-client");
    config.put("easemob.clientSecret", "pa-secret");
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

  private ContactGraph contacts() {
    return client.contacts();
  }

  private static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- issue 8 item 5: block of unknown users

  static Stream<Arguments> blockAnswers() {
    List<Arguments> all = new ArrayList<>();
    for (Undocumented.BlockUnknownUser unknown : Undocumented.BlockUnknownUser.values()) {
      for (Undocumented.BlockBlockedUser repeat : Undocumented.BlockBlockedUser.values()) {
        all.add(Arguments.of(unknown, repeat));
      }
    }
    return all.stream();
  }

  /**
   * 120 users in three requests, two unknown (in the first and third), four blocked already: every
   * user that exists ends up blocked and the call names the two others, whatever the vendor does
   * with a request naming an unknown user or a blocked one.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("blockAnswers")
  void everyExistingUserIsBlockedAndTheUnknownOnesAreNamed(Undocumented.BlockUnknownUser unknown,
      Undocumented.BlockBlockedUser repeat) {
    sim.answer(unknown);
    sim.answer(repeat);
    List<String> users = ids("u", 120);
    sim.createUsers(users);
    sim.block("alice", List.of("u3", "u60", "u61", "u119"));
    List<String> request = new ArrayList<>(users);
    request.set(10, "ghost1");
    request.set(110, "ghost2");

    assertThatThrownBy(() -> contacts().block("alice", request)).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.plainMessage()).contains("ghost1, ghost2").contains("the other 118 users are blocked");
      assertThat(e.operation()).contains("contacts.block");
    });

    List<String> existing = new ArrayList<>(request);
    existing.removeAll(List.of("ghost1", "ghost2"));
    assertThat(sim.blockListOf("alice")).containsExactlyInAnyOrderElementsOf(existing);
    assertThat(contacts().allBlocked("alice")).containsExactlyInAnyOrderElementsOf(existing);
  }

  @ParameterizedTest
  @EnumSource(Undocumented.BlockUnknownUser.class)
  void onlyUnknownUsersBlockNobodyAndAnUnknownOwnerIsNotFound(Undocumented.BlockUnknownUser unknown) {
    sim.answer(unknown);

    assertThatThrownBy(() -> contacts().block("alice", List.of("ghost"))).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.plainMessage()).contains("ghost").contains("the other 0 users are blocked"));
    assertThatThrownBy(() -> contacts().block("nobody", List.of("bob"))).isInstanceOf(NotFoundException.class);
    assertThat(sim.blockListOf("alice")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Undocumented.BlockListFull.class)
  void aFullBlockListIsQuotaExceededWhateverTheAnswerAndARepeatOnItSucceeds(Undocumented.BlockListFull full) {
    sim.answer(full);
    List<String> users = ids("q", 501);
    sim.createUsers(users);
    contacts().block("alice", users.subList(0, 500));

    assertThatThrownBy(() -> contacts().block("alice", List.of("q500"))).isInstanceOf(QuotaExceededException.class);
    contacts().block("alice", List.of("q0", "q499"));
    assertThat(sim.blockListOf("alice")).hasSize(500).doesNotContain("q500");
  }

  // ---------------------------------------------------------------- issue 9 item 6: replays that meet their effect

  @ParameterizedTest
  @EnumSource(Undocumented.AddExistingContact.class)
  void anAddWhoseAnswerWasLostSucceedsOnItsReplay(Undocumented.AddExistingContact answer) {
    sim.answer(answer);
    long before = sim.requests();
    sim.loseAnswers(1);

    contacts().addContact("alice", "bob");

    assertThat(sim.requests() - before).as("the add, its replay, and maybe a read back").isGreaterThanOrEqualTo(2);
    assertThat(sim.contactsOf("alice")).containsExactly("bob");
    assertThat(sim.contactsOf("bob")).containsExactly("alice");
    contacts().addContact("bob", "alice"); // and a plain repeat
    assertThat(sim.contactsOf("alice")).containsExactly("bob");
  }

  @ParameterizedTest
  @EnumSource(Undocumented.BlockBlockedUser.class)
  void aBlockWhoseAnswerWasLostSucceedsOnItsReplay(Undocumented.BlockBlockedUser answer) {
    sim.answer(answer);
    List<String> users = ids("r", 70);
    sim.createUsers(users);
    long before = sim.requests();
    sim.loseAnswers(2); // both requests of the call land and lose their answers

    contacts().block("alice", users);

    assertThat(sim.requests() - before).isGreaterThanOrEqualTo(4);
    assertThat(sim.blockListOf("alice")).containsExactlyInAnyOrderElementsOf(users);
    contacts().block("alice", List.of("r1", "bob")); // a repeat with a new user
    assertThat(sim.blockListOf("alice")).hasSize(71).contains("bob");
  }

  @ParameterizedTest
  @EnumSource(Undocumented.RemoveAbsentContact.class)
  void aRemovalWhoseAnswerWasLostSucceedsOnItsReplay(Undocumented.RemoveAbsentContact answer) {
    sim.answer(answer);
    sim.addContact("alice", "bob");
    sim.loseAnswers(1);

    contacts().removeContact("alice", "bob");
    contacts().removeContact("bob", "alice");
    contacts().removeContact("alice", "ghost");

    assertThat(sim.contactsOf("alice")).isEmpty();
    assertThatThrownBy(() -> contacts().removeContact("ghost", "alice")).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(Undocumented.UnblockAbsentUser.class)
  void anUnblockWhoseAnswerWasLostSucceedsOnItsReplay(Undocumented.UnblockAbsentUser answer) {
    sim.answer(answer);
    sim.block("alice", List.of("bob"));
    sim.loseAnswers(1);

    contacts().unblock("alice", "bob");
    contacts().unblock("alice", "bob");
    contacts().unblock("alice", "ghost");

    assertThat(sim.blockListOf("alice")).isEmpty();
    assertThatThrownBy(() -> contacts().unblock("ghost", "bob")).isInstanceOf(NotFoundException.class);
  }

  /** A refusal that is not about the relation being there stays a refusal. */
  @Test
  void aFullContactListIsStillQuotaExceededAfterTheReadBack() {
    List<String> friends = ids("c", 3000);
    sim.createUsers(friends);
    friends.forEach(f -> sim.addContact("alice", f));

    assertThatThrownBy(() -> contacts().addContact("alice", "bob")).isInstanceOfSatisfying(QuotaExceededException.class, e -> {
      assertThat(e.vendorCode()).contains("exceed_limit");
      assertThat(e.vendorMessage()).contains("user contact number exceed limit");
    });
    contacts().addContact("alice", "c0"); // an existing contact on a full list: nothing to add
    sim.answer(Undocumented.AddExistingContact.FORBIDDEN_OP_403);
    contacts().addContact("c0", "alice");
    assertThat(sim.contactsOf("alice")).hasSize(3000).doesNotContain("bob");
  }

  // ---------------------------------------------------------------- issue 8 item 8: misbehaving cursors

  @ParameterizedTest
  @EnumSource(value = CursorQuirk.class, names = {"NONE", "CURSOR_ON_LAST_PAGE", "ENDLESS_EMPTY_PAGES"})
  void allContactsAndAllBlockedVisitEveryItemOnceAndEnd(CursorQuirk quirk) {
    sim.answer(quirk);
    List<String> users = ids("p", 120);
    sim.createUsers(users);
    users.forEach(u -> sim.addContact("alice", u));
    sim.block("alice", users);

    assertThat(contacts().allContacts("alice").map(Contact::userId)).containsExactlyInAnyOrderElementsOf(users);
    assertThat(contacts().allBlocked("alice")).containsExactlyInAnyOrderElementsOf(users);
  }

  /** A cursor repeated: the stream ends there (the items after it are the server's to lose). */
  @Test
  void aStuckCursorEndsTheStream() {
    sim.answer(CursorQuirk.STUCK_CURSOR);
    List<String> users = ids("s", 120);
    sim.createUsers(users);
    users.forEach(u -> sim.addContact("alice", u));
    sim.block("alice", users);

    assertThat(contacts().allContacts("alice").count()).isEqualTo(100);
    assertThat(contacts().allBlocked("alice").count()).isEqualTo(100);
  }

  /** Full pages forever, each with a new cursor: the guard's page bound fails the stream, quickly. */
  @Test
  void endlessPagesFailPastTheBound() {
    sim.answer(CursorQuirk.ENDLESS_PAGES);
    sim.block("alice", List.of("bob", "carol"));
    long start = System.nanoTime();

    assertThatThrownBy(() -> contacts().allBlocked("alice").count()).isInstanceOf(ProviderUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(contacts().allContacts("alice")).as("an empty list: three empty pages end it").isEmpty();
  }

  // ---------------------------------------------------------------- member attributes and profiles

  static Stream<Arguments> nonMemberAnswers() {
    List<Arguments> all = new ArrayList<>();
    for (Undocumented.NonMemberInBatchRead read : Undocumented.NonMemberInBatchRead.values()) {
      for (Undocumented.NotInGroupNames names : Undocumented.NotInGroupNames.values()) {
        all.add(Arguments.of(read, names));
      }
    }
    return all.stream();
  }

  /** 12 users, three of them outsiders, one member without the keys: the outsiders are absent, always. */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("nonMemberAnswers")
  void aBatchReadLeavesOutNonMembersWhateverTheAnswer(Undocumented.NonMemberInBatchRead read,
      Undocumented.NotInGroupNames names) {
    sim.answer(read);
    sim.answer(names);
    List<String> members = ids("m", 9);
    sim.createUsers(members);
    sim.createUsers("o1", "o2", "o3");
    sim.createGroup("3001", "alice", members);
    members.subList(1, 9).forEach(m -> sim.putMemberMetadata("3001", m, Map.of("seat", m, "other", "x")));
    List<String> asked = new ArrayList<>(List.of("o1", "m0", "m1", "o2", "m2", "m3", "m4", "m5", "m6", "o3", "m7", "m8"));

    Map<String, Map<String, String>> read1 = client.groupMemberAttributes().get("3001", asked, List.of("seat"));

    assertThat(new ArrayList<>(read1.keySet())).containsExactlyElementsOf(members);
    assertThat(read1.get("m0")).as("a member without the key").isEmpty();
    members.subList(1, 9).forEach(m -> assertThat(read1.get(m)).isEqualTo(Map.of("seat", m)));
  }

  static Stream<Arguments> batchWriteAnswers() {
    List<Arguments> all = new ArrayList<>();
    for (Undocumented.FailedEntryFields fields : Undocumented.FailedEntryFields.values()) {
      for (Undocumented.BatchOutcomeKeys keys : Undocumented.BatchOutcomeKeys.values()) {
        all.add(Arguments.of(fields, keys, Undocumented.NotInGroupNames.values()[all.size() % 3]));
      }
    }
    return all.stream();
  }

  /** 25 members, two outsiders, one member over 4 KB: every member's outcome, whatever the answer's shape. */
  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("batchWriteAnswers")
  void aBatchWriteReportsEveryMemberWhateverTheAnswersShape(Undocumented.FailedEntryFields fields,
      Undocumented.BatchOutcomeKeys keys, Undocumented.NotInGroupNames names) {
    sim.answer(fields);
    sim.answer(keys);
    sim.answer(names);
    List<String> members = ids("w", 25);
    sim.createUsers(members);
    sim.createUsers("x1", "x2");
    sim.createGroup("3002", "alice", members);
    Map<String, String> big = new LinkedHashMap<>();
    IntStream.range(0, 7).forEach(i -> big.put("k" + i, "v".repeat(500)));
    sim.putMemberMetadata("3002", "w7", big);
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    members.forEach(m -> request.put(m, Map.of("seat", m)));
    request.put("w7", Map.of("more", "v".repeat(500), "most", "v".repeat(500))); // past 4 KB with what it has
    request.put("x1", Map.of("seat", "x"));
    request.put("x2", Map.of("seat", "x"));

    io.imfacade.group.BatchResult result = client.groupMemberAttributes().setAll("3002", request);

    List<String> written = new ArrayList<>(members);
    written.remove("w7");
    assertThat(result.succeeded().keySet()).containsExactlyInAnyOrderElementsOf(written);
    assertThat(result.failed().keySet()).containsExactlyInAnyOrder("w7", "x1", "x2");
    assertThat(result.failed().get("x1")).isInstanceOf(NotFoundException.class);
    assertThat(result.failed().get("x2")).isInstanceOf(NotFoundException.class);
    if (fields != Undocumented.FailedEntryFields.USERNAME_ONLY) {
      assertThat(result.failed().get("w7")).as("a message saying the size").isInstanceOf(QuotaExceededException.class);
    }
    assertThat(sim.memberMetadata("3002", "w7")).doesNotContainKey("more");
  }

  /** A write for an unknown user fails before anything is stored, even where the store would take it. */
  @ParameterizedTest
  @EnumSource(Undocumented.UnknownUserAttributesWrite.class)
  void anUpdateOfAnUnknownUserIsNotFoundAndStoresNothing(Undocumented.UnknownUserAttributesWrite answer) {
    sim.answer(answer);

    assertThatThrownBy(() -> client.profiles().update("ghost",
        io.imfacade.profile.ProfileUpdate.builder().nickname("G").build())).isInstanceOf(NotFoundException.class);
    assertThat(sim.userMetadata("ghost")).isEmpty();
    assertThat(client.profiles().get("ghost")).isEmpty();
  }

  // ---------------------------------------------------------------- cursors and ends in each placement

  @ParameterizedTest
  @EnumSource(Undocumented.ContactPageCursor.class)
  void theContactCursorIsFoundWhereverItIs(Undocumented.ContactPageCursor placement) {
    sim.answer(placement);
    List<String> users = ids("f", 60);
    sim.createUsers(users);
    users.forEach(u -> sim.addContact("alice", u));

    assertThat(contacts().allContacts("alice").map(Contact::userId)).containsExactlyInAnyOrderElementsOf(users);
  }

  @ParameterizedTest
  @EnumSource(Undocumented.BlockPageLastCursor.class)
  void theLastBlockPageEndsTheListHoweverItSaysSo(Undocumented.BlockPageLastCursor last) {
    sim.answer(last);
    List<String> users = ids("b", 60);
    sim.createUsers(users);
    sim.block("alice", users);

    assertThat(contacts().blocked("alice", io.imfacade.contact.PageRequest.after(
        contacts().blocked("alice", io.imfacade.contact.PageRequest.first(50)).nextCursor().orElseThrow(), 50))
        .nextCursor()).isEmpty();
    assertThat(contacts().allBlocked("alice")).containsExactlyInAnyOrderElementsOf(users);
  }
}
