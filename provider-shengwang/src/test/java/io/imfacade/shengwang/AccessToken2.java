package io.imfacade.shengwang;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A test-side reader of AccessToken2 chat tokens, written from the layout rather than from the
 * builder, so that a simulator can check the tokens the provider sends.
 */
final class AccessToken2 {

  final byte[] signature;
  final byte[] signingInfo;
  final String appId;
  final long issueTs;
  final long expire;
  final long salt;
  final Map<Integer, Long> privileges = new LinkedHashMap<>();
  final int serviceType;
  final String userId;

  private AccessToken2(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    signature = bytes(in);
    int start = in.position();
    appId = new String(bytes(in), StandardCharsets.UTF_8);
    issueTs = Integer.toUnsignedLong(in.getInt());
    expire = Integer.toUnsignedLong(in.getInt());
    salt = Integer.toUnsignedLong(in.getInt());
    int services = Short.toUnsignedInt(in.getShort());
    if (services != 1) {
      throw new IllegalArgumentException("expected one service, found " + services);
    }
    serviceType = Short.toUnsignedInt(in.getShort());
    int count = Short.toUnsignedInt(in.getShort());
    for (int i = 0; i < count; i++) {
      privileges.put(Short.toUnsignedInt(in.getShort()), Integer.toUnsignedLong(in.getInt()));
    }
    userId = new String(bytes(in), StandardCharsets.UTF_8);
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " trailing bytes");
    }
    signingInfo = Arrays.copyOfRange(payload, start, payload.length);
  }

  /** Parses a "007" token. */
  static AccessToken2 parse(String token) {
    return new AccessToken2(decode(token));
  }

  /** The inflated payload of a "007" token: signature then signing info. */
  static byte[] decode(String token) {
    if (token == null || !token.startsWith("007")) {
      throw new IllegalArgumentException("not an AccessToken2");
    }
    byte[] compressed = Base64.getDecoder().decode(token.substring(3));
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[256];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated token");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not zlib data", e);
    } finally {
      inflater.end();
    }
  }

  /** Whether the signature is the one {@code appCertificate} gives. */
  boolean verify(String appCertificate) {
    byte[] key = ChatAppTokenBuilder.signingKey(appCertificate, issueTs, salt);
    return MessageDigest.isEqual(signature, ChatAppTokenBuilder.hmac(key, signingInfo));
  }

  /** A chat app token of {@code appId}, signed with {@code appCertificate}, valid at {@code nowSeconds}. */
  static boolean isValidChatAppToken(String token, String appId, String appCertificate, long nowSeconds) {
    try {
      AccessToken2 t = parse(token);
      return t.appId.equals(appId)
          && t.serviceType == 5
          && t.userId.isEmpty()
          && t.privileges.containsKey(2)
          && nowSeconds >= t.issueTs - 60
          && nowSeconds < t.issueTs + t.expire
          && t.verify(appCertificate);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(b);
    return b;
  }
}
