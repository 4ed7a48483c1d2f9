package io.imfacade.tck;

import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values built from a provider's declared limits: strings exactly at a bound and one unit over
 * it, attribute maps and profiles exactly at a total size. {@code TckValuesTest} checks every
 * value against every built-in provider's metadata.
 *
 * <p>A value at a bound in one unit is made of characters whose size differs in the <em>other</em>
 * units (emoji for a UTF-16 or code-point bound, CJK characters for a byte bound), so that a
 * provider counting the wrong unit fails: it either refuses the value at the limit or accepts the
 * one over it. The value one unit over the bound adds one ASCII letter, which adds one in every
 * unit; where the other bounds allow it, the value at the limit leaves room for that letter in
 * them, so that the value over it breaks only the bound under test.
 */
final class LimitValues {

  /** U+1F600: 2 UTF-16 code units, 1 code point, 4 UTF-8 bytes. */
  static final String EMOJI = "\uD83D\uDE00";
  /** U+4E2D: 1 UTF-16 code unit, 1 code point, 3 UTF-8 bytes. */
  static final String HAN = "中";
  /** U+00E9: 1 UTF-16 code unit, 1 code point, 2 UTF-8 bytes. */
  static final String LATIN = "é";

  private LimitValues() {}

  /**
   * A value exactly at one bound of a limit and the same value one unit over it.
   *
   * @param unit the unit of the bound
   * @param max the bound
   * @param atLimit {@code max} long in {@code unit}, within the limit's other bounds
   * @param overLimit {@code max + 1} long in {@code unit}
   */
  record Sample(LengthUnit unit, int max, String atLimit, String overLimit) {
    @Override
    public String toString() {
      return max + " " + unit;
    }
  }

  /** The bounded units of {@code limit} and their bounds. */
  static Map<LengthUnit, Integer> bounds(LengthLimit limit) {
    Map<LengthUnit, Integer> bounds = new EnumMap<>(LengthUnit.class);
    if (limit.maxBytes() != Integer.MAX_VALUE) {
      bounds.put(LengthUnit.BYTES, limit.maxBytes());
    }
    if (limit.maxUtf16Units() != Integer.MAX_VALUE) {
      bounds.put(LengthUnit.UTF16_UNITS, limit.maxUtf16Units());
    }
    if (limit.maxCodePoints() != Integer.MAX_VALUE) {
      bounds.put(LengthUnit.CODE_POINTS, limit.maxCodePoints());
    }
    return bounds;
  }

  /**
   * One sample per bound of {@code limit} that a value can reach (a bound of 300 bytes is out of
   * reach under a bound of 64 UTF-16 units: the smaller one is the limit in effect, and is sampled).
   *
   * @param prefix ASCII text the values start with, such as {@code https://} for a URL; dropped
   *     when a bound leaves no room for it
   * @param suffix ASCII text the values end with, such as {@code @example.com}
   * @param byteBudget the largest UTF-8 size the value at the limit should have, so that it fits a
   *     total the value is part of; ignored when no value at the bound can meet it
   */
  static List<Sample> samples(LengthLimit limit, String prefix, String suffix, int byteBudget) {
    List<Sample> samples = new ArrayList<>();
    bounds(limit).forEach((unit, max) -> sample(limit, unit, max, prefix, suffix, byteBudget).ifPresent(samples::add));
    return samples;
  }

  /**
   * The sample of the bound in effect for an ASCII value, where the vendor accepts only ASCII (a
   * password: Easemob's may hold letters, digits and some punctuation only): one ASCII character
   * counts one in every unit, so the smallest bound is the limit, and the units cannot be told
   * apart. Letters and digits, to look like a password.
   *
   * @return empty when {@code limit} is unbounded
   */
  static Optional<Sample> asciiSample(LengthLimit limit) {
    Map<LengthUnit, Integer> bounds = bounds(limit);
    if (bounds.isEmpty()) {
      return Optional.empty();
    }
    LengthUnit unit = null;
    int max = Integer.MAX_VALUE;
    for (Map.Entry<LengthUnit, Integer> e : bounds.entrySet()) {
      if (e.getValue() < max) {
        unit = e.getKey();
        max = e.getValue();
      }
    }
    String pattern = "Tck9pass";
    String at = pattern.repeat(max / pattern.length() + 1).substring(0, max);
    return Optional.of(new Sample(unit, max, at, at + "x"));
  }

