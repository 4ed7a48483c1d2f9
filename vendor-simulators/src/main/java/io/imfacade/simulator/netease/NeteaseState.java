package io.imfacade.simulator.netease;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a NetEase app holds that the simulator models: accounts with their login token and
 * user cards, friends, each account's aliases for other accounts (kept when a friendship ends, unless the
 * delete asks otherwise), block and mute lists, teams with each member's nick and custom string.
 * One lock guards it all (every method is synchronized).
 *
 * <p>Accids are case-insensitive and kept in lower case; team ids are digits. Accounts registered
 * through {@code user/create.action} and seeded ones are the same accounts: every endpoint sees
 * both. Vendor-visible failures are thrown as {@link NeteaseError}, in the form the configured
 * {@link AbsentAnswers}, {@link RepeatAnswers}, {@link TeamAnswers} and {@link
 * DuplicateAccountAnswers} choose; seeding mistakes as {@link IllegalArgumentException}.
 */
final class NeteaseState {

  /** The user-card fields, in the order {@code getUinfos} answers them, with their limits. */
  static final List<String> CARD_FIELDS = List.of("name", "icon", "sign", "email", "birth", "mobile", "ex");

  static final int ACCID_MAX_CHARS = 32;
  static final int ALIAS_MAX_CHARS = 128;
  static final int TEAM_NICK_MAX_CHARS = 32;
  static final int TEAM_CUSTOM_MAX_BYTES = 1024;
  /** {@code token}: "最大长度128字符" (netease-facts §5), counted here in UTF-16 units. */
  static final int TOKEN_MAX_CHARS = 128;
  /** The first team id the simulator issues; seeded teams keep theirs. */
  static final long FIRST_ISSUED_TID = 2_000_000_001L;

  private static final Pattern TID = Pattern.compile("[0-9]{1,18}");
  /** Letters, digits and half-width {@code _ @ . -} (netease-facts §4). */
  static final Pattern ACCID = Pattern.compile("[A-Za-z0-9_@.\\-]{1," + ACCID_MAX_CHARS + "}");

  /** A registered account. */
  static final class User {
    final String accid;
    /** The login token: only the latest one is valid (netease-facts §5). */
    String token;
    final Map<String, String> card = new LinkedHashMap<>();
    int gender;
    /** The friends, oldest first. */
    final Map<String, Friend> friends = new LinkedHashMap<>();
    /**
     * This account's alias for each other account it has set one for. Kept apart from {@link
     * #friends}: {@code friend/delete} keeps it unless {@code isDeleteAlias=true} (default false,
     * netease-facts §1), so a friendship added again shows the old alias.
     */
    final Map<String, String> aliases = new HashMap<>();
    final Set<String> blacklist = new LinkedHashSet<>();
    final Set<String> mutelist = new LinkedHashSet<>();

    User(String accid) {
      this.accid = accid;
    }
  }

  /** One direction of a friendship; {@code alias} is filled in only in copies made for answers. */
  static final class Friend {
    final String faccid;
    final long createtime;
    long updatetime;
    String alias;

    Friend(String faccid, long now) {
      this.faccid = faccid;
      this.createtime = now;
      this.updatetime = now;
    }
  }

  /** A team member. */
  static final class Member {
    final String accid;
    final long createtime;
    long updatetime;
    String nick;
    String custom;

    Member(String accid, long now) {
      this.accid = accid;
      this.createtime = now;
      this.updatetime = now;
    }

    Member copy() {
      Member m = new Member(accid, createtime);
      m.updatetime = updatetime;
      m.nick = nick;
      m.custom = custom;
      return m;
    }
  }

  /** A team: its name, intro, size limit, owner and members (owner first). */
  static final class Team {
    final String tid;
    final String tname;
    final String intro;
    /** The most members, the owner included ({@code teamMemberLimit}, default 200). */
    final int maxusers;
    final String owner;
    final long createtime;
    long updatetime;
    final Map<String, Member> members = new LinkedHashMap<>();

