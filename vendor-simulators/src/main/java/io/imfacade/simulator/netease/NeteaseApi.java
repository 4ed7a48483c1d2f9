package io.imfacade.simulator.netease;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.internal.Answer;
import io.imfacade.simulator.internal.Json;
import io.imfacade.simulator.internal.RateWindow;
import io.imfacade.simulator.internal.Router;
import io.imfacade.simulator.internal.SimRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NetEase v1 endpoints: CheckSum authentication, the per-endpoint rate limit with its 10-second
 * block, routing, and one handler per endpoint turning a form into the documented JSON (seed 003,
 * reference §3; accounts and teams: netease-facts §5, §6).
 */
final class NeteaseApi {

  static final long CHECKSUM_WINDOW_SECONDS = 300;
  static final long BLOCK_MILLIS = 10_000;
  static final int NONCE_MAX_CHARS = 128;
  static final int GET_UINFOS_MAX = 200;
  /** {@code members} of {@code team/add} and {@code team/kick}: "一次最多拉200个成员" (netease-facts §6). */
  static final int TEAM_MEMBERS_PER_CALL = 200;
  /** {@code team/create}: {@code tname} 64, {@code msg} 150, {@code intro} 512, {@code announcement}, {@code custom}, {@code icon} 1024 字符 (§6). */
  static final int TNAME_MAX_CHARS = 64;
  static final int TEAM_MSG_MAX_CHARS = 150;
  static final int INTRO_MAX_CHARS = 512;
  static final int TEAM_TEXT_MAX_CHARS = 1024;
  static final int ATTACH_MAX_CHARS = 512;

  /** The card field limits: characters, except {@code icon} in bytes (seed 003). */
  private static final Map<String, Integer> CARD_LIMITS = Map.of(
      "name", 64, "icon", 1024, "sign", 256, "email", 64, "birth", 16, "mobile", 32, "ex", 1024);

  @FunctionalInterface
  interface Handler {
    Map<String, Object> handle(Map<String, String> form, long now);
  }

  /** The rate state of one endpoint. */
  private static final class Limiter {
    final RateWindow window;
    long blockedUntil = Long.MIN_VALUE;

    Limiter(double requestsPerSecond) {
      this.window = new RateWindow(requestsPerSecond);
    }
  }

  private final NeteaseSimulator.Config config;
  private final NeteaseState state;
  private final Clock clock;
  private final AtomicLong rateLimited;
  private final Router<Handler> router = new Router<>();
  private final Map<String, Limiter> limiters = new HashMap<>();
  /** "nonce\ncurTime" of the requests accepted within the CheckSum window, to their curTime. */
  private final Map<String, Long> seenNonces = new LinkedHashMap<>();
  /** For {@link ListOrder#SHUFFLED}: seeded, so that a failing run can be repeated. */
  private final Random shuffle = new Random(20240501L);

  NeteaseApi(NeteaseSimulator.Config config, NeteaseState state, AtomicLong rateLimited) {
    this.config = config;
    this.state = state;
    this.clock = config.clock;
    this.rateLimited = rateLimited;
    router
        .route("POST", "user/create.action", this::userCreate)
        .route("POST", "user/update.action", this::userUpdate)
        .route("POST", "user/refreshToken.action", this::refreshToken)
        .route("POST", "team/create.action", this::teamCreate)
        .route("POST", "team/add.action", this::teamAdd)
        .route("POST", "team/kick.action", this::teamKick)
        .route("POST", "team/remove.action", this::teamRemove)
        .route("POST", "user/getUinfos.action", this::getUinfos)
        .route("POST", "user/userOnlineStatus.action", this::userOnlineStatus)
        .route("POST", "user/updateUinfo.action", this::updateUinfo)
        .route("POST", "friend/add.action", this::friendAdd)
        .route("POST", "friend/delete.action", this::friendDelete)
        .route("POST", "friend/update.action", this::friendUpdate)
        .route("POST", "friend/get.action", this::friendGet)
        .route("POST", "user/setSpecialRelation.action", this::setSpecialRelation)
        .route("POST", "user/listBlackAndMuteList.action", this::listBlackAndMuteList)
        .route("POST", "team/updateTeamNick.action", this::updateTeamNick)
        .route("POST", "team/queryDetail.action", this::queryDetail);
  }

