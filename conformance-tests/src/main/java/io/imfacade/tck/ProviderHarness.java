package io.imfacade.tck;

import io.imfacade.ImClient;
import java.util.Collection;

/**
 * What the TCK needs from a provider under test: a client, and a way to make users and groups
 * exist on the vendor side (simulator seeding, a sandbox app, or the provider's own neutral
 * services).
 *
 * <p>For each test the TCK asks the contract class for a harness, opens one client with {@link
 * #openClient()}, seeds through {@link #createUsers} and {@link #createGroup}, and calls {@link
 * #close()} after the test. Seeding acts on the state the last opened client sees.
 *
 * <p>Seeding may go through the client's own neutral services ({@code
 * client.accounts().registerAll(...)}, {@code client.groups().create(...)}), which {@link
 * UserAccountsContract} and {@link GroupsContract} check on their own; a harness that seeds by
 * other means (a simulator's state) keeps the other contracts independent of those two services.
 *
 * <p>Every user id the TCK passes is unique to the test, lower case, made of letters, digits,
 * {@code _} and {@code -}, at most 32 characters, so a simulator whose state is shared across tests
 * works as well as a fresh one.
 *
 * <p>A harness that fails (throws, returns null, opens a client of another provider) makes every
 * test fail: the TCK never turns a broken harness into skipped tests.
 *
 * <p>What the provider offers and enforces is not the harness's to say: the contracts read the
 * capabilities and the limits from the client's {@link ImClient#metadata()}, which the provider
 * declares once. A contract that needs a limit the metadata leaves unbounded is skipped with a
 * reason naming that limit.
 */
public interface ProviderHarness extends AutoCloseable {

  /** The provider id the client must report in {@link ImClient#provider()}. */
  String providerId();

  /** A new client for one test. The TCK closes it after the test. */
  ImClient openClient();

  /**
   * Makes these users exist on the vendor side; existing users are left as they are. The block
   * list quota contract asks for {@code blockListMax + 1} users at once.
   */
  void createUsers(Collection<String> userIds);

  /**
   * Makes a new group exist, owned by {@code owner}, whose members are {@code owner} and {@code
   * members}, and returns its id: the one the vendor issued (groups get their ids from the vendor,
   * as {@link io.imfacade.group.Groups#create} does), or, for a simulator seeded directly, one the
   * vendor could have issued (digits pass every built-in vendor's rule). The users already exist
   * (created by {@link #createUsers}); {@code members} holds at most 40 users.
   */
  String createGroup(String owner, Collection<String> members);

  /** Releases what the harness holds; called after each test. */
  @Override
  default void close() {}
}