  /** One sample per reachable bound, without framing or budget. */
  static List<Sample> samples(LengthLimit limit) {
    return samples(limit, "", "", Integer.MAX_VALUE);
  }

  private static Optional<Sample> sample(LengthLimit limit, LengthUnit unit, int max, String prefix, String suffix,
      int byteBudget) {
    String frameStart = prefix;
    String frameEnd = suffix;
    if (max - prefix.length() - suffix.length() < 1) {
      frameStart = "";
      frameEnd = "";
    }
    int frame = frameStart.length() + frameEnd.length();
    // Most preferred first: room for the extra letter in the other bounds and within the budget;
    // then without the budget; then without the room.
    long[][] attempts = {{1, byteBudget}, {1, Integer.MAX_VALUE}, {0, Integer.MAX_VALUE}};
    for (long[] attempt : attempts) {
      long slack = attempt[0];
      long bytes = Math.min(limit.maxBytes(), attempt[1]);
      if (unit == LengthUnit.BYTES && max > bytes) {
        continue; // the value at a byte bound has exactly max bytes: over the budget
      }
      Optional<String> filler = filler(unit, max - frame, bytes - frame - slack,
          (long) limit.maxUtf16Units() - frame - slack, (long) limit.maxCodePoints() - frame - slack);
      if (filler.isPresent()) {
        String at = frameStart + filler.get() + frameEnd;
        String over = frameStart + filler.get() + "a" + frameEnd;
        return Optional.of(new Sample(unit, max, at, over));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code n} long in {@code unit}, and at most the caps in the other units (a cap of the unit
   * itself is ignored), with as many multi-unit characters as the caps allow.
   */
  private static Optional<String> filler(LengthUnit unit, int n, long capBytes, long capUnits, long capCodePoints) {
    if (n < 1) {
      return Optional.empty();
    }
    switch (unit) {
      case UTF16_UNITS: {
        // x emoji and n - 2x letters: n + 2x bytes, n - x code points.
        long lo = Math.max(0, n - capCodePoints);
        long hi = Math.min(n / 2, Math.floorDiv(capBytes - n, 2));
        if (lo > hi) {
          return Optional.empty();
        }
        return Optional.of(EMOJI.repeat((int) hi) + "a".repeat((int) (n - 2 * hi)));
      }
      case CODE_POINTS: {
        // x emoji and n - x letters: n + x UTF-16 units, n + 3x bytes.
        long hi = Math.min(n, Math.min(capUnits - n, Math.floorDiv(capBytes - n, 3)));
        if (hi < 0) {
          return Optional.empty();
        }
        return Optional.of(EMOJI.repeat((int) hi) + "a".repeat((int) (n - hi)));
      }
      default: {
        // Three bytes per UTF-16 unit and code point: the fewest units and code points for n bytes.
        long units = (n + 2) / 3;
        if (units > capUnits || units > capCodePoints) {
          return Optional.empty();
        }
        return Optional.of(ofBytes(n));
      }
    }
  }

  /**
   * A string of exactly {@code bytes} UTF-8 bytes in {@code ceil(bytes / 3)} UTF-16 units and code
   * points: CJK characters, and one shorter character for the remainder.
   */
  static String ofBytes(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
    }
    String han = HAN.repeat(bytes / 3);
    switch (bytes % 3) {
      case 1:
        return han + "a";
      case 2:
        return han + LATIN;
      default:
        return han;
    }
  }

  /**
   * The largest UTF-8 size of an {@link #ofBytes} string within {@code limit}, leaving {@code
   * slack} in each bound for more characters.
   */
  static int maxBytes(LengthLimit limit, int slack) {
    long byUnits = 3L * (Math.min(limit.maxUtf16Units(), limit.maxCodePoints()) - (long) slack);
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.min(limit.maxBytes() - (long) slack, byUnits)));
  }

  /**
   * Member attributes whose non-empty pairs take exactly {@code total} bytes as a JSON object
   * ({@link Sizes#jsonObjectBytes}), each key and value within its limit, values of CJK text (so a
   * provider that sizes them in another encoding than UTF-8 is off). Each value leaves one byte of
   * room within its limit, so that adding a letter to the last one makes the map one byte over.
   *
   * @return empty if keys of three characters do not fit {@code key} or the map needs more than 99
   *     keys
   */
  static Optional<Map<String, String>> memberAttributesOfSize(int total, LengthLimit key, LengthLimit value) {
    if (key.violation("k01") != null) {
      return Optional.empty();
    }
    int cap = maxBytes(value, 1);
    Map<String, String> map = new LinkedHashMap<>();
    int size = 2; // {}
    for (int i = 1; size < total; i++) {
      if (i > 99 || cap < 1) {
        return Optional.empty();
      }
      String k = String.format("k%02d", i);
      int fixed = (map.isEmpty() ? 0 : 1) + 2 + k.length() + 1 + 2; // [,]"k":"" around the value
      int remaining = total - size - fixed;
      // Fill what is left exactly, or leave room for one more entry (at least 10 bytes: ,"kNN":"x").
      int v = remaining <= cap ? remaining : Math.min(cap, remaining - 10);
      if (v < 1) {
        return Optional.empty();
      }
      map.put(k, ofBytes(v));
      size += fixed + v;
    }
    return Optional.of(Collections.unmodifiableMap(map));
  }

  /** {@code attributes} with one more letter in its last value: one byte more in every measure. */
  static Map<String, String> oneByteMore(Map<String, String> attributes) {
    Map<String, String> more = new LinkedHashMap<>(attributes);
    String last = null;
    for (String k : attributes.keySet()) {
      last = k;
    }
    if (last == null) {
      throw new IllegalArgumentException("no attribute to grow");
    }
    more.put(last, attributes.get(last) + "a");
    return Collections.unmodifiableMap(more);
  }

  /**
   * String profile fields whose profile takes exactly {@code limits.profileTotalBytes()} bytes as
   * the vendor measures it ({@link VendorLimits#profileJsonBytes}), each field within its own limit
   * with one byte of room left (so that a letter added to the last field makes it one byte over),
   * in field order; CJK text, so a provider sizing it in another encoding is off.
   *
   * @return empty when the total is unbounded or the fields' own limits cannot reach it
   */
  static Optional<Map<ProfileField, String>> profileOfSize(VendorLimits limits, String userId) {
    int total = limits.profileTotalBytes();
    if (total == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    Map<ProfileField, String> fields = new EnumMap<>(ProfileField.class);
    int size = limits.profileJsonBytes(profile(userId, fields));
    for (ProfileField f : ProfileField.values()) {
      if (f == ProfileField.GENDER || size >= total) {
        continue;
      }
      int cap = maxBytes(limits.profileField(f), 1);
      if (cap < 1) {
        continue;
      }
      Map<ProfileField, String> probe = new EnumMap<>(fields);
      probe.put(f, "a");
      int fixed = limits.profileJsonBytes(profile(userId, probe)) - size - 1;
      int remaining = total - size - fixed;
      // Fill what is left exactly, or leave room for another field (32 bytes cover any key).
      int v = remaining <= cap ? remaining : Math.min(cap, remaining - 32);
      if (v < 1) {
        continue;
      }
      fields.put(f, ofBytes(v));
      size += fixed + v;
    }
    return size == total ? Optional.of(Collections.unmodifiableMap(fields)) : Optional.empty();
  }

  /** The profile of {@code userId} with these string fields: the literal oracle of a read. */
  static UserProfile profile(String userId, Map<ProfileField, String> fields) {
    UserProfile.Builder b = UserProfile.builder(userId);
    fields.forEach(b::set);
    return b.build();
  }
}
