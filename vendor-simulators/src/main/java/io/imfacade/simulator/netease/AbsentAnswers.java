package io.imfacade.simulator.netease;

/**
 * How the simulated server answers a request about something that is not there: an account that
 * was never created, two accounts that are not friends, a user who is not on the block list.
 *
 * <p>NetEase documents none of these answers (netease-facts §1-§3: "NOT DOCUMENTED", with 404,
 * 414, 403 and 200 as the plausible ones; the friend pages list 200, 403, 414, 416, 431 and 500,
 * 414 being the catch-all parameter error). Each constant is one plausible server, so that a
 * client can be run against all of them: a client that is correct only under one guess fails
 * under another.
 *
 * <table>
 *   <caption>what each mode answers</caption>
 *   <tr><th>case</th><th>{@link #MIXED}</th><th>{@link #NOT_FOUND_404}</th><th>{@link #PARAMETER_414}</th></tr>
 *   <tr><td>unknown account on a write or list read ({@code user/update}, {@code refreshToken},
 *       the {@code owner} or {@code members} of {@code team/create} and {@code team/add} included)</td>
 *       <td>404 {@code accid not exist: x}</td>
 *       <td>404 {@code accid not exist: x}</td><td>414 {@code <param> not exists: x}</td></tr>
 *   <tr><td>unknown account in {@code getUinfos}</td><td>left out</td>
 *       <td>an item {@code {"accid":x,"gender":0,"valid":false,"mute":false}}</td>
 *       <td>the whole call refused: 414 {@code accid not exists: x,y}</td></tr>
 *   <tr><td>{@code friend/delete} of two non-friends</td><td>200, nothing changes</td>
 *       <td>404 {@code friend relation not exist: a -> b}</td><td>414 {@code friend relation not exist: a -> b}</td></tr>
 *   <tr><td>{@code friend/update} of two non-friends</td><td>403 {@code not friends: a -> b}</td>
 *       <td>404 {@code friend relation not exist: a -> b}</td><td>414 {@code friend relation not exist: a -> b}</td></tr>
 *   <tr><td>{@code setSpecialRelation value=0} of a user not on the list</td><td>200, nothing changes</td>
 *       <td>404 {@code relation not exist: a -> b}</td><td>414 {@code relation not exist: a -> b}</td></tr>
 * </table>
 *
 * <p>The {@code desc} texts are the simulator's: NetEase publishes none for these cases. The 414
 * form follows the one observed answer of that kind, {@code "from accid not exists"} (a support
 * case about another endpoint). Teams are answered by {@link TeamAnswers}, a duplicate
 * registration by {@link DuplicateAccountAnswers}.
 */
public enum AbsentAnswers {
  /** 404 for unknown accounts, 403 for the alias of a non-friend, 200 for removing what is not there (the default). */
  MIXED,
  /** 404 "object does not exist" (the code table's meaning) for everything that is not there. */
  NOT_FOUND_404,
  /** 414 "parameter error" with a desc naming what is missing, for everything that is not there. */
  PARAMETER_414
}
