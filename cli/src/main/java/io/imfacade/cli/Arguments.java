package io.imfacade.cli;

import io.imfacade.error.InvalidRequestException;
import io.imfacade.profile.ProfileField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the structured values of the command line. A value that does not parse
 * is a usage error (exit code 2) naming the option and showing the expected form.
 */
final class Arguments {

  private Arguments() {}

  /** {@code key=value}; an empty value is kept (it removes the key where the service says so). */
  record KeyValue(String key, String value) {

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
  record MemberAttribute(String userId, KeyValue attribute) {

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
   * A duration: {@code 30s}, {@code 30m}, {@code 2h}, {@code 7d}, or ISO-8601 such as {@code PT2H}.
   */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher m = SIMPLE_DURATION.matcher(value);
      try {
        if (m.matches()) {
          long n = Long.parseLong(m.group(1));
          return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
        }
        return Duration.parse(value);
      } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
        throw new TypeConversionException("expected a duration such as 30m, 2h, 7d or PT2H, was '" + value + "'");
      }
    }
  }

  private static final Pattern SIMPLE_DURATION = Pattern.compile("([0-9]{1,9})([smhd])");

  /**
   * The first line of a file holding a secret, without its line break. A failure names the file
   * and the option, never a line of it.
   */
  static String firstLine(Path file, String option) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new InvalidRequestException(option.substring(2), option + " " + file + " is empty: its first line is the value");
      }
      return line;
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidRequestException(option.substring(2), option + " " + file + " cannot be read ("
          + e.getClass().getSimpleName() + ")");
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