  static String checkSum(String appSecret, String nonce, String curTime) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((appSecret + nonce + curTime).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  static Answer body(int code, String desc) {
    return Answer.json(200, Json.object("code", code, "desc", desc));
  }

  synchronized void reset() {
    limiters.clear();
    seenNonces.clear();
  }

  /** The answer to one request that no fault intercepted. */
  Answer handle(SimRequest request) {
    long now = clock.millis();
    Router.Match<Handler> match = router.match(request.method(), request.segments());
    if (match.handler() == null) {
      // Not a business answer: a real HTTP status, with the usual body for clients that read it.
      int status = match.methodNotAllowed() ? 405 : 404;
      return Answer.json(status,
          Json.object("code", status, "desc", match.methodNotAllowed() ? "method not allowed: use POST" : "api not found"));
    }
    try {
      authenticate(request, now);
      if (!request.hasMediaType("application/x-www-form-urlencoded")) {
        throw NeteaseError.parameter("Content-Type must be application/x-www-form-urlencoded");
      }
      Map<String, String> form;
      try {
        form = request.form();
      } catch (SimRequest.MalformedException e) {
        throw NeteaseError.parameter(e.getMessage());
      }
      admit(String.join("/", request.segments()), now);
      Map<String, Object> answer = Json.object("code", 200);
      answer.putAll(match.handler().handle(form, now));
      return Answer.json(200, answer);
    } catch (NeteaseError e) {
      return body(e.code(), e.desc());
    }
  }

  /** Runs one endpoint's handler without signature or rate limit, for seeding; throws {@link NeteaseError}. */
  void direct(String endpoint, Map<String, String> form) {
    router.match("POST", List.of(endpoint.split("/"))).handler().handle(form, clock.millis());
  }

  // ---- CheckSum ----

  private void authenticate(SimRequest request, long now) {
    String appKey = header(request, "AppKey");
    String nonce = header(request, "Nonce");
    String curTime = header(request, "CurTime");
    String checkSum = header(request, "CheckSum");
    if (!appKey.equals(config.appKey)) {
      throw NeteaseError.parameter("bad http header: unknown AppKey");
    }
    if (nonce.length() > NONCE_MAX_CHARS) {
      throw NeteaseError.parameter("bad http header: Nonce is longer than " + NONCE_MAX_CHARS + " characters");
    }
    long seconds;
    try {
      seconds = Long.parseLong(curTime);
    } catch (NumberFormatException e) {
      throw NeteaseError.parameter("bad http header: CurTime must be Unix time in seconds");
    }
    // Compared as sent: the documented CheckSum is lower-case hex.
    if (!checkSum(config.appSecret, nonce, curTime).equals(checkSum)) {
      throw NeteaseError.parameter("checksum error");
    }
    long nowSeconds = Math.floorDiv(now, 1000L);
    if (Math.abs(nowSeconds - seconds) > CHECKSUM_WINDOW_SECONDS) {
      throw NeteaseError.parameter("checksum expired: CurTime is more than 5 minutes away from the server time");
    }
    remember(nonce, seconds, nowSeconds);
  }

  /** Refuses a Nonce and CurTime pair seen within the window: a replayed request (code 431). */
  private synchronized void remember(String nonce, long curTime, long nowSeconds) {
    for (Iterator<Long> it = seenNonces.values().iterator(); it.hasNext(); ) {
      if (Math.abs(nowSeconds - it.next()) > CHECKSUM_WINDOW_SECONDS) {
        it.remove();
      }
    }
    if (seenNonces.putIfAbsent(nonce + "\n" + curTime, curTime) != null) {
      throw new NeteaseError(NeteaseError.REPEATED_REQUEST, "http request repeated: Nonce and CurTime already used");
    }
  }

  private static String header(SimRequest request, String name) {
    String value = request.header(name);
    if (value == null || value.isEmpty()) {
      throw NeteaseError.parameter("bad http header: " + name + " is missing");
    }
    return value;
  }

  // ---- rate limit: per endpoint, a 10-second block once over ----

  private synchronized void admit(String endpoint, long now) {
    if (config.requestsPerSecond == 0) {
      return;
    }
    Limiter limiter = limiters.computeIfAbsent(endpoint, e -> new Limiter(config.requestsPerSecond));
    if (now < limiter.blockedUntil) {
      rateLimited.incrementAndGet();
      throw rateLimitError();
    }
    if (!limiter.window.tryAcquire(now)) {
      limiter.blockedUntil = now + BLOCK_MILLIS;
      rateLimited.incrementAndGet();
      throw rateLimitError();
    }
  }

  static NeteaseError rateLimitError() {
    return new NeteaseError(NeteaseError.RATE_LIMITED, "api frequency out of limit: blocked for 10 seconds");
  }

  // ---- accounts (netease-facts §5) ----

  /**
   * {@code user/create.action}: {@code accid} (at most 32 of letters, digits, {@code _ @ . -};
   * lower-cased), {@code token} (optional, at most 128 characters; generated when absent), the card
   * fields of {@code updateUinfo} with its limits, {@code props} (deprecated, accepted and
   * ignored). Answer {@code {"code":200,"info":{"token","accid","name"}}}, the form of the observed
   * answers ({@code "name":""} when none was given). An existing accid: the {@link
   * DuplicateAccountAnswers} answer.
   */
  private Map<String, Object> userCreate(Map<String, String> form, long now) {
    String accid = required(form, "accid");
    if (!NeteaseState.ACCID.matcher(accid).matches()) {
      throw NeteaseError.parameter("accid must be 1 to " + NeteaseState.ACCID_MAX_CHARS
          + " letters, digits, _, @, . or -: " + accid);
    }
    String token = token(form, false);
    maxChars(form, "props", TEAM_TEXT_MAX_CHARS);
    Map<String, String> card = cardFields(form);
    Integer gender = gender(form);
    NeteaseState.User user = state.createAccount(accid, token, card, gender);
    return Map.of("info", Json.object("token", user.token, "accid", user.accid, "name", user.card.getOrDefault("name", "")));
  }

  /** {@code user/update.action}: {@code accid}, {@code token} (at most 128 characters), {@code props} (ignored). */
  private Map<String, Object> userUpdate(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    maxChars(form, "props", TEAM_TEXT_MAX_CHARS);
    String token = token(form, false);
    if (token == null) {
      state.requireAccount(accid); // nothing to change; an unknown account is still answered as such
    } else {
      state.setToken(accid, token);
    }
    return Map.of();
  }

  /** {@code user/refreshToken.action}: {@code accid} → {@code {"code":200,"info":{"token","accid"}}}. */
  private Map<String, Object> refreshToken(Map<String, String> form, long now) {
    NeteaseState.User user = state.refreshToken(accid(form, "accid"));
    return Map.of("info", Json.object("token", user.token, "accid", user.accid));
  }

  /** The {@code token} parameter: at most 128 characters; null when absent. */
  private static String token(Map<String, String> form, boolean required) {
    String token = required ? required(form, "token") : form.get("token");
    if (token != null && token.isEmpty()) {
      throw NeteaseError.parameter("token must not be empty");
    }
    if (token != null && token.length() > NeteaseState.TOKEN_MAX_CHARS) {
      throw NeteaseError.parameter("token is longer than " + NeteaseState.TOKEN_MAX_CHARS + " characters");
    }
    return token;
  }

  // ---- teams (netease-facts §6) ----

  /**
   * {@code team/create.action}: {@code tname} (required, 64), {@code owner} (required), {@code
   * members} (a JSON array; the official SDK leaves it out when empty, so absent is no one), {@code
   * msg} (required, 150), {@code magree} (required, 0 or 1), {@code joinmode} (required, 0, 1 or
   * 2), optional {@code intro} (512), {@code announcement}, {@code custom}, {@code icon} (1024),
   * {@code beinvitemode}, {@code invitemode}, {@code uptinfomode}, {@code upcustommode} (0 or 1),
   * {@code teamMemberLimit} (2 to the app's largest team, default that). {@code magree=1}
   * (invitations to accept) is not simulated. Answer {@code {"code":200,"tid":"…"}} plus {@code
   * "faccid":{"accid":[…],"msg":"…"}} when some members could not join.
   */
  private Map<String, Object> teamCreate(Map<String, String> form, long now) {
    String tname = required(form, "tname");
    maxChars(form, "tname", TNAME_MAX_CHARS);
    String owner = accid(form, "owner");
    String rawMembers = form.get("members");
    List<String> members = rawMembers == null ? List.of() : jsonStringArray(rawMembers, "members");
    required(form, "msg");
    maxChars(form, "msg", TEAM_MSG_MAX_CHARS);
    int magree = choice(form, "magree", true, 0, 1);
    if (magree == 1) {
      throw NeteaseError.parameter("magree=1 (members must accept an invitation) is not simulated: use 0");
    }
    choice(form, "joinmode", true, 0, 1, 2);
    for (String mode : List.of("beinvitemode", "invitemode", "uptinfomode", "upcustommode")) {
      choice(form, mode, false, 0, 1);
    }
    String intro = form.getOrDefault("intro", "");
    maxChars(form, "intro", INTRO_MAX_CHARS);
    for (String text : List.of("announcement", "custom", "icon")) {
      maxChars(form, text, TEAM_TEXT_MAX_CHARS);
    }
    int maxusers = config.teamSizeMax;
    String limit = form.get("teamMemberLimit");
    if (limit != null) {
      try {
        maxusers = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        maxusers = -1;
      }
      if (maxusers < 2 || maxusers > config.teamSizeMax) {
        throw NeteaseError.parameter("teamMemberLimit must be 2 to " + config.teamSizeMax + ": " + limit);
      }
    }
    NeteaseState.Joined joined = state.createTeamByApi(tname, owner, members, intro, maxusers);
    return withFailed(Json.object("tid", joined.tid()), joined.failed());
  }

  /**
   * {@code team/add.action}: {@code tid}, {@code owner} (the operator: the owner), {@code members}
   * (a JSON array, at most 200), {@code magree} (required; 1 not simulated), {@code msg} (required,
   * 150), {@code attach} (512). Answer {@code {"code":200}} plus {@code faccid} when some could not
   * join.
   */
  private Map<String, Object> teamAdd(Map<String, String> form, long now) {
    String tid = tid(form);
    String owner = accid(form, "owner");
    List<String> members = teamMembers(form, "members");
    int magree = choice(form, "magree", true, 0, 1);
    if (magree == 1) {
      throw NeteaseError.parameter("magree=1 (members must accept an invitation) is not simulated: use 0");
    }
    required(form, "msg");
    maxChars(form, "msg", TEAM_MSG_MAX_CHARS);
    maxChars(form, "attach", ATTACH_MAX_CHARS);
    NeteaseState.Joined joined = state.addTeamMembersByApi(tid, owner, members);
    return withFailed(Json.object(), joined.failed());
  }

  /**
   * {@code team/kick.action}: {@code tid}, {@code owner} (the operator), {@code member} (one
   * accid) or {@code members} (a JSON array, at most 200; {@code member} wins when both are given,
   * as the old doc says), {@code attach} (512). Answer {@code {"code":200}}.
   */
  private Map<String, Object> teamKick(Map<String, String> form, long now) {
    String tid = tid(form);
    String owner = accid(form, "owner");
    String single = form.get("member");
    List<String> members = single != null && !single.isEmpty() ? List.of(single) : teamMembers(form, "members");
    maxChars(form, "attach", ATTACH_MAX_CHARS);
    state.kickByApi(tid, owner, members);
    return Map.of();
  }

  /** {@code team/remove.action}: {@code tid}, {@code owner} (must be the owner), {@code attach}. Answer {@code {"code":200}}. */
  private Map<String, Object> teamRemove(Map<String, String> form, long now) {
    String tid = tid(form);
    String owner = accid(form, "owner");
    maxChars(form, "attach", ATTACH_MAX_CHARS);
    state.dismiss(tid, owner);
    return Map.of();
  }

  /** {@code answer} with {@code faccid} naming the members who could not join, if any. */
  private static Map<String, Object> withFailed(Map<String, Object> answer, List<String> failed) {
    if (!failed.isEmpty()) {
      answer.put("faccid", Json.object("accid", failed, "msg", "these users have joined the most teams they may join"));
    }
    return answer;
  }

  private static String tid(Map<String, String> form) {
    String tid = required(form, "tid");
    if (!tid.matches("[0-9]{1,18}")) {
      throw NeteaseError.parameter("tid must be a number: " + tid);
    }
    return tid;
  }

  /** A required JSON array of 1 to 200 accids. */
  private static List<String> teamMembers(Map<String, String> form, String name) {
    List<String> members = jsonStringArray(required(form, name), name);
    if (members.isEmpty()) {
      throw NeteaseError.parameter(name + " must name at least one accid");
    }
    if (members.size() > TEAM_MEMBERS_PER_CALL) {
      throw NeteaseError.parameter(name + " names more than " + TEAM_MEMBERS_PER_CALL + " accids");
    }
    return members;
  }

  /** An int parameter among {@code allowed}; -1 when optional and absent; anything else: 414. */
  private static int choice(Map<String, String> form, String name, boolean required, int... allowed) {
    String raw = required ? required(form, name) : form.get(name);
    if (raw == null) {
      return -1;
    }
    for (int value : allowed) {
      if (raw.equals(Integer.toString(value))) {
        return value;
      }
    }
    throw NeteaseError.parameter(name + " must be one of " + java.util.Arrays.toString(allowed) + ": " + raw);
  }

  private static void maxChars(Map<String, String> form, String name, int max) {
    String value = form.get(name);
    if (value != null && value.length() > max) {
      throw NeteaseError.parameter(name + " is longer than " + max + " characters");
    }
  }

  // ---- user cards (seed 003) ----

  private Map<String, Object> getUinfos(Map<String, String> form, long now) {
    List<String> accids = jsonStringArray(required(form, "accids"), "accids");
    if (accids.size() > GET_UINFOS_MAX) {
      throw NeteaseError.parameter("limit max accids size: " + GET_UINFOS_MAX);
    }
    boolean muteStatus = Boolean.parseBoolean(form.get("muteStatus"));
    List<Object> uinfos = new ArrayList<>();
    for (NeteaseState.Card card : state.cards(accids)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("accid", card.accid);
      // Fields never set (or cleared) are left out, as the doc says.
      item.putAll(card.fields);
      item.put("gender", card.gender);
      item.put("valid", card.valid);
      item.put("mute", false);
      if (muteStatus) {
        item.put("muteP2P", false);
        item.put("muteQChat", false);
        item.put("muteTeam", false);
        item.put("muteRoom", false);
      }
      uinfos.add(item);
    }
    return Map.of("uinfos", uinfos);
  }

  /**
   * {@code user/userOnlineStatus.action}: {@code accids} (a JSON array) → {@code
   * {"code":200,"data":{"invalidAccids":[...],"status":{}}}}. The accids that are not registered
   * come back as sent, as the official SDK's test asserts for a never-created accid (netease-facts
   * §3, jsdk TestAccountV1.queryOnlineStatus); nobody is online in the simulator, so {@code status}
   * is empty. No count limit is documented, so none is enforced.
   */
  private Map<String, Object> userOnlineStatus(Map<String, String> form, long now) {
    List<String> accids = jsonStringArray(required(form, "accids"), "accids");
    return Map.of("data", Json.object("invalidAccids", state.unknown(accids), "status", Map.of()));
  }

  private Map<String, Object> updateUinfo(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    state.updateCard(accid, cardFields(form), gender(form));
    return Map.of();
  }

  /** The card fields of a form ({@code updateUinfo}, {@code create}), checked against their limits and the email rule. */
  private Map<String, String> cardFields(Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : NeteaseState.CARD_FIELDS) {
      String value = form.get(field);
      if (value == null) {
        continue;
      }
      int max = CARD_LIMITS.get(field);
      int length = field.equals("icon") ? value.getBytes(StandardCharsets.UTF_8).length : value.length();
      if (length > max) {
        throw NeteaseError.parameter(field + " is longer than " + max + (field.equals("icon") ? " bytes" : " characters"));
      }
      if (field.equals("email") && !value.isEmpty() && !config.emailCheck.accepts(value)) {
        // The observed answer's form (netease-facts §3): {"desc":"邮件 not email","code":414}.
        throw NeteaseError.parameter(value + " not email");
      }
      fields.put(field, value);
    }
    return fields;
  }

