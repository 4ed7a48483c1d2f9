package io.imfacade.internal;

import io.imfacade.contact.PageRequest;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.VendorLimits;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The neutral input checks of one client, against its provider's {@link VendorLimits}. Every
 * failure is born complete: provider, operation, the offending input and what was wrong with it.
 * Immutable and thread-safe.
 *
 * <p>User ids come out in lower case: every built-in vendor treats them case-insensitively and
 * stores them lower-cased, so the facade does the same everywhere.
 */
final class Inputs {

  private final String provider;
  private final VendorLimits limits;

  Inputs(String provider, VendorLimits limits) {
    this.provider = provider;
    this.limits = limits;
  }

  VendorLimits limits() {
    return limits;
  }

  ErrorDetails details(String op) {
    return ErrorDetails.builder().provider(provider).operation(op).build();
  }

  InvalidRequestException invalid(String op, String field, String message) {
    return new InvalidRequestException(message, field, details(op), null);
  }

  QuotaExceededException quota(String op, String message) {
    return new QuotaExceededException(message, details(op));
  }

  /** A valid user id, in lower case. */
  String user(String op, String field, @Nullable String id) {
    return id(op, field, id, limits.userId(), true);
  }

  /** A valid group id, as given: group ids are issued by the vendor and compared exactly. */
  String group(String op, @Nullable String id) {
    return id(op, "groupId", id, limits.groupId(), false);
  }

  private String id(String op, String field, @Nullable String id, IdRule rule, boolean lowerCase) {
    if (id == null) {
      throw invalid(op, field, field + " must not be null");
    }
    String problem = rule.violation(id);
    if (problem != null) {
      throw invalid(op, field, field + " '" + printable(id) + "' " + problem);
    }
    return lowerCase ? lowerCase(id) : id;
  }

