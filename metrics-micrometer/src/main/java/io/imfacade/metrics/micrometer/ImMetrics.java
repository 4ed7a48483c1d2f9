package io.imfacade.metrics.micrometer;

import io.imfacade.event.CallEvent;
import io.imfacade.event.ImListener;
import io.imfacade.metrics.micrometer.internal.CallMeters;
import io.imfacade.spi.ProviderContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Micrometer metrics of every neutral call: an {@link ImListener} to add to the {@link
 * ProviderContext} of the clients to measure (for a tenant registry, its {@code context()}).
 *
 * <pre>{@code
 * ImMetrics.builder(meterRegistry).bindTo(context);
 * // thousands of tenants: leave the tenant out of the tags
 * ImMetrics.builder(meterRegistry).tenantTag(false).bindTo(tenants.context());
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>per call</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>provider, operation, tenant, outcome</td>
 *       <td>its duration, validation, rate-limit waits and retries included</td></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>distribution summary</td><td>provider, operation, tenant</td>
 *       <td>the HTTP requests it sent (0 for the in-memory provider); the mean above 1 is the retry
 *       rate</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_WAIT}</td><td>timer</td><td>provider, operation, tenant</td>
 *       <td>the time it waited for the client-side rate limiter (zero when it did not)</td></tr>
 *   <tr><td>{@value #TOKEN_FETCHES}</td><td>counter</td><td>provider, tenant</td>
 *       <td>the access tokens fetched for it</td></tr>
 * </table>
 *
 * <p>{@code outcome} is {@code ok} or the neutral exception's simple name ({@code
 * RateLimitedException}, {@code NotFoundException}, ...), as in {@link CallEvent#outcome()}. {@code
 * tenant} is the client's {@code tenant} configuration key, or {@value #NO_TENANT}.
 *
 * <p><b>Cardinality.</b> Each tenant multiplies the series (some 14 operations times the outcomes
 * seen). With many tenants, drop the tag with {@link Builder#tenantTag(boolean) tenantTag(false)}:
 * the meters then have no {@code tenant} tag at all. A registry-wide alternative that keeps the
 * tag for the first tenants only is Micrometer's own {@code
 * registry.config().meterFilter(MeterFilter.maximumAllowableTags("imfacade.calls", "tenant", 100,
 * MeterFilter.deny()))}.
 *
 * <p><b>Failures.</b> A registry that throws (a broken meter filter, a full backend) never fails a
 * call: the client's guard catches what a listener throws and logs it once per listener class.
 * Thread-safe.
 */
public final class ImMetrics implements ImListener {

  /** The timer of calls. */
  public static final String CALLS = "imfacade.calls";
  /** The distribution summary of HTTP attempts per call. */
  public static final String ATTEMPTS = "imfacade.attempts";
  /** The timer of rate-limit waits per call. */
  public static final String RATE_LIMIT_WAIT = "imfacade.ratelimit.wait";
  /** The counter of token fetches. */
  public static final String TOKEN_FETCHES = "imfacade.token.fetches";

  /** The tag of the provider id. */
  public static final String PROVIDER = "provider";
  /** The tag of the neutral operation, such as {@code profiles.getAll}. */
  public static final String OPERATION = "operation";
  /** The tag of the tenant (unless {@link Builder#tenantTag(boolean) tenantTag(false)}). */
  public static final String TENANT = "tenant";
  /** The tag of the outcome: {@code ok} or the neutral exception's simple name. */
  public static final String OUTCOME = "outcome";
  /** The {@code tenant} tag's value for a client that has no tenant. */
  public static final String NO_TENANT = "none";

  private final CallMeters meters;
  private final boolean tenantTag;

  private ImMetrics(MeterRegistry registry, boolean tenantTag) {
    this.meters = new CallMeters(registry, tenantTag);
    this.tenantTag = tenantTag;
  }

  /** A builder of metrics in {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Adds these metrics to {@code context}: every call of every client opened with it is recorded
   * from now on. Binding to several contexts is fine (their calls share the meters).
   *
   * @return this
   */
  public ImMetrics bindTo(ProviderContext context) {
    context.addListener(this);
    return this;
  }

  /** Stops recording the calls of {@code context}'s clients. */
  public void unbindFrom(ProviderContext context) {
    context.removeListener(this);
  }

  /** Whether the meters have the {@code tenant} tag. */
  public boolean tenantTag() {
    return tenantTag;
  }

  /** Records one call; called by the client's guard. */
  @Override
  public void onCall(CallEvent event) {
    meters.record(event);
  }

  @Override
  public String toString() {
    return "ImMetrics{tenantTag=" + tenantTag + '}';
  }

  /** Builds {@link ImMetrics}. Not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private boolean tenantTag = true;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Whether the meters carry the {@code tenant} tag (default true). Set false with many tenants:
     * each tenant multiplies the number of series.
     */
    public Builder tenantTag(boolean tenantTag) {
      this.tenantTag = tenantTag;
      return this;
    }

    /** The metrics, not bound to any context yet. */
    public ImMetrics build() {
      return new ImMetrics(registry, tenantTag);
    }

    /** Shorthand for {@code build().bindTo(context)}. */
    public ImMetrics bindTo(ProviderContext context) {
      return build().bindTo(context);
    }
  }
}
