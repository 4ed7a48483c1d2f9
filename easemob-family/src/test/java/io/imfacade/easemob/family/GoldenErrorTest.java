package io.imfacade.easemob.family;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.ProviderContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented error example the provider relies on, replayed through the neutral API: the
 * documented status and body ({@code {"error","exception","timestamp","duration",
 * "error_description"}}, reference §1.6) on the endpoint that documents it, and the neutral
 * exception with its fields (type, provider, operation, HTTP status, vendor code and message, and
 * whether a retry may help). Sources are the rows of notes/easemob-facts.md named per case; the
 * texts are the documented ones, placeholders ({@code {appkey}}, {@code {}}) included.
 *
 * <p>Requests other than the one answered with the error (the reads a call does to decide) get
 * the documented empty answers, so each case isolates one documented error.
 */
class GoldenErrorTest {

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
    WM.stubFor(any(anyUrl()).willReturn(okJson("{}")));
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

  /** The documented error body. */
  static String body(String error, String exception, String description) {
    return "{\"error\":\"" + error + "\",\"exception\":\"" + exception + "\",\"timestamp\":1542350943210,"
        + "\"duration\":0,\"error_description\":\"" + description.replace("\"", "\\\"") + "\"}";
  }

  /**
   * Answers {@code status}/{@code body} to the requests matching {@code method} and {@code path}
   * (a regex on the path below the app), and the documented empty answers to the others.
   */
  private static void answer(String method, String path, int status, String body) {
    Pattern matching = Pattern.compile("/org/app/" + path);
    SCRIPT.script(request -> {
      String p = request.getUrl().split("\\?")[0];
      if ((method.equals("*") || request.getMethod().getName().equals(method)) && matching.matcher(p).matches()) {
        return Scripted.json(status, body);
      }
      return emptyAnswer(request, p);
    });
  }

  private static ResponseDefinition emptyAnswer(Request request, String path) {
    if (path.matches("/org/app/users/[^/]+/(contacts|blocks)/users") && request.getMethod().getName().equals("GET")) {
      return Scripted.json(200, Map.of("data", List.of(), "count", 0));
    }
    if (path.matches("/org/app/users/[^/]+") && request.getMethod().getName().equals("GET")) {
      return Scripted.json(200, Map.of("entities", List.of(Map.of("username", path.substring(path.lastIndexOf('/') + 1)))));
    }
    return Scripted.json(200, Map.of("data", Map.of()));
  }

  /** One documented error: where it is answered, the call, and what the caller gets. */
  record Case(String source, String method, String path, int status, String body, Consumer<ImClient> call,
      String operation, Class<? extends ImException> type, boolean retryable) {
    @Override
    public String toString() {
      return source + ": " + status + " -> " + type.getSimpleName();
    }
  }

  private static Case c(String source, String method, String path, int status, String error, String exception,
      String description, Consumer<ImClient> call, String operation, Class<? extends ImException> type, boolean retryable) {
    return new Case(source, method, path, status, body(error, exception, description), call, operation, type, retryable);
  }

