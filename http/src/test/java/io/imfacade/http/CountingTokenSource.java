package io.imfacade.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues {@code tok-1-s3cr3t}, {@code tok-2-s3cr3t}, ... and counts the fetches. */
final class CountingTokenSource implements TokenSource {

  /** Every test token contains this, so that LoggingTest can look for leaks. */
  static final String SECRET_MARK = "s3cr3t";

  final AtomicInteger fetches = new AtomicInteger();
  private final String prefix;
  private final Instant expiresAt;

  CountingTokenSource(String prefix, Instant expiresAt) {
    this.prefix = prefix;
    this.expiresAt = expiresAt;
  }

  CountingTokenSource() {
    this("tok", Instant.MAX);
  }

  static String token(String prefix, int n) {
    return prefix + "-" + n + "-" + SECRET_MARK;
  }

  @Override
  public IssuedToken fetch() {
    return IssuedToken.of(token(prefix, fetches.incrementAndGet()), expiresAt);
  }
}
