package io.imfacade.jackson.internal;

import io.imfacade.profile.ProfileField;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The profile fields by their JSON names ({@link ProfileField#fieldName()}). */
final class ProfileFields {

  private static final Map<String, ProfileField> BY_NAME = new HashMap<>();

  static {
    for (ProfileField f : ProfileField.values()) {
      BY_NAME.put(f.fieldName(), f);
    }
  }

  private ProfileFields() {}

  static @Nullable ProfileField byName(String name) {
    return BY_NAME.get(name);
  }
}