  /** The {@code gender} of a form: 0, 1 or 2, null when absent; anything else is a parameter error. */
  private static Integer gender(Map<String, String> form) {
    String rawGender = form.get("gender");
    if (rawGender == null) {
      return null;
    }
    if (!rawGender.equals("0") && !rawGender.equals("1") && !rawGender.equals("2")) {
      throw NeteaseError.parameter("gender must be 0, 1 or 2: " + rawGender);
    }
    return Integer.valueOf(rawGender);
  }

  // ---- friends ----

  private Map<String, Object> friendAdd(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    String faccid = accid(form, "faccid");
    String type = required(form, "type");
    if (!type.equals("1")) {
      if (type.equals("2") || type.equals("3") || type.equals("4")) {
        throw NeteaseError.parameter("type " + type + " (friend requests) is not simulated: use type 1");
      }
      throw NeteaseError.parameter("type must be 1, 2, 3 or 4: " + type);
    }
    String msg = form.get("msg");
    if (msg != null && msg.length() > 256) {
      throw NeteaseError.parameter("msg is longer than 256 characters");
    }
    state.addFriend(accid, faccid);
    return Map.of();
  }

  private Map<String, Object> friendDelete(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    String faccid = accid(form, "faccid");
    // Boolean, default false: the alias is kept (netease-facts §1).
    String deleteAlias = form.getOrDefault("isDeleteAlias", "false");
    if (!deleteAlias.equalsIgnoreCase("true") && !deleteAlias.equalsIgnoreCase("false")) {
      throw NeteaseError.parameter("isDeleteAlias must be true or false: " + deleteAlias);
    }
    state.deleteFriend(accid, faccid, deleteAlias.equalsIgnoreCase("true"));
    return Map.of();
  }

