package io.imfacade.easemob.family;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The account and group examples of the vendors' pages, kept verbatim under {@code golden/011-accounts}
 * and {@code golden/012-groups}, replayed through the neutral API once under Easemob's {@code
 * /{org}/{app}} and once under Shengwang's {@code /app-id/{appId}}: the request the client sends
 * (method, path, query, headers, body) and the neutral result of the documented answer; then the
 * documented error answers of these endpoints (facts §11, §12).
 *
 * <p>Sources: easemob/easemob-doc {@code docs/document/server-side/} {@code
 * account_register_authorized_single.md@18a67856} (register), {@code
 * account_register_authorized_batch.md@7fb91be9} (example two: an existing user in a batch), {@code
 * account_detail_obtain_single.md@52535979}, {@code account_delete_single.md@65b03b87}, {@code
 * account_password_change.md@490871d3}, {@code easemob_user_token.md@0ae388d1} (by user id), {@code
 * group_create.md@051ebc16}; easemob/shengwang-chat-doc {@code docs/docs/sdk/server-side/} {@code
 * group_manage.md@05d092c2} (get, delete), {@code group_member_add_delete.md@6eccf6bd} (batch add,
 * batch and single removal), {@code group_member_obtain.md@05d092c2} (member page).
 *
 * <p>The only edits of the examples: {@code members.curl} lacked the opening quote of its URL.
 *
 * <p>Deliberate differences, asserted as such: the user token asks {@code autoCreateUser: false}
 * (the example creates the user; the neutral contract says "not found"); a group is created
 * private ({@code public: false}) without avatar; a member page asks {@code pagenum}/{@code
 * pagesize} of the caller's page and no {@code joined_time}; user ids are sent in lower case (facts
 * §7), so the removal example's {@code ttXXXX81} is sent as {@code ttxxxx81}. Adding and removing
 * members read the group first ({@code GET chatgroups/{g}}, the get example).
 */
class GoldenAccountsGroupsTest {