    Team(String tid, String tname, String intro, int maxusers, String owner, long now) {
      this.tid = tid;
      this.tname = tname;
      this.intro = intro;
      this.maxusers = maxusers;
      this.owner = owner;
      this.createtime = now;
      this.updatetime = now;
    }
  }

  /** What {@code team/create} and {@code team/add} answer: the team and who could not join. */
  record Joined(String tid, List<String> failed) {}

  /** A copy of a user card, for answers. */
  static final class Card {
    final String accid;
    final Map<String, String> fields;
    final int gender;
    /** False only for the stand-in card of an unknown account ({@link AbsentAnswers#NOT_FOUND_404}). */
    final boolean valid;

    Card(User user) {
      this.accid = user.accid;
      this.fields = new LinkedHashMap<>(user.card);
      this.gender = user.gender;
      this.valid = true;
    }

    Card(String unknownAccid) {
      this.accid = unknownAccid;
      this.fields = Map.of();
      this.gender = 0;
      this.valid = false;
    }
  }

  /** A copy of a team, for answers. */
  static final class TeamView {
    final String tid;
    final String tname;
    final String intro;
    final int maxusers;
    final Member owner;
    final List<Member> members;
    final long createtime;
    final long updatetime;

    TeamView(Team team) {
      this.tid = team.tid;
      this.tname = team.tname;
      this.intro = team.intro;
      this.maxusers = team.maxusers;
      this.owner = team.members.get(team.owner).copy();
      List<Member> others = new ArrayList<>();
      team.members.values().forEach(m -> {
        if (!m.accid.equals(team.owner)) {
          others.add(m.copy());
        }
      });
      this.members = others;
      this.createtime = team.createtime;
      this.updatetime = team.updatetime;
    }
  }

  /** The simulator's settings: limits and the answers chosen where NetEase documents none. */
  private final NeteaseSimulator.Config config;
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, Team> teams = new HashMap<>();
  /** Tokens of the simulator's own making (32 hex characters, as in the observed answers); seeded, so that runs repeat. */
  private final Random tokens = new Random(20240502L);
  private long nextTid = FIRST_ISSUED_TID;

  NeteaseState(NeteaseSimulator.Config config) {
    this.config = config;
  }

  static String normalize(String accid) {
    return accid.toLowerCase(Locale.ROOT);
  }

  synchronized void reset() {
    users.clear();
    teams.clear();
    nextTid = FIRST_ISSUED_TID;
  }

  // ---- seeding ----

  synchronized void createUsers(Collection<String> accids) {
    for (String accid : accids) {
      if (accid == null || accid.isEmpty() || accid.length() > ACCID_MAX_CHARS) {
        throw new IllegalArgumentException("accid must be 1 to " + ACCID_MAX_CHARS + " characters: " + accid);
      }
    }
    for (String accid : accids) {
      users.computeIfAbsent(normalize(accid), id -> {
        User user = new User(id);
        user.token = newToken();
        return user;
      });
    }
  }

  synchronized void createTeam(String tid, String owner, Collection<String> members) {
    if (tid == null || !TID.matcher(tid).matches()) {
      throw new IllegalArgumentException("a NetEase team id is a number: " + tid);
    }
    if (teams.containsKey(tid)) {
      throw new IllegalArgumentException("team " + tid + " exists already");
    }
    String ownerId = seeded(owner).accid;
    List<String> ids = new ArrayList<>();
    for (String member : members) {
      ids.add(seeded(member).accid);
    }
    long now = config.clock.millis();
    Team team = new Team(tid, "team " + tid, "", config.teamSizeMax, ownerId, now);
    team.members.put(ownerId, new Member(ownerId, now));
    for (String id : ids) {
      team.members.putIfAbsent(id, new Member(id, now));
    }
    teams.put(tid, team);
  }

  /** Seeds a team with an id of the simulator's choosing, as {@code team/create} would issue; returns it. */
  synchronized String createTeam(String owner, Collection<String> members) {
    String tid = issueTid();
    createTeam(tid, owner, members);
    return tid;
  }

