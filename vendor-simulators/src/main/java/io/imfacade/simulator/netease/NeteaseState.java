package io.imfacade.simulator.netease;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a NetEase app holds that the simulator models: accounts with their user cards,
 * friends with per-direction aliases, block and mute lists, teams with each member's nick and
 * custom string. One lock guards it all (every method is synchronized).
 *
 * <p>Accids are case-insensitive and kept in lower case; team ids are digits. Vendor-visible
 * failures are thrown as {@link NeteaseError}; seeding mistakes as {@link IllegalArgumentException}.
 */
final class NeteaseState {

  /** The user-card fields, in the order {@code getUinfos} answers them, with their limits. */
  static final List<String> CARD_FIELDS = List.of("name", "icon", "sign", "email", "birth", "mobile", "ex");

  static final int ACCID_MAX_CHARS = 32;
  static final int ALIAS_MAX_CHARS = 128;
  static final int TEAM_NICK_MAX_CHARS = 32;
  static final int TEAM_CUSTOM_MAX_BYTES = 1024;

  private static final Pattern TID = Pattern.compile("[0-9]{1,18}");

  /** A registered account. */
  static final class User {
    final String accid;
    final Map<String, String> card = new LinkedHashMap<>();
    int gender;
    final Map<String, Friend> friends = new LinkedHashMap<>();
    final Set<String> blacklist = new LinkedHashSet<>();
    final Set<String> mutelist = new LinkedHashSet<>();

    User(String accid) {
      this.accid = accid;
    }
  }

  /** One direction of a friendship. */
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

  /** A team: its owner and members (owner first). */
  static final class Team {
    final String tid;
    final String owner;
    final long createtime;
    long updatetime;
    final Map<String, Member> members = new LinkedHashMap<>();

    Team(String tid, String owner, long now) {
      this.tid = tid;
      this.owner = owner;
      this.createtime = now;
      this.updatetime = now;
    }
  }

  /** A copy of a user card, for answers. */
  static final class Card {
    final String accid;
    final Map<String, String> fields;
    final int gender;

    Card(User user) {
      this.accid = user.accid;
      this.fields = new LinkedHashMap<>(user.card);
      this.gender = user.gender;
    }
  }

  /** A copy of a team, for answers. */
  static final class TeamView {
    final String tid;
    final Member owner;
    final List<Member> members;
    final long createtime;
    final long updatetime;

