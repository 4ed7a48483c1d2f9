package io.imfacade.spi;

import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input checks every provider runs before it does anything, so that the same mistake raises the
 * same {@link InvalidRequestException} (naming the field and the limit) on every provider, before
 * any network call.
 */
public final class Validation {

  /**
   * The attribute keys Easemob and Shengwang reserve for the neutral fields. Custom attributes may
   * not use them, and the total profile size is measured with them.
   */
  public static final Map<ProfileField, String> EASEMOB_PROFILE_KEYS;

  static {
    EnumMap<ProfileField, String> keys = new EnumMap<>(ProfileField.class);
    keys.put(ProfileField.NICKNAME, "nickname");
    keys.put(ProfileField.AVATAR_URL, "avatarurl");
    keys.put(ProfileField.GENDER, "gender");
    keys.put(ProfileField.SIGN, "sign");
    keys.put(ProfileField.BIRTH, "birth");
    keys.put(ProfileField.EMAIL, "mail");
    keys.put(ProfileField.PHONE, "phone");
    keys.put(ProfileField.EXT, "ext");
    EASEMOB_PROFILE_KEYS = java.util.Collections.unmodifiableMap(keys);
  }

  private static final Set<String> RESERVED_KEYS = Set.copyOf(EASEMOB_PROFILE_KEYS.values());

  private Validation() {}

  /**
   * Checks a user id: not null, not blank, within the length, only allowed characters, never
   * {@code .} or {@code ..}.
   *
   * @param field the parameter name for the message, such as {@code owner}
   * @return the id
   */
  public static String userId(String field, String id, VendorLimits limits) {
    return id(field, id, limits.userIdMaxLength(), limits.userIdPattern(), limits.userIdCharacters());
  }

  /** Checks a group id like {@link #userId}. */
  public static String groupId(String field, String id, VendorLimits limits) {
    return id(field, id, limits.groupIdMaxLength(), limits.groupIdPattern(), "the characters " + limits.groupIdPattern());
  }

