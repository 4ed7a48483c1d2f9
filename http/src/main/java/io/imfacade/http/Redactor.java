package io.imfacade.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replaces every secret of a client (its configured secrets, such as a client secret or an app
 * certificate, and its live token) with {@code ****} in anything a vendor sends back or an I/O
 * error says, before it can reach an exception or a log. Immutable and thread-safe.
 */
public final class Redactor {

  /** What a secret becomes. */
  public static final String MASK = "****";

  /** Shorter values are not treated as secrets: masking "a" everywhere would only garble text. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor of {@code secrets} (null and short values are ignored). */
  public static Redactor of(Collection<@Nullable String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH && !kept.contains(s)) {
        kept.add(s);
      }
    }
    // Longest first: a secret that contains another is masked whole.
    kept.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(kept));
  }

  /** A redactor of nothing. */
  public static Redactor none() {
    return new Redactor(List.of());
  }

  /** {@code text} with every secret and {@code extra} (a live token, say) masked. */
  public @Nullable String redact(@Nullable String text, @Nullable String extra) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    if (extra != null && extra.length() >= MIN_SECRET_LENGTH) {
      result = result.replace(extra, MASK);
    }
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** {@code text} with every secret masked. */
  public @Nullable String redact(@Nullable String text) {
    return redact(text, null);
  }

  @Override
  public String toString() {
    return "Redactor{" + secrets.size() + " secrets}";
  }
}
