package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Friends, remarks and block lists on the wire, and the client-side paging of the whole lists. */
class ContactsTest {

  private static final String ADD = "/nimserver/friend/add.action";
  private static final String DELETE = "/nimserver/friend/delete.action";
  private static final String UPDATE = "/nimserver/friend/update.action";
  private static final String GET = "/nimserver/friend/get.action";
  private static final String RELATION = "/nimserver/user/setSpecialRelation.action";
  private static final String LISTS = "/nimserver/user/listBlackAndMuteList.action";
  private static final String ONLINE = "/nimserver/user/userOnlineStatus.action";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    client = TestClients.to(WM.baseUrl()).open(context);
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  /** The requests sent, oldest first: path and form. */
  private List<Map.Entry<String, Map<String, String>>> sent() {
    List<ServeEvent> events = new ArrayList<>(WM.getAllServeEvents());
    Collections.reverse(events);
    return events.stream()
        .map(e -> Map.entry(e.getRequest().getUrl(), Wiretap.form(e.getRequest())))
        .collect(Collectors.toList());
  }

  private static String friends(String... entries) {
    return "{\"code\":200,\"size\":" + entries.length + ",\"friends\":[" + String.join(",", entries) + "]}";
  }

  private static String friend(String faccid, String alias) {
    return "{\"faccid\":\"" + faccid + "\"," + (alias == null ? "" : "\"alias\":\"" + alias + "\",")
        + "\"createtime\":1443592222000,\"bidirection\":true,\"ex\":\"{}\",\"updatetime\":1443592223000}";
  }

  @Test
  void addIsADirectTwoWayAdd() {
    WM.stubFor(post(urlEqualTo(ADD)).willReturn(okJson("{\"code\":200}")));

    client.contacts().addContact("Alice", "BOB");

    assertThat(sent()).containsExactly(Map.entry(ADD, Map.of("accid", "alice", "faccid", "bob", "type", "1")));
  }

