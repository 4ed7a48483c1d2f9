package io.imfacade.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The one parser of {@code Retry-After} (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), with
 * caps, so that a hostile or broken header can neither overflow a computation nor stop an app.
 *
 * <ul>
 *   <li>A call never waits past its own deadline: the executor gives up instead (so the wait this
 *       parser returns is at most {@link #MAX_WAIT}, already far beyond any call deadline).
 *   <li>A pause of every client of an app (the shared rate limiter) lasts at most {@link
 *       #MAX_APP_PAUSE}: the longest wait a vendor documents is NetEase's 10-second block, so a
 *       minute covers every real pause six times over while a header of {@code 100000000000}
 *       costs the app one minute, not decades.
 * </ul>
 */
public final class RetryAfter {

  /** The longest wait a header can ask for one call. */
  public static final Duration MAX_WAIT = Duration.ofHours(1);

  /** The longest pause a header can impose on every client of an app. */
  public static final Duration MAX_APP_PAUSE = Duration.ofMinutes(1);

  private RetryAfter() {}

  /**
   * The wait a header asks for, between zero and {@link #MAX_WAIT}; null when it is absent or not
   * a valid value.
   */
  public static @Nullable Duration parse(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Any number of digits: compared as text length first, so that no value can overflow.
      long cap = MAX_WAIT.getSeconds();
      if (value.length() > 18) {
        return MAX_WAIT;
      }
      return Duration.ofSeconds(Math.min(Long.parseLong(value), cap));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return cap(Duration.between(now, at), MAX_WAIT);
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /** {@code wait} clamped to zero and {@code max}. */
  public static Duration cap(Duration wait, Duration max) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
