package io.imfacade.simulator.easemob;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.internal.Answer;
import io.imfacade.simulator.internal.Json;
import io.imfacade.simulator.internal.RateWindow;
import io.imfacade.simulator.internal.Router;
import io.imfacade.simulator.internal.SimRequest;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Easemob REST endpoints: authentication, the app-wide rate limit, routing, and one handler per
 * endpoint turning a request into the documented JSON (seeds 000–002, reference §1).
 */
final class EasemobApi {

  /**
   * The keys of the batch member-attribute answer, spelled as in seed 001's response example,
   * trailing colon included. The colon looks like a typo in Easemob's doc; the simulator answers
   * what the doc shows, so that a client parsing the documented example parses the simulator too.
   */
  static final String BATCH_FAILED_KEY = "updateMetadataFailed:";

  /** See {@link #BATCH_FAILED_KEY}. */
  static final String BATCH_SUCCEEDED_KEY = "updateMetadataSucceeded:";

  static final int USER_BATCH_GET_MAX = 100;
  static final int MEMBER_BATCH_PUT_MAX = 20;
  static final int MEMBER_BATCH_GET_MAX = 10;
  static final int PAGE_MAX = 50;
  static final int CONTACTS_PAGE_DEFAULT = 10;
  static final int BLOCKS_UNPAGED_MAX = 500;
  static final int MEMBER_PAGE_MAX = 1000;

  /** One request on its way through a handler. */
  static final class Call {
    final SimRequest request;
    final Router.Match<Handler> match;
    final long now;

    Call(SimRequest request, Router.Match<Handler> match, long now) {
      this.request = request;
      this.match = match;
      this.now = now;
    }

    String param(String name) {
      return match.param(name);
    }
  }

  @FunctionalInterface
  interface Handler {
    Answer handle(Call call);
  }

  private final EasemobSimulator.Config config;
  private final EasemobState state;
  private final Answers answers;
  private final Tokens tokens;
  private final RateWindow rate;
  private final Clock clock;
  private final AtomicLong rateLimited;
  private final Router<Handler> router = new Router<>();

  EasemobApi(EasemobSimulator.Config config, EasemobState state, Answers answers, Tokens tokens, RateWindow rate,
      AtomicLong rateLimited) {
    this.config = config;
    this.state = state;
    this.answers = answers;
    this.tokens = tokens;
    this.rate = rate;
    this.clock = config.clock;
    this.rateLimited = rateLimited;
    router
        .route("POST", "token", this::token)
        .route("GET", "metadata/user/capacity", this::capacity)
        .route("POST", "metadata/user/get", this::userMetadataBatchGet)
        .route("PUT", "metadata/user/{user}", this::userMetadataPut)
        .route("GET", "metadata/user/{user}", this::userMetadataGet)
        .route("DELETE", "metadata/user/{user}", this::userMetadataDelete)
        .route("PUT", "metadata/chatgroup/{group}/users/batch", this::memberMetadataBatchPut)
        .route("POST", "metadata/chatgroup/{group}/get", this::memberMetadataBatchGet)
        .route("PUT", "metadata/chatgroup/{group}/user/{user}", this::memberMetadataPut)
        .route("GET", "metadata/chatgroup/{group}/user/{user}", this::memberMetadataGet)
        .route("POST", "users/{owner}/contacts/users/{friend}", this::contactAdd)
        .route("DELETE", "users/{owner}/contacts/users/{friend}", this::contactRemove)
        .route("GET", "users/{owner}/contacts/users", this::contactsAll)
        .route("POST", "users", this::userRegister)
        .route("GET", "users/{user}", this::userGet)
        .route("DELETE", "users/{user}", this::userDelete)
        .route("PUT", "users/{user}/password", this::userPassword)
        .route("POST", "chatgroups", this::groupCreate)
        .route("GET", "chatgroups/{group}", this::groupGet)
        .route("DELETE", "chatgroups/{group}", this::groupDelete)
        .route("POST", "chatgroups/{group}/users", this::groupAddMembers)
        .route("GET", "chatgroups/{group}/users", this::groupMemberPage)
        .route("POST", "chatgroups/{group}/users/{user}", this::groupAddMember)
        .route("DELETE", "chatgroups/{group}/users/{members}", this::groupRemoveMembers)
        .route("PUT", "user/{owner}/contacts/users/{friend}", this::contactRemark)
        .route("GET", "user/{owner}/contacts", this::contactsPage)
        .route("POST", "users/{owner}/blocks/users", this::blockAdd)
        .route("GET", "users/{owner}/blocks/users", this::blocksPage)
        .route("DELETE", "users/{owner}/blocks/users/{blocked}", this::blockRemove);
  }