  static Stream<Case> documentedErrors() {
    Consumer<ImClient> update = c -> c.profiles().update("user1", ProfileUpdate.builder().nickname("n").build());
    Consumer<ImClient> get = c -> c.profiles().get("user1");
    Consumer<ImClient> remark = c -> c.contacts().setRemark("user1", "user2", "boss");
    Consumer<ImClient> add = c -> c.contacts().addContact("user1", "user2");
    Consumer<ImClient> memberSet = c -> c.groupMemberAttributes().set("1001", "user1", Map.of("k", "v"));
    String usergrid = "org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException";
    return Stream.of(
        // ---- remark (easemob-doc user_relationship_remark_set.md; shengwang-chat-doc user_relationship.md)
        c("remark: not friends", "PUT", "user/user1/contacts/users/user2", 400, "illegal_argument", "IllegalArgumentException",
            "updateRemark they are not friends, please add as a friend first.", remark, "contacts.setRemark",
            NotFoundException.class, false),
        c("remark: unknown user", "PUT", "user/user1/contacts/users/user2", 404, "service_resource_not_found", usergrid,
            "Service resource not found", remark, "contacts.setRemark", NotFoundException.class, false),
        c("remark: bad token", "PUT", "user/user1/contacts/users/user2", 401, "unauthorized", "EasemobUnauthorizedException",
            "Unable to authenticate (OAuth)", remark, "contacts.setRemark", AuthenticationException.class, false),
        // ---- contacts (user_relationship_friend_add.md; sw user_relationship.md line 138)
        c("add: unknown user", "POST", "users/user1/contacts/users/user2", 404, "service_resource_not_found", usergrid,
            "Service resource not found", add, "contacts.addContact", NotFoundException.class, false),
        c("add: list full", "POST", "users/user1/contacts/users/user2", 403, "exceed_limit", "ExceedLimitException",
            "user contact number exceed limit", add, "contacts.addContact", QuotaExceededException.class, false),
        c("remove: unknown owner", "*", "users/ghost/contacts/users.*", 404, "service_resource_not_found", usergrid,
            "Service resource not found", c -> c.contacts().removeContact("ghost", "user2"), "contacts.removeContact",
            NotFoundException.class, false),
        c("contact page: unknown owner", "GET", "user/ghost/contacts", 404, "service_resource_not_found", usergrid,
            "Service resource not found", c -> c.contacts().contacts("ghost", PageRequest.first(10)), "contacts.contacts",
            NotFoundException.class, false),
        // ---- block list (user_relationship_blocklist_add/remove/obtain.md)
        c("block page: unknown owner", "GET", "users/ghost/blocks/users", 404, "service_resource_not_found", usergrid,
            "Service resource not found", c -> c.contacts().blocked("ghost", PageRequest.first(10)), "contacts.blocked",
            NotFoundException.class, false),
        c("unblock: unknown owner", "*", "users/ghost/blocks/users.*", 404, "service_resource_not_found", usergrid,
            "Service resource not found", c -> c.contacts().unblock("ghost", "user2"), "contacts.unblock",
            NotFoundException.class, false),
        c("block: unknown owner", "*", "users/ghost/blocks/users.*", 404, "service_resource_not_found", usergrid,
            "Service resource not found", c -> c.contacts().block("ghost", List.of("user2")), "contacts.block",
            NotFoundException.class, false),
        // ---- user attributes (seed 000; easemob-doc user_attribute_set page)
        c("set: feature off", "PUT", "metadata/user/user1", 403, "FORBIDDEN", "MetadataException",
            "{appkey} user metadata service not allow", update, "profiles.update", FeatureNotEnabledException.class, false),
        c("set: over 2 KB", "PUT", "metadata/user/user1", 403, "FORBIDDEN", "MetadataException",
            "size of metadata for this single user exceeds the user defined limit, {}Bytes", update, "profiles.update",
            QuotaExceededException.class, false),
        c("set: a field too long", "PUT", "metadata/user/user1", 403, "FORBIDDEN", "MetadataException",
            "size of metadata for this single user exceeds the current mysql column size, {}Bytes", update, "profiles.update",
            InvalidRequestException.class, false),
        c("set: app over 10 GB", "PUT", "metadata/user/user1", 403, "FORBIDDEN", "MetadataException",
            "total size of user metadata for this app exceeds the user defined limit, {}Bytes", update, "profiles.update",
            QuotaExceededException.class, false),
        c("set: server failure", "PUT", "metadata/user/user1", 500, "INTERNAL_SERVER_ERROR", "MetadataException",
            "update metadata failed", update, "profiles.update", ProviderUnavailableException.class, true),
        c("set: concurrent", "PUT", "metadata/user/user1", 409, "CONFLICT", "MetadataException",
            "Failed to xxx. Concurrent xxx not allowed", update, "profiles.update", ConflictException.class, true),
        c("set: JSON body", "PUT", "metadata/user/user1", 415, "UNSUPPORTED_MEDIA_TYPE", "HttpMediaTypeNotSupportedException",
            "Content-Type 'application/json;charset=UTF-8' is not supported.", update, "profiles.update",
            InvalidRequestException.class, false),
        c("set: unknown user (account read)", "GET", "users/user1", 404, "service_resource_not_found", usergrid,
            "Service resource not found", update, "profiles.update", NotFoundException.class, false),
        c("get: auth error", "GET", "metadata/user/user1", 401, "metadata_error", "MetadataException", "auth error", get,
            "profiles.get", AuthenticationException.class, false),
        c("get: feature off", "GET", "metadata/user/user1", 403, "FORBIDDEN", "MetadataException",
            "{appkey} user metadata service not allow", get, "profiles.get", FeatureNotEnabledException.class, false),
        c("batch get: over 100", "POST", "metadata/user/get", 400, "BAD_REQUEST", "MetadataException",
            "exceed allowed batch size %s", c -> c.profiles().getAll(List.of("user1")), "profiles.getAll",
            InvalidRequestException.class, false),
        c("capacity: user token", "GET", "metadata/user/capacity", 401, "unauthorized", "MetadataException", "unauthorized",
            c -> c.profiles().totalSizeBytes(), "profiles.totalSizeBytes", AuthenticationException.class, false),
        c("delete: auth error", "DELETE", "metadata/user/user1", 401, "metadata_error", "MetadataException", "auth error",
            c -> c.profiles().delete("user1"), "profiles.delete", AuthenticationException.class, false),
        // ---- group member attributes (seed 001)
        c("member set: key too long", "PUT", "metadata/chatgroup/1001/user/user1", 400, "metadata_error", "MetadataException",
            "exceeds chatgroup user metadata single key limit", memberSet, "groupMemberAttributes.set",
            InvalidRequestException.class, false),
        c("member set: value too long", "PUT", "metadata/chatgroup/1001/user/user1", 400, "metadata_error",
            "MetadataException", "exceeds chatgroup user metadata single value limit", memberSet,
            "groupMemberAttributes.set", InvalidRequestException.class, false),
        c("member set: bad token", "PUT", "metadata/chatgroup/1001/user/user1", 401, "unauthorized",
            "EasemobUnauthorizedException", "Unable to authenticate (OAuth)", memberSet, "groupMemberAttributes.set",
            AuthenticationException.class, false),
        c("member get: not a member", "GET", "metadata/chatgroup/1001/user/user1", 404, "MetadataException",
            "MetadataException", "user not in group", c -> c.groupMemberAttributes().get("1001", "user1"),
            "groupMemberAttributes.get", NotFoundException.class, false),
        c("member get by keys: over 10", "POST", "metadata/chatgroup/1001/get", 400, "metadata_error", "MetadataException",
            "query param reaches limit.", c -> c.groupMemberAttributes().get("1001", List.of("user1"), List.of("k")),
            "groupMemberAttributes.get", InvalidRequestException.class, false),
        c("member batch set: group missing", "PUT", "metadata/chatgroup/1001/users/batch", 404, "metadata_error",
            "MetadataException", "group not exists",
            c -> c.groupMemberAttributes().setAll("1001", Map.of("user1", Map.of("k", "v"))),
            "groupMemberAttributes.setAll", NotFoundException.class, false),
        // ---- common (error.md; message.md examples)
        c("rate limit", "GET", "metadata/user/user1", 429, "reach_limit", "ReachLimitException",
            "This request has reached api limit", get, "profiles.get", RateLimitedException.class, true),
        c("plan limit", "GET", "metadata/user/user1", 429, "resource_limited", "ResourceLimitedException",
            "You have exceeded the limit of the community edition,Please upgrade to the enterprise edition", get,
            "profiles.get", RateLimitedException.class, true),
        c("corrupt token (message.md)", "GET", "metadata/user/user1", 401, "auth_bad_access_token",
            "org.apache.usergrid.rest.exceptions.SecurityException", "Unable to authenticate due to corrupt access token",
            get, "profiles.get", AuthenticationException.class, false),
        // The neutral errors have no "forbidden": a banned app or user is a feature the vendor does not allow it.
        c("banned app or user", "POST", "users/user1/contacts/users/user2", 403, "forbidden_service_operation",
            "ForbiddenServiceOperationException", "Service operation not allowed", add, "contacts.addContact",
            FeatureNotEnabledException.class, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedErrors")
  void eachDocumentedErrorBecomesItsNeutralException(Case c) throws Exception {
    answer(c.method(), c.path(), c.status(), c.body());
    Map<?, ?> documented = Scripted.JSON.readValue(c.body(), Map.class);

    assertThatThrownBy(() -> c.call().accept(client)).isInstanceOfSatisfying(c.type(), e -> {
      assertThat(e.provider()).contains(TestFamilyProvider.ID);
      assertThat(e.operation()).contains(c.operation());
      assertThat(e.httpStatus()).hasValue(c.status());
      assertThat(e.vendorCode()).contains((String) documented.get("error"));
      assertThat(e.vendorMessage()).contains((String) documented.get("error_description"));
      assertThat(e.isRetryable()).as("retryable").isEqualTo(c.retryable());
    });
  }

  /** Seed 001: a batch write naming a non-member is refused as a whole; that member alone fails. */
  @Test
  void someUsersAreNotInTheGroupFailsThatMemberOnly() {
    SCRIPT.script(request -> {
      boolean withOutsider = Scripted.body(request).toString().contains("user99");
      if (withOutsider) {
        return Scripted.json(400, body("metadata_error", "MetadataException", "Some users are not in the group: user99"));
      }
      return Scripted.json(200, Map.of("data", Map.of("updateMetadataFailed:", List.of(),
          "updateMetadataSucceeded:", List.of(Map.of("username", "user1", "metadata", Map.of("k", "v"))))));
    });
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    request.put("user1", Map.of("k", "v"));
    request.put("user99", Map.of("k", "v"));

    BatchResult result = client.groupMemberAttributes().setAll("1001", request);

    assertThat(result.succeeded()).containsOnlyKeys("user1");
    assertThat(result.failed()).containsOnlyKeys("user99");
    assertThat(result.failed().get("user99")).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.httpStatus()).hasValue(400);
      assertThat(e.vendorCode()).contains("metadata_error");
      assertThat(e.vendorMessage()).contains("Some users are not in the group: user99");
    });
  }