  private static final Scripted SCRIPT = new Scripted();
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(SCRIPT))
      .build();

  private static ProviderContext context;
  private ImClient client;
  /** Answers by method and path below the app (a regex); several answers are given in turn, the last stays. */
  private final Map<String, Deque<ResponseDefinition>> answers = new LinkedHashMap<>();

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
    SCRIPT.clear();
  }

  private ImClient client(GoldenWireTest.Vendor vendor) {
    String prefix = vendor.prefix();
    SCRIPT.script(request -> {
      String path = request.getUrl().split("\\?")[0];
      String below = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
      String key = request.getMethod().getName() + " " + below;
      for (Map.Entry<String, Deque<ResponseDefinition>> e : answers.entrySet()) {
        if (Pattern.matches(e.getKey(), key)) {
          Deque<ResponseDefinition> queue = e.getValue();
          return queue.size() > 1 ? queue.poll() : queue.peek();
        }
      }
      return Scripted.json(599, "{\"error\":\"unscripted\",\"error_description\":\"" + key + "\"}");
    });
    client = ImFacade.open(ImConfig.of(Map.of(
        "provider", TestFamilyProvider.ID,
        "family-test.baseUrl", WM.baseUrl(),
        "family-test.appPath", vendor.first + "/" + vendor.second,
        "family-test.vendor", vendor.id,
        "family-test.appToken", GoldenWireTest.TOKEN,
        ImConfig.RETRY_MAX_ATTEMPTS, "1",
        ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "1000")), context);
    return client;
  }

  /** Answers {@code method path} (a regex on the path below the app) with {@code bodies} in turn. */
  private void on(String method, String pathRegex, int status, String... bodies) {
    Deque<ResponseDefinition> queue = new ArrayDeque<>();
    for (String body : bodies) {
      queue.add(Scripted.json(status, body));
    }
    answers.put(method + " " + pathRegex, queue);
  }

  private static String golden(String resource) {
    return CurlExample.Golden.text(resource);
  }

  private static List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent e : WM.getAllServeEvents()) {
      requests.add(e.getRequest());
    }
    Collections.reverse(requests);
    return requests;
  }

  private static String line(LoggedRequest request) {
    return request.getMethod().getName() + " " + request.getUrl();
  }

  /** A group as {@code GET chatgroups/{g}} documents it (the get example's shape), with these members. */
  static String groupDetails(String id, String owner, int maxUsers, String... members) {
    ObjectNode g = JSON.createObjectNode();
    g.put("id", id);
    g.put("name", "testgroup");
    g.put("description", "test");
    g.put("membersonly", false);
    g.put("allowinvites", false);
    g.put("maxusers", maxUsers);
    g.put("owner", owner);
    g.put("created", 1682588716646L);
    g.put("affiliations_count", members.length + 1);
    var affiliations = g.putArray("affiliations");
    for (String m : members) {
      affiliations.addObject().put("member", m);
    }
    affiliations.addObject().put("owner", owner);
    g.put("public", false);
    ObjectNode answer = JSON.createObjectNode();
    answer.put("action", "get");
    answer.put("count", 1);
    answer.putArray("data").add(g);
    return answer.toString();
  }

  private static String userEntity(String username) {
    return "{\"action\":\"get\",\"entities\":[{\"uuid\":\"u\",\"type\":\"user\",\"created\":1542795196504,"
        + "\"username\":\"" + username + "\",\"activated\":true}],\"count\":1}";
  }

  private static String error(String error, String description) {
    return GoldenErrorTest.body(error, "Exception", description);
  }

  // ---------------------------------------------------------------- accounts (facts §11)

  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void registerOneUser(GoldenWireTest.Vendor vendor) {
    on("POST", "users", 200, golden("011-accounts/register.response.json"));

    Account account = client(vendor).accounts().register(Registration.of("user1", "123"));

    GoldenWireTest.assertReplays("011-accounts/register.curl", requests().get(0), vendor);
    assertThat(requests()).hasSize(1);
    assertThat(account).isEqualTo(new Account("user1", Instant.ofEpochMilli(1542795196504L), null));
  }

  /** Example two of the batch page: the existing user3 fails alone, in {@code data}; a read confirms it exists. */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void registerABatchWithAnExistingUser(GoldenWireTest.Vendor vendor) {
    on("POST", "users", 200, golden("011-accounts/register-batch.response.json"));
    on("GET", "users/user3", 200, userEntity("user3"));

    BatchOutcome<Account> outcome = client(vendor).accounts().registerAll(List.of(
        Registration.of("user1", "123"), Registration.of("user2", "456"), Registration.of("user3", "789")));

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    GoldenWireTest.assertReplays("011-accounts/register-batch.curl", requests.get(0), vendor);
    assertThat(line(requests.get(1))).isEqualTo("GET " + vendor.prefix() + "users/user3");
    assertThat(outcome.succeeded()).containsExactly(
        Map.entry("user1", new Account("user1", Instant.ofEpochMilli(1541587920710L), null)),
        Map.entry("user2", new Account("user2", Instant.ofEpochMilli(1541587920712L), null)));
    assertThat(outcome.failed()).containsOnlyKeys("user3");
    assertThat(outcome.failed().get("user3")).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.vendorMessage()).hasValue("the user3 already exists"));
  }

  /** The documented body, with a password the facade chose: 32 characters of the SDK's set, returned once. */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void registeringWithoutPasswordSendsAGeneratedOne(GoldenWireTest.Vendor vendor) throws Exception {
    on("POST", "users", 200, golden("011-accounts/register.response.json"));

    Account account = client(vendor).accounts().register(Registration.of("user1"));

    JsonNode sent = JSON.readTree(requests().get(0).getBodyAsString());
    assertThat(sent.size()).isEqualTo(1);
    String password = sent.get(0).get("password").asText();
    assertThat(password).hasSize(32).matches("[a-zA-Z0-9~!@#$%^&*\\-_=+<>;:,./?]{32}");
    assertThat(account.credential()).isEqualTo(new Credential(Credential.Kind.PASSWORD, password, null));
    assertThat(account.toString()).doesNotContain(password);
  }

  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void getOneUser(GoldenWireTest.Vendor vendor) {
    on("GET", "users/xxxx", 200, golden("011-accounts/get.response.json"));

    Account account = client(vendor).accounts().get("XXXX").orElseThrow();

    GoldenWireTest.assertReplays("011-accounts/get.curl", requests().get(0), vendor, "xxxx");
    assertThat(account).isEqualTo(Account.of("xxxx", Instant.ofEpochMilli(1542795196504L)));
  }

  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void deleteOneUser(GoldenWireTest.Vendor vendor) {
    on("DELETE", "users/xxxx", 200, golden("011-accounts/delete.response.json"));

    client(vendor).accounts().delete("XXXX");

    assertThat(requests()).hasSize(1);
    GoldenWireTest.assertReplays("011-accounts/delete.curl", requests().get(0), vendor, "xxxx");
  }

  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void setAPassword(GoldenWireTest.Vendor vendor) {
    on("PUT", "users/xxxx/password", 200, golden("011-accounts/password.response.json"));

    client(vendor).accounts().setPassword("XXXX", "newPassword");

    assertThat(requests()).hasSize(1);
    GoldenWireTest.assertReplays("011-accounts/password.curl", requests().get(0), vendor, "xxxx");
  }

  /** By user id with the app token; {@code autoCreateUser} false: the one deliberate difference. */
  @Test
  void issueAUserTokenByUserId() throws Exception {
    GoldenWireTest.Vendor vendor = GoldenWireTest.Vendor.EASEMOB;
    on("POST", "token", 200, golden("011-accounts/user-token.response.json"));
    Instant before = Instant.now();

    Credential token = client(vendor).accounts().issueToken("test2333", Duration.ofSeconds(1024000));

    Instant after = Instant.now();
    LoggedRequest request = requests().get(0);
    CurlExample example = CurlExample.load("011-accounts/user-token.curl");
    GoldenWireTest.assertRequestLineAndHeaders(example, request, vendor);
    ObjectNode documented = (ObjectNode) JSON.readTree(example.body);
    documented.put("autoCreateUser", false);
    assertThat(JSON.readTree(request.getBodyAsString())).isEqualTo(documented);
    assertThat(token.kind()).isEqualTo(Credential.Kind.TOKEN);
    assertThat(token.secret()).startsWith("YWMthyeiFhbyEe2eMGeYZSLlT7s");
    assertThat(token.expiresAt()).isBetween(before.plusSeconds(1024000).minusSeconds(1), after.plusSeconds(1024000));
    assertThat(token.toString()).doesNotContain(token.secret());
  }

  @Test
  void aValidityIsSentInWholeSecondsRoundedUp() throws Exception {
    on("POST", "token", 200, golden("011-accounts/user-token.response.json"));

    client(GoldenWireTest.Vendor.EASEMOB).accounts().issueToken("test2333", Duration.ofMillis(1500));

    assertThat(JSON.readTree(requests().get(0).getBodyAsString()).get("ttl").asLong()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- groups (facts §12)

  /** Private, no avatar: the deliberate differences from the example's body. */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void createAGroup(GoldenWireTest.Vendor vendor) throws Exception {
    on("POST", "chatgroups", 200, golden("012-groups/create.response.json"));

    Group group = client(vendor).groups().create(new NewGroup("testuser", "testgroup", "test", List.of("user2"), 300));

    LoggedRequest request = requests().get(0);
    CurlExample example = CurlExample.load("012-groups/create.curl");
    GoldenWireTest.assertRequestLineAndHeaders(example, request, vendor);
    ObjectNode documented = (ObjectNode) JSON.readTree(example.body);
    documented.put("public", false);
    documented.remove("avatar");
    assertThat(JSON.readTree(request.getBodyAsString())).isEqualTo(documented);
    assertThat(group).isEqualTo(new Group("6XXXX7", "testgroup", "testuser", "test", 2, 300));
  }

  @Test
  void aGroupWithoutDescriptionOrSizeSendsAnEmptyDescriptionAndNoMaxusersNorMembers() throws Exception {
    on("POST", "chatgroups", 200, golden("012-groups/create.response.json"));

    Group group = client(GoldenWireTest.Vendor.EASEMOB).groups().create(NewGroup.of("testuser", "testgroup", List.of()));

    assertThat(JSON.readTree(requests().get(0).getBodyAsString())).isEqualTo(JSON.readTree(
        "{\"groupname\":\"testgroup\",\"description\":\"\",\"owner\":\"testuser\",\"public\":false}"));
    assertThat(group).isEqualTo(new Group("6XXXX7", "testgroup", "testuser", null, 1, 200));
  }

  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void getAGroup(GoldenWireTest.Vendor vendor) {
    on("GET", "chatgroups/66XXXX85", 200, golden("012-groups/get.response.json"));

    Group group = client(vendor).groups().get("66XXXX85").orElseThrow();

    GoldenWireTest.assertReplays("012-groups/get.curl", requests().get(0), vendor);
    assertThat(group).isEqualTo(new Group("66XXXX85", "XXXX", "xxxx", "XXXX", 2, 2000));
  }

  /** The group is read first (the get example), then the batch add example; {@code newmembers} in any order. */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void addMembers(GoldenWireTest.Vendor vendor) {
    on("GET", "chatgroups/66XXXX85", 200, golden("012-groups/get.response.json"));
    on("POST", "chatgroups/66XXXX85/users", 200, golden("012-groups/add.response.json"));

    BatchOutcome<MemberChange> outcome = client(vendor).groups().addMembers("66XXXX85", List.of("user4", "user5"));

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    GoldenWireTest.assertReplays("012-groups/get.curl", requests.get(0), vendor);
    GoldenWireTest.assertReplays("012-groups/add.curl", requests.get(1), vendor);
    assertThat(outcome).isEqualTo(new BatchOutcome<>(
        Map.of("user4", MemberChange.ADDED, "user5", MemberChange.ADDED), Map.of()));
  }

  /**
   * The batch removal example, whose failed entry names {@code user1} for the requested {@code
   * ttXXXX81}: results are matched by user, and a requested user without a success is decided by
   * reading the group again (here still a member: failed, with no outcome invented).
   */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void removeMembers(GoldenWireTest.Vendor vendor) {
    on("GET", "chatgroups/66XXXX85", 200,
        groupDetails("66XXXX85", "owner1", 200, "ttxxxx81", "user2", "user3"),
        groupDetails("66XXXX85", "owner1", 200, "ttxxxx81"));
    on("DELETE", "chatgroups/66XXXX85/users/.*", 200, golden("012-groups/remove.response.json"));

    BatchOutcome<MemberChange> outcome = client(vendor).groups()
        .removeMembers("66XXXX85", List.of("ttXXXX81", "user2", "user3"));

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(3);
    CurlExample example = CurlExample.load("012-groups/remove.curl");
    assertThat(requests.get(1).getMethod().getName()).isEqualTo(example.method);
    assertThat(requests.get(1).getUrl()).as("the example's path, ids in lower case")
        .isEqualTo(vendor.prefix() + example.pathBelowApp().toLowerCase(java.util.Locale.ROOT)
            .replace("66xxxx85", "66XXXX85"));
    assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Bearer " + GoldenWireTest.TOKEN);
    assertThat(requests.get(1).getHeader("Accept")).isEqualTo("application/json");
    assertThat(line(requests.get(2))).isEqualTo("GET " + vendor.prefix() + "chatgroups/66XXXX85");
    assertThat(outcome.succeeded()).isEqualTo(Map.of("user2", MemberChange.REMOVED, "user3", MemberChange.REMOVED));
    assertThat(outcome.failed()).containsOnlyKeys("ttXXXX81");
    assertThat(outcome.failed().get("ttXXXX81")).isInstanceOf(ProviderUnavailableException.class);
  }

  /** One user: the single removal example, whose {@code data} is an object. */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void removeOneMember(GoldenWireTest.Vendor vendor) {
    on("GET", "chatgroups/66XXXX85", 200, groupDetails("66XXXX85", "owner1", 200, "user3"));
    on("DELETE", "chatgroups/66XXXX85/users/user3", 200, golden("012-groups/remove-one.response.json"));

    BatchOutcome<MemberChange> outcome = client(vendor).groups().removeMembers("66XXXX85", List.of("user3"));

    assertThat(requests()).hasSize(2);
    GoldenWireTest.assertReplays("012-groups/remove-one.curl", requests().get(1), vendor);
    assertThat(outcome).isEqualTo(new BatchOutcome<>(Map.of("user3", MemberChange.REMOVED), Map.of()));
  }

  /** The member page example: owner, admin and member all listed; fewer than asked ends the list. */
  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void aPageOfMembers(GoldenWireTest.Vendor vendor) {
    on("GET", "chatgroups/10XXXX85/users", 200, golden("012-groups/members.response.json"));

    Page<String> page = client(vendor).groups().members("10XXXX85", PageRequest.first(10));

    LoggedRequest request = requests().get(0);
    CurlExample example = CurlExample.load("012-groups/members.curl");
    assertThat(request.getUrl()).isEqualTo(vendor.prefix() + example.pathBelowApp() + "?pagenum=1&pagesize=10");
    assertThat(example.query()).containsKeys("pagenum", "pagesize");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + GoldenWireTest.TOKEN);
    assertThat(page.items()).containsExactly("user1", "user", "user3");
    assertThat(page.nextCursor()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(GoldenWireTest.Vendor.class)
  void deleteAGroup(GoldenWireTest.Vendor vendor) {
    on("DELETE", "chatgroups/6XXXX7", 200, golden("012-groups/delete.response.json"));

    client(vendor).groups().delete("6XXXX7");

    assertThat(requests()).hasSize(1);
    GoldenWireTest.assertReplays("012-groups/delete.curl", requests().get(0), vendor);
  }

  // ---------------------------------------------------------------- documented errors

  /** facts §11: duplicate (single page) → read → conflict. */
  @Test
  void aDuplicateUserIsAConflictWithTheVendorsWords() {
    on("POST", "users", 400, error("duplicate_unique_property_exists",
        "Application XXX Entity user requires that property named username be unique, value of user1 exists"));
    on("GET", "users/user1", 200, userEntity("user1"));

    assertThatThrownBy(() -> client(GoldenWireTest.Vendor.EASEMOB).accounts().register(Registration.of("user1", "123")))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.httpStatus()).hasValue(400);
          assertThat(e.vendorCode()).hasValue("duplicate_unique_property_exists");
        });
  }

  /** facts §11: the batch page's "the same user XXX has a different password, the passwords are XXX" never shows a password. */
  @Test
  void aRefusalQuotingPasswordsShowsNone() {
    on("POST", "users", 400, error("duplicate_unique_property_exists",
        "the same user user1 has a different password, the passwords are s3cret-one,s3cret-two"));
    on("GET", "users/.*", 404, error("service_resource_not_found", "Service resource not found"));

    BatchOutcome<Account> outcome = client(GoldenWireTest.Vendor.EASEMOB).accounts().registerAll(List.of(
        Registration.of("user1", "s3cret-one"), Registration.of("user2", "s3cret-two")));

    assertThat(outcome.failed()).containsOnlyKeys("user1", "user2");
    outcome.failed().values().forEach(e -> {
      assertThat(e).isInstanceOf(InvalidRequestException.class);
      assertThat(e.getMessage()).doesNotContain("s3cret-one").doesNotContain("s3cret-two").contains("****");
      assertThat(e.vendorMessage().orElseThrow()).doesNotContain("s3cret");
    });
  }

  /** facts §11: the delete page lists 400 {@code management} and 404 for an unknown user; a read confirms. */
  @Test
  void deletingAnUnknownUserSucceedsOnEitherDocumentedAnswer() {
    ImClient c = client(GoldenWireTest.Vendor.EASEMOB);
    on("GET", "users/ghost", 404, error("service_resource_not_found", "Service resource not found"));
    on("DELETE", "users/ghost", 400, error("management", "User with id null does not exist in app XXX"));
    c.accounts().delete("ghost");
    on("DELETE", "users/ghost", 404, error("service_resource_not_found", "Service resource not found"));
    c.accounts().delete("ghost");

    // A user still there keeps the failure.
    on("GET", "users/ghost", 200, userEntity("ghost"));
    assertThatThrownBy(() -> c.accounts().delete("ghost")).isInstanceOf(NotFoundException.class);
  }

  /** facts §11: password page 404 {@code entity_not_found} "User null not found". */
  @Test
  void aPasswordForAnUnknownUserIsNotFound() {
    on("PUT", "users/ghost/password", 404, error("entity_not_found", "User null not found"));

    assertThatThrownBy(() -> client(GoldenWireTest.Vendor.EASEMOB).accounts().setPassword("ghost", "secret-pw"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.vendorCode()).hasValue("entity_not_found"));
  }

  /** facts §11: user token page 404 {@code invalid_grant} "user not found". */
  @Test
  void aTokenForAnUnknownUserIsNotFound() {
    on("POST", "token", 404, error("invalid_grant", "user not found"));

    assertThatThrownBy(() -> client(GoldenWireTest.Vendor.EASEMOB).accounts().issueToken("ghost", Duration.ofHours(1)))
        .isInstanceOf(NotFoundException.class);
  }

  /** facts §12: the three spellings of "group not found" are all {@link NotFoundException}s (or "absent" for get). */
  @Test
  void everyDocumentedGroupNotFoundIsNotFound() {
    ImClient c = client(GoldenWireTest.Vendor.EASEMOB);
    on("GET", "chatgroups/404", 404, error("resource_not_found", "grpID 404 does not exist!"));
    on("GET", "chatgroups/404/users", 404, error("service_resource_not_found", "do not find this group:404"));
    on("DELETE", "chatgroups/404", 404, error("resource_not_found", "grpID 404 does not exist!"));
    on("PUT", "metadata/chatgroup/404/user/bob", 404, error("metadata_error", "group not exists"));

    assertThat(c.groups().get("404")).isEmpty();
    assertThatThrownBy(() -> c.groups().members("404", PageRequest.first(10))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> c.groups().delete("404")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> c.groups().addMembers("404", List.of("bob"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> c.groups().removeMembers("404", List.of("bob"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> c.groupMemberAttributes().set("404", "bob", Map.of("k", "v")))
        .isInstanceOf(NotFoundException.class);
  }

  /** facts §12: a missing app is not a missing group: a 404 {@code organization_application_not_found} stays an error. */
  @Test
  void aMissingAppIsNotAMissingGroup() {
    on("GET", "chatgroups/1", 404, error("organization_application_not_found",
        "Could not find application for XXX/XXX from URI: XXX/XXX/chatgroups"));

    assertThatThrownBy(() -> client(GoldenWireTest.Vendor.EASEMOB).groups().get("1"))
        .isInstanceOf(NotFoundException.class);
  }

  /** facts §12: an unknown member at creation, 404 "username XXXX doesn't exist!". */
  @Test
  void anUnknownMemberAtCreationIsNotFound() {
    on("POST", "chatgroups", 404, error("resource_not_found", "username ghost doesn't exist!"));

    assertThatThrownBy(() -> client(GoldenWireTest.Vendor.EASEMOB).groups().create(NewGroup.of("u1", "g", List.of("ghost"))))
        .isInstanceOf(NotFoundException.class);
  }

  /**
   * facts §12: a full group, 403 {@code exceed_limit} "members size is greater than max user size
   * !": the user, still not a member and existing, fails with {@link QuotaExceededException}.
   */
  @Test
  void aFullGroupIsOverQuotaForTheNewUser() {
    on("GET", "chatgroups/7", 200, groupDetails("7", "owner1", 2, "bob"));
    on("POST", "chatgroups/7/users", 403, error("exceed_limit", "members size is greater than max user size !"));
    on("GET", "users/carol", 200, userEntity("carol"));

    BatchOutcome<MemberChange> outcome = client(GoldenWireTest.Vendor.EASEMOB).groups()
        .addMembers("7", List.of("bob", "carol"));

    assertThat(outcome.succeeded()).isEqualTo(Map.of("bob", MemberChange.ALREADY_MEMBER));
    assertThat(outcome.failed().get("carol")).isInstanceOf(QuotaExceededException.class);
  }

  /**
   * facts §12: "can not join this group, reason:user: X already in group" (a member added
   * meanwhile, or a retried add that landed): the read shows the user a member, so it was added.
   */
  @Test
  void alreadyInGroupAfterTheFirstReadIsAdded() {
    on("GET", "chatgroups/7", 200, groupDetails("7", "owner1", 200), groupDetails("7", "owner1", 200, "carol"));
    on("POST", "chatgroups/7/users", 403,
        error("forbidden_op", "can not join this group, reason:user: carol already in group: 7\n"));

    BatchOutcome<MemberChange> outcome = client(GoldenWireTest.Vendor.EASEMOB).groups().addMembers("7", List.of("carol"));

    assertThat(outcome).isEqualTo(new BatchOutcome<>(Map.of("carol", MemberChange.ADDED), Map.of()));
  }

  /** facts §12: the owner is never sent for removal ("forbidden operation on group owner!"). */
  @Test
  void theOwnerIsNotSentForRemoval() {
    on("GET", "chatgroups/7", 200, groupDetails("7", "owner1", 200, "bob"));

    BatchOutcome<MemberChange> outcome = client(GoldenWireTest.Vendor.EASEMOB).groups()
        .removeMembers("7", List.of("owner1", "carol"));

    assertThat(requests()).hasSize(1);
    assertThat(outcome.succeeded()).isEqualTo(Map.of("carol", MemberChange.NOT_A_MEMBER));
    assertThat(outcome.failed().get("owner1")).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.getMessage()).contains("delete the group instead"));
  }
}
