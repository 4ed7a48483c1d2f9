package io.imfacade.benchmarks;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.profile.UserProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scenario's two calls against its stub: the facade's ({@code profiles().getAll(ids)} or
 * {@code profiles().get(id)} on an opened client) and the same request written by hand ({@link
 * HandWrittenCall}). Thread-safe.
 */
final class ScenarioCalls implements AutoCloseable {

  private final Scenario scenario;
  private final List<String> ids;
  private final ImClient facade;
  private final HandWrittenCall hand;

  ScenarioCalls(Scenario scenario, String baseUrl) {
    this.scenario = scenario;
    this.ids = List.copyOf(scenario.ids());
    this.facade = ImFacade.open(scenario.facadeConfig(baseUrl));
    this.hand = new HandWrittenCall(scenario, baseUrl);
  }

  /** The facade's call: a map of profiles (batch) or an optional profile (single). */
  Object facade() {
    if (scenario.batch()) {
      return facade.profiles().getAll(ids);
    }
    return facade.profiles().get(Scenario.SINGLE_USER);
  }

  /** The hand-written call: the vendor's answer as a map. */
  Map<String, Object> handWritten() {
    return hand.call();
  }

  /**
   * Fails unless both calls bring back every user of the scenario: the comparison means nothing
   * when the two sides do different work.
   */
  void check() {
    int fromFacade = facadeUsers(facade());
    int fromHand = hand.users(handWritten());
    if (fromFacade != scenario.users() || fromHand != scenario.users()) {
      throw new IllegalStateException(scenario.key() + ": expected " + scenario.users() + " users from both calls, got "
          + fromFacade + " from the facade and " + fromHand + " by hand");
    }
  }

  private static int facadeUsers(Object result) {
    if (result instanceof Optional) {
      return ((Optional<?>) result).map(p -> ((UserProfile) p).nickname() != null ? 1 : 0).orElse(0);
    }
    return ((Map<?, ?>) result).size();
  }

  @Override
  public void close() {
    facade.close();
    hand.close();
  }
}
