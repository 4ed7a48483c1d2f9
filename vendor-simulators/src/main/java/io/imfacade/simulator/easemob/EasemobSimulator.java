package io.imfacade.simulator.easemob;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A stateful simulator of the Easemob REST API family — Easemob under {@code /{org}/{app}} and
 * Shengwang (Agora Chat China) under {@code /app-id/{appId}} — as a WireMock extension.
 *
 * <p>It keeps users (accounts with passwords and user tokens) with their attributes, groups (with
 * owner, members, settings and per-member attributes), two-way contacts with per-direction
 * remarks, and one-way block lists, and answers the endpoints of seeds 000–002 and of the account
 * and group pages (facts §11, §12) with their documented JSON, limits and error bodies. A user
 * registered or a group created through the API is the one every other endpoint sees. Every API request needs a valid {@code
 * Authorization: Bearer} token; tokens come from {@code POST {prefix}/token} with the configured
 * client credentials, or from outside when {@link Builder#acceptToken} says so. Where the vendor's
 * docs are silent the simulator does not guess one answer: each such behaviour is an enum of
 * {@link Undocumented} whose constants are the plausible answers ({@link Builder#answer}, {@link
 * #answer}); {@link CursorQuirk} and {@link #loseAnswers} break the cursors and the answers on
 * purpose. See the module's README and FIDELITY.md.
 *
 * <pre>{@code
 * EasemobSimulator sim = EasemobSimulator.builder().easemob("org", "app").clientCredentials("id", "secret").build();
 * WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(sim));
 * server.start();
 * sim.install(server);
 * sim.createUsers("alice", "bob");
 * }</pre>
 *
 * <p>Thread-safe. One simulator is one vendor app; it may be installed on one or more servers.
 */
public final class EasemobSimulator implements ResponseDefinitionTransformerV2 {

  /** Easemob's friend cap on its paid plans (pro and flagship 3000; free 100): product_package_feature.md. */
  public static final int EASEMOB_CONTACTS_MAX = 3000;

  /** Shengwang's friend cap on the enterprise plan (free 100): shengwang-chat-doc billing_strategy.md. */
  public static final int SHENGWANG_CONTACTS_MAX = 10_000;

  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  /** The one loss key of the front: {@link #loseAnswers} is for whatever API request comes next. */
  private static final String EVERY_REQUEST = "";

  /** The settings of one simulator, fixed when it is built. */
  static final class Config {
    final String pathPrefix;
    final String organization;
    final String applicationName;
    final String applicationUuid;
    final String clientId;
    final String clientSecret;
    final Duration tokenTtl;
    final Predicate<String> acceptToken;
    final double requestsPerSecond;
    final Clock clock;
    final int contactsMax;
    final int blockListMax;
    final Map<Class<?>, Enum<?>> answers;

    Config(Builder b) {
      this.pathPrefix = b.pathPrefix;
      this.organization = b.organization;
      this.applicationName = b.applicationName;
      this.applicationUuid = UUID.nameUUIDFromBytes(("easemob-app:" + b.pathPrefix).getBytes(StandardCharsets.UTF_8)).toString();
      this.clientId = b.clientId;
      this.clientSecret = b.clientSecret;
      this.tokenTtl = b.tokenTtl;
      this.acceptToken = b.acceptToken;
      this.requestsPerSecond = b.requestsPerSecond;
      this.clock = b.clock;
      this.contactsMax = b.contactsMax != null ? b.contactsMax
          : b.pathPrefix.startsWith("/app-id/") ? SHENGWANG_CONTACTS_MAX : EASEMOB_CONTACTS_MAX;
      this.blockListMax = b.blockListMax;
      this.answers = new LinkedHashMap<>(b.answers);
    }
  }

  private final Config config;
  private final String name;
  private final Answers answers;
  private final EasemobState state;
  private final Tokens tokens;
  private final RateWindow rate;
  private final AtomicLong rateLimited = new AtomicLong();
  private final EasemobApi api;
  private final SimulatorFront front;

  private EasemobSimulator(Builder builder) {
    this.config = new Config(builder);
    this.name = "imfacade-easemob-simulator-" + INSTANCES.incrementAndGet();
    this.answers = new Answers(config.answers);
    this.state = new EasemobState(config.clock, config.contactsMax, config.blockListMax, answers);
    this.tokens = new Tokens(config.clock, config.acceptToken);
    this.rate = new RateWindow(config.requestsPerSecond);
    this.api = new EasemobApi(config, state, answers, tokens, rate, rateLimited);
    this.front = new SimulatorFront(config.pathPrefix, this::failure,
        () -> EasemobApi.error(EasemobApi.rateLimitError(), config.clock.millis()), "{\"data\":");
  }

  /** A builder; choose the app with {@link Builder#easemob} or {@link Builder#shengwang}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The path prefix of this app: {@code /{org}/{app}} or {@code /app-id/{appId}}. */
  public String pathPrefix() {
    return config.pathPrefix;
  }

  /**
   * Routes every request below {@link #pathPrefix()} on {@code server} to this simulator. The
   * server must have been built with this simulator among its extensions ({@code
   * WireMockConfiguration.options().extensions(simulator)}). The catch-all stub has priority
   * {@value WireMockSupport#CATCH_ALL_PRIORITY}, so stubs of the test's own (default priority 5)
   * win; {@code server.resetAll()} removes it.
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

  /** False: the simulator answers only requests of the stubs {@link #install} registers. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Answers one request (WireMock calls this; tests do not). */
  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    SimRequest request = SimRequest.of(serveEvent.getRequest(), config.pathPrefix);
    return front.respond(EasemobApi.isTokenRequest(request), EVERY_REQUEST, () -> api.handle(request));
  }

  /** The body a failing Easemob server gives for {@code status}. */
  private Answer failure(int status) {
    String exception = "InjectedFault";
    EasemobError error = switch (status) {
      case 400 -> new EasemobError(status, EasemobError.ILLEGAL_ARGUMENT, exception, "injected bad request");
      case 401 -> new EasemobError(status, EasemobError.UNAUTHORIZED, exception, "Unable to authenticate (OAuth)");
      case 403 -> new EasemobError(status, "forbidden_op", exception, "injected forbidden operation");
      case 404 -> new EasemobError(status, EasemobError.NOT_FOUND, exception, "Service resource not found");
      case 409 -> new EasemobError(status, EasemobError.METADATA_ERROR, exception,
          "Failed to operate user metadata. Concurrent operation not allowed");
      case 429 -> new EasemobError(status, EasemobError.REACH_LIMIT, exception, "This request has reached api limit");
      case 503 -> new EasemobError(status, "service_unavailable", exception, "Service Unavailable");
      default -> status >= 500 ? new EasemobError(status, "internal_server_error", exception, "Internal Server Error")
          : new EasemobError(status, EasemobError.WEB_APPLICATION, exception, "HTTP " + status);
    };
    return EasemobApi.error(error, config.clock.millis());
  }

  // ---- seeding ----

  /** Registers users; ids are case-insensitive (kept in lower case); existing ones are kept. */
  public void createUsers(String... userIds) {
    createUsers(Arrays.asList(userIds));
  }

  /** Registers users; ids are case-insensitive (kept in lower case); existing ones are kept. */
  public void createUsers(Collection<String> userIds) {
    state.createUsers(userIds);
  }

  /**
   * Creates a group owned by {@code owner} whose members are the owner and {@code members}, all
   * existing users.
   *
   * @throws IllegalArgumentException if the group exists or a user does not
   */
  public void createGroup(String groupId, String owner, Collection<String> members) {
    state.createGroup(groupId, owner, members);
  }

  /** Adds existing users to a group; members already in it keep their attributes. */
  public void addMembers(String groupId, Collection<String> members) {
    state.addMembers(groupId, members);
  }

  /** Removes members (not the owner) from a group, with their attributes. */
  public void removeMembers(String groupId, Collection<String> members) {
    state.removeMembers(groupId, members);
  }

  /**
   * Patches a user's attributes as {@code PUT /metadata/user/{user}} would, limits included.
   *
   * @throws IllegalArgumentException if the user does not exist or the attributes are too large
   */
  public void putUserMetadata(String userId, Map<String, String> attributes) {
    seeding(() -> state.putUserMetadata(userId, new LinkedHashMap<>(attributes), true));
  }

  /**
   * Patches a member's attributes as {@code PUT /metadata/chatgroup/{g}/user/{u}} would, limits
   * included ({@code ""} removes a key).
   *
   * @throws IllegalArgumentException if the group or membership does not exist or a limit is hit
   */
  public void putMemberMetadata(String groupId, String userId, Map<String, String> attributes) {
    seeding(() -> {
      attributes.forEach(EasemobState::checkMemberPair);
      return state.putMemberMetadata(groupId, userId, new LinkedHashMap<>(attributes));
    });
  }

  /**
   * Makes two existing users contacts of each other, as the add-contact endpoint would.
   *
   * @throws IllegalArgumentException if a user does not exist or a contact list is full
   */
  public void addContact(String owner, String friend) {
    seeding(() -> state.addContact(owner, friend));
  }

  /**
   * Adds existing users to {@code owner}'s block list, as the block endpoint would (in the answers
   * chosen for {@link Undocumented.BlockUnknownUser} and {@link Undocumented.BlockBlockedUser}).
   *
   * @throws IllegalArgumentException if the owner or a user does not exist (under the default
   *     answer) or the list would be too long
   */
  public void block(String owner, Collection<String> users) {
    seeding(() -> state.block(owner, List.copyOf(users)));
  }

  private static void seeding(Supplier<?> action) {
    try {
      action.get();
    } catch (EasemobError e) {
      throw new IllegalArgumentException(e.status() + " " + e.error() + ": " + e.description());
    }
  }

  /**
   * Creates a group as {@code POST chatgroups} would (a private group, maxusers the documented
   * default 200 or as many as it needs) and returns the id it issued.
   *
   * @throws IllegalArgumentException if a user does not exist
   */
  public String createGroup(String owner, Collection<String> members) {
    List<String> list = List.copyOf(members);
    String[] id = new String[1];
    seeding(() -> id[0] = state.createGroup("group of " + owner, "", false,
        Math.max(EasemobState.GROUP_DEFAULT_MAX_USERS, list.size() + 1), owner, list));
    return id[0];
  }

  // ---- inspection ----

  /** Whether a user with this id (case-insensitive) is registered. */
  public boolean hasUser(String userId) {
    return state.hasUser(userId);
  }

  /** The password a user was registered or last set with; empty when unknown or none. */
  public Optional<String> passwordOf(String userId) {
    return state.password(userId);
  }

  /** The user a token of the token endpoint was issued to ({@code inherit} or password grant); empty otherwise. */
  public Optional<String> userTokenOwner(String token) {
    return state.userTokenOwner(token);
  }

  /** The ids of every group, seeded or created through the API, sorted. */
  public List<String> groupIds() {
    return state.groupIds();
  }

  /** Whether a group with this id exists. */
  public boolean hasGroup(String groupId) {
    return state.hasGroup(groupId);
  }

  /** A group's members (lower-case ids) in join order, the owner first; empty when there is no such group. */
  public List<String> membersOf(String groupId) {
    return state.membersOf(groupId);
  }

  /** A user's attributes as stored; empty for an unknown user. */
  public Map<String, String> userMetadata(String userId) {
    return state.userMetadata(userId);
  }

  /** A group member's attributes; empty when the group or membership does not exist. */
  public Map<String, String> memberMetadata(String groupId, String userId) {
    return state.memberMetadata(groupId, userId);
  }

  /** A user's contacts (lower-case ids), oldest first. */
  public List<String> contactsOf(String userId) {
    return state.contactsOf(userId);
  }

  /** {@code owner}'s remark for {@code friend}; empty when none is set or they are not contacts. */
  public Optional<String> remarkOf(String owner, String friend) {
    return state.remark(owner, friend);
  }

  /** The users {@code userId} has blocked (lower-case ids), oldest first. */
  public List<String> blockListOf(String userId) {
    return state.blockListOf(userId);
  }

  /** Requests to the token endpoint since the last reset, faulted ones included. */
  public long tokenRequests() {
    return front.tokenRequests();
  }

  /** API requests (every request but the token one) since the last reset, faulted ones included. */
  public long requests() {
    return front.requests();
  }

  /** API requests answered 429 by the app-wide rate limit since the last reset (injected ones not counted). */
  public long rateLimitedRequests() {
    return rateLimited.get();
  }

  // ---- faults ----

  /** The fault schedule of this simulator. */
  public Faults faults() {
    return front.faults();
  }

  /**
   * The next {@code n} API requests (not the token request) are carried out and then lose their
   * answer: the connection is reset after the simulator applied them, as when a response is lost
   * on the way back. A client that repeats such a write meets its own effect. Runs after the
   * one-shot {@link #faults()} (a faulted request is not carried out, so it does not count).
   */
  public void loseAnswers(int n) {
    front.loseAnswers(EVERY_REQUEST, n);
  }

  // ---- plausible answers ----

  /**
   * Gives {@code answer} (a constant of one of the {@link Undocumented} enums, or a {@link
   * CursorQuirk}) for its behaviour from now until the next {@link #reset()}, which goes back to
   * the builder's choice.
   *
   * @throws IllegalArgumentException if {@code answer} is neither
   */
  public void answer(Enum<?> answer) {
    answers.set(answer);
  }

  /** The answer given now for {@code behaviour} (an {@link Undocumented} enum or {@link CursorQuirk}). */
  public <E extends Enum<E>> E answerFor(Class<E> behaviour) {
    return answers.get(behaviour);
  }

  /**
   * Every token issued so far expires now, and every foreign token accepted so far is refused from
   * now on: the next API request with one of them gets 401. Tokens fetched (or built) afterwards work.
   */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /**
   * Forgets users, groups, attributes, contacts and block lists, clears the faults, the counters
   * and the rate window, and empties the request journal of the servers it is installed on.
   * Tokens already issued stay valid, like a real vendor's after a data wipe, so a client that
   * cached one keeps working across tests.
   */
  public void reset() {
    state.reset();
    answers.reset();
    rate.reset();
    rateLimited.set(0);
    front.reset();
  }

  @Override
  public String toString() {
    return "EasemobSimulator{" + config.pathPrefix + '}';
  }

  /** Builds an {@link EasemobSimulator}. Not thread-safe. */
  public static final class Builder {
    private String pathPrefix;
    private String organization;
    private String applicationName;
    private String clientId;
    private String clientSecret;
    private Duration tokenTtl = Duration.ofDays(60);
    private Predicate<String> acceptToken = token -> false;
    private double requestsPerSecond;
    private Clock clock = Clock.systemUTC();
    private Integer contactsMax;
    private int blockListMax = EasemobState.BLOCKS_DEFAULT_MAX;
    private final Map<Class<?>, Enum<?>> answers = new LinkedHashMap<>();

    private Builder() {}

    /** An Easemob app: paths under {@code /{org}/{app}}. */
    public Builder easemob(String org, String app) {
      this.pathPrefix = "/" + pathName(org, "org") + "/" + pathName(app, "app");
      this.organization = org;
      this.applicationName = app;
      return this;
    }

    /** A Shengwang app: paths under {@code /app-id/{appId}}. */
    public Builder shengwang(String appId) {
      this.pathPrefix = "/app-id/" + pathName(appId, "appId");
      this.organization = appId;
      this.applicationName = appId;
      return this;
    }

    /**
     * The credentials {@code POST {prefix}/token} accepts. Without them the token endpoint refuses
     * everything ({@code 400 invalid_grant}) and only {@link #acceptToken} tokens work.
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * The lifetime of a token requested without {@code ttl} (default 60 days, the documented
     * default); a request's own {@code ttl} in seconds wins, {@code 0} meaning never.
     */
    public Builder tokenTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.getSeconds() < 1) {
        throw new IllegalArgumentException("tokenTtl must be at least one second: " + ttl);
      }
      this.tokenTtl = ttl;
      return this;
    }

    /**
     * Which tokens not issued by the simulator are valid, such as Shengwang's locally built
     * AccessToken2 ({@code token -> token.startsWith("007")}). Default: none.
     */
    public Builder acceptToken(Predicate<String> acceptToken) {
      this.acceptToken = Objects.requireNonNull(acceptToken, "acceptToken");
      return this;
    }

    /**
     * The app-wide limit of API requests per second (token requests excepted), counted in fixed
     * one-second windows; over it, {@code 429 reach_limit}. 0 (the default) means no limit.
     */
    public Builder requestsPerSecond(double requestsPerSecond) {
      new RateWindow(requestsPerSecond); // validates
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** The clock for token expiry, rate windows and timestamps (default: the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How many contacts one user may have: the plan's cap. Default: the paid plans' cap the
     * providers declare, {@value #EASEMOB_CONTACTS_MAX} for an Easemob app and {@value
     * #SHENGWANG_CONTACTS_MAX} for a Shengwang app; the free plans' cap is 100. Over it, the
     * documented {@code 403 exceed_limit} "user contact number exceed limit".
     */
    public Builder contactsMax(int contactsMax) {
      this.contactsMax = positive(contactsMax, "contactsMax");
      return this;
    }

    /** How many users one block list may hold (default 500, seed 002). */
    public Builder blockListMax(int blockListMax) {
      this.blockListMax = positive(blockListMax, "blockListMax");
      return this;
    }

    /**
     * Gives {@code answer}, a constant of one of the {@link Undocumented} enums, where the
     * documentation leaves that behaviour open (default: each enum's first constant).
     *
     * @throws IllegalArgumentException if {@code answer} is not one of them
     */
    public Builder answer(Enum<?> answer) {
      if (answer.getDeclaringClass() == CursorQuirk.class) {
        throw new IllegalArgumentException("a CursorQuirk is set with cursorQuirk(...): " + answer);
      }
      answers.put(Answers.check(answer).getDeclaringClass(), answer);
      return this;
    }

    /** Misbehaving page cursors, for paging robustness tests (default {@link CursorQuirk#NONE}). */
    public Builder cursorQuirk(CursorQuirk quirk) {
      answers.put(CursorQuirk.class, Objects.requireNonNull(quirk, "quirk"));
      return this;
    }

    /** The simulator. */
    public EasemobSimulator build() {
      if (pathPrefix == null) {
        throw new IllegalStateException("choose the app first: easemob(org, app) or shengwang(appId)");
      }
      return new EasemobSimulator(this);
    }

    private static String pathName(String value, String what) {
      Objects.requireNonNull(value, what);
      if (!PATH_NAME.matcher(value).matches()) {
        throw new IllegalArgumentException(what + " must be letters, digits, '_', '-' or '.': " + value);
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
