package io.imfacade.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock, a nano ticker and a sleeper that share one fake time line: sleeping moves the time. */
final class FakeTime extends Clock implements Sleeper {

  private final Instant origin;
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  FakeTime(Instant origin) {
    this.origin = origin;
  }

  FakeTime() {
    this(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(nanos.get());
  }

  long nanoTime() {
    return nanos.get();
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    if (!duration.isNegative()) {
      advance(duration);
    }
  }

  /** Every sleep taken so far, in order. */
  List<Duration> sleeps() {
    synchronized (sleeps) {
      return new ArrayList<>(sleeps);
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
