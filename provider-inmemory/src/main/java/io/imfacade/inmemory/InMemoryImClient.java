package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A client of the in-memory provider with its fixtures: a fake vendor app held in memory, with the
 * limits, errors and capabilities of the vendor chosen by {@code inmemory.limits} (see {@link
 * InMemoryProvider}). Thread-safe; without a snapshot file, reads cost a map lookup.
 *
 * <p>It is the client {@link ImFacade#open} returns, with {@link #reset()}, {@link #save()} and
 * {@link #atomically} added: every call of its services goes through the same neutral guard as on
 * a vendor, so a test fails where production would. Users and groups are made as on a vendor,
 * through {@link #accounts()} and {@link #groups()}; the fake issues the group ids.
 *
 * <pre>{@code
 * InMemoryImClient im = InMemoryImClient.create();
 * im.accounts().registerAll(List.of(Registration.of("alice"), Registration.of("bob")));
 * im.contacts().addContact("alice", "bob");
 * String team = im.groups().create(NewGroup.of("alice", "Team", List.of("bob"))).groupId();
 *
 * // or with a client opened elsewhere, by configuration:
 * InMemoryImClient same = InMemoryImClient.of(ImFacade.open(Map.of("provider", "inmemory")));
 * }</pre>
 *
 * <p><b>Sharing a snapshot file.</b> With {@code inmemory.file}, the file is the fake vendor's
 * state and may be shared by any number of clients at once: threads, JVMs, processes, CLI runs.
 * Every call locks the file (a sibling lock file, {@code <file>.lock}), first reloads it if another
 * client saved it since, and saves its change before it returns: a call that returns has been
 * saved, and a call that throws has changed nothing. No write is ever lost, and each call sees
 * every write that returned before it, as on a vendor. What a vendor does not give is not given
 * either: a read followed by a write (reading a counter, then writing it plus one) races with the
 * other clients' calls in between; {@link #atomically} makes such a sequence one step.
 */
public final class InMemoryImClient implements ImClient {

  private final ImClient guarded;
  private final Backend backend;

  private InMemoryImClient(ImClient guarded, Backend backend) {
    this.guarded = guarded;
    this.backend = backend;
  }

  /**
   * A client with the default settings: {@code portable} limits (which need a vendor provider on
   * the classpath), registered users and no snapshot file.
   */
  public static InMemoryImClient create() {
    return create(Map.of());
  }

  /**
   * A client from the same configuration keys as {@link ImFacade#open(Map)}; {@code provider} may
   * be left out.
   *
   * @throws ConfigurationException if a key or value is wrong, or the snapshot file is not valid
   */
  public static InMemoryImClient create(Map<String, String> config) {
    ImConfig c = ImConfig.of(config);
    if (!c.get(ImConfig.PROVIDER).orElse(InMemoryProvider.ID).equals(InMemoryProvider.ID)) {
      throw c.invalid(ImConfig.PROVIDER, "'" + InMemoryProvider.ID + "' or absent");
    }
    // Through ImFacade, so that the keys are checked and the guard applied as for any other provider.
    return of(ImFacade.open(c.with(ImConfig.PROVIDER, InMemoryProvider.ID)));
  }

  /**
   * The in-memory client behind {@code client}, a client {@link ImFacade#open} opened for provider
   * {@code inmemory}; calls still go through {@code client}'s guard, and closing either closes both.
   *
   * @throws InvalidRequestException if {@code client} is not an in-memory client
   */
  public static InMemoryImClient of(@Nullable ImClient client) {
    if (client instanceof InMemoryImClient) {
      return (InMemoryImClient) client;
    }
    ErrorDetails details = ErrorDetails.builder().provider(InMemoryProvider.ID).operation("of").build();
    if (client == null) {
      throw new InvalidRequestException("client must not be null", "client", details, null);
    }
    try {
      return new InMemoryImClient(client, client.unwrap(Backend.class));
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("client is a '" + client.provider() + "' client, not one opened by "
          + "ImFacade for provider '" + InMemoryProvider.ID + "'", "client", details, e);
    }
  }

  @Override
  public String provider() {
    return guarded.provider();
  }

  /** The capabilities of the vendor {@code inmemory.limits} emulates. */
  @Override
  public Set<Capability> capabilities() {
    return guarded.capabilities();
  }

  @Override
  public UserProfileService profiles() {
    return guarded.profiles();
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return guarded.groupMemberAttributes();
  }

  @Override
  public ContactGraph contacts() {
    return guarded.contacts();
  }

  @Override
  public UserAccounts accounts() {
    return guarded.accounts();
  }

  @Override
  public Groups groups() {
    return guarded.groups();
  }

  /** The limits this client enforces: those of the vendor {@code inmemory.limits} emulates. */
  public VendorLimits limits() {
    return backend.metadata().limits();
  }

  /** What this client enforces: the emulated vendor's limits and missing capabilities, under id {@code inmemory}. */
  public ProviderMetadata metadata() {
    return backend.metadata();
  }

  /**
   * Drops all data: users, profiles, groups, contacts and block lists.
   *
   * @throws IllegalStateException if the client is closed
   */
  public void reset() {
    backend.reset();
  }

  /**
   * Writes the snapshot file now, atomically, with the data it holds (a missing file is empty
   * data). Every change is saved by the call that makes it, so this is only needed to create the
   * file before any change.
   *
   * @throws IllegalStateException if no {@code inmemory.file} is configured or the client is closed
   * @throws ConfigurationException if the file cannot be written
   */
  public void save() {
    backend.save();
  }

  /**
   * Runs {@code action} as one step: the calls it makes on this client take effect together, or,
   * if it throws, not at all (its exception is rethrown). Use it for a read followed by a write
   * that must not interleave with other clients' writes, such as incrementing a counter, or to
   * seed many fixtures with one save.
   *
   * <p>With {@code inmemory.file}, no other client of the file, in this JVM or another process,
   * reads or writes it meanwhile (they wait), and the changes are saved once, when {@code action}
   * returns. Without a file, the other writes of this client wait; its reads from other threads do
   * not, and may see a part of the step. Make the calls from this thread: a call made meanwhile on
   * another thread waits for the step to end. Nested steps are part of the outer one.
   *
   * <pre>{@code
   * int next = im.atomically(() -> {
   *   int n = Integer.parseInt(im.groupMemberAttributes().get(team, "alice").getOrDefault("n", "0"));
   *   im.groupMemberAttributes().set(team, "alice", Map.of("n", Integer.toString(n + 1)));
   *   return n + 1;
   * });
   * }</pre>
   *
   * @return what {@code action} returns
   * @throws IllegalStateException if the client is closed
   * @throws ConfigurationException if the snapshot file cannot be read or written (nothing changed)
   * @throws io.imfacade.error.ConflictException if a call on another client of the same file, made
   *     from inside {@code action}, saved the file first (nothing of this step changed)
   */
  public <T> T atomically(Supplier<T> action) {
    if (action == null) {
      throw new InvalidRequestException("action must not be null", "action",
          ErrorDetails.builder().provider(InMemoryProvider.ID).operation("atomically").build(), null);
    }
    return backend.atomically(action);
  }

  /** Runs {@code action} as one step; see {@link #atomically(Supplier)}. */
  public void atomically(Runnable action) {
    atomically(action == null ? null : (Supplier<Void>) () -> {
      action.run();
      return null;
    });
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(this) ? type.cast(this) : guarded.unwrap(type);
  }

  /**
   * Closes the client: every further call fails with {@link IllegalStateException}. A write that
   * races with it either completes first (and, with {@code inmemory.file}, is saved by its own
   * call) or fails; none is dropped. There is nothing left to save. Calling it twice is harmless.
   */
  @Override
  public void close() {
    guarded.close();
  }

  @Override
  public String toString() {
    return "InMemoryImClient{" + backend + '}';
  }
}