  /** The existence probe: {@code data.invalidAccids} lists the accids that are not registered. */
  private static void unknownAccounts(String... accids) {
    String list = Arrays.stream(accids).map(a -> "\"" + a + "\"").collect(Collectors.joining(","));
    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":200,\"data\":{\"invalidAccids\":[" + list + "],\"status\":{}}}")));
  }

  /**
   * Issue 8 item 4: the remove clears the friend's own alias for the owner, then deletes with
   * isDeleteAlias=true (NetEase keeps aliases by default).
   */
  @Test
  void removeClearsTheFriendsAliasThenDeletesWithTheCallersAlias() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(DELETE)).willReturn(okJson("{\"code\":200}")));

    client.contacts().removeContact("Alice", "BOB");

    assertThat(sent()).containsExactly(
        Map.entry(UPDATE, Map.of("accid", "bob", "faccid", "alice", "alias", "")),
        Map.entry(DELETE, Map.of("accid", "alice", "faccid", "bob", "isDeleteAlias", "true")));
  }

  /**
   * Issue 8 item 3: removing someone who is not a friend succeeds whatever the server answers
   * (200, 403, 404 or 414 with any desc); an unknown owner is not found, whichever code says so.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":200}",
      "{\"code\":404,\"desc\":\"friend relation not exist: alice -> ghost\"}",
      "{\"code\":414,\"desc\":\"faccid not exists: ghost\"}",
      "{\"code\":403,\"desc\":\"not friends\"}",
  })
  void removingSomeoneWhoIsNotThereSucceedsButAnUnknownOwnerIsNotFound(String refusal) {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":403,\"desc\":\"not friends\"}")));
    WM.stubFor(post(urlEqualTo(DELETE)).willReturn(okJson(refusal)));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("alice")).willReturn(okJson(friends(friend("carol", null)))));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("nobody"))
        .willReturn(okJson(refusal.replace("ghost", "nobody").replace("200}", "414,\"desc\":\"accid not exists: nobody\"}"))));
    unknownAccounts("nobody");

    client.contacts().removeContact("alice", "ghost");
    WM.stubFor(post(urlEqualTo(DELETE)).willReturn(okJson(refusal.replace("200}", "414,\"desc\":\"accid not exists: nobody\"}"))));
    assertThatThrownBy(() -> client.contacts().removeContact("nobody", "bob"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.getMessage()).contains("nobody");
          assertThat(e.operation()).contains("contacts.removeContact");
          assertThat(e.vendorCode()).isPresent();
        });

    List<String> paths = sent().stream().map(Map.Entry::getKey).collect(Collectors.toList());
    if (refusal.contains("200}")) {
      assertThat(paths).containsExactly(UPDATE, DELETE, UPDATE, DELETE, GET, ONLINE);
    } else {
      assertThat(paths).containsExactly(UPDATE, DELETE, GET, UPDATE, DELETE, GET, ONLINE);
      assertThat(sent().get(2).getValue()).containsEntry("updatetime", "0");
    }
  }

  /** A refusal while the friend is still in the list is a real failure: it is not swallowed. */
  @Test
  void aRefusedRemoveOfAFriendStillThereIsThrown() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(DELETE)).willReturn(okJson("{\"code\":414,\"desc\":\"some param not match\"}")));
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(friends(friend("bob", null)))));

    assertThatThrownBy(() -> client.contacts().removeContact("alice", "bob"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.vendorCode()).contains("414"));
  }

  @Test
  void remarkIsTheAliasAndClearingSendsEmpty() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));

    client.contacts().setRemark("alice", "bob", "老板 👔");
    client.contacts().setRemark("alice", "bob", null);

    assertThat(sent()).extracting(Map.Entry::getValue).containsExactly(
        Map.of("accid", "alice", "faccid", "bob", "alias", "老板 👔"),
        Map.of("accid", "alice", "faccid", "bob", "alias", ""));
  }

  /**
   * Issue 8 item 3: a remark for a non-friend is not found whatever the server answers (403, 404 or
   * 414, any desc): the owner's friend list decides. An unknown owner has no list: not found too.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":404,\"desc\":\"friend relation not exist: alice -> bob\"}",
      "{\"code\":414,\"desc\":\"friend relation not exist: alice -> bob\"}",
      "{\"code\":403,\"desc\":\"not friends: alice -> bob\"}",
  })
  void remarkForANonFriendIsNotFound(String refusal) {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson(refusal)));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("alice")).willReturn(okJson(friends(friend("carol", "c")))));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("nobody")).willReturn(okJson(refusal)));

    assertThatThrownBy(() -> client.contacts().setRemark("alice", "bob", "x"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.getMessage()).contains("bob is not a contact of alice");
          assertThat(e.vendorMessage()).as("the vendor's desc is kept").hasValueSatisfying(d -> assertThat(refusal).contains(d));
        });
    assertThatThrownBy(() -> client.contacts().setRemark("nobody", "bob", "x")).isInstanceOf(NotFoundException.class);
  }

  /** A refusal of a remark for a friend who is in the list is the refusal itself. */
  @Test
  void aRefusedRemarkForAFriendIsThrownAsItIs() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":414,\"desc\":\"alias too long\"}")));
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(friends(friend("bob", null)))));

    assertThatThrownBy(() -> client.contacts().setRemark("alice", "bob", "x"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.vendorMessage()).contains("alias too long"));
  }

  /**
   * Issue 8 item 3 and issue 9 item 6: an add refused with a code that does not say why (403, 404,
   * 414, 417, 431) is decided by reading back. The friend in place (a repeat, or the replay of an
   * add that landed): success. An unknown user: not found. A full list: quota. Otherwise the
   * refusal stands (417 really is a conflict then).
   */
  @ParameterizedTest
  @ValueSource(ints = {403, 404, 414, 417, 431})
  void aRefusedAddIsDecidedByReadingBack(int code) {
    String refusal = "{\"code\":" + code + ",\"desc\":\"undocumented\"}";
    WM.stubFor(post(urlEqualTo(ADD)).willReturn(okJson(refusal)));
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(friends(friend("bob", null)))));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("nobody")).willReturn(okJson(refusal)));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("full")).willReturn(okJson(friends(
        IntStream.range(0, 3000).mapToObj(i -> friend("f" + i, null)).toArray(String[]::new)))));
    unknownAccounts("ghost", "nobody");

    client.contacts().addContact("alice", "bob");
    assertThatThrownBy(() -> client.contacts().addContact("alice", "ghost"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.plainMessage()).isEqualTo("user ghost does not exist");
          assertThat(e.vendorCode()).contains(Integer.toString(code));
          assertThat(e.operation()).contains("contacts.addContact");
        });
    assertThatThrownBy(() -> client.contacts().addContact("nobody", "alice")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().addContact("full", "carol")).isInstanceOf(QuotaExceededException.class);
    Class<? extends ImException> itself = Map.of(403, FeatureNotEnabledException.class, 404, NotFoundException.class,
        414, InvalidRequestException.class, 417, ConflictException.class, 431, ConflictException.class).get(code);
    assertThatThrownBy(() -> client.contacts().addContact("alice", "carol"))
        .as("both exist, not friends, room left: the refusal itself")
        .isExactlyInstanceOf(itself)
        .isInstanceOfSatisfying(ImException.class, e -> assertThat(e.vendorCode()).contains(Integer.toString(code)));
  }

  @Test
  void contactPagesAreSortedByIdWithOpaqueCursors() {
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(friends(
        friend("Dave", "d"), friend("bob", null), friend("erin", null), friend("carol", "c"), friend("al", null),
        friend("bob", "duplicate")))));

    Page<Contact> first = client.contacts().contacts("alice", PageRequest.first(2));
    Page<Contact> second = client.contacts().contacts("alice", PageRequest.after(first.nextCursor().orElseThrow(), 2));
    Page<Contact> third = client.contacts().contacts("alice", PageRequest.after(second.nextCursor().orElseThrow(), 2));

    assertThat(first.items()).containsExactly(Contact.of("al"), Contact.of("bob"));
    assertThat(second.items()).containsExactly(Contact.of("carol", "c"), Contact.of("dave", "d"));
    assertThat(third.items()).containsExactly(Contact.of("erin"));
    assertThat(third.nextCursor()).as("the last page has no cursor").isEmpty();
    assertThat(first.nextCursor().orElseThrow()).doesNotContain("bob");
    assertThat(sent()).allSatisfy(r -> assertThat(r.getValue()).containsExactly(
        Map.entry("accid", "alice"), Map.entry("updatetime", "0")));
    assertThat(client.contacts().allContacts("alice").map(Contact::userId))
        .containsExactly("al", "bob", "carol", "dave", "erin");
  }

  @Test
  void aFullLastPageHasNoCursor() {
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(friends(friend("a", null), friend("b", null)))));

    Page<Contact> page = client.contacts().contacts("alice", PageRequest.first(2));

    assertThat(page.items()).hasSize(2);
    assertThat(page.nextCursor()).isEmpty();
  }

  /**
   * The list changes between pages: an entry already seen and one not yet seen are removed, one is
   * added behind the cursor and one ahead of it. Every entry that stays is visited once, none
   * twice, and the one added ahead is visited too.
   */
  @Test
  void cursorsStayCorrectWhileTheListChanges() {
    List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    WM.stubFor(post(urlEqualTo(LISTS)).willReturn(okJson(blacklist(before))));
    Page<String> first = client.contacts().blocked("alice", PageRequest.first(3));
    assertThat(first.items()).containsExactly("a", "b", "c");

    List<String> after = List.of("j", "i", "h", "g", "f", "e", "bb", "a", "c", "z"); // b and d gone, bb and z new
    WM.stubFor(post(urlEqualTo(LISTS)).willReturn(okJson(blacklist(after))));
    List<String> rest = new ArrayList<>();
    Page<String> page = first;
    while (page.nextCursor().isPresent()) {
      page = client.contacts().blocked("alice", PageRequest.after(page.nextCursor().get(), 3));
      rest.addAll(page.items());
    }

    assertThat(rest).containsExactly("e", "f", "g", "h", "i", "j", "z");
    List<String> visited = new ArrayList<>(first.items());
    visited.addAll(rest);
    assertThat(visited).doesNotHaveDuplicates();
  }

  private static String blacklist(List<String> ids) {
    return "{\"code\":200,\"blacklist\":[" + ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","))
        + "],\"mutelist\":[\"m1\"]}";
  }

  /** The cursor is this provider's own format: one it did not issue is refused before any request. */
  @Test
  void aCursorThisProviderDidNotIssueIsRefusedBeforeAnyRequest() {
    // Not Base64url; a byte that is not UTF-8; a control character.
    for (String cursor : List.of("not base64!", "_w", "AA")) {
      assertThatThrownBy(() -> client.contacts().contacts("alice", PageRequest.after(cursor, 10)))
          .as("cursor %s", cursor)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).contains("page");
            assertThat(e.provider()).contains("netease");
            assertThat(e.operation()).contains("contacts.contacts");
            assertThat(e.getMessage()).doesNotContain(cursor);
          });
      assertThatThrownBy(() -> client.contacts().blocked("alice", PageRequest.after(cursor, 10)))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(WM.getAllServeEvents()).isEmpty();
  }

  @Test
  void blockSendsOneRequestPerUserInOrderAndStopsAtTheFirstFailure() {
    WM.stubFor(post(urlEqualTo(LISTS)).willReturn(okJson(blacklist(List.of("erin")))));
    unknownAccounts();
    WM.stubFor(post(urlEqualTo(RELATION)).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(RELATION)).withFormParam("targetAcc", equalTo("full"))
        .willReturn(okJson("{\"code\":419,\"desc\":\"blacklist count exceeds the limit of 3000\"}")));

    client.contacts().block("alice", List.of("bob", "Carol", "bob", "erin"));
    assertThatThrownBy(() -> client.contacts().block("alice", List.of("dave", "full", "frank")))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.vendorCode()).contains("419"));

    List<Map.Entry<String, Map<String, String>>> writes = sent().stream().filter(r -> r.getKey().equals(RELATION))
        .collect(Collectors.toList());
    assertThat(writes).extracting(r -> r.getValue().get("targetAcc")).as("erin is on the list already")
        .containsExactly("bob", "carol", "dave", "full");
    assertThat(writes.get(0).getValue())
        .containsExactly(Map.entry("accid", "alice"), Map.entry("targetAcc", "bob"), Map.entry("relationType", "1"), Map.entry("value", "1"));
    assertThat(sent()).extracting(Map.Entry::getKey).as("the list and the existence probe first")
        .startsWith(LISTS, ONLINE, RELATION, RELATION, LISTS, ONLINE);
    assertThat(sent().get(1).getValue()).containsExactly(Map.entry("accids", "[\"bob\",\"carol\"]"));
  }

  /**
   * A block call is refused before anyone is blocked when a user does not exist or the list would
   * go over its 3000 (as the in-memory provider does); an owner without a list is not found.
   */
  @Test
  void unknownUsersAreNamedAndAFullListIsRefusedBeforeAnyoneIsBlocked() {
    List<String> full = IntStream.range(0, 2999).mapToObj(i -> "b" + i).collect(Collectors.toList());
    WM.stubFor(post(urlEqualTo(LISTS)).willReturn(okJson(blacklist(full))));
    WM.stubFor(post(urlEqualTo(LISTS)).withFormParam("accid", equalTo("nobody"))
        .willReturn(okJson("{\"code\":414,\"desc\":\"accid not exists: nobody\"}")));
    unknownAccounts("ghost", "nobody");

    assertThatThrownBy(() -> client.contacts().block("alice", List.of("ghost")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains("these users do not exist: ghost"));
    assertThatThrownBy(() -> client.contacts().block("alice", List.of("bob", "carol")))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.getMessage()).contains("3001"));
    assertThatThrownBy(() -> client.contacts().block("nobody", List.of("bob"))).isInstanceOf(NotFoundException.class);

    assertThat(sent()).extracting(Map.Entry::getKey).doesNotContain(RELATION);
  }

  /**
   * The list filled up between the read and the write (another client): the write is refused with
   * a code that does not say why (403 or 414; 419 says it), and the list read back decides: full,
   * so over quota. A user who got on the list meanwhile is a success.
   */
  @ParameterizedTest
  @ValueSource(ints = {403, 414})
  void aBlockRefusedBecauseTheListFilledMeanwhileIsOverQuota(int code) {
    List<String> almost = IntStream.range(0, 2999).mapToObj(i -> "b" + i).collect(Collectors.toList());
    List<String> full = new ArrayList<>(almost);
    full.add("other");
    WM.stubFor(post(urlEqualTo(LISTS)).inScenario("race").whenScenarioStateIs("Started")
        .willReturn(okJson(blacklist(almost))).willSetStateTo("filled"));
    WM.stubFor(post(urlEqualTo(LISTS)).inScenario("race").whenScenarioStateIs("filled").willReturn(okJson(blacklist(full))));
    WM.stubFor(post(urlEqualTo(RELATION)).willReturn(okJson("{\"code\":" + code + ",\"desc\":\"undocumented\"}")));
    unknownAccounts();

    assertThatThrownBy(() -> client.contacts().block("alice", List.of("bob")))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.vendorCode()).contains(Integer.toString(code)));

    WM.resetScenarios();
    full.set(2999, "bob");
    WM.stubFor(post(urlEqualTo(LISTS)).inScenario("race").whenScenarioStateIs("filled").willReturn(okJson(blacklist(full))));
    client.contacts().block("alice", List.of("bob"));
  }

  @Test
  void unblockRemovesAndSucceedsWhenThereIsNothingToRemove() {
    WM.stubFor(post(urlEqualTo(RELATION)).withFormParam("value", equalTo("0")).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(RELATION)).withFormParam("targetAcc", equalTo("ghost"))
        .willReturn(okJson("{\"code\":404,\"desc\":\"accid not exist: ghost\"}")));
    WM.stubFor(post(urlEqualTo(LISTS)).willReturn(okJson(blacklist(List.of()))));

    client.contacts().unblock("alice", "Bob");
    client.contacts().unblock("alice", "ghost");

    assertThat(sent()).extracting(Map.Entry::getKey).containsExactly(RELATION, RELATION, LISTS);
    assertThat(sent().get(0).getValue())
        .containsExactly(Map.entry("accid", "alice"), Map.entry("targetAcc", "bob"), Map.entry("relationType", "1"), Map.entry("value", "0"));
  }

  /**
   * Issue 9: a success answer whose shape contradicts the documented one (no {@code friends} /
   * {@code blacklist} array, an item that names no user) is an unavailable vendor, never an empty
   * list, for the page reads and for the confirming read of a remove that got a 404.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":200}",
      "{\"code\":200,\"friends\":\"oops\",\"blacklist\":\"oops\"}",
      "{\"code\":200,\"friends\":{},\"blacklist\":{}}",
      "{\"code\":200,\"friends\":[{\"alias\":\"no faccid\"}],\"blacklist\":[{\"accid\":\"zed\"}]}",
      "{\"code\":200,\"friends\":[null],\"blacklist\":[null]}",
      "{\"code\":200,\"friends\":[{\"faccid\":\"\"}],\"blacklist\":[\"\"]}",
  })
  void aMalformedListIsAnUnavailableVendorNeverAnEmptyList(String answer) {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(answer)));
    WM.stubFor(post(urlEqualTo(LISTS)).willReturn(okJson(answer)));
    WM.stubFor(post(urlEqualTo(DELETE)).willReturn(okJson("{\"code\":404,\"desc\":\"accid not exist: ghost\"}")));

    assertThatThrownBy(() -> client.contacts().contacts("alice", PageRequest.first(10)))
        .isInstanceOfSatisfying(ProviderUnavailableException.class,
            e -> assertThat(e.operation()).contains("contacts.contacts"));
    assertThatThrownBy(() -> client.contacts().blocked("alice", PageRequest.first(10)))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.contacts().removeContact("alice", "ghost"))
        .isInstanceOf(ProviderUnavailableException.class);
  }
}
