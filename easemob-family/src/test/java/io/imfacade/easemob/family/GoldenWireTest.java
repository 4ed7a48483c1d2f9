package io.imfacade.easemob.family;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.ProviderContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays every request/response example of seeds 000 (user attributes), 001 (group member
 * attributes) and 002 (contacts and block list), kept verbatim under {@code golden/}, through the
 * neutral API ({@code ImFacade.open}, through the guard), once under Easemob's {@code /{org}/{app}}
 * and once under Shengwang's {@code /app-id/{appId}}: method, path, query, headers and body of the
 * request the client sends, and the neutral result of the documented answer.
 *
 * <p>Minimal syntax fixes of the examples, the only edits:
 *
 * <ul>
 *   <li>{@code 001/get.curl}: the {@code -H 'Accept: application/json'} line lacked its {@code \}
 *       continuation, which cut the command in two;
 *   <li>{@code 001/get-by-keys.curl}: {@code '...get'\} and {@code -H'...'\} had no space before
 *       the {@code \}, so the shell glued every line into one word; a space was added;
 *   <li>{@code 002/remark.curl}: the body {@code {"remark": <remark>}} is not JSON; the placeholder
 *       was quoted as {@code "<remark>"}.
 * </ul>
 *
 * <p>Placeholders ({@code XXXX}, {@code {owner_username}}, ...) in paths stand for the ids the test
 * passes, named in each test. {@code <YourAppToken>} stands for the token of the example that prints
 * one (seed 001, "get one member"), which every client here uses.
 *
 * <p>Deliberate differences, asserted as such: a request without a body carries no {@code
 * Content-Type} (two GET examples print one); the batch read of user attributes names every
 * neutral key where the example lists three; a profile update is preceded by the read of the
 * user's account ({@code GET users/{u}}), which tells an unknown user.
 */
class GoldenWireTest {

  /** The app token printed in seed 001 ("get one member"); {@code <YourAppToken>} elsewhere. */
  static final String TOKEN = "YWMtozZwfsFFEe2oQTE6aob5eQAAAAAAAAAAAAAAAAAAAAExCXvf5bRGAJBgXNYFJVQ9AQMAAAGG2MUClwBPGgDsI1GYg1QtapTEdGyrm29Eu6L8qx60lDZ9TJRDOQjEsw";

  /** The two path prefixes of the family. */
  enum Vendor {
    EASEMOB("easemob", "easemob-demo", "testy"),
    SHENGWANG("shengwang", "app-id", "970CA35de60c44645bbae8a215061b33");

    final String id;
    final String first;
    final String second;

    Vendor(String id, String first, String second) {
      this.id = id;
      this.first = first;
      this.second = second;
    }

    String prefix() {
      return "/" + first + "/" + second + "/";
    }
  }

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ProviderContext context;
  private ImClient client;

