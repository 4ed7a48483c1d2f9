package io.imfacade.simulator.netease;

/**
 * How the simulated server answers the team cases NetEase leaves open: a team id that names no
 * team, pulling in a user who is a member already, kicking a user who is not a member, kicking the
 * owner.
 *
 * <p>The code table defines 803 "team does not exist", 804 "user not in team", 809 "already in
 * team" and 802 "no permission", but no page says which team endpoint answers which (netease-facts
 * §6: "Which code each team endpoint actually returns for not-found / not-member / owner-kick: NOT
 * DOCUMENTED per endpoint"; "Adding someone who is already a member: ... Plausible: 809 for the
 * whole call, or 200"; "non-member → 804 (user not in team) or 200"; 414 is the catch-all
 * parameter error). Each constant is one plausible server.
 *
 * <table>
 *   <caption>what each mode answers</caption>
 *   <tr><th>case</th><th>{@link #TEAM_CODES}</th><th>{@link #NOT_FOUND_404}</th><th>{@link #PARAMETER_414}</th></tr>
 *   <tr><td>unknown {@code tid} (every team endpoint)</td><td>803 {@code team not exist: t}</td>
 *       <td>404 {@code team not exist: t}</td><td>414 {@code tid not exists: t}</td></tr>
 *   <tr><td>{@code team/add} naming a member</td><td>809 {@code user already in team: x}, nobody added</td>
 *       <td>200, the member skipped, the others added</td><td>414 {@code already in team: x}, nobody added</td></tr>
 *   <tr><td>{@code team/kick} naming a non-member</td><td>804 {@code user not in team: x}, nobody kicked</td>
 *       <td>200, the non-member skipped, the others kicked</td><td>414 {@code not team member: x}, nobody kicked</td></tr>
 *   <tr><td>{@code team/kick} naming the owner</td><td>802 {@code the owner cannot be kicked}</td>
 *       <td>403 {@code the owner cannot be kicked}</td><td>414 {@code the owner cannot be kicked}</td></tr>
 * </table>
 *
 * <p>The {@code desc} texts are the simulator's: NetEase publishes none for these cases.
 */
public enum TeamAnswers {
  /** The team codes of the code table (the default). */
  TEAM_CODES,
  /** 404 "object does not exist" for an unknown team; members and non-members skipped silently. */
  NOT_FOUND_404,
  /** 414 "parameter error" for all of them. */
  PARAMETER_414
}
