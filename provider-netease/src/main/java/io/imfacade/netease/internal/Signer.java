package io.imfacade.netease.internal;

import io.imfacade.http.RequestAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Signs every request the NetEase way: {@code AppKey}, a random {@code Nonce}, {@code CurTime}
 * (Unix seconds of the context clock) and {@code CheckSum}, the lower-case hex SHA-1 of {@code
 * appSecret + nonce + curTime} (netease-facts §9).
 *
 * <p>It is a {@link RequestAuth}, applied once per HTTP attempt (by the OkHttp chain, or by a prepared
 * endpoint as it builds the request): the executor builds a new call for every attempt, and each
 * gets its own nonce, time and checksum. A retry never
 * replays a checksum (which NetEase may refuse as a repeated request, code 431), and a retry after
 * a long wait is not refused for a stale {@code CurTime} (valid for five minutes).
 *
 * <p>The secret stays in this object; {@link #toString()} does not show it, and nothing here logs.
 */
final class Signer implements RequestAuth {

  static final String APP_KEY = "AppKey";
  static final String NONCE = "Nonce";
  static final String CUR_TIME = "CurTime";
  static final String CHECK_SUM = "CheckSum";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Never used itself, only cloned (see {@link #sha1()}). */
  private static final @Nullable MessageDigest SHA1 = prototype();
  /** 16 random bytes, 32 hex characters: well under the documented 128. */
  private static final int NONCE_BYTES = 16;

  private final String appKey;
  private final String appSecret;
  private final Clock clock;
  private final Supplier<String> nonces;

  Signer(String appKey, String appSecret, Clock clock) {
    this(appKey, appSecret, clock, Signer::newNonce);
  }

  /** With a nonce source of the test's choosing. */
  Signer(String appKey, String appSecret, Clock clock, Supplier<String> nonces) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
  }

  @Override
  public Request.Builder authorize(Request.Builder request) {
    String nonce = nonces.get();
    String curTime = Long.toString(clock.instant().getEpochSecond());
    return request
        .header(APP_KEY, appKey)
        .header(NONCE, nonce)
        .header(CUR_TIME, curTime)
        .header(CHECK_SUM, checkSum(appSecret, nonce, curTime));
  }

  /**
   * Whether {@code request} was signed for this attempt already (by a prepared endpoint). Every
   * attempt is a new request, so a signature found here is never one of an earlier attempt.
   */
  @Override
  public boolean isAuthorized(Request request) {
    return request.header(CHECK_SUM) != null;
  }

  /** The lower-case hex SHA-1 of {@code appSecret + nonce + curTime} in UTF-8. */
  static String checkSum(String appSecret, String nonce, String curTime) {
    byte[] digest = sha1().digest((appSecret + nonce + curTime).getBytes(StandardCharsets.UTF_8));
    return hex(digest);
  }

  /**
   * A fresh SHA-1 digest. A clone of a prototype where the provider allows it: {@link
   * MessageDigest#getInstance} looks the algorithm up among the security providers on every call.
   */
  private static MessageDigest sha1() {
    if (SHA1 != null) {
      try {
        return (MessageDigest) SHA1.clone();
      } catch (CloneNotSupportedException e) {
        // this provider's digests cannot be cloned: look one up
      }
    }
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e); // every JVM must have it
    }
  }

  private static @Nullable MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      return null; // reported by sha1() on first use
    }
  }

  /** A fresh nonce: 32 lower-case hex characters from {@link SecureRandom}. */
  static String newNonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    RANDOM.nextBytes(bytes);
    return hex(bytes);
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "Signer{appKey=" + appKey + ", appSecret=****}";
  }
}
