package io.imfacade.inmemory;

import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.Validation;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shared {@link Validation} bound to one limits table, with the operation's details attached to
 * every failure. User ids come back in lower case: every vendor treats them case-insensitively.
 *
 * <p>{@link #user} is on the hot path of every read, so it avoids the regex when it can: for an id
 * pattern of the form {@code [class]+}, an id matches exactly when each of its characters is in the
 * class, which a table of the ASCII characters answers. Anything the table cannot vouch for goes
 * through {@link Validation} itself, so both paths accept exactly the same ids.
 */
final class Checks {

  private final VendorLimits limits;
  private final int userIdMaxLength;
  private final boolean[] userIdAscii;

  Checks(VendorLimits limits) {
    this.limits = limits;
    this.userIdMaxLength = limits.userIdMaxLength();
    this.userIdAscii = asciiTable(limits.userIdPattern());
  }

  VendorLimits limits() {
    return limits;
  }

  /** The ASCII characters a {@code [class]+} pattern accepts, or null for any other pattern. */
  private static boolean[] asciiTable(Pattern pattern) {
    String p = pattern.pattern();
    boolean singleClass = pattern.flags() == 0
        && p.startsWith("[")
        && p.endsWith("]+")
        && p.indexOf('[', 1) < 0
        && p.indexOf(']') == p.length() - 2;
    if (!singleClass) {
      return null;
    }
    boolean[] table = new boolean[128];
    for (char c = 0; c < 128; c++) {
      table[c] = pattern.matcher(String.valueOf(c)).matches();
    }
    return table;
  }

  /** A valid user id in lower case. */
  String user(Op op, String field, String id) {
    if (userIdAscii != null && id != null) {
      int n = id.length();
      if (n > 0 && n <= userIdMaxLength && !isDots(id)) {
        boolean upper = false;
        int i = 0;
        for (; i < n; i++) {
          char c = id.charAt(i);
          if (c <= ' ' || c >= 128 || !userIdAscii[c]) {
            break;
          }
          upper |= c >= 'A' && c <= 'Z';
        }
        if (i == n) {
          return upper ? id.toLowerCase(Locale.ROOT) : id;
        }
      }
    }
    try {
      return Validation.userId(field, id, limits).toLowerCase(Locale.ROOT);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  private static boolean isDots(String id) {
    return id.equals(".") || id.equals("..");
  }

  /**
   * Valid user ids in lower case, in order, duplicates removed. The collection is named {@code
   * field} and each element {@code field + " element"}, as in {@link Validation#userIds}.
   */
  Set<String> users(Op op, String field, Collection<String> ids) {
    if (ids == null) {
      throw op.invalid(field, field + " must not be null");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(user(op, field + " element", id));
    }
    return distinct;
  }

  String group(Op op, String groupId) {
    try {
      return Validation.groupId("groupId", groupId, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  void profileUpdate(Op op, ProfileUpdate update) {
    try {
      Validation.profileUpdate(update, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  void profileTotal(Op op, UserProfile after) {
    try {
      Validation.profileTotal(after, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  void memberAttributes(Op op, Map<String, String> attributes) {
    try {
      Validation.memberAttributes("attributes", attributes, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  void memberTotal(Op op, String userId, Map<String, String> after) {
    try {
      Validation.memberTotal(userId, after, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  void remark(Op op, String remark) {
    try {
      Validation.remark(remark, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }

  void page(Op op, PageRequest page) {
    try {
      Validation.page(page, limits);
    } catch (ImException e) {
      throw op.attach(e);
    }
  }
}
