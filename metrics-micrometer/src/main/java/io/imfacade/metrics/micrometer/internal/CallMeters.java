package io.imfacade.metrics.micrometer.internal;

import static io.imfacade.metrics.micrometer.ImMetrics.ATTEMPTS;
import static io.imfacade.metrics.micrometer.ImMetrics.CALLS;
import static io.imfacade.metrics.micrometer.ImMetrics.NO_TENANT;
import static io.imfacade.metrics.micrometer.ImMetrics.OPERATION;
import static io.imfacade.metrics.micrometer.ImMetrics.OUTCOME;
import static io.imfacade.metrics.micrometer.ImMetrics.PROVIDER;
import static io.imfacade.metrics.micrometer.ImMetrics.RATE_LIMIT_WAIT;
import static io.imfacade.metrics.micrometer.ImMetrics.TENANT;
import static io.imfacade.metrics.micrometer.ImMetrics.TOKEN_FETCHES;

import io.imfacade.event.CallEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The four meters of imfacade calls, each a {@link Meter.MeterProvider}, so that recording a call
 * costs a lookup by its tag values and no builder. Every meter of one name has the same tag keys
 * (a client without tenant is tagged {@code tenant=none}), as Prometheus requires.
 */
public final class CallMeters {

  private final boolean tenantTag;
  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<DistributionSummary> attempts;
  private final Meter.MeterProvider<Timer> rateLimitWait;
  private final Meter.MeterProvider<Counter> tokenFetches;

  /** The meters in {@code registry}, with or without the tenant tag. */
  public CallMeters(MeterRegistry registry, boolean tenantTag) {
    this.tenantTag = tenantTag;
    this.calls = Timer.builder(CALLS)
        .description("Neutral imfacade calls, validation, rate-limit waits and retries included")
        .withRegistry(registry);
    this.attempts = DistributionSummary.builder(ATTEMPTS)
        .description("HTTP requests per imfacade call, retries and the authentication replay included")
        .withRegistry(registry);
    this.rateLimitWait = Timer.builder(RATE_LIMIT_WAIT)
        .description("Time an imfacade call waited for the client-side rate limiter of its vendor app")
        .withRegistry(registry);
    this.tokenFetches = Counter.builder(TOKEN_FETCHES)
        .description("Access-token fetches caused by imfacade calls")
        .withRegistry(registry);
  }

  /** Records one call. */
  public void record(CallEvent e) {
    String p = e.provider();
    String op = e.operation();
    if (tenantTag) {
      String t = e.tenant() == null ? NO_TENANT : e.tenant();
      calls.withTags(PROVIDER, p, OPERATION, op, TENANT, t, OUTCOME, e.outcome()).record(e.duration());
      attempts.withTags(PROVIDER, p, OPERATION, op, TENANT, t).record(e.attempts());
      rateLimitWait.withTags(PROVIDER, p, OPERATION, op, TENANT, t).record(e.rateLimitWait());
      tokenFetches.withTags(PROVIDER, p, TENANT, t).increment(e.tokenFetches());
    } else {
      calls.withTags(PROVIDER, p, OPERATION, op, OUTCOME, e.outcome()).record(e.duration());
      attempts.withTags(PROVIDER, p, OPERATION, op).record(e.attempts());
      rateLimitWait.withTags(PROVIDER, p, OPERATION, op).record(e.rateLimitWait());
      tokenFetches.withTags(PROVIDER, p).increment(e.tokenFetches());
    }
  }
}
