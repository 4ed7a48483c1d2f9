package io.imfacade.profile;

import io.imfacade.error.InvalidRequestException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A patch to a user's profile: only the fields it names change. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProfileUpdate.builder().nickname("Alice").gender(Gender.FEMALE).clear(ProfileField.SIGN).build()
 * }</pre>
 *
 * <p>Setting a field to {@code ""} clears it, like {@link Builder#clear(ProfileField)}; setting
 * {@link Gender#UNKNOWN} clears the gender. {@code null} is refused with an {@link
 * InvalidRequestException}, so that a missing value in the caller's data never wipes a field by
 * accident.
 */
public final class ProfileUpdate {

  private final Map<ProfileField, String> values;
  private final @Nullable Gender gender;
  private final Map<String, String> customAttributes;

  private ProfileUpdate(Builder b) {
    this.values = b.values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.values));
    this.gender = b.gender;
    this.customAttributes = b.customAttributes.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.customAttributes));
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The changed string fields with their new values, {@code ""} meaning "clear"; never {@link
   * ProfileField#GENDER} (see {@link #gender()}). Unmodifiable, in {@link ProfileField} order.
   */
  public Map<ProfileField, String> values() {
    return values;
  }

  /** The new gender, if the update changes it; {@link Gender#UNKNOWN} clears it. */
  public Optional<Gender> gender() {
    return Optional.ofNullable(gender);
  }

  /** The changed custom attributes by key; {@code ""} means "remove". Unmodifiable. */
  public Map<String, String> customAttributes() {
    return customAttributes;
  }

  /** Every neutral field the update changes, gender included. */
  public Set<ProfileField> fields() {
    EnumSet<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
    fields.addAll(values.keySet());
    if (gender != null) {
      fields.add(ProfileField.GENDER);
    }
    return Collections.unmodifiableSet(fields);
  }

  /** Whether this update changes nothing at all. */
  public boolean isEmpty() {
    return values.isEmpty() && gender == null && customAttributes.isEmpty();
  }

  /** The profile that results from applying this update to {@code current}. */
  public UserProfile applyTo(UserProfile current) {
    UserProfile.Builder b = current.toBuilder();
    values.forEach(b::set);
    if (gender != null) {
      b.gender(gender);
    }
    customAttributes.forEach(b::customAttribute);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileUpdate
        && values.equals(((ProfileUpdate) o).values)
        && gender == ((ProfileUpdate) o).gender
        && customAttributes.equals(((ProfileUpdate) o).customAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, gender, customAttributes);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ProfileUpdate{").append(values);
    if (gender != null) {
      sb.append(", gender=").append(gender);
    }
    if (!customAttributes.isEmpty()) {
      sb.append(", custom=").append(customAttributes);
    }
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link ProfileUpdate}. Not thread-safe; a later call for the same field wins. A null
   * argument is an {@link InvalidRequestException} naming it.
   */
  public static final class Builder {
    private final EnumMap<ProfileField, String> values = new EnumMap<>(ProfileField.class);
    private @Nullable Gender gender;
    private final LinkedHashMap<String, String> customAttributes = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a string field; {@code ""} clears it.
     *
     * @throws InvalidRequestException for {@link ProfileField#GENDER} (use {@link #gender(Gender)})
     *     or a null field or value
     */
    public Builder set(ProfileField field, String value) {
      if (field == null) {
        throw new InvalidRequestException("field", "field must not be null");
      }
      if (field == ProfileField.GENDER) {
        throw new InvalidRequestException("gender", "use gender(Gender) to change the gender");
      }
      if (value == null) {
        throw new InvalidRequestException(field.fieldName(),
            field.fieldName() + " must not be null: use clear(ProfileField." + field + ") to clear it");
      }
      values.put(field, value);
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
      if (gender == null) {
        throw new InvalidRequestException("gender", "gender must not be null: use Gender.UNKNOWN to clear it");
      }
      this.gender = gender;
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
      if (field == null) {
        throw new InvalidRequestException("field", "field must not be null");
      }
      if (field == ProfileField.GENDER) {
        gender = Gender.UNKNOWN;
      } else {
        values.put(field, "");
      }
      return this;
    }

    /**
     * Sets a custom attribute (needs {@link io.imfacade.Capability#PROFILE_CUSTOM_ATTRIBUTES});
     * {@code ""} removes it.
     */
    public Builder customAttribute(String key, String value) {
      if (key == null) {
        throw new InvalidRequestException("customAttribute", "custom attribute key must not be null");
      }
      if (value == null) {
        throw new InvalidRequestException("customAttribute",
            "value of custom attribute '" + key + "' must not be null: use \"\" to remove it");
      }
      customAttributes.put(key, value);
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
