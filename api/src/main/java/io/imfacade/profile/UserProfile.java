package io.imfacade.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user's profile in the neutral model. Immutable and thread-safe.
 *
 * <p>An absent field reads as {@code null}, never as {@code ""}; an absent gender reads as {@link
 * Gender#UNKNOWN}. {@link #customAttributes()} holds vendor attributes beyond the eight neutral
 * fields, where the provider offers {@link io.imfacade.Capability#PROFILE_CUSTOM_ATTRIBUTES}.
 */
public final class UserProfile {

  private final String userId;
  private final Map<ProfileField, String> fields;
  private final Gender gender;
  private final Map<String, String> customAttributes;

  private UserProfile(Builder b) {
    this.userId = requireUserId(b.userId);
    this.fields = b.fields.isEmpty()
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(new EnumMap<>(b.fields));
    this.gender = b.gender;
    this.customAttributes = b.customAttributes.isEmpty()
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.customAttributes));
  }

  private static String requireUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    return userId;
  }

  /** A builder for the profile of {@code userId}. */
  public static Builder builder(String userId) {
    return new Builder(userId);
  }

  /** A builder holding this profile's values. */
  public Builder toBuilder() {
    Builder b = new Builder(userId);
    b.fields.putAll(fields);
    b.gender = gender;
    b.customAttributes.putAll(customAttributes);
    return b;
  }

  /** The user id this profile belongs to. */
  public String userId() {
    return userId;
  }

  /** The display name, or null. */
  public String nickname() {
    return fields.get(ProfileField.NICKNAME);
  }

  /** The avatar URL, or null. */
  public String avatarUrl() {
    return fields.get(ProfileField.AVATAR_URL);
  }

  /** The gender; {@link Gender#UNKNOWN} when not set. */
  public Gender gender() {
    return gender;
  }

  /** The signature, or null. */
  public String sign() {
    return fields.get(ProfileField.SIGN);
  }

  /** The birthday text, or null. */
  public String birth() {
    return fields.get(ProfileField.BIRTH);
  }

  /** The e-mail address, or null. */
  public String email() {
    return fields.get(ProfileField.EMAIL);
  }

  /** The phone number, or null. */
  public String phone() {
    return fields.get(ProfileField.PHONE);
  }

  /** The extension string, or null. */
  public String ext() {
    return fields.get(ProfileField.EXT);
  }

  /**
   * The value of a string field, or null.
   *
   * @throws IllegalArgumentException for {@link ProfileField#GENDER}: use {@link #gender()}
   */
  public String get(ProfileField field) {
    if (field == ProfileField.GENDER) {
      throw new IllegalArgumentException("gender is not a string field: use gender()");
    }
    return fields.get(field);
  }

  /** Attributes beyond the neutral fields, by vendor key; empty when none. Unmodifiable. */
  public Map<String, String> customAttributes() {
    return customAttributes;
  }

  /** Whether nothing at all is set: every field absent, gender unknown, no custom attribute. */
  public boolean isEmpty() {
    return fields.isEmpty() && gender == Gender.UNKNOWN && customAttributes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UserProfile)) {
      return false;
    }
    UserProfile that = (UserProfile) o;
    return userId.equals(that.userId)
        && fields.equals(that.fields)
        && gender == that.gender
        && customAttributes.equals(that.customAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, fields, gender, customAttributes);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("UserProfile{userId=").append(userId);
    for (Map.Entry<ProfileField, String> e : fields.entrySet()) {
      sb.append(", ").append(e.getKey().fieldName()).append('=').append(e.getValue());
    }
    if (gender != Gender.UNKNOWN) {
      sb.append(", gender=").append(gender);
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
    private final EnumMap<ProfileField, String> fields = new EnumMap<>(ProfileField.class);
    private Gender gender = Gender.UNKNOWN;
    private final LinkedHashMap<String, String> customAttributes = new LinkedHashMap<>();

    private Builder(String userId) {
      this.userId = userId;
    }

    /** Sets a string field; null or empty clears it. */
    public Builder set(ProfileField field, String value) {
      if (field == ProfileField.GENDER) {
        gender(value == null || value.isEmpty() ? Gender.UNKNOWN : Gender.fromWire(parseGender(value)));
      } else if (value == null || value.isEmpty()) {
        fields.remove(field);
      } else {
        fields.put(field, value);
      }
      return this;
    }

    private static int parseGender(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** Sets the nickname; null or empty clears it. */
    public Builder nickname(String nickname) {
      return set(ProfileField.NICKNAME, nickname);
    }

    /** Sets the avatar URL; null or empty clears it. */
    public Builder avatarUrl(String avatarUrl) {
      return set(ProfileField.AVATAR_URL, avatarUrl);
    }

    /** Sets the gender; null means {@link Gender#UNKNOWN}. */
    public Builder gender(Gender gender) {
      this.gender = gender == null ? Gender.UNKNOWN : gender;
      return this;
    }

    /** Sets the signature; null or empty clears it. */
    public Builder sign(String sign) {
      return set(ProfileField.SIGN, sign);
    }

    /** Sets the birthday; null or empty clears it. */
    public Builder birth(String birth) {
      return set(ProfileField.BIRTH, birth);
    }

    /** Sets the e-mail address; null or empty clears it. */
    public Builder email(String email) {
      return set(ProfileField.EMAIL, email);
    }

    /** Sets the phone number; null or empty clears it. */
    public Builder phone(String phone) {
      return set(ProfileField.PHONE, phone);
    }

    /** Sets the extension; null or empty clears it. */
    public Builder ext(String ext) {
      return set(ProfileField.EXT, ext);
    }

    /** Sets a custom attribute; null or empty value removes it. */
    public Builder customAttribute(String key, String value) {
      Objects.requireNonNull(key, "key");
      if (value == null || value.isEmpty()) {
        customAttributes.remove(key);
      } else {
        customAttributes.put(key, value);
      }
      return this;
    }

    /** The immutable profile. */
    public UserProfile build() {
      return new UserProfile(this);
    }
  }
}
