package io.imfacade.inmemory;

import io.imfacade.ImConfig;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderMetadata;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The provider's side of an in-memory client: one store and its services, behind the neutral guard of {@link io.imfacade.ImFacade#open}. {@link InMemoryImClient#of} reaches it
 * through {@link io.imfacade.ImClient#unwrap}. Thread-safe.
 */
final class Backend implements ProviderClient {

  private final ProviderMetadata metadata;
  private final String mode;
  private final @Nullable Path file;
  private final Store store;
  private final ProfileService profiles;
  private final MemberAttributeService members;
  private final ContactService contacts;
  private final AccountService accounts;
  private final GroupService groups;

  private Backend(ProviderMetadata metadata, String mode, boolean autoUsers, @Nullable Path file, Clock clock) {
    this.metadata = metadata;
    this.mode = mode;
    this.file = file;
    SnapshotFile snapshot = file == null ? null : SnapshotFile.at(file, SnapshotRules.of(metadata.limits(), autoUsers));
    this.store = new Store(autoUsers, clock, snapshot);
    this.profiles = new ProfileService(store, metadata.limits());
    this.members = new MemberAttributeService(store, metadata.limits());
    this.contacts = new ContactService(store, metadata.limits());
    this.accounts = new AccountService(store, metadata.limits());
    this.groups = new GroupService(store, metadata.limits());
    store.load();
  }

  /**
   * Reads the provider's keys; {@code metadata} is what the guard enforces for this client, {@code
   * clock} the context's (creation times, token expiry).
   */
  static Backend open(ImConfig config, ProviderMetadata metadata, Clock clock) {
    String mode = config.get(InMemoryProvider.LIMITS).orElse(Emulation.PORTABLE).toLowerCase(Locale.ROOT);
    boolean autoUsers = config.getChoice(InMemoryProvider.USERS, Store.REGISTERED, Set.of(Store.REGISTERED, Store.AUTO))
        .equals(Store.AUTO);
    Path file = null;
    if (config.get(InMemoryProvider.FILE).isPresent()) {
      try {
        file = Path.of(config.get(InMemoryProvider.FILE).get());
      } catch (InvalidPathException e) {
        throw config.invalid(InMemoryProvider.FILE, "a file path");
      }
    }
    return new Backend(metadata, mode, autoUsers, file, clock);
  }

  ProviderMetadata metadata() {
    return metadata;
  }

  @Override
  public UserProfileService profiles() {
    return profiles;
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return members;
  }

  @Override
  public ContactGraph contacts() {
    return contacts;
  }

  @Override
  public UserAccounts accounts() {
    return accounts;
  }

  @Override
  public Groups groups() {
    return groups;
  }

  /** Drops all data; see {@link InMemoryImClient#reset()}. */
  void reset() {
    store.requireOpen();
    store.reset();
  }

  /** Writes the snapshot file now; see {@link InMemoryImClient#save()}. */
  void save() {
    store.save();
  }

  /** See {@link InMemoryImClient#atomically(Supplier)}. */
  <T> T atomically(Supplier<T> action) {
    return store.atomically(action);
  }

  /**
   * Refuses further calls, after the writes in progress; called once, by the guard. Nothing is left
   * to save: with a snapshot file every write was saved by the call that made it.
   */
  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return "limits=" + mode + ", users=" + (store.autoUsers() ? Store.AUTO : Store.REGISTERED)
        + (file == null ? "" : ", file=" + file);
  }
}
