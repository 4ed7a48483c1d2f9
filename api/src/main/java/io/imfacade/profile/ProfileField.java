package io.imfacade.profile;

/** The neutral profile fields, one per {@link UserProfile} accessor. */
public enum ProfileField {
  /** Display name. */
  NICKNAME("nickname"),
  /** Avatar URL. */
  AVATAR_URL("avatarUrl"),
  /** {@link Gender}. */
  GENDER("gender"),
  /** Signature or status line. */
  SIGN("sign"),
  /** Birthday, free text (vendors store a string). */
  BIRTH("birth"),
  /** E-mail address. */
  EMAIL("email"),
  /** Phone number. */
  PHONE("phone"),
  /** Free extension string, often JSON. */
  EXT("ext");

  private final String fieldName;

  ProfileField(String fieldName) {
    this.fieldName = fieldName;
  }

  /** The accessor and builder-method name, used in error messages. */
  public String fieldName() {
    return fieldName;
  }
}