  synchronized void addTeamMembers(String tid, Collection<String> members) {
    Team team = seededTeam(tid);
    List<String> ids = new ArrayList<>();
    for (String member : members) {
      ids.add(seeded(member).accid);
    }
    long now = config.clock.millis();
    for (String id : ids) {
      team.members.putIfAbsent(id, new Member(id, now));
    }
  }

  synchronized void removeTeamMembers(String tid, Collection<String> members) {
    Team team = seededTeam(tid);
    for (String member : members) {
      String id = normalize(member);
      if (id.equals(team.owner)) {
        throw new IllegalArgumentException("the owner " + id + " cannot leave team " + tid);
      }
      team.members.remove(id);
    }
  }

  private User seeded(String accid) {
    User user = accid == null ? null : users.get(normalize(accid));
    if (user == null) {
      throw new IllegalArgumentException("unknown accid " + accid + ": create it with createUsers first");
    }
    return user;
  }

  private Team seededTeam(String tid) {
    Team team = teams.get(tid);
    if (team == null) {
      throw new IllegalArgumentException("unknown team " + tid + ": create it with createTeam first");
    }
    return team;
  }

  // ---- inspection ----

  synchronized Map<String, String> userCard(String accid) {
    User user = users.get(normalize(accid));
    if (user == null) {
      return Collections.emptyMap();
    }
    Map<String, String> card = new LinkedHashMap<>(user.card);
    card.put("gender", Integer.toString(user.gender));
    return Collections.unmodifiableMap(card);
  }

  synchronized List<String> friendsOf(String accid) {
    User user = users.get(normalize(accid));
    return user == null ? Collections.emptyList() : List.copyOf(user.friends.keySet());
  }

  synchronized Optional<String> alias(String accid, String faccid) {
    User user = users.get(normalize(accid));
    Friend friend = user == null ? null : user.friends.get(normalize(faccid));
    return friend == null ? Optional.empty() : Optional.ofNullable(user.aliases.get(friend.faccid));
  }

  synchronized Optional<String> storedAlias(String accid, String faccid) {
    User user = users.get(normalize(accid));
    return user == null ? Optional.empty() : Optional.ofNullable(user.aliases.get(normalize(faccid)));
  }

  synchronized boolean exists(String accid) {
    return users.containsKey(normalize(accid));
  }

  synchronized List<String> blacklistOf(String accid) {
    User user = users.get(normalize(accid));
    return user == null ? Collections.emptyList() : List.copyOf(user.blacklist);
  }

  synchronized List<String> mutelistOf(String accid) {
    User user = users.get(normalize(accid));
    return user == null ? Collections.emptyList() : List.copyOf(user.mutelist);
  }

  synchronized Optional<String> token(String accid) {
    User user = users.get(normalize(accid));
    return user == null ? Optional.empty() : Optional.of(user.token);
  }

  /** The team's members, owner first; empty when there is no such team. */
  synchronized List<String> teamMembers(String tid) {
    Team team = teams.get(tid);
    return team == null ? Collections.emptyList() : List.copyOf(team.members.keySet());
  }

  synchronized Optional<Member> member(String tid, String accid) {
    Team team = teams.get(tid);
    Member member = team == null ? null : team.members.get(normalize(accid));
    return Optional.ofNullable(member == null ? null : member.copy());
  }

  // ---- accounts ----

