package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.event.CallEvent;
import io.imfacade.spi.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The indicator's cache, with a clock moved by hand: one probe per period, then a fresh one. */
class HealthIndicatorCacheTest {

  private final MutableClock clock = new MutableClock();
  private final List<CallEvent> probes = new CopyOnWriteArrayList<>();
  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    context.addListener(probes::add);
    client = ImFacade.open(ImConfig.builder().provider("inmemory").build(), context);
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  @Test
  void oneProbePerPeriod() {
    ImfacadeHealthIndicator indicator = new ImfacadeHealthIndicator(client, "probe", Duration.ofSeconds(30), clock);

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    clock.advance(Duration.ofSeconds(29));
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    assertThat(probes).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    indicator.health();

    assertThat(probes).hasSize(2);
    assertThat(probes).allSatisfy(e -> assertThat(e.operation()).isEqualTo("profiles.get"));
  }

  @Test
  void aClosedClientIsDownWithTheNeutralType() {
    ImfacadeHealthIndicator indicator = new ImfacadeHealthIndicator(client, "probe", Duration.ofSeconds(30), clock);
    client.close();

    Health health = indicator.health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("error", "IllegalStateException").containsEntry("provider", "inmemory");
  }

  @Test
  void anInvalidProbeIdIsDownWithTheNeutralType() {
    ImfacadeHealthIndicator indicator = new ImfacadeHealthIndicator(client, "not an id!", Duration.ofSeconds(30), clock);

    assertThat(indicator.health().getDetails()).containsEntry("error", "InvalidRequestException");
  }

  @Test
  void theCacheTtlMustBePositive() {
    assertThatThrownBy(() -> new ImfacadeHealthIndicator(client, "probe", Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache-ttl");
  }

  /** A clock that moves only when told to. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
