package io.imfacade.simulator.netease;

/**
 * The order in which the simulated server lists friends ({@code friend/get}) and the block and mute
 * lists ({@code listBlackAndMuteList}). NetEase documents no order: the one {@code friend/get}
 * example happens to list the older friend first (netease-facts §1). A client that pages these
 * lists must not depend on it.
 */
public enum ListOrder {
  /** Oldest first, as in the doc example (the default). */
  OLDEST_FIRST,
  /** Newest first. */
  NEWEST_FIRST,
  /** A different random order on every answer. */
  SHUFFLED
}
