package io.imfacade.simulator.netease;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.imfacade.simulator.Faults;
import io.imfacade.simulator.internal.Answer;
import io.imfacade.simulator.internal.RateWindow;
import io.imfacade.simulator.internal.SimRequest;
import io.imfacade.simulator.internal.SimulatorFront;
import io.imfacade.simulator.internal.WireMockSupport;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful simulator of the NetEase Yunxin (网易云信) v1 server API under {@code /nimserver/}, as
 * a WireMock extension.
 *
 * <p>Every call is a form-encoded {@code POST} signed with the {@code AppKey}, {@code Nonce},
 * {@code CurTime} and {@code CheckSum} headers ({@link #checkSum}); the simulator checks the
 * signature and its 5-minute window, enforces the per-endpoint rate limit with its 10-second block,
 * and answers HTTP 200 with {@code {"code":200,...}} or {@code {"code":<n>,"desc":"..."}}. It keeps
 * accounts with their login token and user cards, two-way friends with per-direction aliases,
 * block and mute lists, and teams (name, intro, size limit) whose members have a nick and a custom
 * string. Accounts registered through {@code user/create.action} and seeded ones are one set, and
 * a team created through {@code team/create.action} is a team like a seeded one. See the module's README for the
 * choices made where the vendor's docs are silent, and {@code FIDELITY.md} for the source of each
 * behaviour.
 *
 * <p>Where NetEase documents no answer (an unknown account, a missing relation, a repeated write,
 * a full list, the order of lists, the email rule), the builder chooses among the plausible ones:
 * {@link Builder#absentAnswers}, {@link Builder#repeatAnswers}, {@link Builder#overLimitCode},
 * {@link Builder#listOrder}, {@link Builder#emailCheck}, {@link Builder#omitEmptyAdmins}, {@link
 * Builder#teamAnswers}, {@link Builder#duplicateAccountAnswers}, {@link Builder#joinedTeamsMax}. A
 * client should pass its tests under every choice.
 *
 * <pre>{@code
 * NeteaseSimulator sim = NeteaseSimulator.builder().appKey("key").appSecret("secret").build();
 * WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(sim));
 * server.start();
 * sim.install(server);
 * sim.createUsers("alice", "bob");
 * }</pre>
 *
 * <p>Thread-safe. One simulator is one vendor app.
 */
public final class NeteaseSimulator implements ResponseDefinitionTransformerV2 {

  /** The path prefix of the v1 API. */
  public static final String PATH_PREFIX = "/nimserver";

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** The settings of one simulator, fixed when it is built. */
  static final class Config {
    final String appKey;
    final String appSecret;
    final Clock clock;
    final double requestsPerSecond;
    final int friendsMax;
    final int blockListMax;
    final int overLimitCode;
    final AbsentAnswers absentAnswers;
    final RepeatAnswers repeatAnswers;
    final ListOrder listOrder;
    final EmailCheck emailCheck;
    final boolean omitEmptyAdmins;
    final TeamAnswers teamAnswers;
    final DuplicateAccountAnswers duplicateAccountAnswers;
    final int joinedTeamsMax;
    final int teamSizeMax;

    Config(Builder b) {
      this.appKey = b.appKey;
      this.appSecret = b.appSecret;
      this.clock = b.clock;
      this.requestsPerSecond = b.requestsPerSecond;
      this.friendsMax = b.friendsMax;
      this.blockListMax = b.blockListMax;
      this.overLimitCode = b.overLimitCode;
      this.absentAnswers = b.absentAnswers;
      this.repeatAnswers = b.repeatAnswers;
      this.listOrder = b.listOrder;
      this.emailCheck = b.emailCheck;
      this.omitEmptyAdmins = b.omitEmptyAdmins;
      this.teamAnswers = b.teamAnswers;
      this.duplicateAccountAnswers = b.duplicateAccountAnswers;
      this.joinedTeamsMax = b.joinedTeamsMax;
      this.teamSizeMax = b.teamSizeMax;
    }
  }

  private final Config config;
  private final String name;
  private final NeteaseState state;
  private final NeteaseApi api;
  private final SimulatorFront front = new SimulatorFront(PATH_PREFIX, NeteaseSimulator::failure,
      () -> NeteaseApi.body(NeteaseError.RATE_LIMITED, NeteaseApi.rateLimitError().desc()), "{\"code\":200,");
  private final AtomicLong rateLimited = new AtomicLong();

  private NeteaseSimulator(Builder builder) {
    this.config = new Config(builder);
    this.name = "imfacade-netease-simulator-" + INSTANCES.incrementAndGet();
    this.state = new NeteaseState(config);
    this.api = new NeteaseApi(config, state, rateLimited);
  }

  /** A builder; {@link Builder#appKey} and {@link Builder#appSecret} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * NetEase's request signature: the lower-case hex SHA-1 of {@code appSecret + nonce + curTime}
   * (UTF-8), for signing requests in tests.
   */
  public static String checkSum(String appSecret, String nonce, String curTime) {
    return NeteaseApi.checkSum(
        Objects.requireNonNull(appSecret, "appSecret"), Objects.requireNonNull(nonce, "nonce"), Objects.requireNonNull(curTime, "curTime"));
  }

  /**
   * Routes every request below {@value #PATH_PREFIX} on {@code server} to this simulator. The
   * server must have been built with this simulator among its extensions. The catch-all stub has
   * priority {@value WireMockSupport#CATCH_ALL_PRIORITY}, so the test's own stubs win.
   *
   * @throws IllegalStateException if the server does not know this simulator
   */
  public void install(WireMockServer server) {
    front.install(server, this);
  }

  /** The WireMock extension name, unique per simulator instance. */
  @Override
  public String getName() {
    return name;
  }

  /** False: the simulator answers only requests of the stub {@link #install} registers. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Answers one request (WireMock calls this; tests do not). */
  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    SimRequest request = SimRequest.of(serveEvent.getRequest(), PATH_PREFIX);
    // The action is the loss key: lost answers are asked for per action.
    return front.respond(false, String.join("/", request.segments()), () -> api.handle(request));
  }

  /** A failure as NetEase gives it: in the body of an HTTP 200 (the front answers a gateway's 502 and 504). */
  private static Answer failure(int status) {
    return NeteaseApi.body(status, switch (status) {
      case 500 -> "server error";
      case 503 -> "server busy";
      case 414 -> "parameter error";
      case 416 -> NeteaseApi.rateLimitError().desc();
      default -> "injected failure " + status;
    });
  }

  // ---- seeding ----

  /** Registers accounts; accids are case-insensitive (kept in lower case), at most 32 characters. */
  public void createUsers(String... accids) {
    createUsers(Arrays.asList(accids));
  }

  /** Registers accounts; accids are case-insensitive (kept in lower case), at most 32 characters. */
  public void createUsers(Collection<String> accids) {
    state.createUsers(accids);
  }

  /**
   * Creates a team with a numeric {@code tid}, owned by {@code owner}, whose members are the owner
   * and {@code members}, all existing accounts.
   *
   * @throws IllegalArgumentException if the team exists, the tid is not a number or an account is unknown
   */
  public void createTeam(String tid, String owner, Collection<String> members) {
    state.createTeam(tid, owner, members);
  }

  /**
   * Creates a team as {@code team/create.action} would, with an id of the simulator's numbering
   * (never one of a seeded team), owned by {@code owner}, whose members are the owner and {@code
   * members}, all existing accounts. Returns the team id.
   *
   * @throws IllegalArgumentException if an account is unknown
   */
  public String createTeam(String owner, Collection<String> members) {
    return state.createTeam(owner, members);
  }

  /** Adds existing accounts to a team; members already in it keep their nick and custom. */
  public void addTeamMembers(String tid, Collection<String> members) {
    state.addTeamMembers(tid, members);
  }

  /** Removes members (not the owner) from a team. */
  public void removeTeamMembers(String tid, Collection<String> members) {
    state.removeTeamMembers(tid, members);
  }

  /**
   * Updates a user card as {@code user/updateUinfo.action} would, with its parameter names ({@code
   * name, icon, sign, email, birth, mobile, ex, gender}) and limits; {@code ""} clears a field.
   *
   * @throws IllegalArgumentException if the account does not exist or a value is refused
   */
  public void updateUserCard(String accid, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("accid", accid);
    seeding("user/updateUinfo.action", form);
  }

  /**
   * Makes two accounts friends of each other, as {@code friend/add.action} with type 1 would.
   *
   * @throws IllegalArgumentException if an account does not exist or a friend list is full
   */
  public void addFriend(String accid, String faccid) {
    seeding("friend/add.action", Map.of("accid", accid, "faccid", faccid, "type", "1"));
  }

  /**
   * Adds accounts to {@code accid}'s block list, as {@code user/setSpecialRelation.action} would.
   *
   * @throws IllegalArgumentException if an account does not exist or the list is full
   */
  public void block(String accid, Collection<String> targets) {
    for (String target : targets) {
      seeding("user/setSpecialRelation.action", Map.of("accid", accid, "targetAcc", target, "relationType", "1", "value", "1"));
    }
  }

  /**
   * Sets a team member's nick and/or custom string as {@code team/updateTeamNick.action} would
   * (null leaves a value unchanged, {@code ""} clears it), acting as the team's owner.
   *
   * @throws IllegalArgumentException if the team or membership does not exist or a value is refused
   */
  public void updateTeamMember(String tid, String accid, String nick, String custom) {
    try {
      NeteaseState.checkTeamMember(nick, custom);
      String owner = state.team(tid).owner.accid;
      state.updateTeamMember(tid, owner, accid, nick, custom);
    } catch (NeteaseError e) {
      throw new IllegalArgumentException("code " + e.code() + ": " + e.desc());
    }
  }

  private void seeding(String endpoint, Map<String, String> form) {
    try {
      api.direct(endpoint, form);
    } catch (NeteaseError e) {
      throw new IllegalArgumentException("code " + e.code() + ": " + e.desc());
    }
  }

  // ---- inspection ----

  /** A user card's fields that are set, plus {@code gender} ("0", "1" or "2"); empty for an unknown account. */
  public Map<String, String> userCard(String accid) {
    return state.userCard(accid);
  }

  /** An account's friends (lower-case accids), oldest first. */
  public List<String> friendsOf(String accid) {
    return state.friendsOf(accid);
  }

  /**
   * {@code accid}'s alias for {@code faccid} as {@code friend/get} shows it; empty when none is set
   * or they are not friends (see {@link #storedAliasOf} for an alias kept after the friendship).
   */
  public Optional<String> aliasOf(String accid, String faccid) {
    return state.alias(accid, faccid);
  }

  /** The accounts {@code accid} has blocked (relationType 1), oldest first. */
  public List<String> blockListOf(String accid) {
    return state.blacklistOf(accid);
  }

  /** The accounts {@code accid} has muted (relationType 2), oldest first. */
  public List<String> muteListOf(String accid) {
    return state.mutelistOf(accid);
  }

  /** An account's current login token; empty for an unknown account. */
  public Optional<String> tokenOf(String accid) {
    return state.token(accid);
  }

  /** The members of a team (lower-case accids), owner first; empty when there is no such team. */
  public List<String> teamMembersOf(String tid) {
    return state.teamMembers(tid);
  }

  /** Whether the team exists. */
  public boolean teamExists(String tid) {
    return !state.teamMembers(tid).isEmpty();
  }

  /** A team member's nick; empty when none is set or there is no such member. */
  public Optional<String> teamMemberNick(String tid, String accid) {
    return state.member(tid, accid).map(m -> m.nick);
  }

  /** A team member's custom string; empty when none is set or there is no such member. */
  public Optional<String> teamMemberCustom(String tid, String accid) {
    return state.member(tid, accid).map(m -> m.custom);
  }

  /**
   * {@code friend/delete} keeps the caller's alias unless {@code isDeleteAlias=true}: {@code
   * accid}'s alias for {@code faccid} as stored, friends or not; empty when none is stored.
   */
  public Optional<String> storedAliasOf(String accid, String faccid) {
    return state.storedAlias(accid, faccid);
  }

  /** Requests received since the last reset, faulted and refused ones included. */
  public long requests() {
    return front.requests();
  }

  /** Requests answered code 416 by the rate limit (its block included) since the last reset; injected ones not counted. */
  public long rateLimitedRequests() {
    return rateLimited.get();
  }

  // ---- faults ----

  /** The fault schedule of this simulator. */
  public Faults faults() {
    return front.faults();
  }

  /**
   * The next {@code n} requests to {@code action} (such as {@code friend/add.action}) are carried
   * out — the state changes as for a normal answer — and then the connection is reset instead of
   * answering: the client lost the answer of a write that landed. Unlike the {@link #faults()}
   * schedule, which loses requests before they are carried out. Counted apart from it; checked
   * after it (a request the schedule faults is not carried out and does not use up one of these).
   */
  public void loseAnswers(String action, int n) {
    front.loseAnswers(Objects.requireNonNull(action, "action"), n);
  }

  /**
   * Forgets accounts, friends, lists and teams, clears the faults (lost answers included), the counters, the rate limits
   * (blocks included) and the used nonces, and empties the request journal of the servers it is
   * installed on.
   */
  public void reset() {
    state.reset();
    api.reset();
    rateLimited.set(0);
    front.reset();
  }

  @Override
  public String toString() {
    return "NeteaseSimulator{appKey=" + config.appKey + '}';
  }

  /** Builds a {@link NeteaseSimulator}. Not thread-safe. */
  public static final class Builder {
    private String appKey;
    private String appSecret;
    private Clock clock = Clock.systemUTC();
    private double requestsPerSecond = 100;
    private int friendsMax = 3000;
    private int blockListMax = 3000;
    private int overLimitCode = NeteaseError.COUNT_OVER_LIMIT;
    private AbsentAnswers absentAnswers = AbsentAnswers.MIXED;
    private RepeatAnswers repeatAnswers = RepeatAnswers.SUCCESS;
    private ListOrder listOrder = ListOrder.OLDEST_FIRST;
    private EmailCheck emailCheck = EmailCheck.AT_SIGN;
    private boolean omitEmptyAdmins;
    private TeamAnswers teamAnswers = TeamAnswers.TEAM_CODES;
    private DuplicateAccountAnswers duplicateAccountAnswers = DuplicateAccountAnswers.ALREADY_REGISTER_414;
    private int joinedTeamsMax = Integer.MAX_VALUE;
    private int teamSizeMax = 200;

    private Builder() {}

    /** The app key the {@code AppKey} header must carry. */
    public Builder appKey(String appKey) {
      this.appKey = nonEmpty(appKey, "appKey");
      return this;
    }

    /** The secret the {@code CheckSum} is computed with. */
    public Builder appSecret(String appSecret) {
      this.appSecret = nonEmpty(appSecret, "appSecret");
      return this;
    }

    /** The clock for the CheckSum window, the rate limit and timestamps (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Calls per second each endpoint admits (default 100, the documented limit), counted in fixed
     * one-second windows; over it, code 416 and the endpoint answers 416 for 10 seconds. 0 means
     * no limit.
     */
    public Builder requestsPerSecond(double requestsPerSecond) {
      new RateWindow(requestsPerSecond); // validates
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /**
     * How many friends one account may have (default 3000, the server doc's "每个账号的好友数上限为
     * 3000"; a newer client doc says 10,000 since client v8.9.0, netease-facts §1); over it, the
     * {@link #overLimitCode}.
     */
    public Builder friendsMax(int friendsMax) {
      this.friendsMax = positive(friendsMax, "friendsMax");
      return this;
    }

    /** How many accounts one block (or mute) list may hold (default 3000, documented); over it, the {@link #overLimitCode}. */
    public Builder blockListMax(int blockListMax) {
      this.blockListMax = positive(blockListMax, "blockListMax");
      return this;
    }

    /**
     * The code answered when a friend list or a block or mute list is full: 419 "quantity exceeds
     * limit" (default), 403 or 414 — the plausible answers, none documented (netease-facts §1, §2).
     */
    public Builder overLimitCode(int code) {
      if (code != 419 && code != 403 && code != 414) {
        throw new IllegalArgumentException("overLimitCode must be 419, 403 or 414: " + code);
      }
      this.overLimitCode = code;
      return this;
    }

    /** How requests about what is not there are answered (default {@link AbsentAnswers#MIXED}). */
    public Builder absentAnswers(AbsentAnswers answers) {
      this.absentAnswers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /** How a write whose effect is already in place is answered (default {@link RepeatAnswers#SUCCESS}). */
    public Builder repeatAnswers(RepeatAnswers answers) {
      this.repeatAnswers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /** The order of friend, block and mute lists (default {@link ListOrder#OLDEST_FIRST}). */
    public Builder listOrder(ListOrder order) {
      this.listOrder = Objects.requireNonNull(order, "order");
      return this;
    }

    /** The {@code email} format {@code updateUinfo} accepts (default {@link EmailCheck#AT_SIGN}). */
    public Builder emailCheck(EmailCheck check) {
      this.emailCheck = Objects.requireNonNull(check, "check");
      return this;
    }

    /**
     * Whether {@code team/queryDetail} leaves {@code admins} out of a team that has none (default
     * false: {@code "admins":[]}). Not documented either way (netease-facts §6).
     */
    public Builder omitEmptyAdmins(boolean omit) {
      this.omitEmptyAdmins = omit;
      return this;
    }

    /** How the team cases NetEase leaves open are answered (default {@link TeamAnswers#TEAM_CODES}). */
    public Builder teamAnswers(TeamAnswers answers) {
      this.teamAnswers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /**
     * How {@code user/create} answers an accid that exists (default {@link
     * DuplicateAccountAnswers#ALREADY_REGISTER_414}, the observed answer).
     */
    public Builder duplicateAccountAnswers(DuplicateAccountAnswers answers) {
      this.duplicateAccountAnswers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /**
     * How many teams one account may be a member of (default: no limit). NetEase limits it per
     * plan without a documented number; an account at the limit cannot join another team, and
     * {@code team/create} and {@code team/add} answer it in {@code faccid} (netease-facts §6).
     */
    public Builder joinedTeamsMax(int max) {
      this.joinedTeamsMax = positive(max, "joinedTeamsMax");
      return this;
    }

    /**
     * The app's largest team, the owner included (default 200: "该群最大人数(包含群主)，范围：2至应用定义的最大群人数(默认:200)",
     * old team doc, netease-facts §6). It is the size of a team created without {@code teamMemberLimit}
     * and the largest {@code teamMemberLimit} accepted.
     */
    public Builder teamSizeMax(int max) {
      if (max < 2) {
        throw new IllegalArgumentException("teamSizeMax must be at least 2: " + max);
      }
      this.teamSizeMax = max;
      return this;
    }

    /** The simulator. */
    public NeteaseSimulator build() {
      if (appKey == null || appSecret == null) {
        throw new IllegalStateException("appKey and appSecret are required");
      }
      return new NeteaseSimulator(this);
    }

    private static String nonEmpty(String value, String what) {
      Objects.requireNonNull(value, what);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }

    private static int positive(int value, String what) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be at least 1: " + value);
      }
      return value;
    }
  }
}
