package io.imfacade.http;

import io.imfacade.ImConfig;
import io.imfacade.spi.ProviderContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RateLimiterStore} found by {@link java.util.ServiceLoader} in the tests (id {@code
 * recording}): its limiters record what the transport asks of them and always grant a permit.
 */
public final class RecordingStore implements RateLimiterStore, AutoCloseable {

  static final String ID = "recording";
  static final List<RecordingStore> CREATED = new CopyOnWriteArrayList<>();

  final AtomicInteger checks = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  final List<Recorder> limiters = new CopyOnWriteArrayList<>();

  /** ServiceLoader's constructor. */
  public RecordingStore() {
    CREATED.add(this);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void check(ImConfig config) {
    checks.incrementAndGet();
    config.getLong("rateLimit.recording.level", 0, 0, 9);
  }

  @Override
  public AppRateLimiter limiter(String appKey, double requestsPerSecond, ImConfig config, ProviderContext context) {
    Recorder r = new Recorder(appKey, requestsPerSecond);
    limiters.add(r);
    return r;
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }

  /** A limiter that grants everything and remembers the calls. */
  static final class Recorder implements AppRateLimiter {
    final String appKey;
    final double requestsPerSecond;
    final AtomicInteger acquired = new AtomicInteger();
    final List<Instant> pauses = new CopyOnWriteArrayList<>();

    Recorder(String appKey, double requestsPerSecond) {
      this.appKey = appKey;
      this.requestsPerSecond = requestsPerSecond;
    }

    @Override
    public void acquire(Instant deadline) {
      acquired.incrementAndGet();
    }

    @Override
    public void pauseUntil(Instant until) {
      pauses.add(until);
    }
  }
}
