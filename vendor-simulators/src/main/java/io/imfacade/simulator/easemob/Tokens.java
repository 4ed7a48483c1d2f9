package io.imfacade.simulator.easemob;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The app tokens the simulator issued, with their expiry, and the verdicts on tokens it did not
 * issue (Shengwang's locally built AccessToken2). Thread-safe.
 */
final class Tokens {

  /** Why a token is refused, if it is. */
  enum Verdict {
    VALID,
    /** Issued here (or accepted before) and expired since. */
    EXPIRED,
    /** Missing, unknown or refused by the predicate. */
    INVALID
  }

  /** A token value marking "never expires" (a {@code ttl} of 0). */
  private static final long NEVER = Long.MAX_VALUE;

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Predicate<String> acceptForeign;
  /** Issued token to its expiry in epoch millis. */
  private final Map<String, Long> issued = new ConcurrentHashMap<>();
  /** Foreign tokens the predicate accepted, so that expireAll() can revoke them. */
  private final Set<String> foreignSeen = ConcurrentHashMap.newKeySet();
  private final Set<String> foreignRevoked = ConcurrentHashMap.newKeySet();

  Tokens(Clock clock, Predicate<String> acceptForeign) {
    this.clock = clock;
    this.acceptForeign = acceptForeign;
  }

  /** A fresh token valid for {@code ttlSeconds} (0: never expires). */
  String issue(long ttlSeconds) {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    // Easemob app tokens start with "YWMt"; the rest is opaque.
    String token = "YWMt" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long expiry = ttlSeconds == 0 ? NEVER : clock.millis() + Math.multiplyExact(ttlSeconds, 1000L);
    issued.put(token, expiry);
    return token;
  }

  /**
   * A fresh user token value: shaped like an app token, but never accepted as one (a user token
   * does not authorise the REST API, facts §11: 401 {@code auth_bad_access_token}).
   */
  String userToken() {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    return "YWMt" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  Verdict check(String token) {
    if (token == null || token.isEmpty()) {
      return Verdict.INVALID;
    }
    Long expiry = issued.get(token);
    if (expiry != null) {
      return clock.millis() < expiry ? Verdict.VALID : Verdict.EXPIRED;
    }
    if (foreignRevoked.contains(token)) {
      return Verdict.EXPIRED;
    }
    if (acceptForeign.test(token)) {
      foreignSeen.add(token);
      return Verdict.VALID;
    }
    return Verdict.INVALID;
  }

  /** Every token issued or accepted so far stops working; new ones work. */
  void expireAll() {
    long now = clock.millis();
    issued.replaceAll((token, expiry) -> Math.min(expiry, now));
    foreignRevoked.addAll(foreignSeen);
    foreignSeen.clear();
  }
}
