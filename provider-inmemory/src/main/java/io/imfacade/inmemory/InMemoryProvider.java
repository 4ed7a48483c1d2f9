package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code inmemory} provider: a thread-safe fake of the vendors with their limits and errors,
 * and no network. Its clients are {@link InMemoryImClient}s.
 *
 * <p>Configuration keys:
 *
 * <ul>
 *   <li>{@code inmemory.limits}: {@code portable} (default: for each limit the strictest vendor's,
 *       and only the capabilities every vendor offers), {@code easemob}, {@code shengwang}, {@code
 *       netease} (that vendor's exact limits and capabilities) or {@code none}.
 *   <li>{@code inmemory.users}: {@code registered} (default: a user must be created with {@link
 *       InMemoryAdmin#createUsers} before use, as on a vendor) or {@code auto} (every valid id is an
 *       existing user).
 *   <li>{@code inmemory.file}: a JSON snapshot file, loaded when the client opens and saved when it
 *       closes (or on {@link InMemoryImClient#save()}).
 * </ul>
 */
public final class InMemoryProvider implements ImProvider {

  /** The provider id. */
  public static final String ID = "inmemory";
  /** Which limits to enforce: {@code portable}, {@code easemob}, {@code shengwang}, {@code netease}, {@code none}. */
  public static final String LIMITS = "inmemory.limits";
  /** Whether users must be created first: {@code registered} or {@code auto}. */
  public static final String USERS = "inmemory.users";
  /** Path of the JSON snapshot file. */
  public static final String FILE = "inmemory.file";

  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
  private static final Set<String> CONFIG_KEYS = Set.of(LIMITS, USERS, FILE);

  /** Called by {@link java.util.ServiceLoader}. */
  public InMemoryProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** Every capability: which ones a client offers depends on {@code inmemory.limits}. */
  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Set<String> configKeys() {
    return CONFIG_KEYS;
  }

  /** A new client; the context is not needed, as nothing is shared between in-memory clients. */
  @Override
  public ImClient create(ImConfig config, ProviderContext context) {
    return InMemoryImClient.open(config);
  }
}