  private Map<String, Object> friendUpdate(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    String faccid = accid(form, "faccid");
    String alias = form.get("alias");
    if (alias == null) {
      // ex and serverex are accepted but not modelled: only the alias is kept.
      return Map.of();
    }
    if (alias.length() > NeteaseState.ALIAS_MAX_CHARS) {
      throw NeteaseError.parameter("alias is longer than " + NeteaseState.ALIAS_MAX_CHARS + " characters");
    }
    state.setAlias(accid, faccid, alias);
    return Map.of();
  }

  private Map<String, Object> friendGet(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    long updatetime;
    try {
      updatetime = Long.parseLong(required(form, "updatetime"));
    } catch (NumberFormatException e) {
      throw NeteaseError.parameter("updatetime must be a time in milliseconds");
    }
    List<Object> friends = new ArrayList<>();
    for (NeteaseState.Friend f : ordered(state.friends(accid, updatetime))) {
      Map<String, Object> item = Json.object("faccid", f.faccid);
      if (f.alias != null) {
        item.put("alias", f.alias);
      }
      item.put("createtime", f.createtime);
      item.put("bidirection", true);
      friends.add(item);
    }
    return Json.object("size", friends.size(), "friends", friends);
  }

  // ---- block and mute lists ----

  private Map<String, Object> setSpecialRelation(Map<String, String> form, long now) {
    String accid = accid(form, "accid");
    String target = accid(form, "targetAcc");
    String relationType = required(form, "relationType");
    String value = required(form, "value");
    if (!relationType.equals("1") && !relationType.equals("2")) {
      throw NeteaseError.parameter("relationType must be 1 (blacklist) or 2 (mute): " + relationType);
    }
    if (!value.equals("0") && !value.equals("1")) {
      throw NeteaseError.parameter("value must be 0 (remove) or 1 (add): " + value);
    }
    state.setRelation(accid, target, Integer.parseInt(relationType), value.equals("1"));
    return Map.of();
  }