  private static String id(String field, String id, int maxLength, java.util.regex.Pattern pattern, String allowed) {
    if (id == null) {
      throw new InvalidRequestException(field, field + " must not be null");
    }
    if (id.isBlank()) {
      throw new InvalidRequestException(field, field + " must not be blank");
    }
    if (id.length() > maxLength) {
      throw new InvalidRequestException(field,
          field + " is " + id.length() + " characters long, over the limit of " + maxLength);
    }
    if (id.equals(".") || id.equals("..")) {
      throw new InvalidRequestException(field, field + " must not be '.' or '..'");
    }
    if (!pattern.matcher(id).matches()) {
      throw new InvalidRequestException(field, field + " '" + printable(id) + "' may only contain " + allowed);
    }
    return id;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(64).forEach(cp -> {
      if (Character.isISOControl(cp)) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  /**
   * Checks every id of a collection and returns them in order, duplicates removed.
   *
   * @throws InvalidRequestException if the collection is null or an id is bad
   */
  public static List<String> userIds(String field, Collection<String> ids, VendorLimits limits) {
    if (ids == null) {
      throw new InvalidRequestException(field, field + " must not be null");
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(userId(field + " element", id, limits));
    }
    return new ArrayList<>(distinct);
  }

  /**
   * Checks a profile update: not empty, every value within its limit, custom keys not reserved.
   */
  public static void profileUpdate(ProfileUpdate update, VendorLimits limits) {
    if (update == null) {
      throw new InvalidRequestException("update", "update must not be null");
    }
    if (update.isEmpty()) {
      throw new InvalidRequestException("update", "update sets no field");
    }
    update.values().forEach((field, value) -> {
      VendorLimits.FieldLimit limit = limits.profileFields().get(field);
      if (limit != null) {
        int length = limit.unit().measure(value);
        if (length > limit.max()) {
          throw new InvalidRequestException(field.fieldName(), field.fieldName() + " is " + length + " "
              + limit.unit() + ", over the " + limits.name() + " limit of " + limit);
        }
      }
    });
    update.customAttributes().keySet().forEach(key -> {
      if (key.isBlank()) {
        throw new InvalidRequestException("customAttribute", "custom attribute key must not be blank");
      }
      if (RESERVED_KEYS.contains(key)) {
        throw new InvalidRequestException("customAttribute",
            "custom attribute key '" + key + "' is reserved for a neutral field");
      }
    });
  }

  /** The size of a profile as a JSON object of Easemob attribute keys, in UTF-8 bytes. */
  public static int profileJsonBytes(UserProfile profile) {
    Map<String, String> wire = new LinkedHashMap<>();
    for (ProfileField f : ProfileField.values()) {
      String v = f == ProfileField.GENDER
          ? (profile.gender().wireValue() == 0 ? null : Integer.toString(profile.gender().wireValue()))
          : profile.get(f);
      if (v != null) {
        wire.put(EASEMOB_PROFILE_KEYS.get(f), v);
      }
    }
    wire.putAll(profile.customAttributes());
    return Sizes.jsonObjectBytes(wire);
  }

  /**
   * Checks that a profile, after an update, fits the vendor's total size.
   *
   * @throws QuotaExceededException if it does not
   */
  public static void profileTotal(UserProfile after, VendorLimits limits) {
    if (limits.profileTotalBytes() > 0) {
      int size = profileJsonBytes(after);
      if (size > limits.profileTotalBytes()) {
        throw new QuotaExceededException("the attributes of user " + after.userId() + " would take " + size
            + " bytes, over the " + limits.name() + " limit of " + limits.profileTotalBytes() + " bytes");
      }
    }
  }

  /**
   * Checks member attributes to write: not empty, keys non-empty and within the key limit, values
   * non-null and within the value limit (an empty value, which removes the key, is fine).
   */
  public static void memberAttributes(String field, Map<String, String> attributes, VendorLimits limits) {
    if (attributes == null) {
      throw new InvalidRequestException(field, field + " must not be null");
    }
    if (attributes.isEmpty()) {
      throw new InvalidRequestException(field, field + " must set at least one attribute");
    }
    attributes.forEach((key, value) -> {
      if (key == null || key.isEmpty()) {
        throw new InvalidRequestException(field, "attribute key must not be null or empty");
      }
      int keyBytes = Sizes.utf8Length(key);
      if (keyBytes > limits.memberKeyMaxBytes()) {
        throw new InvalidRequestException(field, "attribute key '" + key + "' is " + keyBytes
            + " bytes, over the " + limits.name() + " limit of " + limits.memberKeyMaxBytes() + " bytes");
      }
      if (value == null) {
        throw new InvalidRequestException(field, "value of attribute '" + key + "' must not be null: use \"\" to remove");
      }
      int valueBytes = Sizes.utf8Length(value);
      if (valueBytes > limits.memberValueMaxBytes()) {
        throw new InvalidRequestException(field, "value of attribute '" + key + "' is " + valueBytes
            + " bytes, over the " + limits.name() + " limit of " + limits.memberValueMaxBytes() + " bytes");
      }
    });
  }

  /**
   * Checks that a member's attributes, after a write, fit the vendor's total size.
   *
   * @throws QuotaExceededException if they do not
   */
  public static void memberTotal(String userId, Map<String, String> after, VendorLimits limits) {
    if (limits.memberTotalBytes() > 0) {
      int size = Sizes.jsonObjectBytes(after);
      if (size > limits.memberTotalBytes()) {
        throw new QuotaExceededException("the attributes of member " + userId + " would take " + size
            + " bytes, over the " + limits.name() + " limit of " + limits.memberTotalBytes() + " bytes");
      }
    }
  }

  /** Checks a remark; null means none and is fine. */
  public static void remark(String remark, VendorLimits limits) {
    if (remark != null && remark.length() > limits.remarkMaxCharacters()) {
      throw new InvalidRequestException("remark", "remark is " + remark.length() + " characters, over the "
          + limits.name() + " limit of " + limits.remarkMaxCharacters() + " characters");
    }
  }

  /** Checks a page request's size against the vendor's largest page. */
  public static PageRequest page(PageRequest page, VendorLimits limits) {
    if (page == null) {
      throw new InvalidRequestException("page", "page must not be null");
    }
    if (page.size() > limits.pageSizeMax()) {
      throw new InvalidRequestException("page", "page size " + page.size() + " is over the "
          + limits.name() + " limit of " + limits.pageSizeMax());
    }
    return page;
  }
}
