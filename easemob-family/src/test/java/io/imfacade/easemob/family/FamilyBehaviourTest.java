package io.imfacade.easemob.family;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.ProviderContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The family's semantics against a scripted server, through {@code ImFacade.open} (the guard's own
 * checks are tested in api): chunking in input order, per-member outcomes of batch writes whatever
 * happens to other chunks, malformed success answers, the "already gone" answers of removals,
 * cursors, and the wire form of clearing.
 */
class FamilyBehaviourTest {

  private static final Scripted SCRIPT = new Scripted();

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(SCRIPT))
      .build();

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

  @BeforeEach
  void openClient() {
    SCRIPT.clear();
    WM.stubFor(any(anyUrl()).willReturn(okJson("{\"timestamp\":1,\"data\":{},\"duration\":0}")));
    client = ImFacade.open(ImConfig.of(Map.of(
        "provider", TestFamilyProvider.ID,
        "family-test.baseUrl", WM.baseUrl(),
        "family-test.appPath", "org/app",
        "family-test.appToken", "fixed-token",
        ImConfig.RETRY_MAX_ATTEMPTS, "1",
        ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "10000")), context);
  }

  @AfterEach
  void closeClient() {
    client.close();
    SCRIPT.clear();
  }

  private static List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent e : WM.getAllServeEvents()) {
      requests.add(e.getRequest());
    }
    Collections.reverse(requests);
    return requests;
  }

  private static ResponseDefinition data(Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("timestamp", 1L);
    envelope.put("data", data);
    envelope.put("duration", 0);
    return Scripted.json(200, envelope);
  }

  private static ResponseDefinition error(int status, String code, String description) {
    return Scripted.json(status, Map.of("error", code, "error_description", description, "timestamp", 1L, "duration", 0));
  }

  // ---------------------------------------------------------------- profiles

  /** 250 distinct ids (plus repeats in other cases): 100 + 100 + 50 targets, merged in input order. */
  @Test
  void getAllIsChunkedByHundredAndMergedInInputOrder() {
    List<String> distinct = IntStream.range(0, 250).mapToObj(i -> String.format("u%03d", 249 - i)).collect(Collectors.toList());
    List<String> input = new ArrayList<>(distinct);
    input.add(5, distinct.get(0).toUpperCase(Locale.ROOT));
    input.add(distinct.get(7));
    SCRIPT.script(request -> {
      ObjectNode data = Scripted.JSON.createObjectNode();
      for (JsonNode target : Scripted.body(request).get("targets")) {
        int n = Integer.parseInt(target.asText().substring(1));
        if (n % 10 == 3) {
          continue; // unknown user: absent
        }
        ObjectNode attrs = data.putObject(target.asText());
        if (n % 10 != 4) { // n % 10 == 4: a user with nothing set
          attrs.put("nickname", "nick " + n);
          attrs.put("gender", n % 2 == 0 ? "1" : "2");
        }
      }
      return data(data);
    });

    Map<String, UserProfile> result = client.profiles().getAll(input);

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(3);
    List<String> sent = new ArrayList<>();
    for (LoggedRequest r : requests) {
      JsonNode targets = Scripted.body(r).get("targets");
      assertThat(targets.size()).isLessThanOrEqualTo(100);
      targets.forEach(t -> sent.add(t.asText()));
    }
    assertThat(sent).containsExactlyInAnyOrderElementsOf(distinct);
    // Keyed as the caller spelled them (the guard re-keys): "U249" and "u249" both find user u249.
    List<String> expectedKeys = input.stream()
        .filter(id -> Integer.parseInt(id.substring(1)) % 10 != 3 && Integer.parseInt(id.substring(1)) % 10 != 4)
        .distinct()
        .collect(Collectors.toList());
    assertThat(expectedKeys).contains("U249", "u249");
    assertThat(new ArrayList<>(result.keySet())).isEqualTo(expectedKeys);
    result.forEach((id, p) -> {
      assertThat(p.userId()).isEqualTo(id.toLowerCase(Locale.ROOT));
      int n = Integer.parseInt(id.substring(1));
      assertThat(p.nickname()).isEqualTo("nick " + n);
      assertThat(p.gender()).isEqualTo(n % 2 == 0 ? Gender.MALE : Gender.FEMALE);
    });
  }

  @Test
  void getOfNothingSetIsEmpty() {
    SCRIPT.script(r -> data(Map.of()));
    assertThat(client.profiles().get("a")).isEmpty();

    SCRIPT.script(r -> data(Map.of("nickname", "", "gender", "0", "sign", "")));
    assertThat(client.profiles().get("a")).as("only empty values").isEmpty();
  }

  @Test
  void getReadsCustomAttributesAndToleratesOddValues() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("nickname", "Al");
    attrs.put("gender", "9");
    attrs.put("level", 7);
    attrs.put("empty", "");
    SCRIPT.script(r -> data(attrs));

    UserProfile p = client.profiles().get("Al").orElseThrow();

    assertThat(p.userId()).isEqualTo("al");
    assertThat(p.nickname()).isEqualTo("Al");
    assertThat(p.gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(p.customAttributes()).containsExactly(Map.entry("level", "7"));
    assertThat(requests().get(0).getUrl()).isEqualTo("/org/app/metadata/user/al");
  }

  @Test
  void updateSendsOnlyTheChangedKeysAndClearsWithEmptyValues() {
    client.profiles().update("Alice", ProfileUpdate.builder()
        .clear(ProfileField.NICKNAME)
        .gender(Gender.UNKNOWN)
        .email("a@example.com")
        .customAttribute("city", "杭州 & co")
        .clearCustomAttribute("old")
        .build());

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getMethod().getName() + " " + requests.get(0).getUrl())
        .as("the account read that tells an unknown user").isEqualTo("GET /org/app/users/alice");
    LoggedRequest r = requests.get(1);
    assertThat(r.getMethod().getName()).isEqualTo("PUT");
    assertThat(r.getUrl()).isEqualTo("/org/app/metadata/user/alice");
    assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertThat(form).containsExactlyInAnyOrderEntriesOf(
        Map.of("nickname", "", "gender", "0", "mail", "a@example.com", "city", "杭州 & co", "old", ""));
  }

  @Test
  void deleteAnsweredFalseIsAFailure() {
    SCRIPT.script(r -> data(false));

    assertThatThrownBy(() -> client.profiles().delete("a")).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void anUpdateOfAnUnknownUserIsNotFound() {
    SCRIPT.script(r -> error(404, "service_resource_not_found", "Service resource not found"));

    assertThatThrownBy(() -> client.profiles().update("ghost", ProfileUpdate.builder().nickname("x").build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFixedTokenThatIsRefusedIsAnAuthenticationFailure() {
    SCRIPT.script(r -> error(401, "unauthorized", "Unable to authenticate due to expired access token"));

    assertThatThrownBy(() -> client.profiles().get("a")).isInstanceOf(AuthenticationException.class)
        .hasMessageNotContaining("fixed-token");
    assertThat(requests()).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer fixed-token"));
  }

  // ---------------------------------------------------------------- group member attributes

  /**
   * 45 members in chunks of 20, 20 and 5; four of them not in the group, in three chunks. Each
   * refused chunk is sent again without them; nobody is lost.
   */
  @Test
  void setAllOf45WithNonMembersReportsEveryMember() {
    List<String> users = IntStream.range(0, 45).mapToObj(i -> String.format("m%02d", i)).collect(Collectors.toList());
    Set<String> outsiders = Set.of("m03", "m21", "m22", "m44");
    SCRIPT.script(request -> {
      List<String> named = new ArrayList<>();
      ArrayNode succeeded = Scripted.JSON.createArrayNode();
      for (JsonNode entry : Scripted.body(request)) {
        String user = entry.get("username").asText();
        if (outsiders.contains(user)) {
          named.add(user);
        }
        ObjectNode ok = succeeded.addObject();
        ok.put("username", user);
        ok.set("metadata", entry.get("metadata"));
      }
      if (!named.isEmpty()) {
        return error(400, "metadata_error", "Some users are not in the group: " + String.join(",", named));
      }
      return data(Map.of("updateMetadataFailed:", List.of(), "updateMetadataSucceeded:", succeeded));
    });
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    users.forEach(u -> request.put(u.toUpperCase(Locale.ROOT), Map.of("nick", "n-" + u, "gone", "")));

    BatchResult result = client.groupMemberAttributes().setAll("123", request);

    assertThat(result.succeeded().size() + result.failed().size()).isEqualTo(45);
    assertThat(result.failed().keySet()).containsExactly("M03", "M21", "M22", "M44");
    assertThat(result.failed().values()).allSatisfy(e -> {
      assertThat(e).isInstanceOf(NotFoundException.class);
      assertThat(e.plainMessage()).startsWith("user not in group");
    });
    List<String> expectedOk = users.stream().filter(u -> !outsiders.contains(u)).collect(Collectors.toList());
    assertThat(new ArrayList<>(result.succeeded().keySet()))
        .isEqualTo(expectedOk.stream().map(u -> u.toUpperCase(Locale.ROOT)).collect(Collectors.toList()));
    result.succeeded().forEach((u, attrs) ->
        assertThat(attrs).containsExactly(Map.entry("nick", "n-" + u.toLowerCase(Locale.ROOT))));
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(6); // 3 chunks, each refused once
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.getUrl()).isEqualTo("/org/app/metadata/chatgroup/123/users/batch");
      assertThat(Scripted.body(r).size()).isLessThanOrEqualTo(20);
    });
    Set<String> lastSent = new LinkedHashSet<>();
    requests.stream().map(Scripted::body).filter(b -> {
      for (JsonNode e : b) {
        if (outsiders.contains(e.get("username").asText())) {
          return false;
        }
      }
      return true;
    }).forEach(b -> b.forEach(e -> lastSent.add(e.get("username").asText())));
    assertThat(lastSent).containsExactlyInAnyOrderElementsOf(expectedOk);
  }

  /** 45 members: every chunk is refused with the group's 404, so nothing was written anywhere. */
  @Test
  void setAllOfAMissingGroupFailsTheWholeCall() {
    SCRIPT.script(r -> error(404, "metadata_error", "group not exists"));
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    IntStream.range(0, 45).forEach(i -> request.put("u" + i, Map.of("k", "v")));

    assertThatThrownBy(() -> client.groupMemberAttributes().setAll("404", request))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.vendorMessage()).contains("group not exists");
          assertThat(e.httpStatus()).hasValue(404);
        });
    assertThat(requests()).hasSize(3);
  }

  /**
   * 45 members in chunks of 20, 20 and 5; the second chunk fails (HTTP 500, then an HTML page with
   * 200, then a 403): the first and last chunks' members are still reported as succeeded, and the
   * second chunk's members as failed with that chunk's exception.
   */
  @Test
  void setAllReportsEveryMemberWhenOneChunkFails() {
    for (ResponseDefinition broken : List.of(
        error(500, "INTERNAL_SERVER_ERROR", "update metadata failed"),
        Scripted.html(200, "<html><body>gateway</body></html>"),
        error(403, "metadata_error", "chatgroup user metadata service not allow"))) {
      SCRIPT.script(request -> {
        JsonNode body = Scripted.body(request);
        if (body.get(0).get("username").asText().equals("m20")) {
          return broken;
        }
        return data(Map.of("updateMetadataFailed", List.of(), "updateMetadataSucceeded", echo(body)));
      });
      List<String> users = IntStream.range(0, 45).mapToObj(i -> String.format("m%02d", i)).collect(Collectors.toList());
      Map<String, Map<String, String>> request = new LinkedHashMap<>();
      users.forEach(u -> request.put(u, Map.of("k", "v-" + u)));

      BatchResult result = client.groupMemberAttributes().setAll("1", request);

      List<String> second = users.subList(20, 40);
      assertThat(result.failed().keySet()).as("after %s", broken.getStatus()).containsExactlyElementsOf(second);
      ImException cause = result.failed().get("m20");
      assertThat(result.failed().values()).allSatisfy(e -> assertThat(e).isSameAs(cause));
      assertThat(cause).isInstanceOfAny(ProviderUnavailableException.class, FeatureNotEnabledException.class);
      assertThat(cause.operation()).contains("groupMemberAttributes.setAll");
      List<String> confirmed = new ArrayList<>(users.subList(0, 20));
      confirmed.addAll(users.subList(40, 45));
      assertThat(new ArrayList<>(result.succeeded().keySet())).isEqualTo(confirmed);
      result.succeeded().forEach((u, attrs) -> assertThat(attrs).containsExactly(Map.entry("k", "v-" + u)));
      WM.resetRequests();
    }
  }

  /** One chunk refused with 404 while the others succeed: reported per member, not thrown. */
  @Test
  void setAllReportsA404OfOneChunkPerMember() {
    SCRIPT.script(request -> {
      JsonNode body = Scripted.body(request);
      if (body.get(0).get("username").asText().equals("a20")) {
        return error(404, "metadata_error", "group not exists");
      }
      return data(Map.of("updateMetadataFailed:", List.of(), "updateMetadataSucceeded:", echo(body)));
    });
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    IntStream.range(0, 25).forEach(i -> request.put("a" + i, Map.of("k", "v")));

    BatchResult result = client.groupMemberAttributes().setAll("1", request);

    assertThat(result.succeeded()).hasSize(20);
    assertThat(result.failed()).containsOnlyKeys("a20", "a21", "a22", "a23", "a24");
    assertThat(result.failed().values()).allSatisfy(e -> assertThat(e).isInstanceOf(NotFoundException.class));
  }

  private static ArrayNode echo(JsonNode requestBody) {
    ArrayNode succeeded = Scripted.JSON.createArrayNode();
    for (JsonNode entry : requestBody) {
      ObjectNode ok = succeeded.addObject();
      ok.put("username", entry.get("username").asText());
      ok.set("metadata", entry.get("metadata"));
    }
    return succeeded;
  }

  @Test
  void setAllReadsFailedEntriesAndReportsUnreportedMembers() {
    SCRIPT.script(r -> data(Map.of(
        "updateMetadataFailed", List.of(Map.of("username", "b", "errorMessage", "user not in group")),
        "updateMetadataSucceeded", List.of(Map.of("username", "A", "metadata", Map.of("k", "v"))))));
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    request.put("a", Map.of("k", "v"));
    request.put("b", Map.of("k", "v"));
    request.put("c", Map.of("k", "v"));

    BatchResult result = client.groupMemberAttributes().setAll("1", request);

    assertThat(result.succeeded()).containsExactly(Map.entry("a", Map.of("k", "v")));
    assertThat(result.failed()).containsOnlyKeys("b", "c");
    assertThat(result.failed().get("b")).isInstanceOf(NotFoundException.class);
    assertThat(result.failed().get("c")).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void setOfOneMemberReturnsTheWrittenPairsWithoutRemovedKeys() {
    SCRIPT.script(r -> data(Map.of("k", "v", "gone", "")));
    Map<String, String> request = new LinkedHashMap<>();
    request.put("k", "v");
    request.put("gone", "");

    Map<String, String> written = client.groupMemberAttributes().set("1", "a", request);

    assertThat(written).containsExactly(Map.entry("k", "v"));
    JsonNode body = Scripted.body(requests().get(0));
    assertThat(body.get("metaData").get("gone").asText()).isEmpty();
    assertThat(body.has("metadata")).isFalse();
  }

  /**
   * 25 users in chunks of 10, 10, 5: non-members absent, members without the keys empty (each
   * checked with the single read, since a non-member may be answered {} as well), order kept.
   */
  @Test
  void getByKeysIsChunkedByTenInInputOrder() {
    List<String> users = IntStream.range(0, 25).mapToObj(i -> "u" + (24 - i)).collect(Collectors.toList());
    SCRIPT.script(request -> {
      if (request.getMethod().getName().equals("GET")) {
        return data(Map.of("other", "x")); // the single read of a member: all of its keys
      }
      ObjectNode data = Scripted.JSON.createObjectNode();
      for (JsonNode target : Scripted.body(request).get("targets")) {
        int n = Integer.parseInt(target.asText().substring(1));
        if (n % 5 == 0) {
          continue; // not a member
        }
        ObjectNode attrs = data.putObject(target.asText());
        if (n % 5 != 1) {
          attrs.put("k1", "v" + n);
          attrs.put("other", "x"); // not asked for: dropped even if the vendor sent it
          attrs.put("k2", "");
        }
      }
      return data(data);
    });

    Map<String, Map<String, String>> result = client.groupMemberAttributes().get("1", users, List.of("k1", "k2"));

    List<LoggedRequest> requests = requests().stream().filter(r -> r.getMethod().getName().equals("POST"))
        .collect(Collectors.toList());
    assertThat(requests).hasSize(3);
    assertThat(requests().stream().filter(r -> r.getMethod().getName().equals("GET")).map(LoggedRequest::getUrl))
        .containsExactlyInAnyOrder("/org/app/metadata/chatgroup/1/user/u21", "/org/app/metadata/chatgroup/1/user/u16",
            "/org/app/metadata/chatgroup/1/user/u11", "/org/app/metadata/chatgroup/1/user/u6",
            "/org/app/metadata/chatgroup/1/user/u1");
    assertThat(requests).allSatisfy(r -> {
      JsonNode body = Scripted.body(r);
      assertThat(body.get("targets").size()).isLessThanOrEqualTo(10);
      assertThat(body.get("properties").toString()).isEqualTo("[\"k1\",\"k2\"]");
    });
    List<String> members = users.stream().filter(u -> Integer.parseInt(u.substring(1)) % 5 != 0).collect(Collectors.toList());
    assertThat(new ArrayList<>(result.keySet())).isEqualTo(members);
    result.forEach((u, attrs) -> {
      int n = Integer.parseInt(u.substring(1));
      assertThat(attrs).isEqualTo(n % 5 == 1 ? Map.of() : Map.of("k1", "v" + n));
    });
  }

  // ---------------------------------------------------------------- contacts

  @Test
  void removingANonContactSucceedsWhenTheOwnerExists() {
    SCRIPT.script(r -> r.getMethod().getName().equals("DELETE")
        ? error(404, "service_resource_not_found", "not friends")
        : data(List.of()));

    client.contacts().removeContact("a", "b");

    List<LoggedRequest> requests = requests();
    assertThat(requests).extracting(r -> r.getMethod().getName() + " " + r.getUrl())
        .containsExactly("DELETE /org/app/users/a/contacts/users/b", "GET /org/app/users/a/contacts/users");
  }

  @Test
  void removingForAnUnknownOwnerIsNotFound() {
    SCRIPT.script(r -> error(404, "service_resource_not_found", "Service resource not found"));

    assertThatThrownBy(() -> client.contacts().removeContact("ghost", "b")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void unblockingAUserNotBlockedSucceedsWhenTheOwnerExists() {
    SCRIPT.script(r -> r.getMethod().getName().equals("DELETE")
        ? error(404, "service_resource_not_found", "not blocked")
        : Scripted.json(200, Map.of("data", List.of())));

    client.contacts().unblock("a", "b");

    assertThat(requests()).extracting(r -> r.getMethod().getName() + " " + r.getUrl())
        .containsExactly("DELETE /org/app/users/a/blocks/users/b", "GET /org/app/users/a/blocks/users");
  }

  @Test
  void unblockingForAnUnknownOwnerIsNotFound() {
    SCRIPT.script(r -> error(404, "service_resource_not_found", "Service resource not found"));

    assertThatThrownBy(() -> client.contacts().unblock("ghost", "b")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theNextContactCursorIsReadAtTheTopOrInData() {
    SCRIPT.script(r -> Scripted.json(200, Map.of("cursor", "top",
        "data", Map.of("contacts", List.of(Map.of("username", "B", "remark", "boss"))))));
    Page<io.imfacade.contact.Contact> top = client.contacts().contacts("a", PageRequest.first(1));
    assertThat(top.items()).containsExactly(io.imfacade.contact.Contact.of("b", "boss"));
    assertThat(top.nextCursor()).contains("top");

    SCRIPT.script(r -> Scripted.json(200, Map.of("data", Map.of("cursor", "inner", "contacts", List.of(Map.of("username", "c"))))));
    assertThat(client.contacts().contacts("a", PageRequest.after("top", 1)).nextCursor()).contains("inner");

    SCRIPT.script(r -> Scripted.json(200, Map.of("cursor", " ", "data", Map.of("contacts", List.of()))));
    assertThat(client.contacts().contacts("a", PageRequest.first(1)).nextCursor()).isEmpty();

    List<LoggedRequest> requests = requests();
    assertThat(requests.get(0).getUrl()).isEqualTo("/org/app/user/a/contacts?limit=1&needReturnRemark=true");
    assertThat(requests.get(1).getUrl()).isEqualTo("/org/app/user/a/contacts?limit=1&cursor=top&needReturnRemark=true");
  }

  @Test
  void allContactsFollowsCursorsLazily() {
    SCRIPT.script(r -> {
      String cursor = r.queryParameter("cursor").isPresent() ? r.queryParameter("cursor").firstValue() : "";
      int start = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      List<Map<String, String>> page = new ArrayList<>();
      for (int i = start; i < Math.min(start + 50, 120); i++) {
        page.add(Map.of("username", "f" + i));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", Map.of("contacts", page));
      if (start + 50 < 120) {
        body.put("cursor", String.valueOf(start + 50));
      }
      return Scripted.json(200, body);
    });

    assertThat(client.contacts().allContacts("a").limit(3)).hasSize(3);
    assertThat(requests()).hasSize(1);
    assertThat(client.contacts().allContacts("a").map(io.imfacade.contact.Contact::userId))
        .containsExactlyElementsOf(IntStream.range(0, 120).mapToObj(i -> "f" + i).collect(Collectors.toList()));
  }

  @Test
  void blockSendsChunksOfFiftyInOrder() {
    List<String> users = IntStream.range(0, 120).mapToObj(i -> "b" + i).collect(Collectors.toList());
    SCRIPT.script(r -> Scripted.json(200, Map.of("data", Scripted.body(r).get("usernames"))));

    client.contacts().block("A", users);

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(3);
    List<String> sent = new ArrayList<>();
    for (LoggedRequest r : requests) {
      assertThat(r.getUrl()).isEqualTo("/org/app/users/a/blocks/users");
      Scripted.body(r).get("usernames").forEach(u -> sent.add(u.asText()));
    }
    assertThat(sent).isEqualTo(users);
    assertThat(Scripted.body(requests.get(2)).get("usernames").size()).isEqualTo(20);
  }

  /**
   * One unknown user among 50, refused as a whole (404): halves go again until it is alone, the
   * owner is checked once, the 49 others end up sent in accepted requests, and the call names it.
   */
  @Test
  void aBlockRefusedFor404IsNarrowedDownByHalves() {
    List<String> users = IntStream.range(0, 50).mapToObj(i -> "b" + i).collect(Collectors.toList());
    Set<String> accepted = new LinkedHashSet<>();
    SCRIPT.script(r -> {
      if (r.getMethod().getName().equals("GET")) {
        return Scripted.json(200, Map.of("data", List.of()));
      }
      List<String> sent = new ArrayList<>();
      Scripted.body(r).get("usernames").forEach(u -> sent.add(u.asText()));
      if (sent.contains("b37")) {
        return error(404, "service_resource_not_found", "Service resource not found");
      }
      accepted.addAll(sent);
      return Scripted.json(200, Map.of("data", sent));
    });

    assertThatThrownBy(() -> client.contacts().block("a", users)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.plainMessage()).isEqualTo("these users do not exist: b37; the other 49 users are blocked by a"));

    List<String> others = new ArrayList<>(users);
    others.remove("b37");
    assertThat(accepted).containsExactlyInAnyOrderElementsOf(others);
    List<LoggedRequest> requests = requests();
    assertThat(requests.stream().filter(r -> r.getMethod().getName().equals("GET")).map(LoggedRequest::getUrl))
        .as("the owner checked once").containsExactly("/org/app/users/a/blocks/users?pageSize=1");
    assertThat(requests).as("log2(50) levels of halves, not one request per user").hasSizeLessThan(20);
  }

  /**
   * The unpaged contact list stops at 3000: a friend older than those is looked for in the pages,
   * so a refused removal of a friend still there stays refused.
   */
  @Test
  void aFriendPastTheFirst3000IsFoundInThePages() {
    List<String> newest = IntStream.range(0, 3000).mapToObj(i -> "n" + i).collect(Collectors.toList());
    SCRIPT.script(r -> {
      String method = r.getMethod().getName();
      if (method.equals("DELETE")) {
        return error(400, "illegal_argument", "cannot remove");
      }
      if (r.getUrl().startsWith("/org/app/users/a/contacts/users")) {
        return Scripted.json(200, Map.of("data", newest));
      }
      boolean second = r.queryParameter("cursor").isPresent();
      return Scripted.json(200, second
          ? Map.of("data", Map.of("contacts", List.of(Map.of("username", "old"))))
          : Map.of("cursor", "c2", "data", Map.of("contacts", List.of(Map.of("username", "n0")))));
    });

    assertThatThrownBy(() -> client.contacts().removeContact("a", "old")).isInstanceOfSatisfying(
        io.imfacade.error.InvalidRequestException.class, e -> assertThat(e.vendorMessage()).contains("cannot remove"));
    assertThat(requests()).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
        "DELETE /org/app/users/a/contacts/users/old", "GET /org/app/users/a/contacts/users",
        "GET /org/app/user/a/contacts?limit=50&needReturnRemark=true",
        "GET /org/app/user/a/contacts?limit=50&cursor=c2&needReturnRemark=true");
  }

  @Test
  void blockedIdsComeBackInLowerCase() {
    SCRIPT.script(r -> Scripted.json(200, Map.of("data", List.of("TST05", "tst04"), "count", 2)));

    Page<String> page = client.contacts().blocked("a", PageRequest.first(2));

    assertThat(page.items()).containsExactly("tst05", "tst04");
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void aNullRemarkIsSentAsEmpty() {
    client.contacts().setRemark("a", "b", null);

    assertThat(Scripted.body(requests().get(0)).toString()).isEqualTo("{\"remark\":\"\"}");
  }

  @Test
  void theServerAnswerOfAnAddOfAnUnknownUserIsNotFound() {
    WM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("{\"error\":\"service_resource_not_found\"}")));

    assertThatThrownBy(() -> client.contacts().addContact("a", "ghost")).isInstanceOf(NotFoundException.class);
  }

  // ---------------------------------------------------------------- malformed success answers

  /** A call of the client against a scripted 200 answer whose shape contradicts the documented one. */
  private record Malformed(String name, String answer, ThrowingConsumer<ImClient> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  private interface ThrowingConsumer<T> {
    void accept(T t);
  }

  static List<Malformed> malformedAnswers() {
    Map<String, Map<String, String>> twentyFive = new LinkedHashMap<>();
    IntStream.range(0, 25).forEach(i -> twentyFive.put("w" + i, Map.of("k", "v")));
    return List.of(
        new Malformed("profile get, data a string", "{\"data\":\"oops\"}", c -> c.profiles().get("a")),
        new Malformed("profile get, no data", "{\"timestamp\":1}", c -> c.profiles().get("a")),
        new Malformed("profile get, data an array", "{\"data\":[]}", c -> c.profiles().get("a")),
        new Malformed("getAll, data a string", "{\"data\":\"oops\"}", c -> c.profiles().getAll(List.of("a", "b"))),
        new Malformed("getAll, a user not an object", "{\"data\":{\"a\":\"oops\"}}", c -> c.profiles().getAll(List.of("a"))),
        new Malformed("update, data a string", "{\"data\":\"oops\"}",
            c -> c.profiles().update("a", ProfileUpdate.builder().nickname("n").build())),
        new Malformed("delete, data a string", "{\"data\":\"yes\"}", c -> c.profiles().delete("a")),
        new Malformed("delete, no data", "{}", c -> c.profiles().delete("a")),
        new Malformed("capacity, data a string", "{\"data\":\"1673\"}", c -> c.profiles().totalSizeBytes()),
        new Malformed("capacity, no data", "{\"data\":null}", c -> c.profiles().totalSizeBytes()),
        new Malformed("member get, data an array", "{\"data\":[\"k\"]}", c -> c.groupMemberAttributes().get("1", "a")),
        new Malformed("member get by keys, data a number", "{\"data\":7}",
            c -> c.groupMemberAttributes().get("1", List.of("a"), List.of())),
        new Malformed("member set, no data", "{\"timestamp\":1}",
            c -> c.groupMemberAttributes().set("1", "a", Map.of("k", "v"))),
        new Malformed("contact page, data a string", "{\"data\":\"oops\"}",
            c -> c.contacts().contacts("a", PageRequest.first(10))),
        new Malformed("contact page, no contacts", "{\"data\":{}}", c -> c.contacts().contacts("a", PageRequest.first(10))),
        new Malformed("block-list page, no data", "{\"count\":0}", c -> c.contacts().blocked("a", PageRequest.first(10))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedAnswers")
  void aMalformedSuccessAnswerIsProviderUnavailableNeverEmptyData(Malformed m) {
    SCRIPT.script(r -> Scripted.json(200, m.answer()));

    assertThatThrownBy(() -> m.call().accept(client))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.provider()).contains(TestFamilyProvider.ID);
          assertThat(e.operation()).isPresent();
          assertThat(e.isRetryable()).isFalse();
        });
  }

  /** 25 members answered with {@code data:{}} (no outcome lists): nobody is reported as written. */
  @Test
  void aBatchWriteAnsweredWithoutItsListsReportsEveryMemberFailed() {
    for (String answer : List.of("{\"data\":{}}",
        "{\"data\":{\"updateMetadataSucceeded\":[]}}",
        "{\"data\":{\"updateMetadataFailed:\":[]}}",
        "{\"data\":{\"updateMetadataFailed\":[],\"updateMetadataSucceeded\":[\"w0\"]}}",
        "{\"data\":\"ok\"}")) {
      SCRIPT.script(r -> Scripted.json(200, answer));
      Map<String, Map<String, String>> request = new LinkedHashMap<>();
      IntStream.range(0, 25).forEach(i -> request.put("w" + i, Map.of("k", "v")));

      BatchResult result = client.groupMemberAttributes().setAll("1", request);

      assertThat(result.succeeded()).as(answer).isEmpty();
      assertThat(result.failed()).as(answer).hasSize(25);
      assertThat(result.failed().values()).allSatisfy(e -> assertThat(e)
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("documented shape"));
    }
  }

  /** The documented empty answers are data, not malformed. */
  @Test
  void theDocumentedEmptyAnswersAreEmptyResults() {
    SCRIPT.script(r -> data(Map.of()));
    assertThat(client.profiles().getAll(List.of("a", "b"))).isEmpty();
    assertThat(client.groupMemberAttributes().get("1", List.of("a"), List.of())).isEmpty();

    SCRIPT.script(r -> Scripted.json(200, Map.of("data", Map.of("contacts", List.of()))));
    assertThat(client.contacts().contacts("a", PageRequest.first(5)).items()).isEmpty();

    SCRIPT.script(r -> Scripted.json(200, Map.of("data", List.of())));
    assertThat(client.contacts().blocked("a", PageRequest.first(5)).items()).isEmpty();
  }

  // ---------------------------------------------------------------- Retry-After

  /** Issue 7: a huge Retry-After gave an ArithmeticException; now it is a neutral rate-limit failure. */
  @Test
  void aHugeRetryAfterIsARateLimitFailureNotAnArithmeticOverflow() {
    WM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "9223372036854775807")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"reach_limit\",\"error_description\":\"This request has reached api limit\"}")));

    // Its own context: the answer pauses the app's shared rate limiter, which must not slow the other tests.
    try (ProviderContext own = ProviderContext.create();
        ImClient limited = ImFacade.open(ImConfig.of(Map.of(
            "provider", TestFamilyProvider.ID,
            "family-test.baseUrl", WM.baseUrl(),
            "family-test.appPath", "org/limited",
            "family-test.appToken", "fixed-token",
            ImConfig.RETRY_MAX_ATTEMPTS, "1")), own)) {
      assertThatThrownBy(() -> limited.profiles().get("a"))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
              .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1))));
    }
  }
}
