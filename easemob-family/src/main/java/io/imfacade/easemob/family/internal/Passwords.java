package io.imfacade.easemob.family.internal;

import java.security.SecureRandom;

/**
 * Strong random passwords for users registered without one. The vendor requires a password at
 * registration ({@code "password or pin must provided"}, facts §11) and documents at most 64
 * characters (at least 6 on the password page) but no character set; the only documented set is
 * the official Java SDK's client check, {@code [a-zA-Z0-9~!@#$%^&*\-_=+<>;:,./?]{1,64}}
 * (em-sdk model/EMUser.java). A password drawn from that set passes any server check the SDK's
 * users pass. 32 of its 83 characters give about 204 bits, all ASCII (32 bytes, within the
 * declared 64-byte limit).
 */
final class Passwords {

  /** The Java SDK's password characters. */
  static final String CHARSET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~!@#$%^&*-_=+<>;:,./?";

  static final int LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /** A fresh password of {@value #LENGTH} characters of {@link #CHARSET}. */
  static String generate() {
    char[] password = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      password[i] = CHARSET.charAt(RANDOM.nextInt(CHARSET.length()));
    }
    return new String(password);
  }
}