  static boolean isTokenRequest(SimRequest request) {
    return request.segments().size() == 1 && request.segments().get(0).equals("token");
  }

  /** The answer to one request that no fault intercepted. */
  Answer handle(SimRequest request) {
    long now = clock.millis();
    try {
      Router.Match<Handler> match = router.match(request.method(), request.segments());
      if (!isTokenRequest(request)) {
        authenticate(request);
        if (!rate.tryAcquire(now)) {
          rateLimited.incrementAndGet();
          throw rateLimitError();
        }
      }
      if (match.handler() == null) {
        throw match.methodNotAllowed()
            ? new EasemobError(405, EasemobError.WEB_APPLICATION, "javax.ws.rs.NotAllowedException", "HTTP 405 Method Not Allowed")
            : new EasemobError(404, EasemobError.WEB_APPLICATION, "javax.ws.rs.NotFoundException", "HTTP 404 Not Found");
      }
      return match.handler().handle(new Call(request, match, now));
    } catch (EasemobError e) {
      return error(e, now);
    }
  }

  static EasemobError rateLimitError() {
    return new EasemobError(429, EasemobError.REACH_LIMIT, "com.easemob.common.exception.ReachLimitException",
        "This request has reached api limit");
  }

  static Answer error(EasemobError e, long now) {
    return Answer.json(e.status(), Json.object("error", e.error(), "exception", e.exception(), "timestamp", now,
        "duration", 0, "error_description", e.description()));
  }