    TeamView(Team team) {
      this.tid = team.tid;
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

  private final Clock clock;
  private final int friendsMax;
  private final int relationMax;
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, Team> teams = new HashMap<>();

  NeteaseState(Clock clock, int friendsMax, int relationMax) {
    this.clock = clock;
    this.friendsMax = friendsMax;
    this.relationMax = relationMax;
  }

  static String normalize(String accid) {
    return accid.toLowerCase(Locale.ROOT);
  }

  synchronized void reset() {
    users.clear();
    teams.clear();
  }

  // ---- seeding ----

  synchronized void createUsers(Collection<String> accids) {
    for (String accid : accids) {
      if (accid == null || accid.isEmpty() || accid.length() > ACCID_MAX_CHARS) {
        throw new IllegalArgumentException("accid must be 1 to " + ACCID_MAX_CHARS + " characters: " + accid);
      }
    }
    for (String accid : accids) {
      users.computeIfAbsent(normalize(accid), User::new);
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
    long now = clock.millis();
    Team team = new Team(tid, ownerId, now);
    team.members.put(ownerId, new Member(ownerId, now));
    for (String id : ids) {
      team.members.putIfAbsent(id, new Member(id, now));
    }
    teams.put(tid, team);
  }

  synchronized void addTeamMembers(String tid, Collection<String> members) {
    Team team = seededTeam(tid);
    List<String> ids = new ArrayList<>();
    for (String member : members) {
      ids.add(seeded(member).accid);
    }
    long now = clock.millis();
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
    return friend == null ? Optional.empty() : Optional.ofNullable(friend.alias);
  }

  synchronized List<String> blacklistOf(String accid) {
    User user = users.get(normalize(accid));
    return user == null ? Collections.emptyList() : List.copyOf(user.blacklist);
  }

  synchronized List<String> mutelistOf(String accid) {
    User user = users.get(normalize(accid));
    return user == null ? Collections.emptyList() : List.copyOf(user.mutelist);
  }

  synchronized Optional<Member> member(String tid, String accid) {
    Team team = teams.get(tid);
    Member member = team == null ? null : team.members.get(normalize(accid));
    return Optional.ofNullable(member == null ? null : member.copy());
  }

  // ---- user cards ----

  private User existing(String accid) {
    User user = users.get(normalize(accid));
    if (user == null) {
      throw NeteaseError.userNotFound(accid);
    }
    return user;
  }

  /** The cards of the known accids among {@code accids}, in order, duplicates collapsed. */
  synchronized List<Card> cards(List<String> accids) {
    Map<String, Card> out = new LinkedHashMap<>();
    for (String accid : accids) {
      User user = users.get(normalize(accid));
      if (user != null) {
        out.putIfAbsent(user.accid, new Card(user));
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Applies an already validated card update: {@code fields} maps card fields to new values
   * ({@code ""} clears), {@code gender} is null when not sent.
   */
  synchronized void updateCard(String accid, Map<String, String> fields, Integer gender) {
    User user = existing(accid);
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
    User a = existing(accid);
    User b = existing(faccid);
    if (a == b) {
      throw NeteaseError.parameter("accid and faccid are the same: " + a.accid);
    }
    if (a.friends.containsKey(b.accid)) {
      return;
    }
    if (a.friends.size() >= friendsMax || b.friends.size() >= friendsMax) {
      throw new NeteaseError(NeteaseError.COUNT_OVER_LIMIT, "friend count exceeds the limit of " + friendsMax);
    }
    long now = clock.millis();
    a.friends.put(b.accid, new Friend(b.accid, now));
    b.friends.putIfAbsent(a.accid, new Friend(a.accid, now));
  }

  synchronized void deleteFriend(String accid, String faccid) {
    User a = existing(accid);
    User b = existing(faccid);
    a.friends.remove(b.accid);
    b.friends.remove(a.accid);
  }

  synchronized void setAlias(String accid, String faccid, String alias) {
    User a = existing(accid);
    User b = existing(faccid);
    Friend friend = a.friends.get(b.accid);
    if (friend == null) {
      throw new NeteaseError(NeteaseError.NOT_FOUND, "friend relation not exist: " + a.accid + " -> " + b.accid);
    }
    friend.alias = alias.isEmpty() ? null : alias;
    friend.updatetime = clock.millis();
  }

  /** Copies of the friends changed at or after {@code updatetime} (ms), oldest first. */
  synchronized List<Friend> friends(String accid, long updatetime) {
    User a = existing(accid);
    List<Friend> out = new ArrayList<>();
    for (Friend f : a.friends.values()) {
      if (f.updatetime >= updatetime) {
        Friend copy = new Friend(f.faccid, f.createtime);
        copy.updatetime = f.updatetime;
        copy.alias = f.alias;
        out.add(copy);
      }
    }
    return out;
  }

  // ---- block and mute lists ----

  synchronized void setRelation(String accid, String target, int relationType, boolean add) {
    User a = existing(accid);
    User t = existing(target);
    if (a == t) {
      throw NeteaseError.parameter("accid and targetAcc are the same: " + a.accid);
    }
    Set<String> list = relationType == 1 ? a.blacklist : a.mutelist;
    if (!add) {
      list.remove(t.accid);
      return;
    }
    if (!list.contains(t.accid) && list.size() >= relationMax) {
      throw new NeteaseError(NeteaseError.COUNT_OVER_LIMIT,
          (relationType == 1 ? "blacklist" : "mutelist") + " count exceeds the limit of " + relationMax);
    }
    list.add(t.accid);
  }

  /** [blacklist, mutelist], oldest first. */
  synchronized List<List<String>> relations(String accid) {
    User a = existing(accid);
    return List.of(List.copyOf(a.blacklist), List.copyOf(a.mutelist));
  }

  // ---- teams ----

  private Team existingTeam(String tid) {
    Team team = teams.get(tid);
    if (team == null) {
      throw new NeteaseError(NeteaseError.TEAM_NOT_FOUND, "team not exist: " + tid);
    }
    return team;
  }

  /** Sets a member's nick and/or custom string (null: unchanged, "": cleared). */
  synchronized void updateTeamMember(String tid, String owner, String accid, String nick, String custom) {
    Team team = existingTeam(tid);
    if (!team.owner.equals(normalize(owner))) {
      throw new NeteaseError(NeteaseError.TEAM_NO_PERMISSION, "no permission: " + normalize(owner) + " is not the owner of team " + tid);
    }
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
    member.updatetime = clock.millis();
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
