package io.imfacade.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.event.CallEvent;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.ProviderContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProviderContext context = ProviderContext.create();

  @AfterEach
  void close() {
    context.close();
  }

  private ImClient inMemory(String tenant) {
    return ImFacade.open(ImConfig.of(Map.of("provider", "inmemory", "inmemory.limits", "none",
        "tenant", tenant)), context);
  }

  private Timer calls(String provider, String operation, String tenant, String outcome) {
    return registry.get(ImMetrics.CALLS).tags(ImMetrics.PROVIDER, provider, ImMetrics.OPERATION, operation,
        ImMetrics.TENANT, tenant, ImMetrics.OUTCOME, outcome).timer();
  }

  @Test
  void okAndFailedCallsOfARealClientAreTaggedWithTheirOutcome() {
    ImMetrics.builder(registry).bindTo(context);
    try (ImClient acme = inMemory("acme")) {
      acme.profiles().get("alice");
      acme.profiles().get("bob");
      assertThatThrownBy(() -> acme.profiles().update("nobody", ProfileUpdate.builder().nickname("x").build()))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> acme.profiles().get(" ")).isInstanceOf(InvalidRequestException.class);
    }

    assertThat(calls("inmemory", "profiles.get", "acme", "ok").count()).isEqualTo(2);
    assertThat(calls("inmemory", "profiles.update", "acme", "NotFoundException").count()).isEqualTo(1);
    assertThat(calls("inmemory", "profiles.get", "acme", "InvalidRequestException").count()).isEqualTo(1);
    assertThat(registry.get(ImMetrics.CALLS).timers()).hasSize(3)
        .allSatisfy(t -> assertThat(t.getId().getTags()).extracting(Tag::getKey)
            .containsExactlyInAnyOrder("provider", "operation", "tenant", "outcome"));
    // The fake sends no HTTP request: zero attempts, no wait, no token, but each call counted.
    DistributionSummary attempts = registry.get(ImMetrics.ATTEMPTS)
        .tags("provider", "inmemory", "operation", "profiles.get", "tenant", "acme").summary();
    assertThat(attempts.count()).isEqualTo(3);
    assertThat(attempts.totalAmount()).isZero();
  }

  @Test
  void attemptsRateLimitWaitAndTokenFetchesAreRecorded() {
    ImMetrics.builder(registry).bindTo(context);
    try (ImClient client = ImFacade.open(ImConfig.of(Map.of("provider", "metered", "tenant", "acme")),
        context)) {
      client.profiles().get("alice");
      client.profiles().get("bob");
      assertThatThrownBy(() -> client.profiles().update("alice", ProfileUpdate.builder().nickname("x").build()))
          .isInstanceOf(RateLimitedException.class);
    }

    Tags get = Tags.of("provider", "metered", "operation", "profiles.get", "tenant", "acme");
    DistributionSummary getAttempts = registry.get(ImMetrics.ATTEMPTS).tags(get).summary();
    assertThat(getAttempts.count()).isEqualTo(2);
    assertThat(getAttempts.totalAmount()).isEqualTo(4);
    Timer wait = registry.get(ImMetrics.RATE_LIMIT_WAIT).tags(get).timer();
    assertThat(wait.count()).isEqualTo(2);
    assertThat(wait.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(10);
    assertThat(registry.get(ImMetrics.TOKEN_FETCHES).tags("provider", "metered", "tenant", "acme").counter().count())
        .isEqualTo(2);

    assertThat(calls("metered", "profiles.update", "acme", "RateLimitedException").count()).isEqualTo(1);
    assertThat(registry.get(ImMetrics.ATTEMPTS)
        .tags("provider", "metered", "operation", "profiles.update", "tenant", "acme").summary().totalAmount())
        .isEqualTo(3);
  }

  @Test
  void withoutTheTenantTagTenantsShareTheirSeries() {
    ImMetrics metrics = ImMetrics.builder(registry).tenantTag(false).bindTo(context);
    assertThat(metrics.tenantTag()).isFalse();
    try (ImClient acme = inMemory("acme"); ImClient globex = inMemory("globex")) {
      acme.profiles().get("alice");
      globex.profiles().get("alice");
    }

    List<Meter> meters = registry.getMeters();
    assertThat(meters).isNotEmpty().allSatisfy(m -> assertThat(m.getId().getTag(ImMetrics.TENANT)).isNull());
    assertThat(registry.get(ImMetrics.CALLS).tags("provider", "inmemory", "operation", "profiles.get", "outcome", "ok")
        .timer().count()).isEqualTo(2);
  }

  @Test
  void aClientWithoutTenantIsTaggedNone() {
    ImMetrics.builder(registry).bindTo(context);
    try (ImClient plain = ImFacade.open(ImConfig.of(Map.of("provider", "inmemory", "inmemory.limits",
        "none")), context)) {
      plain.profiles().get("alice");
    }
    assertThat(calls("inmemory", "profiles.get", ImMetrics.NO_TENANT, "ok").count()).isEqualTo(1);
  }

  @Test
  void aFailingRegistryNeverFailsACall() {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        throw new IllegalStateException("the metrics backend is broken");
      }
    });
    List<CallEvent> heard = new CopyOnWriteArrayList<>();
    ImMetrics metrics = ImMetrics.builder(registry).bindTo(context);
    // The registry does throw into the listener...
    assertThatThrownBy(() -> metrics.onCall(new CallEvent("inmemory", "profiles.get", "acme", "ok", Duration.ZERO, 0,
        Duration.ZERO, 0, null))).isInstanceOf(IllegalStateException.class);
    // ... and yet the calls succeed.
    context.addListener(heard::add);
    try (ImClient acme = inMemory("acme")) {
      assertThat(acme.profiles().get("alice")).isEmpty();
      assertThat(acme.profiles().get("bob")).isEmpty();
    }
    // The listener after the failing one still hears every call.
    assertThat(heard).extracting(CallEvent::outcome).containsExactly("ok", "ok");
    assertThat(registry.find(ImMetrics.CALLS).timers()).isEmpty();
  }

  @Test
  void unbindingStopsRecording() {
    ImMetrics metrics = ImMetrics.builder(registry).bindTo(context);
    try (ImClient acme = inMemory("acme")) {
      acme.profiles().get("alice");
      metrics.unbindFrom(context);
      acme.profiles().get("alice");
    }
    assertThat(calls("inmemory", "profiles.get", "acme", "ok").count()).isEqualTo(1);
  }

  @Test
  void anEventIsRecordedAsItSays() {
    ImMetrics metrics = ImMetrics.builder(registry).build();
    metrics.onCall(new CallEvent("easemob", "contacts.add", "t1", "ok", Duration.ofMillis(30), 2,
        Duration.ofMillis(7), 1, null));

    Timer call = calls("easemob", "contacts.add", "t1", "ok");
    assertThat(call.count()).isEqualTo(1);
    assertThat(call.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
    assertThat(registry.get(ImMetrics.RATE_LIMIT_WAIT).tags("tenant", "t1").timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(7);
    assertThat(registry.get(ImMetrics.ATTEMPTS).tags("tenant", "t1").summary().totalAmount()).isEqualTo(2);
    assertThat(registry.get(ImMetrics.TOKEN_FETCHES).tags("tenant", "t1").counter().count()).isEqualTo(1);
  }
}
