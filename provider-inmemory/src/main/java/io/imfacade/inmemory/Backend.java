package io.imfacade.inmemory;

import io.imfacade.ImConfig;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderMetadata;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The provider's side of an in-memory client: one store, its services and its fixtures, behind
 * the neutral guard of {@link io.imfacade.ImFacade#open}. {@link InMemoryImClient#of} reaches it
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
  private final Admin admin;
  /** Serialises saves, so that a later save never loses to an earlier one at the rename. */
  private final Object saveLock = new Object();

  private Backend(ProviderMetadata metadata, String mode, boolean autoUsers, @Nullable Path file) {
    this.metadata = metadata;
    this.mode = mode;
    this.file = file;
    this.store = new Store(autoUsers);
    this.profiles = new ProfileService(store, metadata.limits());
    this.members = new MemberAttributeService(store, metadata.limits());
    this.contacts = new ContactService(store, metadata.limits());
    this.admin = new Admin(store, metadata.limits());
    if (file != null) {
      Snapshot.load(file, store);
    }
  }

  /** Reads the provider's keys; {@code metadata} is what the guard enforces for this client. */
  static Backend open(ImConfig config, ProviderMetadata metadata) {
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
    return new Backend(metadata, mode, autoUsers, file);
  }

  ProviderMetadata metadata() {
    return metadata;
  }

  InMemoryAdmin admin() {
    return admin;
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

  /** Drops all data; see {@link InMemoryImClient#reset()}. */
  void reset() {
    store.exclusive(() -> {
      store.requireOpen();
      store.clear();
      return null;
    });
  }

  /** Writes the snapshot file now; see {@link InMemoryImClient#save()}. */
  void save() {
    store.requireOpen();
    if (file == null) {
      throw new IllegalStateException("no snapshot file to save to: set " + InMemoryProvider.FILE);
    }
    saveTo(file);
  }

  private void saveTo(Path target) {
    synchronized (saveLock) {
      Snapshot.Data data = store.exclusive(() -> {
        store.markClean();
        return Snapshot.export(store);
      });
      try {
        Snapshot.write(target, data);
      } catch (IOException | RuntimeException e) {
        store.markDirty();
        throw new ConfigurationException("cannot write " + InMemoryProvider.FILE + " '" + target + "': " + e,
            ErrorDetails.builder().provider(InMemoryProvider.ID).build(), e);
      }
    }
  }

  /** Saves the snapshot if one is configured and the data changed; called once, by the guard. */
  @Override
  public void close() {
    if (store.close() && file != null && store.isDirty()) {
      saveTo(file);
    }
  }

  @Override
  public String toString() {
    return "limits=" + mode + ", users=" + (store.autoUsers() ? Store.AUTO : Store.REGISTERED)
        + (file == null ? "" : ", file=" + file);
  }
}
