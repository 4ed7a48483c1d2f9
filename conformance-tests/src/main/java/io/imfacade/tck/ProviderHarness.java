package io.imfacade.tck;

import io.imfacade.ImClient;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * What the TCK needs from a provider under test: a client, and a way to make users and groups
 * exist on the vendor side (simulator seeding, an admin API, the in-memory store).
 *
 * <p>For each test the TCK asks the contract class for a harness, opens one client with {@link
 * #openClient()}, seeds through {@link #createUsers} and {@link #createGroup}, and calls {@link
 * #close()} after the test. Seeding acts on the state the last opened client sees.
 *
 * <p>Every id the TCK passes is unique to the test, lower case, made of letters, digits, {@code _}
 * and {@code -}, at most 32 characters (group ids are digits only), so a simulator whose state is
 * shared across tests works as well as a fresh one.
 *
 * <p>A harness that fails (throws, returns null, opens a client of another provider) makes every
 * test fail: the TCK never turns a broken harness into skipped tests.
 */
public interface ProviderHarness extends AutoCloseable {

  /** The provider id the client must report in {@link ImClient#provider()}. */
  String providerId();

  /** A new client for one test. The TCK closes it after the test. */
  ImClient openClient();

  /** Makes these users exist on the vendor side; existing users are left as they are. */
  void createUsers(Collection<String> userIds);

  /**
   * Makes a group with this id exist, owned by {@code owner}, whose members are {@code owner} and
   * {@code members}. The users already exist (created by {@link #createUsers}).
   */
  void createGroup(String groupId, String owner, Collection<String> members);

  /**
   * Whether the provider enforces the length and size limits that every built-in vendor shares
   * (nickname at most 64 characters, member attribute key at most 16 bytes, page size at most
   * 100, ...). True for every real vendor. A deliberately unlimited fake (the in-memory provider
   * with {@code inmemory.limits=none}) answers false, and the contracts that need a limit are
   * skipped with that reason.
   */
  default boolean enforcesLimits() {
    return true;
  }

  /**
   * How many users one block list may hold, if the provider has a limit (500 on Easemob and
   * Shengwang, 3000 on NetEase). Empty when there is none or it is not known: the quota contract
   * is then skipped with that reason. The quota contract creates that many users and blocks them
   * all, so it costs as many block calls as the provider needs for that.
   */
  default OptionalInt blockListMax() {
    return OptionalInt.empty();
  }

  /** Releases what the harness holds; called after each test. */
  @Override
  default void close() {}
}