  private Map<String, Object> listBlackAndMuteList(Map<String, String> form, long now) {
    List<List<String>> lists = state.relations(accid(form, "accid"));
    return Json.object("blacklist", ordered(lists.get(0)), "mutelist", ordered(lists.get(1)));
  }

  /** {@code oldestFirst} in the configured {@link ListOrder}. */
  private <T> List<T> ordered(List<T> oldestFirst) {
    List<T> out = new ArrayList<>(oldestFirst);
    switch (config.listOrder) {
      case NEWEST_FIRST:
        Collections.reverse(out);
        break;
      case SHUFFLED:
        synchronized (shuffle) {
          Collections.shuffle(out, shuffle);
        }
        break;
      default:
        break;
    }
    return out;
  }

  // ---- teams ----

  private Map<String, Object> updateTeamNick(Map<String, String> form, long now) {
    String tid = required(form, "tid");
    String owner = accid(form, "owner");
    String accid = accid(form, "accid");
    String nick = form.get("nick");
    String custom = form.get("custom");
    if (nick == null && custom == null) {
      throw NeteaseError.parameter("nick or custom is required");
    }
    NeteaseState.checkTeamMember(nick, custom);
    state.updateTeamMember(tid, owner, accid, nick, custom);
    return Map.of();
  }