  /** Seed 001: errors of a whole batch write are every member's outcome, not a thrown exception. */
  @Test
  void aBatchWriteRefusedAsAWholeFailsEveryMemberWithTheDocumentedError() {
    Map<String, Class<? extends ImException>> documented = Map.of(
        "exceeds chatgroup metadata batch put users limit", InvalidRequestException.class,
        "chatgroup user metadata service not allow", FeatureNotEnabledException.class,
        "Failed to operate user metadata. Concurrent operation not allowed", ConflictException.class);
    Map<String, Integer> status = Map.of(
        "exceeds chatgroup metadata batch put users limit", 400,
        "chatgroup user metadata service not allow", 403,
        "Failed to operate user metadata. Concurrent operation not allowed", 409);
    documented.forEach((description, type) -> {
      answer("PUT", "metadata/chatgroup/1001/users/batch", status.get(description),
          body("metadata_error", "MetadataException", description));

      BatchResult result = client.groupMemberAttributes().setAll("1001", Map.of("user1", Map.of("k", "v")));

      assertThat(result.succeeded()).as(description).isEmpty();
      assertThat(result.failed().get("user1")).as(description).isInstanceOfSatisfying(type, e -> {
        assertThat(e.httpStatus()).hasValue(status.get(description));
        assertThat(e.vendorMessage()).contains(description);
      });
    });
  }