  @BeforeAll
  static void openContext() {
    context = ProviderContext.create();
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private ImClient client(Vendor vendor) {
    client = ImFacade.open(ImConfig.of(Map.of(
        "provider", TestFamilyProvider.ID,
        "family-test.baseUrl", WM.baseUrl(),
        "family-test.appPath", vendor.first + "/" + vendor.second,
        "family-test.vendor", vendor.id,
        "family-test.appToken", TOKEN,
        ImConfig.RETRY_MAX_ATTEMPTS, "1",
        ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "1000")), context);
    return client;
  }

  private static void answer(String responseResource) {
    WM.stubFor(any(anyUrl()).willReturn(okJson(CurlExample.Golden.text(responseResource))));
  }

  /** Every request the server received, oldest first. */
  private static List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent e : WM.getAllServeEvents()) {
      requests.add(e.getRequest());
    }
    Collections.reverse(requests); // the journal lists the newest first
    return requests;
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  // ---------------------------------------------------------------- seed 000: user attributes

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void userAttributesSet(Vendor vendor) {
    answer("000-user-attributes/set.response.json");

    client(vendor).profiles().update("user1", ProfileUpdate.builder()
        .avatarUrl("https://www.shengwang.com/avatar.png").ext("ext").nickname("nickname").build());

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getMethod().getName() + " " + requests.get(0).getUrl()).as("the account read first")
        .isEqualTo("GET " + vendor.prefix() + "users/user1");
    assertReplays("000-user-attributes/set.curl", requests.get(1), vendor);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void userAttributesGet(Vendor vendor) {
    answer("000-user-attributes/get.response.json");

    UserProfile profile = client(vendor).profiles().get("user1").orElseThrow();

    assertReplays("000-user-attributes/get.curl", onlyRequest(), vendor);
    assertThat(profile).isEqualTo(UserProfile.builder("user1")
        .ext("ext").nickname("nickname").avatarUrl("https://www.XXXX.com/avatar.png").build());
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void userAttributesBatchGet(Vendor vendor) throws Exception {
    answer("000-user-attributes/batch-get.response.json");

    Map<String, UserProfile> profiles = client(vendor).profiles().getAll(List.of("user1", "user2", "user3"));

    CurlExample example = CurlExample.load("000-user-attributes/batch-get.curl");
    LoggedRequest request = onlyRequest();
    assertRequestLineAndHeaders(example, request, vendor);
    JsonNode sent = JSON.readTree(request.getBodyAsString());
    JsonNode documented = JSON.readTree(example.body);
    assertThat(sent.get("targets")).isEqualTo(documented.get("targets"));
    // properties is required and a filter: every neutral key is named, never an empty list.
    assertThat(sent.get("properties")).as("the neutral keys, named")
        .isEqualTo(JSON.readTree("[\"nickname\",\"avatarurl\",\"gender\",\"sign\",\"birth\",\"mail\",\"phone\",\"ext\"]"));
    assertThat(sent.get("properties")).as("the documented example's keys are among them")
        .containsAll(documented.get("properties"));
    UserProfile each = UserProfile.builder("x").ext("ext").nickname("nickname").avatarUrl("https://www.XXXX.com/avatar.png").build();
    assertThat(profiles).containsOnlyKeys("user1", "user2", "user3");
    profiles.forEach((id, p) -> assertThat(p).isEqualTo(rename(each, id)));
    assertThat(new ArrayList<>(profiles.keySet())).containsExactly("user1", "user2", "user3");
  }

  private static UserProfile rename(UserProfile p, String userId) {
    return UserProfile.builder(userId).ext(p.ext()).nickname(p.nickname()).avatarUrl(p.avatarUrl()).build();
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void userAttributesCapacity(Vendor vendor) {
    answer("000-user-attributes/capacity.response.json");

    long bytes = client(vendor).profiles().totalSizeBytes();

    assertReplays("000-user-attributes/capacity.curl", onlyRequest(), vendor);
    assertThat(bytes).isEqualTo(1673L);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void userAttributesDelete(Vendor vendor) {
    answer("000-user-attributes/delete.response.json");

    client(vendor).profiles().delete("user1");

    assertReplays("000-user-attributes/delete.curl", onlyRequest(), vendor);
  }

  // ---------------------------------------------------------------- seed 001: group member attributes

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void memberAttributesSet(Vendor vendor) {
    answer("001-group-member-attributes/set.response.json");

    Map<String, String> written = client(vendor).groupMemberAttributes().set("207059303858177", "user1", Map.of("key1", "value1"));

    assertReplays("001-group-member-attributes/set.curl", onlyRequest(), vendor, "207059303858177", "user1");
    assertThat(written).containsExactly(Map.entry("key1", "value1"));
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void memberAttributesBatchSetWithTheDocumentedColonKeys(Vendor vendor) {
    String documented = CurlExample.Golden.text("001-group-member-attributes/batch-set.response.json");
    assertThat(documented).contains("\"updateMetadataSucceeded:\"");
    WM.stubFor(any(anyUrl()).willReturn(okJson(documented)));

    BatchResult result = batchSetOfTheExample(vendor);

    assertReplays("001-group-member-attributes/batch-set.curl", onlyRequest(), vendor, "207059303858177");
    assertTheExampleOutcome(result);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void memberAttributesBatchSetWithPlainKeys(Vendor vendor) {
    String plain = CurlExample.Golden.text("001-group-member-attributes/batch-set.response.json")
        .replace("\"updateMetadataSucceeded:\"", "\"updateMetadataSucceeded\"")
        .replace("\"updateMetadataFailed:\"", "\"updateMetadataFailed\"");
    WM.stubFor(any(anyUrl()).willReturn(okJson(plain)));

    BatchResult result = batchSetOfTheExample(vendor);

    assertReplays("001-group-member-attributes/batch-set.curl", onlyRequest(), vendor, "207059303858177");
    assertTheExampleOutcome(result);
  }

  private BatchResult batchSetOfTheExample(Vendor vendor) {
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    Map<String, String> user1 = new LinkedHashMap<>();
    user1.put("metadataKey1", "value1");
    user1.put("metadataKey2", "value2");
    Map<String, String> user2 = new LinkedHashMap<>();
    user2.put("metadataKey3", "value3");
    user2.put("metadataKey4", "");
    request.put("user1", user1);
    request.put("user2", user2);
    return client(vendor).groupMemberAttributes().setAll("207059303858177", request);
  }

  private static void assertTheExampleOutcome(BatchResult result) {
    assertThat(result.failed()).isEmpty();
    assertThat(result.succeeded()).containsExactly(
        Map.entry("user1", Map.of("metadataKey1", "value1", "metadataKey2", "value2")),
        Map.entry("user2", Map.of("metadataKey3", "value3")));
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void memberAttributesGetOne(Vendor vendor) {
    answer("001-group-member-attributes/get.response.json");

    Map<String, String> attributes = client(vendor).groupMemberAttributes().get("207059303858177", "test2");

    assertReplays("001-group-member-attributes/get.curl", onlyRequest(), vendor);
    assertThat(attributes).containsExactly(Map.entry("key1", "value1"));
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void memberAttributesGetByKeys(Vendor vendor) {
    answer("001-group-member-attributes/get-by-keys.response.json");

    Map<String, Map<String, String>> attributes = client(vendor).groupMemberAttributes()
        .get("207059303858177", List.of("test1", "test2"), List.of("key1", "key2"));

    assertReplays("001-group-member-attributes/get-by-keys.curl", onlyRequest(), vendor, "207059303858177");
    assertThat(attributes).containsExactly(
        Map.entry("test1", Map.of("key1", "value1")),
        Map.entry("test2", Map.of("key1", "value1")));
  }

  // ---------------------------------------------------------------- seed 002: contacts and block list

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void contactAdd(Vendor vendor) {
    answer("002-contacts/add.response.json");

    client(vendor).contacts().addContact("user1", "user2");

    assertReplays("002-contacts/add.curl", onlyRequest(), vendor);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void contactRemove(Vendor vendor) {
    answer("002-contacts/remove.response.json");

    client(vendor).contacts().removeContact("user1", "user2");

    assertReplays("002-contacts/remove.curl", onlyRequest(), vendor);
  }

  /**
   * The "all contacts" example is the read that tells "not contacts" (success) from "unknown owner"
   * or "still contacts" after a 404 of the removal: the example lists user2, so the 404 stands.
   */
  @ParameterizedTest
  @EnumSource(Vendor.class)
  void contactListAllAfterA404OfTheRemoval(Vendor vendor) {
    WM.stubFor(delete(urlPathMatching(".*/users/user1/contacts/users/user2")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"service_resource_not_found\",\"error_description\":\"Service resource not found\"}")));
    WM.stubFor(get(urlPathMatching(".*/users/user1/contacts/users")).willReturn(okJson(
        CurlExample.Golden.text("002-contacts/all.response.json"))));

    assertThatThrownBy(() -> client(vendor).contacts().removeContact("user1", "user2"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.httpStatus()).hasValue(404));

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    assertReplays("002-contacts/remove.curl", requests.get(0), vendor);
    assertReplays("002-contacts/all.curl", requests.get(1), vendor);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void contactRemark(Vendor vendor) {
    answer("002-contacts/remark.response.json");

    client(vendor).contacts().setRemark("user1", "user2", "<remark>");

    assertReplays("002-contacts/remark.curl", onlyRequest(), vendor, "user1", "user2");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void contactPage(Vendor vendor) {
    answer("002-contacts/page.response.json");

    Page<Contact> page = client(vendor).contacts().contacts("user1", PageRequest.first(10));

    assertReplays("002-contacts/page.curl", onlyRequest(), vendor, "user1");
    assertThat(page.items()).containsExactly(Contact.of("username"));
    assertThat(page.nextCursor()).as("no cursor in the answer: the last page").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void blockListAdd(Vendor vendor) {
    answer("002-contacts/block.response.json");

    client(vendor).contacts().block("user1", List.of("user2"));

    assertReplays("002-contacts/block.curl", onlyRequest(), vendor);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void blockListPage(Vendor vendor) {
    answer("002-contacts/blocked.response.json");

    Page<String> page = client(vendor).contacts().blocked("user1", PageRequest.first(2));

    assertReplays("002-contacts/blocked.curl", onlyRequest(), vendor);
    assertThat(page.items()).containsExactly("tst05", "tst04");
    assertThat(page.nextCursor()).contains("MTA5OTAwMzMwNDUzNTA2ODY1NA==");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void blockListRemove(Vendor vendor) {
    answer("002-contacts/unblock.response.json");

    client(vendor).contacts().unblock("user1", "user2");

    assertReplays("002-contacts/unblock.curl", onlyRequest(), vendor);
  }

  // ---------------------------------------------------------------- comparison

  /**
   * Asserts that {@code request} is the example's request under the vendor's prefix, the
   * placeholders of the example's path replaced, in order, by {@code values}.
   */
  static void assertReplays(String curlResource, LoggedRequest request, Vendor vendor, String... values) {
    CurlExample example = CurlExample.load(curlResource);
    assertRequestLineAndHeaders(example, request, vendor, values);
    String sent = request.getBodyAsString();
    if (example.body == null) {
      assertThat(sent).as("body of %s", curlResource).isEmpty();
    } else if (example.headers.getOrDefault("Content-Type", "").startsWith("application/x-www-form-urlencoded")) {
      assertThat(formPairs(sent)).as("form pairs of %s", curlResource).isEqualTo(formPairs(example.body));
    } else {
      try {
        assertThat(JSON.readTree(sent)).as("JSON body of %s", curlResource).isEqualTo(JSON.readTree(example.body));
      } catch (java.io.IOException e) {
        throw new AssertionError(curlResource + ": a body is not JSON", e);
      }
    }
  }

  static void assertRequestLineAndHeaders(CurlExample example, LoggedRequest request, Vendor vendor, String... values) {
    assertThat(request.getMethod().getName()).as("method").isEqualTo(example.method);
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    assertThat(path).as("path").isEqualTo(vendor.prefix() + substitute(example.pathBelowApp(), values));
    assertThat(query(q < 0 ? "" : url.substring(q + 1))).as("query").isEqualTo(example.query());
    example.headers.forEach((name, value) -> {
      String sent = request.getHeader(name);
      switch (name) {
        case "Authorization":
          assertThat(sent).as(name).isEqualTo(value.replace("<YourAppToken>", TOKEN));
          break;
        case "Content-Type":
          if (sent == null) {
            assertThat(example.method).as("only a request without body may lack Content-Type").isIn("GET", "DELETE");
            assertThat(request.getBodyAsString()).isEmpty();
          } else {
            assertThat(sent).as(name).startsWith(value);
          }
          break;
        default:
          assertThat(sent).as(name).isEqualTo(value);
      }
    });
  }

  /** Replaces the placeholder segments ({@code XXXX}, {@code {...}}) in order. */
  private static String substitute(String path, String... values) {
    String[] segments = path.split("/");
    int next = 0;
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("XXXX") || segments[i].matches("\\{[a-z_]+}")) {
        if (next >= values.length) {
          throw new AssertionError("no value for placeholder " + segments[i] + " of " + path);
        }
        segments[i] = values[next++];
      }
    }
    assertThat(next).as("values used for %s", path).isEqualTo(values.length);
    return String.join("/", segments);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (!raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return query;
  }

  private static Map<String, String> formPairs(String body) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      pairs.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return pairs;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
