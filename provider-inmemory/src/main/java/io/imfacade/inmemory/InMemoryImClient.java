package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.VendorLimits;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client of the in-memory provider: a fake vendor app held in memory, with the limits, errors
 * and capabilities of the vendor chosen by {@code inmemory.limits} (see {@link InMemoryProvider}).
 * Thread-safe; reads cost a map lookup.
 *
 * <pre>{@code
 * InMemoryImClient im = InMemoryImClient.create();
 * im.admin().createUsers("alice", "bob");
 * im.contacts().addContact("alice", "bob");
 * }</pre>
 *
 * <p>{@link ImFacade#open} returns this class for {@code provider=inmemory}, so a test may cast to
 * it to reach {@link #admin()} and {@link #reset()}.
 */
public final class InMemoryImClient implements ImClient {

  private static final Set<String> LIMITS_VALUES = new TreeSet<>();
  private static final String REGISTERED = "registered";
  private static final String AUTO = "auto";

  static {
    for (LimitsMode mode : LimitsMode.values()) {
      LIMITS_VALUES.add(mode.configValue());
    }
  }

  private final LimitsMode mode;
  private final Path file;
  private final Store store;
  private final ProfileService profiles;
  private final MemberAttributeService memberAttributes;
  private final ContactService contacts;
  private final Admin admin;
  /** Serialises saves, so that a later save never loses to an earlier one at the rename. */
  private final Object saveLock = new Object();

  private InMemoryImClient(LimitsMode mode, boolean autoUsers, Path file) {
    this.mode = mode;
    this.file = file;
    this.store = new Store(autoUsers);
    Checks checks = new Checks(mode.limits());
    this.profiles = new ProfileService(store, checks, mode);
    this.memberAttributes = new MemberAttributeService(store, checks, mode);
    this.contacts = new ContactService(store, checks, mode);
    this.admin = new Admin(store, checks);
    if (file != null) {
      Snapshot.load(file, store);
    }
  }

  /** A client with portable limits, registered users and no snapshot file. */
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
    // Through ImFacade, so that the keys are checked exactly as for any other provider.
    return (InMemoryImClient) ImFacade.open(c.with(ImConfig.PROVIDER, InMemoryProvider.ID));
  }

  /** Reads the provider's keys; called by {@link InMemoryProvider#create}. */
  static InMemoryImClient open(ImConfig config) {
    LimitsMode mode = LimitsMode.ofConfigValue(
        config.getChoice(InMemoryProvider.LIMITS, LimitsMode.PORTABLE.configValue(), LIMITS_VALUES));
    boolean autoUsers = config.getChoice(InMemoryProvider.USERS, REGISTERED, Set.of(REGISTERED, AUTO)).equals(AUTO);
    Path file = null;
    if (config.get(InMemoryProvider.FILE).isPresent()) {
      try {
        file = Path.of(config.get(InMemoryProvider.FILE).get());
      } catch (InvalidPathException e) {
        throw config.invalid(InMemoryProvider.FILE, "a file path");
      }
    }
    return new InMemoryImClient(mode, autoUsers, file);
  }

  @Override
  public String provider() {
    return InMemoryProvider.ID;
  }

  /**
   * Every capability with {@code inmemory.limits} {@code easemob}, {@code shengwang} or {@code
   * none}; without custom profile attributes and the total size query with {@code portable} and
   * {@code netease}, as NetEase lacks them.
   */
  @Override
  public Set<Capability> capabilities() {
    return mode.capabilities();
  }

  @Override
  public UserProfileService profiles() {
    return profiles;
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return memberAttributes;
  }

  @Override
  public ContactGraph contacts() {
    return contacts;
  }

  /** Fixtures: users and groups. */
  public InMemoryAdmin admin() {
    return admin;
  }

  /** The limits this client enforces. */
  public VendorLimits limits() {
    return mode.limits();
  }

  /**
   * Drops all data: users, profiles, groups, contacts and block lists.
   *
   * @throws IllegalStateException if the client is closed
   */
  public void reset() {
    store.exclusive(() -> {
      store.checkOpen();
      store.clear();
      return null;
    });
  }

  /**
   * Writes the snapshot file now, atomically.
   *
   * @throws IllegalStateException if no {@code inmemory.file} is configured or the client is closed
   * @throws ConfigurationException if the file cannot be written
   */
  public void save() {
    store.checkOpen();
    if (file == null) {
      throw new IllegalStateException("no snapshot file to save to: set " + InMemoryProvider.FILE);
    }
    saveNow();
  }

  private void saveNow() {
    synchronized (saveLock) {
      Snapshot.Data data = store.exclusive(() -> {
        store.markClean();
        return Snapshot.export(store);
      });
      try {
        Snapshot.write(file, data);
      } catch (IOException | RuntimeException e) {
        store.markDirty();
        throw new ConfigurationException("cannot write " + InMemoryProvider.FILE + " '" + file + "': " + e,
            ErrorDetails.builder().provider(InMemoryProvider.ID).build(), e);
      }
    }
  }

  /**
   * Saves the snapshot file if one is configured and the data changed since it was loaded or
   * saved; then every further call fails with {@link IllegalStateException}. Calling it twice is
   * harmless.
   *
   * @throws ConfigurationException if the snapshot cannot be written (the client is closed anyway)
   */
  @Override
  public void close() {
    if (store.close() && file != null && store.isDirty()) {
      saveNow();
    }
  }

  @Override
  public String toString() {
    return "InMemoryImClient{limits=" + mode.configValue() + ", users=" + (store.autoUsers() ? AUTO : REGISTERED)
        + (file == null ? "" : ", file=" + file) + '}';
  }
}
