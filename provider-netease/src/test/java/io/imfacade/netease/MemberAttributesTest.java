package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.imfacade.ImClient;
import io.imfacade.error.ConflictException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.spi.ProviderContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Member attributes as a JSON object in each team member's {@code custom} string. */
class MemberAttributesTest {

  private static final String QUERY = "/nimserver/team/queryDetail.action";
  private static final String UPDATE = "/nimserver/team/updateTeamNick.action";
  private static final String TID = "1001";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    client = TestClients.to(WM.baseUrl()).open(context);
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  /** Stubs queryDetail: owner "own", admin "adm", the members given as accid, custom (null: none). */
  private static void team(String... accidsAndCustoms) {
    ObjectNode tinfo = JSON.createObjectNode();
    tinfo.put("tid", Long.parseLong(TID)).put("tname", "t").put("size", 2 + accidsAndCustoms.length / 2);
    tinfo.set("owner", member("Own", null));
    tinfo.set("admins", JSON.createArrayNode().add(member("adm", "{\"role\":\"admin\"}")));
    ArrayNode members = JSON.createArrayNode();
    for (int i = 0; i < accidsAndCustoms.length; i += 2) {
      members.add(member(accidsAndCustoms[i], accidsAndCustoms[i + 1]));
    }
    tinfo.set("members", members);
    ObjectNode answer = JSON.createObjectNode().put("code", 200);
    answer.set("tinfo", tinfo);
    WM.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson(answer.toString())));
  }

  private static ObjectNode member(String accid, String custom) {
    ObjectNode m = JSON.createObjectNode().put("accid", accid).put("nick", "").put("mute", false)
        .put("createtime", 1443592222000L).put("updatetime", 1443592222000L);
    if (custom != null) {
      m.put("custom", custom);
    }
    return m;
  }

  private List<ServeEvent> sent(String url) {
    List<ServeEvent> events = WM.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals(url)).collect(Collectors.toCollection(ArrayList::new));
    Collections.reverse(events);
    return events;
  }

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void getReadsTheMembersJsonObjectFromOneQuery() {
    team("Bob", "{\"seat\":\"3\",\"nick\":\"小B 🐝\"}", "carol", null, "dave", "");

    assertThat(client.groupMemberAttributes().get(TID, "BOB")).isEqualTo(map("seat", "3", "nick", "小B 🐝"));
    assertThat(client.groupMemberAttributes().get(TID, "carol")).isEmpty();
    assertThat(client.groupMemberAttributes().get(TID, "own")).as("the owner is a member").isEmpty();
    assertThat(client.groupMemberAttributes().get(TID, "adm")).as("so is an admin").isEqualTo(map("role", "admin"));
    assertThatThrownBy(() -> client.groupMemberAttributes().get(TID, "zed")).isInstanceOf(NotFoundException.class);

    Map<String, Map<String, String>> many = client.groupMemberAttributes().get(TID, List.of("zed", "dave", "bob", "BOB", "adm"), List.of("seat"));
    assertThat(new ArrayList<>(many.keySet())).as("the caller's spellings").containsExactly("dave", "bob", "BOB", "adm");
    assertThat(many.get("bob")).isEqualTo(map("seat", "3"));
    assertThat(many.get("adm")).isEmpty();
    assertThat(sent(QUERY)).hasSize(6).allSatisfy(e -> assertThat(Wiretap.form(e.getRequest())).containsExactly(Map.entry("tid", TID)));
  }

  @Test
  void aMissingTeamIsNotFound() {
    WM.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"code\":803,\"desc\":\"team not exist: 1001\"}")));

    assertThatThrownBy(() -> client.groupMemberAttributes().get(TID, "bob"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.vendorCode()).contains("803"));
    assertThatThrownBy(() -> client.groupMemberAttributes().set(TID, "bob", map("a", "1"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groupMemberAttributes().setAll(TID, Map.of("bob", map("a", "1"))))
        .as("nothing could be attempted: setAll throws").isInstanceOf(NotFoundException.class);
    assertThat(sent(UPDATE)).isEmpty();
  }

  @Test
  void setMergesIntoTheJsonObjectActingAsTheOwner() throws Exception {
    team("bob", "{\"a\":\"1\",\"b\":\"2\"}");

    Map<String, String> written = client.groupMemberAttributes().set(TID, "Bob", map("b", "", "c", "3", "a", "one"));

    assertThat(written).isEqualTo(map("c", "3", "a", "one"));
    List<ServeEvent> updates = sent(UPDATE);
    assertThat(updates).hasSize(1);
    Map<String, String> form = Wiretap.form(updates.get(0).getRequest());
    assertThat(form).containsOnlyKeys("tid", "owner", "accid", "custom");
    assertThat(form).containsEntry("tid", TID).containsEntry("owner", "own").containsEntry("accid", "bob");
    assertThat(form.get("custom")).as("compact JSON, existing keys keep their place").isEqualTo("{\"a\":\"one\",\"c\":\"3\"}");
    assertThat(JSON.readTree(form.get("custom")).isObject()).isTrue();
  }

  @Test
  void removingEverythingLeavesAnEmptyObjectAndAChangeOfNothingSendsNothing() {
    team("bob", "{\"a\":\"1\"}", "carol", null);

    assertThat(client.groupMemberAttributes().set(TID, "bob", map("a", ""))).isEmpty();
    assertThat(client.groupMemberAttributes().set(TID, "carol", map("never", ""))).isEmpty();

    List<ServeEvent> updates = sent(UPDATE);
    assertThat(updates).hasSize(1);
    assertThat(Wiretap.form(updates.get(0).getRequest())).containsEntry("accid", "bob").containsEntry("custom", "{}");
  }

  /** Plain text, JSON of another shape, or JSON with trailing text: another app's data, never overwritten. */
  @ParameterizedTest
  @ValueSource(strings = {
      "vip-member",
      "[\"a\",\"b\"]",
      "{\"level\":3}",
      "{\"a\":{\"b\":\"c\"}}",
      "{\"a\":\"1\",\"a\":\"2\"}",
      "{\"a\":\"1\"} and more",
      "\"just a string\"",
      "  ",
  })
  void aForeignCustomValueIsPreservedAndNeverOverwritten(String foreign) {
    team("bob", foreign, "carol", "{\"x\":\"1\"}");

    assertThatThrownBy(() -> client.groupMemberAttributes().set(TID, "bob", map("a", "1")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("bob").hasMessageContaining(TID);
    BatchResult batch = client.groupMemberAttributes().setAll(TID, Map.of("bob", map("a", "1"), "carol", map("y", "2")));

    assertThat(client.groupMemberAttributes().get(TID, "bob")).as("a read shows no neutral attributes").isEmpty();
    assertThat(batch.failed()).containsOnlyKeys("bob");
    assertThat(batch.failed().get("bob")).isInstanceOf(ConflictException.class);
    assertThat(batch.succeeded()).containsOnlyKeys("carol");
    assertThat(sent(UPDATE)).as("only carol was written").hasSize(1)
        .allSatisfy(u -> assertThat(Wiretap.form(u.getRequest())).containsEntry("accid", "carol"));
  }

  @Test
  void theWholeObjectMustFit1024BytesBeforeAnythingIsSent() {
    team("bob", "{\"a\":\"" + "x".repeat(500) + "\"}", "carol", null);
    // {"a":"x*500","b":"y*N"} = 2 + (3+1+502) + 1 + (3+1+N+2) bytes
    int fits = 1024 - (2 + 506 + 1 + 6);

    // What is stored already counts: the guard cannot know it, the provider checks the merged object.
    assertThatThrownBy(() -> client.groupMemberAttributes().set(TID, "bob", map("b", "y".repeat(fits + 1))))
        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("1025").hasMessageContaining("1024");
    client.groupMemberAttributes().set(TID, "bob", map("b", "y".repeat(fits)));
    // Multi-byte characters count as bytes: 3 bytes each.
    assertThatThrownBy(() -> client.groupMemberAttributes().set(TID, "carol", map("k1", "汉".repeat(170), "k2", "汉".repeat(170))))
        .isInstanceOf(QuotaExceededException.class);
    List<ServeEvent> updates = sent(UPDATE);
    assertThat(updates).hasSize(1);
    assertThat(Wiretap.form(updates.get(0).getRequest()).get("custom").getBytes(StandardCharsets.UTF_8))
        .hasSize(1024);
  }

  @Test
  void setAllReadsOnceThenWritesEachMemberAndReportsEveryOne() {
    team("bob", null, "carol", "{\"k\":\"v\"}", "dave", null);
    Map<String, Map<String, String>> input = new LinkedHashMap<>();
    input.put("Bob", map("a", "1"));
    input.put("zed", map("a", "1"));
    input.put("carol", map("k", "", "n", "2"));
    input.put("dave", map("gone", ""));

    BatchResult result = client.groupMemberAttributes().setAll(TID, input);

    assertThat(result.succeeded()).as("the caller's spellings").containsOnlyKeys("Bob", "carol", "dave");
    assertThat(result.succeeded().get("carol")).isEqualTo(map("n", "2"));
    assertThat(result.succeeded().get("dave")).isEmpty();
    assertThat(result.failed()).containsOnlyKeys("zed");
    assertThat(result.failed().get("zed")).isInstanceOf(NotFoundException.class);
    assertThat(sent(QUERY)).as("one read").hasSize(1);
    Map<String, String> customs = sent(UPDATE).stream().map(e -> Wiretap.form(e.getRequest()))
        .collect(Collectors.toMap(f -> f.get("accid"), f -> f.get("custom")));
    assertThat(customs).isEqualTo(Map.of("bob", "{\"a\":\"1\"}", "carol", "{\"n\":\"2\"}"));
  }

  @Test
  void aFailedWriteLandsInFailedWithoutLosingTheOthers() {
    team("bob", null, "carol", null, "dave", null);
    WM.stubFor(post(urlEqualTo(UPDATE)).withFormParam("accid", equalTo("carol"))
        .willReturn(okJson("{\"code\":804,\"desc\":\"user not in team: carol\"}")));

    BatchResult result = client.groupMemberAttributes().setAll(TID, Map.of("bob", map("a", "1"), "carol", map("a", "1"), "dave", map("a", "1")));

    assertThat(result.succeeded()).containsOnlyKeys("bob", "dave");
    assertThat(result.failed()).containsOnlyKeys("carol");
    assertThat(result.failed().get("carol")).isInstanceOf(NotFoundException.class);
  }

  /**
   * Issue 9: every member's outcome is reported whatever happens to the other writes (an HTTP 500,
   * a reset connection, a gateway page answered with 200), and setAll itself does not throw.
   */
  @Test
  void everyMemberIsReportedWhateverHappensToTheOtherWrites() {
    team("bob", null, "carol", null, "dave", null, "erin", null, "frank", null);
    WM.stubFor(post(urlEqualTo(UPDATE)).withFormParam("accid", equalTo("carol"))
        .willReturn(aResponse().withStatus(500).withBody("{\"code\":500,\"desc\":\"server error\"}")));
    WM.stubFor(post(urlEqualTo(UPDATE)).withFormParam("accid", equalTo("dave"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    WM.stubFor(post(urlEqualTo(UPDATE)).withFormParam("accid", equalTo("erin"))
        .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
    Map<String, Map<String, String>> input = new LinkedHashMap<>();
    for (String user : List.of("bob", "carol", "dave", "erin", "frank")) {
      input.put(user, map("a", "1"));
    }

    BatchResult result = client.groupMemberAttributes().setAll(TID, input);

    assertThat(result.succeeded()).containsOnlyKeys("bob", "frank");
    assertThat(result.failed()).containsOnlyKeys("carol", "dave", "erin");
    assertThat(result.failed().values()).allSatisfy(e -> assertThat(e).isInstanceOf(ProviderUnavailableException.class));
    assertThat(sent(UPDATE)).as("each write sent once: a write is not replayed").hasSize(5);
  }

  /**
   * Issue 9: a queryDetail answer without the documented fields (tinfo; an owner object; a members
   * array; an accid on every member) or with a field of the wrong type (admins not an array) is an
   * unavailable vendor, never "not a member". The owner as a bare accid is team/query's shape, not
   * queryDetail's (netease-facts §6). A missing admins array is not malformed (see below).
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":200}",
      "{\"code\":200,\"tinfo\":{}}",
      "{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"own\"},\"admins\":[]}}",
      "{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"own\"},\"admins\":\"adm\",\"members\":[{\"accid\":\"bob\"}]}}",
      "{\"code\":200,\"tinfo\":{\"owner\":\"own\",\"admins\":[],\"members\":[{\"accid\":\"bob\"}]}}",
      "{\"code\":200,\"tinfo\":{\"owner\":{\"nick\":\"x\"},\"admins\":[],\"members\":[{\"accid\":\"bob\"}]}}",
      "{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"own\"},\"admins\":[],\"members\":[{\"custom\":\"{}\"}]}}",
      "{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"own\"},\"admins\":[],\"members\":\"bob\"}}",
  })
  void aMalformedTeamIsAnUnavailableVendorNeverNotAMember(String answer) {
    WM.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson(answer)));

    assertThatThrownBy(() -> client.groupMemberAttributes().get(TID, "bob"))
        .isInstanceOfSatisfying(ProviderUnavailableException.class,
            e -> assertThat(e.operation()).contains("groupMemberAttributes.get"));
    assertThatThrownBy(() -> client.groupMemberAttributes().get(TID, List.of("bob", "zed"), List.of()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.groupMemberAttributes().set(TID, "bob", map("a", "1")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> client.groupMemberAttributes().setAll(TID, Map.of("bob", map("a", "1"))))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(sent(UPDATE)).isEmpty();
  }

  /**
   * Issue 8: a team without admins may leave {@code admins} out (not documented either way,
   * netease-facts §6): that is no admins, not a malformed answer; the owner and members stay required.
   */
  @Test
  void aTeamWithoutAnAdminsFieldHasNoAdmins() throws Exception {
    WM.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"code\":200,\"tinfo\":{\"tid\":1001,\"owner\":{\"accid\":\"own\"},"
        + "\"members\":[{\"accid\":\"bob\",\"custom\":\"{\\\"a\\\":\\\"1\\\"}\"}]}}")));

    assertThat(client.groupMemberAttributes().get(TID, "bob")).isEqualTo(map("a", "1"));
    assertThat(client.groupMemberAttributes().get(TID, "own")).isEmpty();
    assertThatThrownBy(() -> client.groupMemberAttributes().get(TID, "adm")).isInstanceOf(NotFoundException.class);
    assertThat(client.groupMemberAttributes().set(TID, "bob", map("b", "2"))).isEqualTo(map("b", "2"));
    assertThat(Wiretap.form(sent(UPDATE).get(0).getRequest())).containsEntry("owner", "own")
        .containsEntry("custom", "{\"a\":\"1\",\"b\":\"2\"}");
  }

  /**
   * Issue 9: the answer of a write is lost (a reset connection, a 500 code) but the write landed.
   * It is not replayed; the team is read again, and the member's custom being what was written
   * makes it a success. When it is not, the failure stands.
   */
  @Test
  void aLostAnswerOfAWriteThatLandedIsASuccessAfterReadingBack() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String landed = "{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"own\"},\"admins\":[],\"members\":["
        + "{\"accid\":\"bob\",\"custom\":\"{\\\"a\\\":\\\"1\\\"}\"},{\"accid\":\"carol\"}]}}";
    WM.stubFor(post(urlEqualTo(QUERY)).inScenario("w").whenScenarioStateIs("Started").willReturn(okJson(teamJson()))
        .willSetStateTo("written"));
    WM.stubFor(post(urlEqualTo(QUERY)).inScenario("w").whenScenarioStateIs("written").willReturn(okJson(landed)));

    assertThat(client.groupMemberAttributes().set(TID, "bob", map("a", "1"))).isEqualTo(map("a", "1"));
    assertThat(sent(UPDATE)).as("not replayed").hasSize(1);
    assertThat(sent(QUERY)).as("the read, and the read back").hasSize(2);

    // carol's write did not land: the read back shows her custom unchanged, the failure stands.
    assertThatThrownBy(() -> client.groupMemberAttributes().set(TID, "carol", map("a", "1")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(sent(UPDATE)).hasSize(2);
  }

  private static String teamJson() {
    return "{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"own\"},\"admins\":[],\"members\":["
        + "{\"accid\":\"bob\"},{\"accid\":\"carol\"}]}}";
  }
}
