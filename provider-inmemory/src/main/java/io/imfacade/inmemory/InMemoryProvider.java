package io.imfacade.inmemory;

import io.imfacade.ImConfig;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;

/**
 * The {@code inmemory} provider: a thread-safe fake of the vendors with their limits and errors,
 * and no network. {@link InMemoryImClient} adds its fixtures to a client (reset, save, atomically).
 *
 * <p>Users are registered and groups created through the neutral services, as on a vendor: {@code
 * im.accounts().register(...)}, {@code im.groups().create(...)}. The fake issues group ids of
 * digits (the strictest vendor rule, NetEase's team ids), random and unique in the store. It keeps
 * no password and no token: a registration without a password gets a generated one, returned once;
 * {@code issueToken} returns a random token valid for the asked time; neither is checked later,
 * since no neutral operation could. Every account capability is offered with {@code
 * inmemory.limits=none}; an emulated vendor's missing ones (NetEase has no account deletion) are
 * refused as there.
 *
 * <p>Configuration keys:
 *
 * <ul>
 *   <li>{@code inmemory.limits}: {@code portable} (default: for each limit the strictest of the
 *       vendor providers on the classpath, and only the capabilities all of them offer), the id of
 *       one vendor provider on the classpath (such as {@code netease}: exactly that provider's
 *       limits and capabilities) or {@code none}.
 *   <li>{@code inmemory.users}: {@code registered} (default: a user must be registered with {@link
 *       io.imfacade.account.UserAccounts#register} before use, as on a vendor) or {@code auto} (every
 *       valid id is an existing user; registering records a user all the same, and is a conflict
 *       only for a user already recorded).
 *   <li>{@code inmemory.file}: a JSON snapshot file that holds the fake vendor's state, shared by
 *       every client that names it, in any thread, JVM or process (such as successive or parallel
 *       CLI runs). Each call reloads it if another client changed it and saves its own change
 *       before returning, under a lock file next to it ({@code <file>.lock}, created on first use;
 *       do not delete it while clients run): no write is lost, and each call sees every write that
 *       returned before it. {@link InMemoryImClient#atomically} makes several calls one step. The
 *       file is checked strictly when read (types, ids against the emulated vendor's rules,
 *       relations); a bad file fails the call with a {@link io.imfacade.error.ConfigurationException}
 *       naming the file and the place of the first mistake, and nothing of it is loaded.
 * </ul>
 */
public final class InMemoryProvider implements ImProvider {

  /** The provider id. */
  public static final String ID = "inmemory";
  /** Which limits to enforce: {@code portable}, {@code none} or a vendor provider's id. */
  public static final String LIMITS = "inmemory.limits";
  /** Whether users must be created first: {@code registered} or {@code auto}. */
  public static final String USERS = "inmemory.users";
  /** Path of the JSON snapshot file. */
  public static final String FILE = "inmemory.file";

  /** Every capability and no limits: what a client offers is narrowed by {@link #metadata(ImConfig)}. */
  static final ProviderMetadata METADATA = ProviderMetadata.builder(ID)
      .name("In-memory fake")
      .configKey(ConfigKey.withDefault(LIMITS, Emulation.PORTABLE, "the limits and capabilities to emulate: "
          + "'portable' (the strictest of the vendor providers on the classpath), 'none', or a vendor provider's id"))
      .configKey(ConfigKey.withDefault(USERS, Store.REGISTERED, "'registered' (users must be created first, "
          + "as on a vendor) or 'auto' (every valid id is an existing user)"))
      .configKey(ConfigKey.optional(FILE, "a JSON snapshot file holding the data, "
          + "shared safely by every client that names it: each call reloads it if changed and saves its change"))
      .limits(VendorLimits.NONE)
      .build();

  /** Called by {@link java.util.ServiceLoader}. */
  public InMemoryProvider() {}

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  /** The limits and capabilities of the vendor {@code inmemory.limits} emulates, for the guard to enforce. */
  @Override
  public ProviderMetadata metadata(ImConfig config) {
    return Emulation.metadata(METADATA, config);
  }

  /** A new, empty (or loaded) store; of the context only its clock is used: nothing is shared between clients. */
  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    return Backend.open(config, metadata(config), context.clock());
  }
}