  /** Agora's 2021 page: the unknown user's read answered 404 with {@code {"data":{}}} and no error field. */
  @Test
  void the2021NotFoundOfAnUnknownUsersReadIsNoProfile() {
    SCRIPT.script(request -> Scripted.json(404, "{\"timestamp\":1620445147011,\"data\":{},\"duration\":9}"));

    assertThat(client.profiles().get("ghost")).isEmpty();
  }

  /** An app path that does not exist (error.md: 404 organization_application_not_found) is not "no profile". */
  @Test
  void aMissingAppIsNotAnUnknownUser() {
    SCRIPT.script(request -> Scripted.json(404, body("organization_application_not_found", "EntityNotFoundException",
        "Could not find application for hx/hxdeo2 from URI: hx/hxdeo2/token")));

    assertThatThrownBy(() -> client.profiles().get("user1")).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.vendorCode()).contains("organization_application_not_found"));
  }

  /** Agora's 2021 page: 403 {"desc":"exceed allowed batch size 100"}: a request too large, whatever the status. */
  @Test
  void the2021BatchSizeAnswerIsAnInvalidRequest() {
    SCRIPT.script(request -> Scripted.json(403, "{\"desc\":\"exceed allowed batch size 100\",\"duration\":0,\"timestamp\":1}"));

    assertThatThrownBy(() -> client.profiles().getAll(List.of("user1"))).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).hasValue(403);
          assertThat(e.vendorMessage()).contains("exceed allowed batch size 100");
        });
  }

  /** A block of an unknown user: the documented 404's fields stay on the exception that names the user. */
  @Test
  void blockingAnUnknownUserKeepsTheDocumented404AndNamesTheUser() {
    answer("POST", "users/user1/blocks/users", 404, body("service_resource_not_found",
        "org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException", "Service resource not found"));

    assertThatThrownBy(() -> client.contacts().block("user1", List.of("ghost"))).isInstanceOfSatisfying(
        NotFoundException.class, e -> {
          assertThat(e.httpStatus()).hasValue(404);
          assertThat(e.vendorCode()).contains("service_resource_not_found");
          assertThat(e.vendorMessage()).contains("Service resource not found");
          assertThat(e.operation()).contains("contacts.block");
          assertThat(e.plainMessage()).contains("ghost").contains("the other 0 users are blocked");
        });
  }
}