  private Map<String, Object> queryDetail(Map<String, String> form, long now) {
    String tid = required(form, "tid");
    if (!tid.matches("[0-9]{1,18}")) {
      throw NeteaseError.parameter("tid must be a number: " + tid);
    }
    NeteaseState.TeamView team = state.team(tid);
    Map<String, Object> tinfo = Json.object("tid", Long.parseLong(team.tid), "tname", team.tname, "icon", "",
        "announcement", "", "intro", team.intro, "maxusers", team.maxusers, "size", team.members.size() + 1, "mute", false,
        "owner", member(team.owner));
    if (!config.omitEmptyAdmins) {
      tinfo.put("admins", List.of());
    }
    List<Object> members = new ArrayList<>();
    team.members.forEach(m -> members.add(member(m)));
    tinfo.put("members", members);
    tinfo.put("createtime", team.createtime);
    tinfo.put("updatetime", team.updatetime);
    return Map.of("tinfo", tinfo);
  }

  private static Map<String, Object> member(NeteaseState.Member m) {
    Map<String, Object> item = Json.object("accid", m.accid);
    if (m.nick != null) {
      item.put("nick", m.nick);
    }
    if (m.custom != null) {
      item.put("custom", m.custom);
    }
    item.put("mute", false);
    item.put("createtime", m.createtime);
    item.put("updatetime", m.updatetime);
    return item;
  }

  // ---- form parsing ----

  private static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isEmpty()) {
      throw NeteaseError.parameter(name + " is required");
    }
    return value;
  }

  private static String accid(Map<String, String> form, String name) {
    String value = required(form, name);
    if (value.length() > NeteaseState.ACCID_MAX_CHARS) {
      throw NeteaseError.parameter(name + " is longer than " + NeteaseState.ACCID_MAX_CHARS + " characters");
    }
    return value;
  }

  /** A form field holding a JSON array of strings, such as {@code ["t1","t2"]}. */
  private static List<String> jsonStringArray(String raw, String name) {
    JsonNode node;
    try {
      node = Json.read(raw);
    } catch (IOException e) {
      throw NeteaseError.parameter(name + " must be a JSON array of strings");
    }
    if (node == null || !node.isArray()) {
      throw NeteaseError.parameter(name + " must be a JSON array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw NeteaseError.parameter(name + " must be a JSON array of strings");
      }
      values.add(item.asText());
    }
    return values;
  }
}
