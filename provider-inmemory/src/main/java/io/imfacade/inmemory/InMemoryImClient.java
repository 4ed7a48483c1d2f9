package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A client of the in-memory provider with its fixtures: a fake vendor app held in memory, with the
 * limits, errors and capabilities of the vendor chosen by {@code inmemory.limits} (see {@link
 * InMemoryProvider}). Thread-safe; reads cost a map lookup.
 *
 * <p>It is the client {@link ImFacade#open} returns, with {@link #admin()}, {@link #reset()} and
 * {@link #save()} added: every call of {@link #profiles()}, {@link #groupMemberAttributes()} and
 * {@link #contacts()} goes through the same neutral guard as on a vendor, so a test fails where
 * production would.
 *
 * <pre>{@code
 * InMemoryImClient im = InMemoryImClient.create();
 * im.admin().createUsers("alice", "bob");
 * im.contacts().addContact("alice", "bob");
 *
 * // or with a client opened elsewhere, by configuration:
 * InMemoryImClient same = InMemoryImClient.of(ImFacade.open(Map.of("provider", "inmemory")));
 * }</pre>
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

  /** Fixtures: users and groups. */
  public InMemoryAdmin admin() {
    return backend.admin();
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
   * Writes the snapshot file now, atomically.
   *
   * @throws IllegalStateException if no {@code inmemory.file} is configured or the client is closed
   * @throws ConfigurationException if the file cannot be written
   */
  public void save() {
    backend.save();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(this) ? type.cast(this) : guarded.unwrap(type);
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
    guarded.close();
  }

  @Override
  public String toString() {
    return "InMemoryImClient{" + backend + '}';
  }
}