  private void authenticate(SimRequest request) {
    String header = request.header("Authorization");
    String token = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).trim();
    }
    switch (tokens.check(token)) {
      case VALID:
        return;
      case EXPIRED:
        throw new EasemobError(401, EasemobError.UNAUTHORIZED, "EasemobUnauthorizedException",
            "Unable to authenticate due to expired access token");
      default:
        throw new EasemobError(401, EasemobError.UNAUTHORIZED, "EasemobUnauthorizedException",
            "Unable to authenticate (OAuth)");
    }
  }

  // ---- token ----

  private Answer token(Call call) {
    JsonNode body = jsonBody(call.request);
    String grantType = text(body, "grant_type");
    if ("inherit".equals(grantType) || "password".equals(grantType)) {
      return userToken(call, body, grantType);
    }
    if (!"client_credentials".equals(grantType)) {
      throw invalidGrant("unsupported grant_type: " + grantType);
    }
    String clientId = text(body, "client_id");
    String clientSecret = text(body, "client_secret");
    if (config.clientId == null || !config.clientId.equals(clientId) || !config.clientSecret.equals(clientSecret)) {
      // Same answer for a wrong id and a wrong secret: nothing to learn from which one.
      throw invalidGrant("client_id does not match");
    }
    long ttl = ttlSeconds(body);
    return Answer.json(200,
        Json.object("access_token", tokens.issue(ttl), "expires_in", ttl, "application", config.applicationUuid));
  }

  /**
   * The requested lifetime, {@code ttl}: a whole number of seconds, or (as in the doc's own example)
   * a string of one; absent or null, the configured default.
   */
  private long ttlSeconds(JsonNode body) {
    JsonNode node = body.get("ttl");
    if (node == null || node.isNull()) {
      return config.tokenTtl.getSeconds();
    }
    long ttl;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      ttl = node.longValue();
    } else if (node.isTextual()) {
      try {
        ttl = Long.parseLong(node.asText().trim());
      } catch (NumberFormatException e) {
        throw EasemobError.illegalArgument("ttl must be a number of seconds: " + node.asText());
      }
    } else {
      throw EasemobError.illegalArgument("ttl must be a number of seconds: " + node);
    }
    if (ttl < 0 || ttl > Long.MAX_VALUE / 1000) {
      throw EasemobError.illegalArgument("ttl out of range: " + ttl);
    }
    return ttl;
  }

  /**
   * A user token (facts §11): by user id ({@code inherit}, with the app token; {@code
   * autoCreateUser} true is not simulated and refused) or by password (deprecated, no token). {@code
   * ttl} in seconds, 0 never; default the app tokens' default.
   */
  private Answer userToken(Call call, JsonNode body, String grantType) {
    boolean inherit = grantType.equals("inherit");
    if (inherit) {
      authenticate(call.request);
      JsonNode auto = body.get("autoCreateUser");
      if (auto == null || !auto.isBoolean()) {
        throw EasemobError.illegalArgument("autoCreateUser is required");
      }
      if (auto.booleanValue()) {
        throw EasemobError.illegalArgument("autoCreateUser=true is not simulated");
      }
    }
    String username = text(body, "username");
    if (username == null || username.isEmpty()) {
      throw invalidGrant("username is required");
    }
    long ttl = ttlSeconds(body);
    String token = tokens.userToken();
    EasemobState.UserView user = state.issueUserToken(username, text(body, "password"), !inherit, token);
    return Answer.json(200, Json.object("access_token", token, "expires_in", ttl, "user", entity(user)));
  }

  private static EasemobError invalidGrant(String description) {
    return new EasemobError(400, EasemobError.INVALID_GRANT, "EasemobSecurityException", description);
  }

  // ---- user attributes (seed 000) ----

  private Answer userMetadataPut(Call call) {
    SimRequest request = call.request;
    if (!request.hasMediaType("application/x-www-form-urlencoded")) {
      throw unsupportedMediaType();
    }
    Map<String, String> pairs;
    try {
      pairs = request.form();
    } catch (SimRequest.MalformedException e) {
      throw EasemobError.illegalArgument(e.getMessage());
    }
    if (pairs.isEmpty()) {
      throw EasemobError.illegalArgument("no user metadata in the request body");
    }
    return metadataEnvelope(call, state.putUserMetadata(call.param("user"), pairs, false));
  }

  private Answer userMetadataGet(Call call) {
    String user = call.param("user");
    if (!state.metadataKnows(user) && answers.get(Undocumented.UnknownUserAttributesRead.class)
        == Undocumented.UnknownUserAttributesRead.NOT_FOUND_404) {
      // Agora's 2021 page: status 404 with the envelope and an empty data, no "error" field.
      return Answer.json(404,
          Json.object("timestamp", call.now, "data", Collections.emptyMap(), "duration", call.request.elapsedMillis()));
    }
    return metadataEnvelope(call, state.getUserMetadata(user, null));
  }

  private Answer userMetadataBatchGet(Call call) {
    JsonNode body = jsonBody(call.request);
    List<String> targets = stringArray(body, "targets", true);
    if (targets.size() > USER_BATCH_GET_MAX) {
      throw new EasemobError(400, EasemobError.BAD_REQUEST, "com.easemob.metadata.exception.MetadataException",
          "exceed allowed batch size " + USER_BATCH_GET_MAX);
    }
    List<String> properties = stringArray(body, "properties", false);
    if (properties.isEmpty()) {
      switch (answers.get(Undocumented.EmptyProperties.class)) {
        case REFUSED_400:
          throw EasemobError.illegalArgument("properties is required and must not be empty");
        case ALL_KEYS:
          properties = null;
          break;
        default:
          break; // the filter taken literally: no key
      }
    }
    boolean leaveOutUnknown = answers.get(Undocumented.UnknownBatchTarget.class) == Undocumented.UnknownBatchTarget.LEFT_OUT;
    Map<String, Object> data = new LinkedHashMap<>();
    for (String target : targets) {
      if (leaveOutUnknown && !state.metadataKnows(target)) {
        continue;
      }
      data.put(target, state.getUserMetadata(target, properties));
    }
    return metadataEnvelope(call, data);
  }

  private Answer userMetadataDelete(Call call) {
    state.deleteUserMetadata(call.param("user"));
    return metadataEnvelope(call, true);
  }

  private Answer capacity(Call call) {
    return metadataEnvelope(call, state.capacity());
  }

  // ---- group member attributes (seed 001) ----

  private Answer memberMetadataPut(Call call) {
    JsonNode body = jsonBody(call.request);
    JsonNode metaData = body.get("metaData");
    if (metaData == null || !metaData.isObject()) {
      throw EasemobError.illegalArgument("metaData must be a JSON object");
    }
    Map<String, String> pairs = stringMap(metaData, "metaData");
    return metadataEnvelope(call, state.putMemberMetadata(call.param("group"), call.param("user"), pairs));
  }

  private Answer memberMetadataBatchPut(Call call) {
    JsonNode body = jsonBody(call.request);
    if (!body.isArray()) {
      throw EasemobError.illegalArgument("the body must be a JSON array of {username, metadata}");
    }
    if (body.size() > MEMBER_BATCH_PUT_MAX) {
      throw EasemobError.metadata(400, "exceeds chatgroup metadata batch put users limit");
    }
    List<Map.Entry<String, Map<String, String>>> items = new ArrayList<>();
    for (JsonNode item : body) {
      JsonNode username = item.get("username");
      JsonNode metadata = item.get("metadata");
      if (username == null || !username.isTextual() || username.asText().isEmpty()) {
        throw EasemobError.illegalArgument("username must be a non-empty string");
      }
      if (metadata == null || !metadata.isObject()) {
        throw EasemobError.illegalArgument("metadata of " + username.asText() + " must be a JSON object");
      }
      items.add(new AbstractMap.SimpleImmutableEntry<>(username.asText(), stringMap(metadata, "metadata")));
    }
    List<Object> succeeded = new ArrayList<>();
    List<Object> failed = new ArrayList<>();
    for (EasemobState.MemberOutcome outcome : state.putMembersMetadata(call.param("group"), items)) {
      if (outcome.error == null) {
        succeeded.add(Json.object("username", outcome.user, "metadata", outcome.metadata));
      } else {
        failed.add(failedEntry(outcome));
      }
    }
    boolean colon = answers.get(Undocumented.BatchOutcomeKeys.class) == Undocumented.BatchOutcomeKeys.WITH_COLON;
    return metadataEnvelope(call, Json.object(colon ? BATCH_FAILED_KEY : BATCH_FAILED_KEY.replace(":", ""), failed,
        colon ? BATCH_SUCCEEDED_KEY : BATCH_SUCCEEDED_KEY.replace(":", ""), succeeded));
  }

  /** A failed member; the doc only says "the user ID and the error message" ({@link Undocumented.FailedEntryFields}). */
  private Map<String, Object> failedEntry(EasemobState.MemberOutcome outcome) {
    Map<String, Object> entry = new LinkedHashMap<>();
    switch (answers.get(Undocumented.FailedEntryFields.class)) {
      case USERNAME_AND_ERROR:
        entry.put("username", outcome.user);
        entry.put("error", outcome.error);
        break;
      case USER_AND_REASON:
        entry.put("user", outcome.user);
        entry.put("reason", outcome.error);
        break;
      case USERNAME_ONLY:
        entry.put("username", outcome.user);
        break;
      default:
        entry.put("username", outcome.user);
        entry.put("metadata", outcome.metadata);
        entry.put("errorMessage", outcome.error);
    }
    return entry;
  }

  private Answer memberMetadataGet(Call call) {
    return metadataEnvelope(call, state.getMemberMetadata(call.param("group"), call.param("user")));
  }

  private Answer memberMetadataBatchGet(Call call) {
    JsonNode body = jsonBody(call.request);
    List<String> targets = stringArray(body, "targets", true);
    if (targets.size() > MEMBER_BATCH_GET_MAX) {
      throw EasemobError.metadata(400, "query param reaches limit.");
    }
    List<String> properties = stringArray(body, "properties", false);
    return metadataEnvelope(call, state.getMembersMetadata(call.param("group"), targets, properties));
  }

  // ---- contacts and block list (seed 002) ----

  private Answer contactAdd(Call call) {
    EasemobState.UserView friend = state.addContact(call.param("owner"), call.param("friend"));
    return entityEnvelope(call, "post", "/users/" + ownerUuid(call) + "/contacts", friend);
  }

  private Answer contactRemove(Call call) {
    EasemobState.UserView friend = state.removeContact(call.param("owner"), call.param("friend"));
    return entityEnvelope(call, "delete", "/users/" + ownerUuid(call) + "/contacts", friend);
  }

  private Answer contactRemark(Call call) {
    JsonNode body = jsonBody(call.request);
    JsonNode remark = body.get("remark");
    if (remark == null || !(remark.isTextual() || remark.isNull())) {
      throw EasemobError.illegalArgument("remark must be a string");
    }
    String value = remark.isNull() ? null : remark.asText();
    if (value != null && state.remarkLength(value) > EasemobState.REMARK_MAX_CHARS) {
      throw EasemobError.illegalArgument("remark is longer than " + EasemobState.REMARK_MAX_CHARS + " characters");
    }
    state.setRemark(call.param("owner"), call.param("friend"), value);
    return Answer.json(200, Json.object("action", "put", "duration", call.request.elapsedMillis(), "status", "ok",
        "timestamp", call.now, "uri", call.request.absoluteUrl()));
  }

  private Answer contactsPage(Call call) {
    int limit = pageSize(call.request.query("limit"), "limit", CONTACTS_PAGE_DEFAULT);
    boolean withRemark = Boolean.parseBoolean(call.request.query("needReturnRemark"));
    EasemobState.Page<Map.Entry<String, String>> page =
        state.contactsPage(call.param("owner"), limit, emptyToNull(call.request.query("cursor")));
    List<Object> contacts = new ArrayList<>();
    for (Map.Entry<String, String> contact : page.items) {
      Map<String, Object> item = new LinkedHashMap<>();
      if (withRemark) {
        item.put("remark", contact.getValue());
      }
      item.put("username", contact.getKey());
      contacts.add(item);
    }
    Map<String, Object> answer = Json.object("uri", appUri(call) + "/users/" + EasemobState.normalize(call.param("owner"))
        + "/rostersByPage", "timestamp", call.now, "entities", Collections.emptyList());
    boolean inData = answers.get(Undocumented.ContactPageCursor.class) == Undocumented.ContactPageCursor.IN_DATA;
    if (page.cursor != null && !inData) {
      answer.put("cursor", page.cursor);
    }
    answer.put("count", contacts.size());
    answer.put("action", "get");
    Map<String, Object> data = Json.object("contacts", contacts);
    if (page.cursor != null && inData) {
      data.put("cursor", page.cursor);
    }
    answer.put("data", data);
    answer.put("duration", call.request.elapsedMillis());
    return Answer.json(200, answer);
  }

  private Answer contactsAll(Call call) {
    List<String> ids = state.allContacts(call.param("owner"));
    return Answer.json(200, Json.object("action", "get", "uri", call.request.absoluteUrl(), "entities", Collections.emptyList(),
        "data", ids, "timestamp", call.now, "duration", call.request.elapsedMillis(), "count", ids.size()));
  }

  private Answer blockAdd(Call call) {
    JsonNode body = jsonBody(call.request);
    List<String> usernames = stringArray(body, "usernames", true);
    if (usernames.isEmpty()) {
      throw EasemobError.illegalArgument("usernames must not be empty");
    }
    List<String> blocked = state.block(call.param("owner"), usernames);
    Map<String, Object> answer = appEnvelope(call, "post", null, appUri(call));
    answer.put("entities", Collections.emptyList());
    answer.put("data", blocked);
    return Answer.json(200, finish(call, answer));
  }

  private Answer blocksPage(Call call) {
    String pageSize = call.request.query("pageSize");
    String cursor = emptyToNull(call.request.query("cursor"));
    // Neither parameter: the newest 500, unpaged (seed 002).
    int size = pageSize == null && cursor == null ? BLOCKS_UNPAGED_MAX : pageSize(pageSize, "pageSize", PAGE_MAX);
    EasemobState.Page<String> page = state.blocksPage(call.param("owner"), size, cursor);
    Map<String, Object> answer = Json.object("uri", appUri(call) + "/users/" + EasemobState.normalize(call.param("owner"))
        + "/blocks/users", "timestamp", call.now, "entities", Collections.emptyList());
    if (size <= PAGE_MAX) {
      if (page.cursor != null) {
        answer.put("cursor", page.cursor);
      } else {
        switch (answers.get(Undocumented.BlockPageLastCursor.class)) {
          case NULL:
            answer.put("cursor", null);
            break;
          case EMPTY_STRING:
            answer.put("cursor", "");
            break;
          default:
            break;
        }
      }
    }
    answer.put("count", page.items.size());
    answer.put("action", "get");
    answer.put("data", page.items);
    answer.put("duration", call.request.elapsedMillis());
    return Answer.json(200, answer);
  }

  // ---- accounts (facts §11) ----

  /**
   * {@code POST users}: one object or an array of {@code {"username","password","nickname"?}}.
   * Under {@code /app-id/} the password may be left out ({@link Undocumented.RegisterWithoutPassword}).
   */
  private Answer userRegister(Call call) {
    JsonNode body = jsonBody(call.request);
    boolean array = body.isArray();
    List<EasemobState.NewUser> request = new ArrayList<>();
    for (JsonNode item : array ? body : List.of(body)) {
      if (!item.isObject()) {
        throw EasemobError.illegalArgument("Entity user requires a property named username");
      }
      String username = text(item, "username");
      if (username == null) {
        throw EasemobError.illegalArgument("Entity user requires a property named username");
      }
      JsonNode password = item.get("password");
      if (password != null && !password.isNull() && !password.isTextual()) {
        throw EasemobError.illegalArgument("password must be a string");
      }
      request.add(new EasemobState.NewUser(username, password == null || password.isNull() ? null : password.asText()));
    }
    if (request.isEmpty()) {
      throw EasemobError.illegalArgument("Entity user requires a property named username");
    }
    boolean shengwang = config.pathPrefix.startsWith("/app-id/");
    boolean passwordRequired = !shengwang || answers.get(Undocumented.RegisterWithoutPassword.class)
        == Undocumented.RegisterWithoutPassword.REFUSED_400;
    EasemobState.Registration outcome = state.register(request, array, passwordRequired);
    Map<String, Object> answer = appEnvelope(call, "post", "/users", appUri(call) + "/users");
    List<Object> entities = new ArrayList<>();
    outcome.created.forEach(u -> entities.add(entity(u)));
    answer.put("entities", entities);
    if (array) {
      List<Object> data = new ArrayList<>();
      outcome.failedAlone.forEach((user, reason) -> {
        data.add(Json.object("username", user, "registerUserFailReason", reason));
      });
      answer.put("data", data);
    }
    return Answer.json(200, finish(call, answer));
  }

  /** {@code DELETE users/{u}}: the deleted user's entity; unknown as {@link Undocumented.DeleteUnknownUser}. */
  private Answer userDelete(Call call) {
    EasemobState.UserView user = state.deleteUser(call.param("user"), config.organization + "#" + config.applicationName);
    Map<String, Object> answer = appEnvelope(call, "delete", "/users", call.request.absoluteUrl());
    answer.put("entities", List.of(entity(user)));
    return Answer.json(200, finish(call, answer));
  }

  /** {@code PUT users/{u}/password} {@code {"newpassword"}}. */
  private Answer userPassword(Call call) {
    JsonNode body = jsonBody(call.request);
    String password = text(body, "newpassword");
    if (password == null) {
      throw EasemobError.illegalArgument("newpassword is required");
    }
    state.setPassword(call.param("user"), password);
    return Answer.json(200,
        Json.object("action", "set user password", "timestamp", call.now, "duration", call.request.elapsedMillis()));
  }

  // ---- groups (facts §12) ----

  /** {@code POST chatgroups}: {@code data.groupid}. */
  private Answer groupCreate(Call call) {
    JsonNode body = jsonBody(call.request);
    JsonNode isPublic = body.get("public");
    if (isPublic == null || !isPublic.isBoolean()) {
      throw EasemobError.invalidParameter("group must contain public field!");
    }
    String owner = text(body, "owner");
    if (owner == null || owner.isEmpty()) {
      throw EasemobError.invalidParameter("owner must be provided");
    }
    String name = optionalText(body, "groupname");
    String description = optionalText(body, "description");
    // Limits documented in "字符", errors not: the simulator counts UTF-16 units, with its own texts.
    if (name.length() > EasemobState.GROUP_NAME_MAX_CHARS) {
      throw EasemobError.invalidParameter("groupname length is too big");
    }
    if (description.length() > EasemobState.GROUP_DESCRIPTION_MAX_CHARS) {
      throw EasemobError.invalidParameter("description length is too big");
    }
    int maxUsers = EasemobState.GROUP_DEFAULT_MAX_USERS;
    JsonNode max = body.get("maxusers");
    if (max != null && !max.isNull()) {
      if (!max.canConvertToInt() || max.intValue() < 1) {
        throw EasemobError.invalidParameter("maxusers must be a positive number");
      }
      maxUsers = max.intValue();
    }
    List<String> members = stringArray(body, "members", false);
    String id = state.createGroup(name, description, isPublic.booleanValue(), maxUsers, owner, members);
    Map<String, Object> answer = appEnvelope(call, "post", null, call.request.absoluteUrl());
    answer.put("entities", Collections.emptyList());
    answer.put("data", Map.of("groupid", id));
    return Answer.json(200, finish(call, answer));
  }

  /** {@code GET chatgroups/{g}}: {@code data} = one group's details. */
  private Answer groupGet(Call call) {
    return Answer.json(200, Json.object("action", "get", "count", 1, "data", List.of(state.groupDetails(call.param("group"))),
        "duration", call.request.elapsedMillis(), "entities", Collections.emptyList(), "properties", Collections.emptyMap(),
        "timestamp", call.now, "uri", call.request.absoluteUrl()));
  }

  /** {@code DELETE chatgroups/{g}}: {@code data.success}. */
  private Answer groupDelete(Call call) {
    String group = call.param("group");
    state.deleteGroup(group);
    return Answer.json(200, Json.object("action", "delete", "uri", call.request.absoluteUrl(),
        "entities", Collections.emptyList(), "data", Json.object("success", true, "groupid", group), "timestamp", call.now,
        "duration", call.request.elapsedMillis()));
  }

  /** {@code POST chatgroups/{g}/users} {@code {"usernames"}}: {@code data.newmembers}. */
  private Answer groupAddMembers(Call call) {
    JsonNode body = jsonBody(call.request);
    List<String> usernames = stringArray(body, "usernames", true);
    if (usernames.isEmpty()) {
      throw EasemobError.invalidParameter("usernames must be provided");
    }
    String group = call.param("group");
    List<String> added = state.addMembers(group, usernames);
    return groupEnvelope(call, "post", Json.object("newmembers", added, "groupid", group, "action", "add_member"));
  }

  /** {@code POST chatgroups/{g}/users/{u}}: {@code data.result}. */
  private Answer groupAddMember(Call call) {
    String group = call.param("group");
    state.addMember(group, call.param("user"));
    String user = EasemobState.normalize(call.param("user"));
    return groupEnvelope(call, "post", Json.object("result", true, "groupid", group, "action", "add_member", "user", user));
  }

  /** {@code DELETE chatgroups/{g}/users/{a,b,c}}: per-user results, an object for one user. */
  private Answer groupRemoveMembers(Call call) {
    String group = call.param("group");
    String raw = call.param("members");
    List<String> requested = new ArrayList<>();
    for (String part : raw.split(",", -1)) {
      if (!part.isEmpty()) {
        requested.add(part);
      }
    }
    if (requested.isEmpty()) {
      throw EasemobError.invalidParameter("members must be provided");
    }
    List<EasemobState.Removal> results = state.removeMembers(group, requested);
    List<Object> data = new ArrayList<>();
    for (EasemobState.Removal r : results) {
      Map<String, Object> entry = Json.object("result", r.reason == null, "action", "remove_member");
      if (r.reason != null) {
        entry.put("reason", r.reason);
      }
      entry.put("user", r.user);
      entry.put("groupid", group);
      data.add(entry);
    }
    boolean single = !raw.contains(",") && data.size() == 1;
    return groupEnvelope(call, "delete", single ? data.get(0) : data);
  }

  /** {@code GET chatgroups/{g}/users?pagenum=&pagesize=&joined_time=}: the current page's rules (facts §12). */
  private Answer groupMemberPage(Call call) {
    int pageNumber = positiveQuery(call.request.query("pagenum"), "pagenum", 1, Integer.MAX_VALUE);
    // [1,1000], default 1000, a larger value gives 1000 (current pages).
    int pageSize = Math.min(MEMBER_PAGE_MAX, positiveQuery(call.request.query("pagesize"), "pagesize",
        MEMBER_PAGE_MAX, Integer.MAX_VALUE));
    boolean joinedTime = Boolean.parseBoolean(call.request.query("joined_time"));
    List<Object> data = new ArrayList<>();
    for (Object[] member : state.memberPage(call.param("group"), pageNumber, pageSize)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put((String) member[0], member[1]);
      if (joinedTime) {
        entry.put("joined_time", member[2]);
      }
      data.add(entry);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    if (call.request.query("joined_time") != null) {
      params.put("joined_time", List.of(call.request.query("joined_time")));
    }
    params.put("pagesize", List.of(Integer.toString(pageSize)));
    params.put("pagenum", List.of(Integer.toString(pageNumber)));
    Map<String, Object> answer = Json.object("action", "get", "params", params, "uri", call.request.absoluteUrl(),
        "entities", Collections.emptyList(), "data", data, "timestamp", call.now, "duration", call.request.elapsedMillis(),
        "count", data.size());
    return Answer.json(200, answer);
  }

  /** The envelope of the group member answers: {@code action, application, uri, entities, data, ...}. */
  private Answer groupEnvelope(Call call, String action, Object data) {
    Map<String, Object> answer = appEnvelope(call, action, null, call.request.absoluteUrl());
    answer.put("entities", Collections.emptyList());
    answer.put("data", data);
    return Answer.json(200, finish(call, answer));
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw EasemobError.invalidParameter(field + " must be a string");
    }
    return node.asText();
  }

  private static int positiveQuery(String raw, String name, int defaultValue, int max) {
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw EasemobError.illegalArgument(name + " must be a positive number: " + raw);
  }

  /** The user-account GET ({@code GET /users/{username}}, facts §11): one entity, 404 when unknown. */
  private Answer userGet(Call call) {
    EasemobState.UserView user = state.user(call.param("user"));
    return Answer.json(200, Json.object("action", "get", "path", "/users", "uri", call.request.absoluteUrl(),
        "entities", List.of(entity(user)), "timestamp", call.now, "duration", call.request.elapsedMillis(), "count", 1));
  }

  private Answer blockRemove(Call call) {
    EasemobState.UserView blocked = state.unblock(call.param("owner"), call.param("blocked"));
    return entityEnvelope(call, "delete", "/users/" + ownerUuid(call) + "/blocks", blocked);
  }

  // ---- envelopes ----

  /** The metadata endpoints' envelope: {@code {"timestamp","data","duration"}}. */
  private static Answer metadataEnvelope(Call call, Object data) {
    return Answer.json(200, Json.object("timestamp", call.now, "data", data, "duration", call.request.elapsedMillis()));
  }

  /** The user-entity envelope of contact add/remove and unblock (seed 002). */
  private Answer entityEnvelope(Call call, String action, String path, EasemobState.UserView user) {
    Map<String, Object> answer = appEnvelope(call, action, path, appUri(call) + path);
    answer.put("entities", List.of(entity(user)));
    return Answer.json(200, finish(call, answer));
  }

  private static Map<String, Object> entity(EasemobState.UserView user) {
    Map<String, Object> entity = Json.object("uuid", user.uuid, "type", "user", "created", user.created,
        "modified", user.created, "username", user.name, "activated", true);
    if (user.nickname != null) {
      entity.put("nickname", user.nickname);
    }
    return entity;
  }

  private Map<String, Object> appEnvelope(Call call, String action, String path, String uri) {
    Map<String, Object> answer = Json.object("action", action, "application", config.applicationUuid);
    if (path != null) {
      answer.put("path", path);
    }
    answer.put("uri", uri);
    return answer;
  }

  private Map<String, Object> finish(Call call, Map<String, Object> answer) {
    answer.put("timestamp", call.now);
    answer.put("duration", call.request.elapsedMillis());
    answer.put("organization", config.organization);
    answer.put("applicationName", config.applicationName);
    return answer;
  }

  private String appUri(Call call) {
    return call.request.origin() + config.pathPrefix;
  }

  private static String ownerUuid(Call call) {
    return EasemobState.uuidOf(EasemobState.normalize(call.param("owner")));
  }

  // ---- request parsing ----

  private static JsonNode jsonBody(SimRequest request) {
    if (!request.hasMediaType("application/json")) {
      throw unsupportedMediaType();
    }
    try {
      return request.json();
    } catch (SimRequest.MalformedException e) {
      throw new EasemobError(400, EasemobError.JSON_PARSE, "com.fasterxml.jackson.core.JsonParseException", e.getMessage());
    }
  }

  private static EasemobError unsupportedMediaType() {
    return new EasemobError(415, EasemobError.WEB_APPLICATION, "javax.ws.rs.NotSupportedException", "HTTP 415 Unsupported Media Type");
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || !node.isTextual() ? null : node.asText();
  }

  /** A JSON array of strings; absent gives an empty list unless required. */
  private static List<String> stringArray(JsonNode body, String field, boolean required) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw EasemobError.illegalArgument(field + " is required");
      }
      return Collections.emptyList();
    }
    if (!node.isArray()) {
      throw EasemobError.illegalArgument(field + " must be a JSON array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw EasemobError.illegalArgument(field + " must be a JSON array of strings");
      }
      values.add(item.asText());
    }
    return values;
  }

  /** A JSON object of string values, each pair checked against the member-attribute limits. */
  private static Map<String, String> stringMap(JsonNode object, String field) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!e.getValue().isTextual()) {
        throw EasemobError.illegalArgument(field + "." + e.getKey() + " must be a string");
      }
      EasemobState.checkMemberPair(e.getKey(), e.getValue().asText());
      pairs.put(e.getKey(), e.getValue().asText());
    }
    return pairs;
  }

  private static int pageSize(String raw, String name, int defaultSize) {
    if (raw == null || raw.isEmpty()) {
      return defaultSize;
    }
    int size;
    try {
      size = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw EasemobError.illegalArgument(name + " must be a number from 1 to " + PAGE_MAX + ": " + raw);
    }
    if (size < 1 || size > PAGE_MAX) {
      throw EasemobError.illegalArgument(name + " must be from 1 to " + PAGE_MAX + ": " + size);
    }
    return size;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
