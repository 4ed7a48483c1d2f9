package io.imfacade.ratelimit.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Redis keys of one vendor app: {@code imfacade:rl:{<hash>}} holds its token bucket and {@code
 * imfacade:rl:{<hash>}:pause} exists while the vendor has paused it. The hash is the first 96 bits
 * of the SHA-256 of the app key ({@code netease:<appKey>}): keys name the app without spelling it
 * out, never hold a secret, and the braces put both keys of an app in one Redis Cluster slot.
 *
 * @param bucket the bucket's key
 * @param pause the pause's key
 */
public record RedisKeys(String bucket, String pause) {

  /** What every key of this module starts with. */
  public static final String PREFIX = "imfacade:rl:";

  /** The keys of {@code appKey}. */
  public static RedisKeys of(String appKey) {
    String tag = PREFIX + '{' + hash(appKey) + '}';
    return new RedisKeys(tag, tag + ":pause");
  }

  private static String hash(String appKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(appKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
