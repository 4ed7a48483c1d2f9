package io.imfacade.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A patch to a user's profile: only the fields it names change. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProfileUpdate.builder().nickname("Alice").gender(Gender.FEMALE).clear(ProfileField.SIGN).build()
 * }</pre>
 *
 * <p>Setting a field to {@code ""} clears it, like {@link Builder#clear(ProfileField)}; setting
 * {@link Gender#UNKNOWN} clears the gender. {@code null} is refused, so that a missing value in the
 * caller's data never wipes a field by accident.
 */
public final class ProfileUpdate {

  private final Map<ProfileField, String> values;
  private final Map<String, String> customAttributes;

  private ProfileUpdate(Builder b) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(b.values));
    this.customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.customAttributes));
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The changed neutral fields with their new values; {@code ""} means "clear". The value of
   * {@link ProfileField#GENDER} is the vendor digit {@code "0"}, {@code "1"} or {@code "2"}
   * ({@code "0"} clears). Unmodifiable, in {@link ProfileField} order.
   */
  public Map<ProfileField, String> values() {
    return values;
  }

  /** The changed custom attributes by key; {@code ""} means "remove". Unmodifiable. */
  public Map<String, String> customAttributes() {
    return customAttributes;
  }

  /** Whether this update changes nothing at all. */
  public boolean isEmpty() {
    return values.isEmpty() && customAttributes.isEmpty();
  }

  /** The profile that results from applying this update to {@code current}. */
  public UserProfile applyTo(UserProfile current) {
    UserProfile.Builder b = current.toBuilder();
    values.forEach(b::set);
    customAttributes.forEach(b::customAttribute);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileUpdate
        && values.equals(((ProfileUpdate) o).values)
        && customAttributes.equals(((ProfileUpdate) o).customAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, customAttributes);
  }

  @Override
  public String toString() {
    return "ProfileUpdate{" + values + (customAttributes.isEmpty() ? "" : ", custom=" + customAttributes) + '}';
  }

  /** Builds a {@link ProfileUpdate}. Not thread-safe; a later call for the same field wins. */
  public static final class Builder {
    private final EnumMap<ProfileField, String> values = new EnumMap<>(ProfileField.class);
    private final LinkedHashMap<String, String> customAttributes = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a string field; {@code ""} clears it.
     *
     * @throws IllegalArgumentException for {@link ProfileField#GENDER}: use {@link #gender(Gender)}
     * @throws NullPointerException if {@code value} is null
     */
    public Builder set(ProfileField field, String value) {
      Objects.requireNonNull(field, "field");
      if (field == ProfileField.GENDER) {
        throw new IllegalArgumentException("use gender(Gender) to change the gender");
      }
      values.put(field, Objects.requireNonNull(value,
          () -> field.fieldName() + " must not be null: use clear(ProfileField." + field + ") to clear it"));
      return this;
    }

    /** Sets the nickname; {@code ""} clears it. */
    public Builder nickname(String nickname) {
      return set(ProfileField.NICKNAME, nickname);
    }

    /** Sets the avatar URL; {@code ""} clears it. */
    public Builder avatarUrl(String avatarUrl) {
      return set(ProfileField.AVATAR_URL, avatarUrl);
    }

    /** Sets the gender; {@link Gender#UNKNOWN} clears it. */
    public Builder gender(Gender gender) {
      Objects.requireNonNull(gender, "gender must not be null: use Gender.UNKNOWN to clear it");
      values.put(ProfileField.GENDER, Integer.toString(gender.wireValue()));
      return this;
    }

    /** Sets the signature; {@code ""} clears it. */
    public Builder sign(String sign) {
      return set(ProfileField.SIGN, sign);
    }

    /** Sets the birthday text; {@code ""} clears it. */
    public Builder birth(String birth) {
      return set(ProfileField.BIRTH, birth);
    }

    /** Sets the e-mail address; {@code ""} clears it. */
    public Builder email(String email) {
      return set(ProfileField.EMAIL, email);
    }

    /** Sets the phone number; {@code ""} clears it. */
    public Builder phone(String phone) {
      return set(ProfileField.PHONE, phone);
    }

    /** Sets the extension string; {@code ""} clears it. */
    public Builder ext(String ext) {
      return set(ProfileField.EXT, ext);
    }

    /** Clears a field, gender included. */
    public Builder clear(ProfileField field) {
      Objects.requireNonNull(field, "field");
      values.put(field, field == ProfileField.GENDER ? "0" : "");
      return this;
    }

    /**
     * Sets a custom attribute (needs {@link io.imfacade.Capability#PROFILE_CUSTOM_ATTRIBUTES});
     * {@code ""} removes it.
     */
    public Builder customAttribute(String key, String value) {
      Objects.requireNonNull(key, "key");
      customAttributes.put(key, Objects.requireNonNull(value, "value must not be null: use \"\" to remove"));
      return this;
    }

    /** Removes a custom attribute. */
    public Builder clearCustomAttribute(String key) {
      return customAttribute(key, "");
    }

    /** The immutable update. */
    public ProfileUpdate build() {
      return new ProfileUpdate(this);
    }
  }
}
