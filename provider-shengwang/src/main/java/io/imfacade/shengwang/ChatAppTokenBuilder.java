package io.imfacade.shengwang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the Agora <b>AccessToken2</b> ("007" token) of the Chat service: with the app privilege,
 * the app token Shengwang's REST API takes as {@code Authorization: Bearer <token>}; with the user
 * privilege, the token a user's client SDK logs in with. No network call: the token is computed
 * from the App ID and the App Certificate, as Agora's {@code ChatTokenBuilder2.buildAppToken} and
 * {@code buildUserToken} do (AgoraIO/Tools {@code chat/ChatTokenBuilder2.java}; facts §13).
 *
 * <p>Layout (all integers little-endian; a string is a {@code u16} length and its bytes):
 *
 * <pre>
 * signing_info = string(appId) u32(issueTs) u32(expire) u32(salt) u16(1)
 *                u16(5 = chat) u16(1) u16(privilege) u32(expire) string(userId)
 *   privilege 2 (CHAT_APP) with userId "" for an app token, 1 (CHAT_USER) with the user id for a
 *   user token
 * signing_key  = HMAC-SHA256(key u32(salt), HMAC-SHA256(key u32(issueTs), appCertificate))
 * signature    = HMAC-SHA256(key signing_key, signing_info)
 * token        = "007" + Base64(zlib(string(signature) + signing_info))
 * </pre>
 *
 * <p>{@code expire} is relative: seconds from {@code issueTs}. Thread-safe; holds no secret.
 */
public final class ChatAppTokenBuilder {

  /** The longest lifetime the vendor accepts. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

  private static final String VERSION = "007";
  private static final int SERVICE_CHAT = 5;
  private static final int PRIVILEGE_CHAT_APP = 2;
  private static final int PRIVILEGE_CHAT_USER = 1;
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
  /** Salts are drawn as Agora's Python builder draws them: 1 to 99,999,999. */
  private static final int SALT_BOUND = 99_999_999;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ChatAppTokenBuilder() {}

  /**
   * A chat app token issued now (by {@code clock}) with a random salt.
   *
   * @param lifetime from 1 second to {@link #MAX_LIFETIME}
   * @throws IllegalArgumentException if an argument is malformed (the message never shows the
   *     certificate)
   */
  public static String buildAppToken(String appId, String appCertificate, Duration lifetime, Clock clock) {
    long seconds = lifetime.getSeconds();
    if (seconds < 1 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("lifetime must be between 1 second and " + MAX_LIFETIME + ", was " + lifetime);
    }
    long issueTs = clock.instant().getEpochSecond();
    return buildAppToken(appId, appCertificate, issueTs, RANDOM.nextInt(SALT_BOUND) + 1, seconds);
  }

  /**
   * A chat app token from explicit inputs: the deterministic core, reproduced by the published
   * test vector.
   *
   * @param issueTs issue time in Unix seconds
   * @param salt any 32-bit value
   * @param expireSeconds lifetime in seconds from {@code issueTs}
   * @throws IllegalArgumentException if the App ID or the certificate is not 32 hex characters, or
   *     a number does not fit 32 bits
   */
  public static String buildAppToken(String appId, String appCertificate, long issueTs, long salt, long expireSeconds) {
    return build(appId, appCertificate, issueTs, salt, expireSeconds, PRIVILEGE_CHAT_APP, "");
  }

  /**
   * A chat user token for {@code userId} (the chat user id, as in Shengwang's token page, facts
   * §13) issued now (by {@code clock}) with a random salt.
   *
   * @param lifetime from 1 second to {@link #MAX_LIFETIME}
   * @throws IllegalArgumentException if an argument is malformed (the message never shows the
   *     certificate)
   */
  public static String buildUserToken(String appId, String appCertificate, String userId, Duration lifetime,
      Clock clock) {
    long seconds = lifetime.getSeconds();
    if (seconds < 1 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("lifetime must be between 1 second and " + MAX_LIFETIME + ", was " + lifetime);
    }
    long issueTs = clock.instant().getEpochSecond();
    return buildUserToken(appId, appCertificate, userId, issueTs, RANDOM.nextInt(SALT_BOUND) + 1, seconds);
  }