  /** A fresh login token: 32 lower-case hex characters, the form of the observed answers (netease-facts §5). */
  private String newToken() {
    StringBuilder token = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      token.append(Character.forDigit(tokens.nextInt(16), 16));
    }
    return token.toString();
  }

  /**
   * Registers an account as {@code user/create.action} does: the accid is lower-cased, the token
   * is the one given or a new one; the card fields are already validated. Returns the account.
   */
  synchronized User createAccount(String accid, String token, Map<String, String> card, Integer gender) {
    String id = normalize(accid);
    if (users.containsKey(id)) {
      throw switch (config.duplicateAccountAnswers) {
        case OTHER_DESC_414 -> NeteaseError.parameter("accid already exists: " + id);
        case REPEATED_OPERATION_417 -> new NeteaseError(NeteaseError.REPEATED_OPERATION, "repeated operation: accid " + id + " exists");
        default -> NeteaseError.parameter("already register");
      };
    }
    User user = new User(id);
    user.token = token == null ? newToken() : token;
    card.forEach((field, value) -> {
      if (!value.isEmpty()) {
        user.card.put(field, value);
      }
    });
    if (gender != null) {
      user.gender = gender;
    }
    users.put(id, user);
    return user;
  }

  /** Refuses an unknown account with the {@link AbsentAnswers} answer. */
  synchronized void requireAccount(String accid) {
    existing("accid", accid);
  }

  /** {@code user/update.action}: the account's token becomes {@code token}; the old one stops working. */
  synchronized void setToken(String accid, String token) {
    existing("accid", accid).token = token;
  }

  /** {@code user/refreshToken.action}: a new token replaces the old one, which stops working; returns the account. */
  synchronized User refreshToken(String accid) {
    User user = existing("accid", accid);
    user.token = newToken();
    return user;
  }

  // ---- user cards ----

  /** The account {@code accid} sent as parameter {@code param}; unknown: the mode's answer. */
  private User existing(String param, String accid) {
    User user = users.get(normalize(accid));
    if (user == null) {
      throw config.absentAnswers == AbsentAnswers.PARAMETER_414
          ? NeteaseError.parameter(param + " not exists: " + accid)
          : NeteaseError.userNotFound(accid);
    }
    return user;
  }

  /**
   * The mode's answer to removing or changing a relation that is not there, such as {@code
   * kind} "friend relation" and {@code pair} "a -> b"; null means "200, no change".
   */
  private NeteaseError absentRelation(String kind, String pair, boolean removal) {
    switch (config.absentAnswers) {
      case NOT_FOUND_404:
        return new NeteaseError(NeteaseError.NOT_FOUND, kind + " not exist: " + pair);
      case PARAMETER_414:
        return NeteaseError.parameter(kind + " not exist: " + pair);
      default:
        return removal ? null : new NeteaseError(NeteaseError.NO_PERMISSION, "not friends: " + pair);
    }
  }

  /** The mode's answer to a write whose effect is already in place; null means "200, no change". */
  private NeteaseError repeated(String what404, String what414) {
    switch (config.repeatAnswers) {
      case REPEATED_OPERATION_417:
        return new NeteaseError(NeteaseError.REPEATED_OPERATION, what404);
      case PARAMETER_414:
        return NeteaseError.parameter(what414);
      default:
        return null;
    }
  }

  /**
   * The cards of {@code accids}, in order, duplicates collapsed. An unknown accid is left out
   * ({@link AbsentAnswers#MIXED}), answered as an empty invalid card ({@link
   * AbsentAnswers#NOT_FOUND_404}: {@link Card#valid} false) or refuses the whole call ({@link
   * AbsentAnswers#PARAMETER_414}).
   */
  synchronized List<Card> cards(List<String> accids) {
    Map<String, Card> out = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String accid : accids) {
      User user = users.get(normalize(accid));
      if (user != null) {
        out.putIfAbsent(user.accid, new Card(user));
      } else if (config.absentAnswers == AbsentAnswers.NOT_FOUND_404) {
        out.putIfAbsent(normalize(accid), new Card(normalize(accid)));
      } else if (!unknown.contains(accid)) {
        unknown.add(accid);
      }
    }
    if (config.absentAnswers == AbsentAnswers.PARAMETER_414 && !unknown.isEmpty()) {
      throw NeteaseError.parameter("accid not exists: " + String.join(",", unknown));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Applies an already validated card update: {@code fields} maps card fields to new values
   * ({@code ""} clears), {@code gender} is null when not sent.
   */
  synchronized void updateCard(String accid, Map<String, String> fields, Integer gender) {
    User user = existing("accid", accid);
    fields.forEach((field, value) -> {
      if (value.isEmpty()) {
        user.card.remove(field);
      } else {
        user.card.put(field, value);
      }
    });
    if (gender != null) {
      user.gender = gender;
    }
  }

  // ---- friends ----

  synchronized void addFriend(String accid, String faccid) {
    User a = existing("accid", accid);
    User b = existing("faccid", faccid);
    if (a == b) {
      throw NeteaseError.parameter("accid and faccid are the same: " + a.accid);
    }
    if (a.friends.containsKey(b.accid)) {
      NeteaseError answer = repeated("friend already exists: " + a.accid + " -> " + b.accid,
          "already friends: " + a.accid + " -> " + b.accid);
      if (answer != null) {
        throw answer;
      }
      return;
    }
    if (a.friends.size() >= config.friendsMax || b.friends.size() >= config.friendsMax) {
      throw new NeteaseError(config.overLimitCode, "friend count exceeds the limit of " + config.friendsMax);
    }
    long now = config.clock.millis();
    a.friends.put(b.accid, new Friend(b.accid, now));
    b.friends.putIfAbsent(a.accid, new Friend(a.accid, now));
  }

  /**
   * Ends the friendship both ways. {@code deleteAlias} (the {@code isDeleteAlias} parameter,
   * default false) removes {@code accid}'s alias for {@code faccid}; without it the alias is kept
   * and comes back with a new friendship. {@code faccid}'s alias for {@code accid} is always kept:
   * the parameter is documented for the caller's alias only.
   */
  synchronized void deleteFriend(String accid, String faccid, boolean deleteAlias) {
    User a = existing("accid", accid);
    User b = existing("faccid", faccid);
    if (!a.friends.containsKey(b.accid)) {
      NeteaseError answer = absentRelation("friend relation", a.accid + " -> " + b.accid, true);
      if (answer != null) {
        throw answer;
      }
    }
    a.friends.remove(b.accid);
    b.friends.remove(a.accid);
    if (deleteAlias) {
      a.aliases.remove(b.accid);
    }
  }

  synchronized void setAlias(String accid, String faccid, String alias) {
    User a = existing("accid", accid);
    User b = existing("faccid", faccid);
    Friend friend = a.friends.get(b.accid);
    if (friend == null) {
      throw absentRelation("friend relation", a.accid + " -> " + b.accid, false);
    }
    if (alias.isEmpty()) {
      a.aliases.remove(b.accid);
    } else {
      a.aliases.put(b.accid, alias);
    }
    friend.updatetime = config.clock.millis();
  }

  /** Copies of the friends changed at or after {@code updatetime} (ms), with their aliases, oldest first. */
  synchronized List<Friend> friends(String accid, long updatetime) {
    User a = existing("accid", accid);
    List<Friend> out = new ArrayList<>();
    for (Friend f : a.friends.values()) {
      if (f.updatetime >= updatetime) {
        Friend copy = new Friend(f.faccid, f.createtime);
        copy.updatetime = f.updatetime;
        copy.alias = a.aliases.get(f.faccid);
        out.add(copy);
      }
    }
    return out;
  }

  /** The accids among {@code accids} that are not registered, as sent, each once. */
  synchronized List<String> unknown(List<String> accids) {
    List<String> out = new ArrayList<>();
    for (String accid : accids) {
      if (!users.containsKey(normalize(accid)) && !out.contains(accid)) {
        out.add(accid);
      }
    }
    return out;
  }

  // ---- block and mute lists ----

  synchronized void setRelation(String accid, String target, int relationType, boolean add) {
    User a = existing("accid", accid);
    User t = existing("targetAcc", target);
    if (a == t) {
      throw NeteaseError.parameter("accid and targetAcc are the same: " + a.accid);
    }
    Set<String> list = relationType == 1 ? a.blacklist : a.mutelist;
    String name = relationType == 1 ? "blacklist" : "mutelist";
    if (!add) {
      if (!list.contains(t.accid)) {
        NeteaseError answer = absentRelation("relation", a.accid + " -> " + t.accid, true);
        if (answer != null) {
          throw answer;
        }
      }
      list.remove(t.accid);
      return;
    }
    if (list.contains(t.accid)) {
      NeteaseError answer = repeated("relation already exists: " + a.accid + " -> " + t.accid,
          "already in " + name + ": " + a.accid + " -> " + t.accid);
      if (answer != null) {
        throw answer;
      }
      return;
    }
    if (list.size() >= config.blockListMax) {
      throw new NeteaseError(config.overLimitCode, name + " count exceeds the limit of " + config.blockListMax);
    }
    list.add(t.accid);
  }

  /** [blacklist, mutelist], oldest first. */
  synchronized List<List<String>> relations(String accid) {
    User a = existing("accid", accid);
    return List.of(List.copyOf(a.blacklist), List.copyOf(a.mutelist));
  }

  // ---- teams ----

  /** The team; unknown: the {@link TeamAnswers} mode's answer, on every team endpoint. */
  private Team existingTeam(String tid) {
    Team team = teams.get(tid);
    if (team == null) {
      throw switch (config.teamAnswers) {
        case NOT_FOUND_404 -> new NeteaseError(NeteaseError.NOT_FOUND, "team not exist: " + tid);
        case PARAMETER_414 -> NeteaseError.parameter("tid not exists: " + tid);
        default -> new NeteaseError(NeteaseError.TEAM_NOT_FOUND, "team not exist: " + tid);
      };
    }
    return team;
  }

  /** The next free team id of the simulator's own numbering (seeded teams keep theirs). */
  private String issueTid() {
    while (teams.containsKey(Long.toString(nextTid))) {
      nextTid++;
    }
    return Long.toString(nextTid++);
  }

  /** How many teams {@code accid} is a member of (owner included). */
  private long joinedTeams(String accid) {
    return teams.values().stream().filter(t -> t.members.containsKey(accid)).count();
  }

  /** Only the owner acts: the simulator models no admins. */
  private static void requireOwner(Team team, String operator) {
    if (!team.owner.equals(normalize(operator))) {
      throw new NeteaseError(NeteaseError.TEAM_NO_PERMISSION,
          "no permission: " + normalize(operator) + " is not the owner of team " + team.tid);
    }
  }

  /** The accounts {@code accids} sent as parameter {@code param}, each once, in order; an unknown one: the {@link AbsentAnswers} answer. */
  private List<String> accounts(String param, List<String> accids) {
    Set<String> ids = new LinkedHashSet<>();
    for (String accid : accids) {
      ids.add(existing(param, accid).accid);
    }
    return new ArrayList<>(ids);
  }

  /**
   * {@code team/create.action}: a new team with an issued id, its owner and the members that may
   * join; a member already in {@code joinedTeamsMax} teams cannot and is answered in {@code faccid}
   * (netease-facts §6: "faccid present when some invitees could not join because of their own
   * join-count limits"). More members than the team may hold: 801, nothing created.
   */
  synchronized Joined createTeamByApi(String tname, String owner, List<String> members, String intro, int maxusers) {
    String ownerId = existing("owner", owner).accid;
    List<String> ids = accounts("members", members);
    ids.remove(ownerId);
    if (ids.size() + 1 > maxusers) {
      throw new NeteaseError(NeteaseError.TEAM_FULL, "team member limit exceeded: " + (ids.size() + 1) + " > " + maxusers);
    }
    long now = config.clock.millis();
    Team team = new Team(issueTid(), tname, intro, maxusers, ownerId, now);
    team.members.put(ownerId, new Member(ownerId, now));
    List<String> failed = new ArrayList<>();
    for (String id : ids) {
      if (joinedTeams(id) >= config.joinedTeamsMax) {
        failed.add(id);
      } else {
        team.members.put(id, new Member(id, now));
      }
    }
    teams.put(team.tid, team);
    return new Joined(team.tid, failed);
  }

  /**
   * {@code team/add.action} by the owner (magree 0: they join at once). A member already in the
   * team: the {@link TeamAnswers} answer. More than the free places: 801 and nobody is added
   * (netease-facts §6, DOC TM5NTk2Mzc). Members over their own team count: in {@code faccid}.
   */
  synchronized Joined addTeamMembersByApi(String tid, String operator, List<String> members) {
    Team team = existingTeam(tid);
    requireOwner(team, operator);
    List<String> ids = accounts("members", members);
    List<String> newcomers = new ArrayList<>();
    for (String id : ids) {
      if (!team.members.containsKey(id)) {
        newcomers.add(id);
      } else if (config.teamAnswers == TeamAnswers.TEAM_CODES) {
        throw new NeteaseError(NeteaseError.ALREADY_IN_TEAM, "user already in team: " + id);
      } else if (config.teamAnswers == TeamAnswers.PARAMETER_414) {
        throw NeteaseError.parameter("already in team: " + id);
      }
    }
    if (team.members.size() + newcomers.size() > team.maxusers) {
      throw new NeteaseError(NeteaseError.TEAM_FULL, "team member limit exceeded: " + team.members.size() + " + "
          + newcomers.size() + " > " + team.maxusers);
    }
    long now = config.clock.millis();
    List<String> failed = new ArrayList<>();
    for (String id : newcomers) {
      if (joinedTeams(id) >= config.joinedTeamsMax) {
        failed.add(id);
      } else {
        team.members.put(id, new Member(id, now));
      }
    }
    team.updatetime = now;
    return new Joined(tid, failed);
  }

  /**
   * {@code team/kick.action} by the owner. The owner or a non-member among {@code members}: the
   * {@link TeamAnswers} answer (a non-member skipped in {@link TeamAnswers#NOT_FOUND_404}).
   */
  synchronized void kickByApi(String tid, String operator, List<String> members) {
    Team team = existingTeam(tid);
    requireOwner(team, operator);
    Set<String> leaving = new LinkedHashSet<>();
    for (String member : members) {
      String id = normalize(member);
      if (id.equals(team.owner)) {
        String desc = "the owner cannot be kicked: " + id;
        throw switch (config.teamAnswers) {
          case NOT_FOUND_404 -> new NeteaseError(NeteaseError.NO_PERMISSION, desc);
          case PARAMETER_414 -> NeteaseError.parameter(desc);
          default -> new NeteaseError(NeteaseError.TEAM_NO_PERMISSION, desc);
        };
      }
      if (team.members.containsKey(id)) {
        leaving.add(id);
      } else if (config.teamAnswers == TeamAnswers.TEAM_CODES) {
        throw new NeteaseError(NeteaseError.TEAM_NOT_MEMBER, "user not in team: " + id);
      } else if (config.teamAnswers == TeamAnswers.PARAMETER_414) {
        throw NeteaseError.parameter("not team member: " + id);
      }
    }
    leaving.forEach(team.members::remove);
    team.updatetime = config.clock.millis();
  }

  /** {@code team/remove.action}: the owner dismisses the team; its members' nicks and customs go with it. */
  synchronized void dismiss(String tid, String operator) {
    Team team = existingTeam(tid);
    requireOwner(team, operator);
    teams.remove(tid);
  }

  /** Sets a member's nick and/or custom string (null: unchanged, "": cleared). */
  synchronized void updateTeamMember(String tid, String owner, String accid, String nick, String custom) {
    Team team = existingTeam(tid);
    requireOwner(team, owner);
    Member member = team.members.get(normalize(accid));
    if (member == null) {
      throw new NeteaseError(NeteaseError.TEAM_NOT_MEMBER, "user not in team: " + normalize(accid));
    }
    if (nick != null) {
      member.nick = nick.isEmpty() ? null : nick;
    }
    if (custom != null) {
      member.custom = custom.isEmpty() ? null : custom;
    }
    member.updatetime = config.clock.millis();
    team.updatetime = member.updatetime;
  }

  synchronized TeamView team(String tid) {
    return new TeamView(existingTeam(tid));
  }

  /** Checks a team member's nick and custom strings against their limits. */
  static void checkTeamMember(String nick, String custom) {
    if (nick != null && nick.length() > TEAM_NICK_MAX_CHARS) {
      throw NeteaseError.parameter("nick is longer than " + TEAM_NICK_MAX_CHARS + " characters");
    }
    if (custom != null && custom.getBytes(StandardCharsets.UTF_8).length > TEAM_CUSTOM_MAX_BYTES) {
      throw NeteaseError.parameter("custom is longer than " + TEAM_CUSTOM_MAX_BYTES + " bytes");
    }
  }
}