  /** {@code id} in lower case; the same instance when it has no upper-case letter (the usual case). */
  static String lowerCase(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c >= 'A' && c <= 'Z' || c > 127) {
        return id.toLowerCase(Locale.ROOT);
      }
    }
    return id;
  }

  /**
   * Valid user ids: the lower-case ids in the order of their first appearance, duplicates (ignoring
   * case) removed.
   */
  List<String> users(String op, String field, @Nullable Collection<String> ids) {
    if (ids == null) {
      throw invalid(op, field, field + " must not be null");
    }
    IdRule rule = limits.userId();
    String[] checked = new String[ids.size()];
    int n = 0;
    for (String id : ids) {
      // The usual case first: a valid id, with no message built for it. A bad one fails below,
      // with its field named.
      String clean = id != null && rule.violation(id) == null ? lowerCase(id) : user(op, field + " element", id);
      if (n == checked.length) {
        checked = Arrays.copyOf(checked, n * 2 + 1); // the caller's collection grew meanwhile
      }
      checked[n++] = clean;
    }
    return distinct(checked, n);
  }

  /**
   * The first {@code n} of {@code ids} without repeats, in the order of their first appearance, as
   * an immutable list. An open-addressing table of the ids: no entry object per id, as a set has.
   */
  static List<String> distinct(String[] ids, int n) {
    if (n <= 1) {
      return n == 0 ? List.of() : List.of(ids[0]);
    }
    String[] table = new String[Integer.highestOneBit(2 * n - 1) << 1]; // a power of two, at least 2n
    int mask = table.length - 1;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      String id = ids[i];
      int h = id.hashCode();
      int slot = (h ^ (h >>> 16)) & mask;
      boolean seen = false;
      while (table[slot] != null) {
        if (table[slot].equals(id)) {
          seen = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (!seen) {
        table[slot] = id;
        ids[kept++] = id;
      }
    }
    return List.of(kept == ids.length ? ids : Arrays.copyOf(ids, kept));
  }

  /** Refuses a value a vendor would mangle: a NUL character or a lone UTF-16 surrogate. */
  void text(String op, String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        throw invalid(op, field, field + " contains a NUL character (U+0000)");
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          throw invalid(op, field, field + " contains a lone UTF-16 surrogate at index " + i
              + " (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "), which no vendor can store");
        }
        i++;
      }
    }
  }

  private void length(String op, String field, String value, LengthLimit limit) {
    String problem = limit.violation(value);
    if (problem != null) {
      throw invalid(op, field, field + " is " + problem + " (" + limits.name() + ")");
    }
  }

  /** A profile update: not null, not empty, every value clean and within its limit. */
  void profileUpdate(String op, @Nullable ProfileUpdate update) {
    if (update == null) {
      throw invalid(op, "update", "update must not be null");
    }
    if (update.isEmpty()) {
      throw invalid(op, "update", "update sets no field");
    }
    for (Map.Entry<ProfileField, String> e : update.values().entrySet()) {
      String field = e.getKey().fieldName();
      text(op, field, e.getValue(), limits.profileField(e.getKey()));
    }
    for (Map.Entry<String, String> e : update.customAttributes().entrySet()) {
      String key = e.getKey();
      if (key.isBlank()) {
        throw invalid(op, "customAttribute", "custom attribute key must not be blank");
      }
      if (limits.reservedProfileKeys().contains(key)) {
        throw invalid(op, "customAttribute", "custom attribute key '" + key + "' is reserved for a neutral field ("
            + limits.name() + " stores the neutral fields under " + limits.reservedProfileKeys() + ")");
      }
      text(op, "customAttribute", key);
      text(op, "customAttribute " + key, e.getValue());
    }
  }

  /**
   * A private copy of member attributes to write: not empty, keys non-blank and within the key
   * limit, values not null and within the value limit ({@code ""}, which removes the key, is fine),
   * and the non-empty pairs alone within the member's total.
   */
  Map<String, String> memberAttributes(String op, String userId, @Nullable Map<String, String> attributes) {
    if (attributes == null) {
      throw invalid(op, "attributes", "attributes must not be null");
    }
    if (attributes.isEmpty()) {
      throw invalid(op, "attributes", "attributes must set at least one attribute");
    }
    Map<String, String> copy = new LinkedHashMap<>(attributes.size() * 2);
    Map<String, String> stored = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      if (key == null || key.isBlank()) {
        throw invalid(op, "attributes", "attribute key must not be null or blank");
      }
      text(op, "attribute key", key);
      length(op, "attribute key '" + key + "'", key, limits.memberKey());
      if (value == null) {
        throw invalid(op, "attributes", "value of attribute '" + key + "' must not be null: use \"\" to remove it");
      }
      text(op, "value of attribute '" + key + "'", value, limits.memberValue());
      copy.put(key, value);
      if (!value.isEmpty()) {
        stored.put(key, value);
      }
    });
    int size = Sizes.jsonObjectBytes(stored);
    if (size > limits.memberTotalBytes()) {
      throw quota(op, "the attributes of member " + userId + " would take " + size + " bytes, over the "
          + limits.name() + " limit of " + limits.memberTotalBytes() + " bytes");
    }
    return copy;
  }

  /** Attribute keys to read: not null, no null or blank key; in order, duplicates removed. */
  List<String> keys(String op, @Nullable Collection<String> keys) {
    if (keys == null) {
      throw invalid(op, "keys", "keys must not be null: use an empty collection for all keys");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String key : keys) {
      if (key == null || key.isBlank()) {
        throw invalid(op, "keys", "keys must not contain a null or blank key");
      }
      text(op, "keys", key);
      distinct.add(key);
    }
    return List.copyOf(distinct);
  }

  /** Custom attribute keys to read: like {@link #keys}, and none reserved for a neutral field. */
  List<String> customKeys(String op, @Nullable Collection<String> keys) {
    List<String> checked = keys(op, keys);
    for (String key : checked) {
      if (limits.reservedProfileKeys().contains(key)) {
        throw invalid(op, "keys", "custom attribute key '" + key + "' is reserved for a neutral field");
      }
    }
    return checked;
  }

  /** A password: clean, within the vendor's limit; null is fine where the caller may omit it. */
  void password(String op, @Nullable String password) {
    if (password != null) {
      if (password.isBlank()) {
        throw invalid(op, "password", "password must not be blank");
      }
      text(op, "password", password);
      String problem = limits.password().violation(password);
      if (problem != null) {
        // The value is a secret: the message names its length only.
        throw invalid(op, "password", "password is " + problem + " (" + limits.name() + ")");
      }
    }
  }

  /** Free text of a named field within its limit. */
  void text(String op, String field, String value, LengthLimit limit) {
    text(op, field, value);
    length(op, field, value, limit);
  }

  /** A remark; null and {@code ""} mean none and are fine. */
  void remark(String op, @Nullable String remark) {
    if (remark != null) {
      text(op, "remark", remark, limits.remark());
    }
  }

  /** A page request within the vendor's largest page. */
  PageRequest page(String op, @Nullable PageRequest page) {
    if (page == null) {
      throw invalid(op, "page", "page must not be null");
    }
    if (page.size() > limits.pageSizeMax()) {
      throw invalid(op, "page", "page size " + page.size() + " is over the " + limits.name() + " limit of "
          + limits.pageSizeMax());
    }
    return page;
  }

  /** Two different users: a relation with oneself is refused everywhere. */
  void different(String op, String field, String owner, String other) {
    if (owner.equals(other)) {
      throw invalid(op, field, field + " must be another user than the owner, was " + owner);
    }
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(64).forEach(cp -> {
      if (Character.isISOControl(cp) || Character.isSurrogate((char) cp) && cp < 0x10000) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return s.codePointCount(0, s.length()) > 64 ? sb + "..." : sb.toString();
  }
}
