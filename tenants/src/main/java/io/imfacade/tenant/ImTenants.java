package io.imfacade.tenant;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.spi.ProviderContext;
import io.imfacade.tenant.internal.TenantRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The clients of many tenants, one per tenant, for a multi-tenant backend. Thread-safe; one per
 * application.
 *
 * <pre>{@code
 * ImTenants tenants = ImTenants.builder(tenantId -> repository.configOf(tenantId))
 *     .evictAfterIdle(Duration.ofMinutes(30))
 *     .refreshAfter(Duration.ofMinutes(5))
 *     .build();
 *
 * tenants.client("acme").profiles().get("alice");
 * }</pre>
 *
 * <ul>
 *   <li><b>Opened on first use.</b> {@link #client(String)} asks the {@link TenantConfigSource}
 *       for the tenant's {@link ImConfig}, sets its {@code tenant} key to the tenant id (so every
 *       exception, log line (MDC {@code imfacade.tenant}) and {@link io.imfacade.event.CallEvent}
 *       of the tenant names it), and opens the client with the registry's {@link
 *       ProviderContext}. Tenants of the same vendor app therefore share its rate limiter and
 *       every tenant shares the connection pool, as clients opened with one context always do.
 *   <li><b>A stable handle.</b> The {@link ImClient} returned is a handle of the tenant, not the
 *       underlying client: each call runs on the tenant's current client. It stays valid across
 *       rotations and evictions (a call after an eviction opens the tenant again). Its {@code
 *       close()} does nothing: the registry owns the clients.
 *   <li><b>Rotation without failed calls.</b> When the source's configuration of a tenant changes
 *       ({@link ImConfig#equals}), picked up by {@link #refresh(String)} or every {@link
 *       Builder#refreshAfter refreshAfter}, a new client is opened and swapped in: calls from then
 *       on run on it, and the old client is closed once the calls that started on it have ended
 *       (reference counting), so no call in flight fails. If the new configuration cannot be
 *       opened, the old client stays in use. A tenant the source no longer knows is closed.
 *   <li><b>Idle eviction.</b> A tenant not used for {@link Builder#evictAfterIdle evictAfterIdle},
 *       or the least valuable ones beyond {@link Builder#maximumTenants maximumTenants}, leave the
 *       cache, and their clients are closed once their calls end.
 *   <li><b>Closed together.</b> {@link #close()} closes every client, and the context too when the
 *       registry created it.
 * </ul>
 *
 * <p>Bind metrics to every tenant's calls by adding a listener to {@link #context()} (for example
 * the {@code imfacade-metrics-micrometer} module's {@code ImMetrics}).
 */
public final class ImTenants implements AutoCloseable {

  private final TenantRegistry registry;

  private ImTenants(TenantRegistry registry) {
    this.registry = registry;
  }

  /** A builder of a registry that reads tenants' configurations from {@code source}. */
  public static Builder builder(TenantConfigSource source) {
    return new Builder(source);
  }

  /**
   * The client of {@code tenantId}: a stable handle whose calls run on the tenant's current
   * client, opened now if the tenant is not open yet.
   *
   * @throws NotFoundException naming the tenant if the source has no configuration for it
   * @throws ConfigurationException naming the tenant if its configuration is invalid or the source
   *     failed (never with a secret's value)
   * @throws InvalidRequestException if {@code tenantId} is null or blank
   * @throws IllegalStateException if the registry is closed
   */
  public ImClient client(String tenantId) {
    return registry.client(tenantId);
  }

  /**
   * Reads the tenant's configuration from the source now and, if it changed, swaps in a new client
   * without failing the calls in flight (the old client closes once they end). A tenant the source
   * no longer knows is closed. A tenant that is not open is left alone: its first use reads the
   * source anyway.
   *
   * @return whether the tenant's client changed
   * @throws ConfigurationException if the source failed or the new configuration is invalid; the
   *     old client then stays in use
   */
  public boolean refresh(String tenantId) {
    return registry.refresh(tenantId);
  }

  /**
   * {@link #refresh(String)} for every open tenant, for an app that learns that many
   * configurations changed at once. Every tenant is tried; the first failure is thrown at the end
   * with the others suppressed in it.
   *
   * @return how many tenants' clients changed
   */
  public int refreshAll() {
    return registry.refreshAll();
  }

  /**
   * Closes the tenant's client (once its calls in flight end), such as when a tenant is deleted;
   * its next use opens it again from the source. Unknown tenants are ignored.
   */
  public void evict(String tenantId) {
    registry.evict(tenantId);
  }

  /** The ids of the tenants whose clients are open now, sorted. A snapshot. */
  public Set<String> tenantIds() {
    return registry.tenantIds();
  }

  /**
   * The context every tenant's client is opened with: add {@link io.imfacade.event.ImListener}s to
   * it to hear every tenant's calls.
   */
  public ProviderContext context() {
    return registry.context();
  }

  /**
   * Does now what the cache otherwise does on its own schedule: closes the clients of idle tenants
   * and of tenants beyond the maximum.
   */
  public void cleanUp() {
    registry.cleanUp();
  }

  /**
   * Closes every tenant's client and, if the registry created it, the context. It does not wait for
   * calls in flight: a client that has some is closed when they end (and the registry's own context
   * after the last of them). Any call or {@link #client(String)} that starts afterwards throws
   * {@link IllegalStateException}. Calling it twice is harmless.
   */
  @Override
  public void close() {
    registry.close();
  }

  @Override
  public String toString() {
    return "ImTenants{open=" + registry.tenantIds().size() + '}';
  }

  /** Builds an {@link ImTenants}. Not thread-safe. */
  public static final class Builder {
    private final TenantConfigSource source;
    private @Nullable ProviderContext context;
    private @Nullable Duration idle;
    private long maximumTenants = -1;
    private @Nullable Duration refreshAfter;
    private @Nullable Executor executor;
    private @Nullable LongSupplier ticker;

    private Builder(TenantConfigSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The context to open every tenant's client with, such as the app's own (then the app closes
     * it, after the registry). Default: a new context that the registry owns and closes.
     */
    public Builder context(ProviderContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Closes a tenant's client when it has not been used for {@code idle}. Default: never. */
    public Builder evictAfterIdle(Duration idle) {
      this.idle = positive(idle, "idle");
      return this;
    }

    /**
     * Keeps at most {@code maximum} tenants open, closing the least valuable (Caffeine's
     * frequency-and-recency policy) when more are used. Default: no maximum. Set it well above the
     * number of tenants that are busy at once, or clients are opened and closed all the time.
     */
    public Builder maximumTenants(long maximum) {
      if (maximum < 1) {
        throw new IllegalArgumentException("maximumTenants must be at least 1, was " + maximum);
      }
      this.maximumTenants = maximum;
      return this;
    }

    /**
     * Reads a tenant's configuration from the source again when it is used {@code interval} or
     * more after it was last read, to pick up rotated credentials without {@link
     * ImTenants#refresh}. The read runs in the background ({@link #executor}); the call that
     * triggers it, and the calls until it is done, use the current client. Default: never.
     */
    public Builder refreshAfter(Duration interval) {
      this.refreshAfter = positive(interval, "refreshAfter");
      return this;
    }

    /**
     * Where background refreshes and closing of evicted clients run. Default: {@link
     * java.util.concurrent.ForkJoinPool#commonPool()}. {@code Runnable::run} runs them on the
     * calling thread, which makes tests deterministic.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The time source of idle eviction and refresh, in nanoseconds like {@link System#nanoTime()},
     * for tests that move time by hand. With it, idle tenants are closed only when the registry is
     * used or {@link ImTenants#cleanUp()} is called. Default: the system's.
     */
    public Builder ticker(LongSupplier nanoTicker) {
      this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
      return this;
    }

    /** The registry. */
    public ImTenants build() {
      boolean owns = context == null;
      ProviderContext ctx = owns ? ProviderContext.create() : context;
      return new ImTenants(new TenantRegistry(new TenantRegistry.Settings(source, ctx, owns, idle, maximumTenants,
          refreshAfter, executor, ticker)));
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
