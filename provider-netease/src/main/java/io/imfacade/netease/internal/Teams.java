package io.imfacade.netease.internal;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one team with {@code team/queryDetail.action}, the read both {@link NeteaseGroups} and
 * {@link NeteaseMemberAttributes} start from: its name, intro, size limit, owner, and every
 * member with its {@code custom}.
 *
 * <p><b>A team that does not exist.</b> The code table defines 803 "team does not exist", but no
 * page says which code {@code queryDetail} answers (netease-facts §6); 404 "object does not exist"
 * and the catch-all 414 are as plausible. The only parameter is the {@code tid}, a well-formed
 * number by then (the guard checks it), and a bad signature is an {@link AuthenticationException}
 * already, so a 803, 404 or 414 refusal of this read can only mean that no team has this id.
 * {@code team/query.action} ({@code ignoreInvalid}) would not tell more: the form of its answer
 * for an invalid tid is not documented either, and it is limited to 30 calls a minute.
 *
 * <p>A {@code queryDetail} answer without {@code tinfo}, its owner or members, or with a member
 * that names no accid, is malformed ({@link RemoteCore#malformed}), never "no team" or "not a
 * member". A missing {@code admins} is read as no admins: the SDK models the field, but a team
 * without admins may well leave it out (not documented either way). Whether {@code members}
 * repeats the owner and the admins is not documented: the union is taken, each accid once, the
 * first mention first.
 */
final class Teams {

  /** The codes a refused {@code queryDetail} of a well-formed tid answers when there is no such team. */
  private static final Set<String> NO_SUCH_TEAM = Set.of("803", "404", "414");

  private final RemoteCore<NeteaseApi> core;

  Teams(RemoteCore<NeteaseApi> core) {
    this.core = core;
  }

  /**
   * One team as {@code queryDetail} gives it.
   *
   * @param tid the team id
   * @param name its {@code tname}, null when the answer has none
   * @param intro its {@code intro}, null when absent or empty
   * @param maxMembers its {@code maxusers} (the owner included), 0 when the answer has none
   * @param owner the owner's lower-case accid
   * @param customs every member's lower-case accid to its {@code custom} (null when none), owner first
   */
  record Team(String tid, @Nullable String name, @Nullable String intro, int maxMembers, String owner,
      Map<String, @Nullable String> customs) {

    boolean has(String user) {
      return customs.containsKey(user);
    }

    int size() {
      return customs.size();
    }
  }

  /** The team, or empty when there is none. */
  Optional<Team> find(Operation op, String tid) {
    Operation read = Operation.idempotent(op.name());
    Wire.TeamDetail answer;
    try {
      answer = core.call(read, tag -> core.api().queryTeamDetail(tag, tid));
    } catch (ImException e) {
      if (isNoSuchTeam(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(team(read, tid, answer));
  }

  /** The team, or a {@link NotFoundException} (keeping the vendor's code and desc) when there is none. */
  Team read(Operation op, String tid) {
    Operation read = Operation.idempotent(op.name());
    try {
      return team(read, tid, core.call(read, tag -> core.api().queryTeamDetail(tag, tid)));
    } catch (ImException e) {
      if (isNoSuchTeam(e)) {
        throw new NotFoundException("group " + tid + " does not exist", e.details().toBuilder().retryable(false).build(), e);
      }
      throw e;
    }
  }

  /** Whether {@code e} is a refusal of {@code queryDetail} saying that there is no such team. */
  static boolean isNoSuchTeam(ImException e) {
    if (e instanceof AuthenticationException || (e instanceof InvalidRequestException invalid && invalid.field().isPresent())) {
      return false;
    }
    return e.httpStatus().orElse(0) == 200 && e.vendorCode().map(NO_SUCH_TEAM::contains).orElse(false);
  }

  private Team team(Operation op, String tid, Wire.TeamDetail answer) {
    Wire.TeamInfo info = answer.tinfo();
    if (info == null || info.owner() == null || info.members() == null) {
      throw core.malformed(op, "team/queryDetail of group " + tid + " answered code 200 without tinfo with"
          + " its owner and members");
    }
    Map<String, @Nullable String> customs = new LinkedHashMap<>();
    String owner = add(op, customs, info.owner());
    if (info.admins() != null) {
      info.admins().forEach(m -> add(op, customs, m));
    }
    info.members().forEach(m -> add(op, customs, m));
    String intro = Wire.isBlank(info.intro()) ? null : info.intro();
    int max = info.maxusers() == null || info.maxusers() < 0 ? 0 : info.maxusers();
    return new Team(tid, info.tname(), intro, max, owner, Collections.unmodifiableMap(customs));
  }

  /** Adds a member (the first mention wins); its lower-case accid. */
  private String add(Operation op, Map<String, @Nullable String> customs, Wire.@Nullable TeamMember member) {
    if (member == null || Wire.isBlank(member.accid())) {
      throw core.malformed(op, "a member of team/queryDetail has no accid");
    }
    String accid = member.accid().toLowerCase(Locale.ROOT);
    if (!customs.containsKey(accid)) {
      customs.put(accid, member.custom());
    }
    return accid;
  }
}
