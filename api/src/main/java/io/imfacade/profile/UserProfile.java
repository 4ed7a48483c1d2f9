package io.imfacade.profile;

import io.imfacade.error.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile in the neutral model. Immutable and thread-safe.
 *
 * <p>An absent field reads as {@code null}, never as {@code ""}; an absent gender reads as {@link
 * Gender#UNKNOWN}. {@link #customAttributes()} holds vendor attributes beyond the eight neutral
 * fields, where the provider offers {@link io.imfacade.Capability#PROFILE_CUSTOM_ATTRIBUTES}.
 *
 * @param userId the user id this profile belongs to (lower case, as vendors store it)
 * @param nickname the display name, or null
 * @param avatarUrl the avatar URL, or null
 * @param gender the gender; {@link Gender#UNKNOWN} when not set
 * @param sign the signature or status line, or null
 * @param birth the birthday text, or null
 * @param email the e-mail address, or null
 * @param phone the phone number, or null
 * @param ext the free extension string, or null
 * @param customAttributes attributes beyond the neutral fields, by vendor key; empty when none
 */
public record UserProfile(
    String userId,
    @Nullable String nickname,
    @Nullable String avatarUrl,
    Gender gender,
    @Nullable String sign,
    @Nullable String birth,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String ext,
    Map<String, String> customAttributes) {

  /** Normalises: empty strings become null, a null gender {@link Gender#UNKNOWN}; copies the map. */
  public UserProfile {
    if (userId == null || userId.isBlank()) {
      throw new InvalidRequestException("userId", "a profile's userId must not be null or blank");
    }
    nickname = absentIfEmpty(nickname);
    avatarUrl = absentIfEmpty(avatarUrl);
    gender = gender == null ? Gender.UNKNOWN : gender;
    sign = absentIfEmpty(sign);
    birth = absentIfEmpty(birth);
    email = absentIfEmpty(email);
    phone = absentIfEmpty(phone);
    ext = absentIfEmpty(ext);
    customAttributes = copyNonEmpty(customAttributes);
  }

  private static @Nullable String absentIfEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static Map<String, String> copyNonEmpty(@Nullable Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(map.size() * 2);
    map.forEach((k, v) -> {
      if (k == null) {
        throw new InvalidRequestException("customAttributes", "a custom attribute key must not be null");
      }
      if (v != null && !v.isEmpty()) {
        copy.put(k, v);
      }
    });
    return copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
  }

  /** A builder for the profile of {@code userId}. */
  public static Builder builder(String userId) {
    return new Builder(userId);
  }

  /** A builder holding this profile's values. */
  public Builder toBuilder() {
    Builder b = new Builder(userId);
    b.nickname = nickname;
    b.avatarUrl = avatarUrl;
    b.gender = gender;
    b.sign = sign;
    b.birth = birth;
    b.email = email;
    b.phone = phone;
    b.ext = ext;
    b.customAttributes.putAll(customAttributes);
    return b;
  }

  /**
   * The value of a string field, or null.
   *
   * @throws InvalidRequestException for {@link ProfileField#GENDER}: use {@link #gender()}
   */
  public @Nullable String get(ProfileField field) {
    switch (field) {
      case NICKNAME:
        return nickname;
      case AVATAR_URL:
        return avatarUrl;
      case SIGN:
        return sign;
      case BIRTH:
        return birth;
      case EMAIL:
        return email;
      case PHONE:
        return phone;
      case EXT:
        return ext;
      default:
        throw new InvalidRequestException("field", "gender is not a string field: use gender()");
    }
  }

  /** Whether nothing at all is set: every field absent, gender unknown, no custom attribute. */
  public boolean isEmpty() {
    return nickname == null && avatarUrl == null && gender == Gender.UNKNOWN && sign == null && birth == null
        && email == null && phone == null && ext == null && customAttributes.isEmpty();
  }

  /** The user id and the fields that are set. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("UserProfile{userId=").append(userId);
    for (ProfileField f : ProfileField.values()) {
      if (f == ProfileField.GENDER) {
        if (gender != Gender.UNKNOWN) {
          sb.append(", gender=").append(gender);
        }
      } else if (get(f) != null) {
        sb.append(", ").append(f.fieldName()).append('=').append(get(f));
      }
    }
    if (!customAttributes.isEmpty()) {
      sb.append(", custom=").append(customAttributes);
    }
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link UserProfile}. Providers use it to turn a vendor answer into the neutral model;
   * a null or empty value leaves the field absent. Not thread-safe.
   */
  public static final class Builder {
    private final String userId;
    private @Nullable String nickname;
    private @Nullable String avatarUrl;
    private Gender gender = Gender.UNKNOWN;
    private @Nullable String sign;
    private @Nullable String birth;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String ext;
    private final LinkedHashMap<String, String> customAttributes = new LinkedHashMap<>();

    private Builder(String userId) {
      this.userId = userId;
    }

    /**
     * Sets a field from its text; null or empty clears it. For {@link ProfileField#GENDER} the
     * text is the vendor digit: {@code 1} male, {@code 2} female, anything else unknown (a read
     * never fails on a value a vendor stored).
     */
    public Builder set(ProfileField field, @Nullable String value) {
      switch (field) {
        case NICKNAME:
          return nickname(value);
        case AVATAR_URL:
          return avatarUrl(value);
        case GENDER:
          return gender(Gender.fromWireText(value));
        case SIGN:
          return sign(value);
        case BIRTH:
          return birth(value);
        case EMAIL:
          return email(value);
        case PHONE:
          return phone(value);
        default:
          return ext(value);
      }
    }

    /** Sets the nickname; null or empty clears it. */
    public Builder nickname(@Nullable String nickname) {
      this.nickname = nickname;
      return this;
    }

    /** Sets the avatar URL; null or empty clears it. */
    public Builder avatarUrl(@Nullable String avatarUrl) {
      this.avatarUrl = avatarUrl;
      return this;
    }

    /** Sets the gender; null means {@link Gender#UNKNOWN}. */
    public Builder gender(@Nullable Gender gender) {
      this.gender = gender == null ? Gender.UNKNOWN : gender;
      return this;
    }

    /** Sets the signature; null or empty clears it. */
    public Builder sign(@Nullable String sign) {
      this.sign = sign;
      return this;
    }

    /** Sets the birthday; null or empty clears it. */
    public Builder birth(@Nullable String birth) {
      this.birth = birth;
      return this;
    }

    /** Sets the e-mail address; null or empty clears it. */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /** Sets the phone number; null or empty clears it. */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets the extension; null or empty clears it. */
    public Builder ext(@Nullable String ext) {
      this.ext = ext;
      return this;
    }

    /** Sets a custom attribute; a null or empty value removes it. */
    public Builder customAttribute(String key, @Nullable String value) {
      if (key == null) {
        throw new InvalidRequestException("customAttribute", "a custom attribute key must not be null");
      }
      if (value == null || value.isEmpty()) {
        customAttributes.remove(key);
      } else {
        customAttributes.put(key, value);
      }
      return this;
    }

    /** The immutable profile. */
    public UserProfile build() {
      return new UserProfile(userId, nickname, avatarUrl, gender, sign, birth, email, phone, ext, customAttributes);
    }
  }
}