  /**
   * A chat user token from explicit inputs: the deterministic core, reproduced by the published
   * test vector ({@code AccessToken2Test.build_ServiceChat_userToken}).
   *
   * @throws IllegalArgumentException if the App ID or the certificate is not 32 hex characters, the
   *     user id is empty, or a number does not fit 32 bits
   */
  public static String buildUserToken(String appId, String appCertificate, String userId, long issueTs, long salt,
      long expireSeconds) {
    if (userId == null || userId.isEmpty()) {
      throw new IllegalArgumentException("a user token needs a user id");
    }
    return build(appId, appCertificate, issueTs, salt, expireSeconds, PRIVILEGE_CHAT_USER, userId);
  }

  private static String build(String appId, String appCertificate, long issueTs, long salt, long expireSeconds,
      int privilege, String userId) {
    if (appId == null || !HEX32.matcher(appId).matches()) {
      throw new IllegalArgumentException("the App ID must be 32 hex characters");
    }
    if (appCertificate == null || !HEX32.matcher(appCertificate).matches()) {
      throw new IllegalArgumentException("the App Certificate must be 32 hex characters");
    }
    byte[] info = signingInfo(appId, issueTs, salt, expireSeconds, privilege, userId);
    byte[] signature = hmac(signingKey(appCertificate, issueTs, salt), info);
    Packer content = new Packer().bytes(signature).raw(info);
    return VERSION + Base64.getEncoder().encodeToString(deflate(content.toByteArray()));
  }

  /** The signed part of an app token. */
  static byte[] signingInfo(String appId, long issueTs, long salt, long expireSeconds) {
    return signingInfo(appId, issueTs, salt, expireSeconds, PRIVILEGE_CHAT_APP, "");
  }

  /** The signed part of the token: one chat service with one privilege. */
  static byte[] signingInfo(String appId, long issueTs, long salt, long expireSeconds, int privilege, String userId) {
    return new Packer()
        .string(appId)
        .u32(issueTs)
        .u32(expireSeconds)
        .u32(salt)
        .u16(1) // one service
        .u16(SERVICE_CHAT)
        .u16(1) // one privilege
        .u16(privilege)
        .u32(expireSeconds)
        .string(userId) // "" for an app token
        .toByteArray();
  }

  /** HMAC(key u32(salt), HMAC(key u32(issueTs), certificate)). */
  static byte[] signingKey(String appCertificate, long issueTs, long salt) {
    byte[] inner = hmac(new Packer().u32(issueTs).toByteArray(), appCertificate.getBytes(StandardCharsets.UTF_8));
    return hmac(new Packer().u32(salt).toByteArray(), inner);
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e); // every JDK has it
    }
  }

  /** zlib (with its header), default level: what Agora's builders produce. */
  static byte[] deflate(byte[] input) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
      byte[] buffer = new byte[256];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Little-endian packing of AccessToken2's primitives. */
  static final class Packer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Packer u16(int value) {
      if (value < 0 || value > 0xFFFF) {
        throw new IllegalArgumentException("does not fit 16 bits: " + value);
      }
      out.write(value & 0xFF);
      out.write((value >>> 8) & 0xFF);
      return this;
    }

    /** Any value that fits 32 bits, signed or unsigned. */
    Packer u32(long value) {
      if (value < Integer.MIN_VALUE || value > 0xFFFFFFFFL) {
        throw new IllegalArgumentException("does not fit 32 bits: " + value);
      }
      for (int shift = 0; shift < 32; shift += 8) {
        out.write((int) (value >>> shift) & 0xFF);
      }
      return this;
    }

    Packer bytes(byte[] value) {
      u16(value.length);
      return raw(value);
    }

    Packer string(String value) {
      return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    Packer raw(byte[] value) {
      out.write(value, 0, value.length);
      return this;
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
