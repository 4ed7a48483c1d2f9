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
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  @Test
  void removingSomeoneWhoIsNotThereSucceedsButAnUnknownOwnerIsNotFound() {
    WM.stubFor(post(urlEqualTo(DELETE)).willReturn(okJson("{\"code\":404,\"desc\":\"accid not exist: ghost\"}")));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("alice")).willReturn(okJson(friends())));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accid", equalTo("nobody"))
        .willReturn(okJson("{\"code\":404,\"desc\":\"accid not exist: nobody\"}")));

    client.contacts().removeContact("alice", "ghost");
    assertThatThrownBy(() -> client.contacts().removeContact("nobody", "bob")).isInstanceOf(NotFoundException.class);

    assertThat(sent()).extracting(Map.Entry::getKey).containsExactly(DELETE, GET, DELETE, GET);
    assertThat(sent().get(1).getValue()).containsEntry("updatetime", "0");
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

  @Test
  void remarkForANonFriendIsNotFound() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":404,\"desc\":\"friend relation not exist\"}")));

    assertThatThrownBy(() -> client.contacts().setRemark("alice", "bob", "x")).isInstanceOf(NotFoundException.class);
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
    WM.stubFor(post(urlEqualTo(RELATION)).willReturn(okJson("{\"code\":200}")));
    WM.stubFor(post(urlEqualTo(RELATION)).withFormParam("targetAcc", equalTo("full"))
        .willReturn(okJson("{\"code\":419,\"desc\":\"blacklist count exceeds the limit of 3000\"}")));

    client.contacts().block("alice", List.of("bob", "Carol", "bob"));
    assertThatThrownBy(() -> client.contacts().block("alice", List.of("dave", "full", "erin")))
        .isInstanceOf(QuotaExceededException.class);

    assertThat(sent()).extracting(r -> r.getValue().get("targetAcc")).containsExactly("bob", "carol", "dave", "full");
    assertThat(sent().get(0).getValue())
        .containsExactly(Map.entry("accid", "alice"), Map.entry("targetAcc", "bob"), Map.entry("relationType", "1"), Map.entry("value", "1"));
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
