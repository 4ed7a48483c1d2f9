package io.imfacade.simulator.netease;

/**
 * How the simulated server answers a write whose effect is already in place: {@code friend/add}
 * ({@code type=1}) of two accounts that are friends, {@code setSpecialRelation value=1} of a user
 * already on the list. This is what a client meets when it repeats a write whose answer it lost.
 *
 * <p>Not documented (netease-facts §1: "Adding an existing friend with type=1: NOT DOCUMENTED.
 * Plausible: 200 (idempotent), 417 (repeat operation), 414"). The official Java SDK's tests
 * ({@code TestFriendV1}, {@code TestSpecialRelationV1}) repeat both writes for the same pair in
 * several test methods and assert success each time, which supports {@link #SUCCESS}.
 */
public enum RepeatAnswers {
  /** 200, nothing changes (the default). */
  SUCCESS,
  /** 417 "repeated operation" (the code table's meaning): {@code friend already exists: a -> b}. */
  REPEATED_OPERATION_417,
  /** 414 "parameter error": {@code already friends: a -> b}, {@code already in blacklist: a -> b}. */
  PARAMETER_414
}
