package io.imfacade.tenant.internal;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.spi.ProviderContext;
import io.imfacade.tenant.TenantConfigSource;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry behind {@link io.imfacade.tenant.ImTenants}: a Caffeine {@link LoadingCache} from
 * tenant id to {@link TenantEntry}. Loading reads the source and opens the client; Caffeine's
 * refresh re-reads the source and swaps the entry's generation when the configuration changed;
 * eviction closes the entry (its client closes once its calls end).
 */
public final class TenantRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);

  static final String OP_OPEN = "tenants.open";
  static final String OP_REFRESH = "tenants.refresh";

  private final TenantConfigSource source;
  private final ProviderContext context;
  private final boolean ownsContext;
  private final LoadingCache<String, TenantEntry> cache;
  /** Every generation not closed yet, so that close() reaches the ones a racing load opened. */
  private final Set<Generation> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean contextClosed = new AtomicBoolean();

  /** The settings of a registry; null means "not set". */
  public record Settings(TenantConfigSource source, ProviderContext context, boolean ownsContext,
      @Nullable Duration idle, long maximumTenants, @Nullable Duration refreshAfter,
      @Nullable Executor executor, @Nullable LongSupplier ticker) {}

  /** A registry with {@code settings}. */
  public TenantRegistry(Settings settings) {
    this.source = settings.source();
    this.context = settings.context();
    this.ownsContext = settings.ownsContext();
    Caffeine<String, TenantEntry> b = Caffeine.newBuilder()
        .removalListener((@Nullable String id, @Nullable TenantEntry entry, RemovalCause cause) -> {
          // REPLACED only comes from a refresh, which keeps the same entry (or removes it, which
          // is EXPLICIT): the entry is still in use.
          if (entry != null && cause != RemovalCause.REPLACED) {
            LOG.debug("tenant {} left the registry ({})", id, cause);
            entry.close();
          }
        });
    if (settings.idle() != null) {
      b.expireAfterAccess(settings.idle());
    }
    if (settings.maximumTenants() >= 0) {
      b.maximumSize(settings.maximumTenants());
    }
    if (settings.refreshAfter() != null) {
      b.refreshAfterWrite(settings.refreshAfter());
    }
    if (settings.executor() != null) {
      b.executor(settings.executor());
    }
    LongSupplier ticker = settings.ticker();
    if (ticker != null) {
      b.ticker(ticker::getAsLong);
    } else if (settings.idle() != null) {
      // Without a scheduler, idle clients would only be closed when the cache is next used.
      b.scheduler(Scheduler.systemScheduler());
    }
    this.cache = b.build(new Loader());
  }

  /** The context every tenant's client is opened with. */
  public ProviderContext context() {
    return context;
  }

  /** The tenant's handle, its client opened now unless it is open already. */
  public ImClient client(String tenantId) {
    checkId(tenantId);
    checkOpen();
    return cache.get(tenantId).handle();
  }

  /** A reference to the tenant's current generation for one call; release it when the call ends. */
  Generation acquire(String tenantId) {
    while (true) {
      checkOpen();
      TenantEntry entry = cache.get(tenantId);
      Generation g = entry.acquire();
      if (g != null) {
        return g;
      }
      // Closed while still in the map: its removal is under way. Make sure of it and load anew.
      cache.asMap().remove(tenantId, entry);
    }
  }

  /** The tenant's current client, for reads that make no call. */
  ImClient current(String tenantId) {
    Generation g = acquire(tenantId);
    try {
      return g.client();
    } finally {
      g.release();
    }
  }

  /**
   * Reads the tenant's configuration again and swaps in a new client if it changed.
   *
   * @return whether the tenant's client changed (a new one, or none because the source no longer
   *     has the tenant)
   */
  public boolean refresh(String tenantId) {
    checkId(tenantId);
    checkOpen();
    TenantEntry entry = cache.asMap().get(tenantId);
    if (entry == null) {
      return false; // not open: its first use reads the source anyway
    }
    Optional<ImConfig> config = readConfig(tenantId, OP_REFRESH);
    if (config.isEmpty()) {
      LOG.info("tenant {} is no longer in the tenant config source: its client is closed", tenantId);
      boolean removed = cache.asMap().remove(tenantId, entry);
      entry.close();
      return removed;
    }
    return swap(entry, config.get());
  }

  /**
   * {@link #refresh(String)} for every open tenant; the first failure is thrown once all were
   * tried, the others suppressed in it.
   *
   * @return how many tenants' clients changed
   */
  public int refreshAll() {
    checkOpen();
    int changed = 0;
    RuntimeException failure = null;
    for (String id : tenantIds()) {
      try {
        if (refresh(id)) {
          changed++;
        }
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return changed;
  }

  /** Closes the tenant's client now (once its calls end); its next use opens a new one. */
  public void evict(String tenantId) {
    checkId(tenantId);
    TenantEntry entry = cache.asMap().remove(tenantId);
    if (entry != null) {
      entry.close();
    }
  }

  /** The tenants whose clients are open now, sorted. */
  public Set<String> tenantIds() {
    return Collections.unmodifiableSet(new TreeSet<>(cache.asMap().keySet()));
  }

  /** Runs Caffeine's pending maintenance (idle and size eviction) now. */
  public void cleanUp() {
    cache.cleanUp();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (TenantEntry entry : cache.asMap().values()) {
      entry.close();
    }
    cache.invalidateAll();
    // A load that raced with close() may have opened a generation the cache does not show yet:
    // open() retires it itself if it sees `closed`; otherwise it is in `live` by now.
    for (Generation g : live) {
      g.retire();
    }
    cache.cleanUp();
    if (live.isEmpty()) {
      closeContext();
    }
  }

  /** Called when a generation's client is closed: the last one after close() closes the context. */
  private void closed(Generation g) {
    live.remove(g);
    if (closed.get() && live.isEmpty()) {
      closeContext();
    }
  }

  /**
   * Closes the context the registry created, once no client uses it any more: a call still in
   * flight when the registry closes keeps its connection pool until it ends.
   */
  private void closeContext() {
    if (ownsContext && contextClosed.compareAndSet(false, true)) {
      context.close();
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  private boolean swap(TenantEntry entry, ImConfig config) {
    boolean swapped = entry.swap(withTenant(entry.tenantId(), config), c -> open(entry.tenantId(), c, OP_REFRESH));
    if (swapped) {
      LOG.info("the configuration of tenant {} changed: a new client serves it, the old one closes "
          + "once its calls end", entry.tenantId());
    }
    return swapped;
  }

  private Optional<ImConfig> readConfig(String tenantId, String operation) {
    Optional<ImConfig> config;
    try {
      config = source.config(tenantId);
    } catch (ImException e) {
      throw e;
    } catch (RuntimeException e) {
      // Only the type: the message of a database or file failure may quote a connection string.
      throw new ConfigurationException("the tenant config source failed for tenant '" + tenantId + "' ("
          + e.getClass().getName() + ")", details(tenantId, null, operation), e);
    }
    return config == null ? Optional.empty() : config;
  }

  /** The source's configuration with {@code tenant} set to the tenant id, for every label. */
  private static ImConfig withTenant(String tenantId, ImConfig config) {
    return tenantId.equals(config.tenant().orElse(null)) ? config : config.with(ImConfig.TENANT, tenantId);
  }

  private Generation open(String tenantId, ImConfig config, String operation) {
    ImClient client;
    try {
      client = ImFacade.open(config, context);
    } catch (ConfigurationException e) {
      if (e.details().tenant().isPresent()) {
        throw e;
      }
      // ImConfig's and ImFacade's messages never show a secret's value.
      throw new ConfigurationException("tenant '" + tenantId + "': " + e.plainMessage(),
          details(tenantId, config.get(ImConfig.PROVIDER).orElse(null), operation), e);
    }
    Generation g = new Generation(tenantId, config, client, this::closed);
    live.add(g);
    if (closed.get()) {
      g.retire();
      throw closedException();
    }
    LOG.debug("opened the {} client of tenant {}", client.provider(), tenantId);
    return g;
  }

  private static ErrorDetails details(String tenantId, @Nullable String provider, String operation) {
    return ErrorDetails.builder().provider(provider).tenant(tenantId).operation(operation).build();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw closedException();
    }
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("the tenant registry is closed");
  }

  private static void checkId(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new InvalidRequestException("tenantId", "a tenant id must not be null or blank");
    }
  }

  /** Opens a tenant on first use; re-reads it on Caffeine's refresh. */
  private final class Loader implements CacheLoader<String, TenantEntry> {

    @Override
    public TenantEntry load(String tenantId) {
      checkOpen();
      ImConfig config = readConfig(tenantId, OP_OPEN).orElseThrow(() -> new NotFoundException(
          "unknown tenant '" + tenantId + "': the tenant config source has no configuration for it",
          details(tenantId, null, OP_OPEN)));
      Generation first = open(tenantId, withTenant(tenantId, config), OP_OPEN);
      return new TenantEntry(tenantId, first, new TenantClient(tenantId, TenantRegistry.this));
    }

    /**
     * Keeps the entry (its generation swapped when the configuration changed), or removes it when
     * the source no longer knows the tenant. A failure keeps the client in use: a source that is
     * down, or a broken new configuration, must not take a working tenant down.
     */
    @Override
    public @Nullable TenantEntry reload(String tenantId, TenantEntry entry) {
      if (closed.get()) {
        return entry;
      }
      try {
        Optional<ImConfig> config = readConfig(tenantId, OP_REFRESH);
        if (config.isEmpty()) {
          LOG.info("tenant {} is no longer in the tenant config source: its client is closed", tenantId);
          return null;
        }
        swap(entry, config.get());
      } catch (RuntimeException e) {
        LOG.warn("refreshing tenant {} failed; its client stays in use", tenantId, e);
      }
      return entry;
    }
  }
}
