package io.imfacade.cli;

import io.imfacade.profile.ProfileField;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the structured values of the command line. A value that does not parse
 * is a usage error (exit code 2) naming the option and showing the expected form.
 */
final class Arguments {

  private Arguments() {}

  /** {@code key=value}; an empty value is kept (it removes the key where the service says so). */
  static final class KeyValue {
    final String key;
    final String value;

    KeyValue(String key, String value) {
      this.key = key;
      this.value = value;
    }

    /** Parses {@code key=value}: the key is everything before the first {@code =} and not empty. */
    static KeyValue parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new TypeConversionException("expected KEY=VALUE, was '" + text + "'");
      }
      return new KeyValue(text.substring(0, eq), text.substring(eq + 1));
    }

    /** Picocli's hook. */
    static final class Converter implements ITypeConverter<KeyValue> {
      @Override
      public KeyValue convert(String value) {
        return parse(value);
      }
    }
  }

  /** {@code user:key=value}: one attribute of one group member. */
  static final class MemberAttribute {
    final String userId;
    final KeyValue attribute;

    MemberAttribute(String userId, KeyValue attribute) {
      this.userId = userId;
      this.attribute = attribute;
    }

    /** Picocli's hook. User ids never contain ':' on any built-in vendor, so the first one splits. */
    static final class Converter implements ITypeConverter<MemberAttribute> {
      @Override
      public MemberAttribute convert(String value) {
        int colon = value.indexOf(':');
        int eq = value.indexOf('=');
        if (colon <= 0 || eq < 0 || eq < colon) {
          throw new TypeConversionException("expected USER:KEY=VALUE, was '" + value + "'");
        }
        return new MemberAttribute(value.substring(0, colon), KeyValue.parse(value.substring(colon + 1)));
      }
    }
  }

  /**
   * A profile field by its enum name ({@code AVATAR_URL}), its field name ({@code avatarUrl}) or
   * its option name ({@code avatar-url}), in any case.
   */
  static final class ProfileFieldConverter implements ITypeConverter<ProfileField> {
    @Override
    public ProfileField convert(String value) {
      String wanted = value.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
      for (ProfileField field : ProfileField.values()) {
        if (field.fieldName().toLowerCase(Locale.ROOT).equals(wanted)) {
          return field;
        }
      }
      StringBuilder names = new StringBuilder();
      for (ProfileField field : ProfileField.values()) {
        names.append(names.length() == 0 ? "" : ", ").append(field.fieldName());
      }
      throw new TypeConversionException("expected one of " + names + ", was '" + value + "'");
    }
  }
}
