package io.imfacade.cli;

import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imfacade profile}: the user profile service. */
@Command(name = "profile", description = "Read and write user profiles.", subcommands = {
    ProfileCommand.GetProfile.class,
    ProfileCommand.GetProfiles.class,
    ProfileCommand.SetProfile.class,
    ProfileCommand.DeleteProfile.class,
    ProfileCommand.TotalSize.class
})
final class ProfileCommand extends CommandGroup {

  /** {@code profile get <user>}. */
  @Command(name = "get", description = "Print a user's profile. Exit code 1 when the user has none.")
  static final class GetProfile extends ClientCommand {

    @Parameters(paramLabel = "<user>", description = "The user id.")
    String userId;

    @Override
    int run(ImClient client, Output out) {
      UserProfile profile = client.profiles().get(userId)
          .orElseThrow(() -> new NotFoundException("user '" + userId + "' has no profile"));
      return print(out, () -> Views.profile(profile), () -> Views.profileLine(profile));
    }
  }

  /** {@code profile get-many <user>...}. */
  @Command(name = "get-many", description = {
      "Print the profiles of several users, one per line.",
      "Users without a profile are reported as such ('missing' in JSON); the exit code is still 0."})
  static final class GetProfiles extends ClientCommand {

    @Parameters(paramLabel = "<user>", arity = "1..*", description = "The user ids.")
    List<String> userIds;

    @Override
    int run(ImClient client, Output out) {
      return PerUser.found(out, Views.object(), userIds, client.profiles().getAll(userIds), "profiles", "missing",
          "(no profile)", (userId, profile) -> Views.profile(profile), (userId, profile) -> Views.profileLine(profile));
    }
  }

  /** {@code profile set <user> [--nickname ...] ...}. */
  @Command(name = "set", description = {
      "Change some fields of a user's profile; the fields not named keep their values.",
      "An empty value (--sign \"\") clears a field, like --clear. Prints the profile after the change."})
  static final class SetProfile extends ClientCommand {

    @Parameters(paramLabel = "<user>", description = "The user id.")
    String userId;

    @Option(names = "--nickname", paramLabel = "TEXT", description = "Display name.")
    String nickname;

    @Option(names = "--avatar-url", paramLabel = "URL", description = "Avatar URL.")
    String avatarUrl;

    @Option(names = "--gender", paramLabel = "GENDER",
        description = "One of ${COMPLETION-CANDIDATES}; UNKNOWN clears it.")
    Gender gender;

    @Option(names = "--sign", paramLabel = "TEXT", description = "Signature or status line.")
    String sign;

    @Option(names = "--birth", paramLabel = "TEXT", description = "Birthday (free text).")
    String birth;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "E-mail address.")
    String email;

    @Option(names = "--phone", paramLabel = "NUMBER", description = "Phone number.")
    String phone;

    @Option(names = "--ext", paramLabel = "TEXT", description = "Extension string, often JSON.")
    String ext;

    @Option(names = "--attr", paramLabel = "KEY=VALUE", converter = Arguments.KeyValue.Converter.class,
        description = "A custom attribute, where the provider supports them; KEY= removes it. Repeatable.")
    List<Arguments.KeyValue> attributes = new ArrayList<>();

    @Option(names = "--clear", paramLabel = "FIELD", converter = Arguments.ProfileFieldConverter.class,
        description = "Clear a field: nickname, avatarUrl, gender, sign, birth, email, phone or ext."
            + " Repeatable.")
    List<ProfileField> cleared = new ArrayList<>();

    private ProfileUpdate update;

    @Override
    void check() {
      Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
      putIfGiven(values, ProfileField.NICKNAME, nickname);
      putIfGiven(values, ProfileField.AVATAR_URL, avatarUrl);
      putIfGiven(values, ProfileField.SIGN, sign);
      putIfGiven(values, ProfileField.BIRTH, birth);
      putIfGiven(values, ProfileField.EMAIL, email);
      putIfGiven(values, ProfileField.PHONE, phone);
      putIfGiven(values, ProfileField.EXT, ext);
      ProfileUpdate.Builder b = ProfileUpdate.builder();
      values.forEach(b::set);
      if (gender != null) {
        b.gender(gender);
      }
      for (ProfileField field : cleared) {
        if (values.containsKey(field) || (field == ProfileField.GENDER && gender != null)) {
          throw usage("--clear " + field.fieldName() + " contradicts the value given for it");
        }
        b.clear(field);
      }
      attributes.forEach(a -> b.customAttribute(a.key(), a.value()));
      update = b.build();
      if (update.isEmpty()) {
        throw new InvalidRequestException("update", "nothing to change: give at least one of --nickname,"
            + " --avatar-url, --gender, --sign, --birth, --email, --phone, --ext, --attr or --clear");
      }
    }

    private static void putIfGiven(Map<ProfileField, String> values, ProfileField field, String value) {
      if (value != null) {
        values.put(field, value);
      }
    }

    @Override
    int run(ImClient client, Output out) {
      client.profiles().update(userId, update);
      UserProfile after = client.profiles().get(userId).orElseGet(() -> UserProfile.builder(userId).build());
      return print(out, () -> Views.profile(after), () -> Views.profileLine(after));
    }
  }

  /** {@code profile delete <user>}. */
  @Command(name = "delete",
      description = "Remove every attribute of a user's profile. Succeeds when there was none.")
  static final class DeleteProfile extends ClientCommand {

    @Parameters(paramLabel = "<user>", description = "The user id.")
    String userId;

    @Override
    int run(ImClient client, Output out) {
      client.profiles().delete(userId);
      return print(out, () -> Views.object().put("userId", userId).put("deleted", true),
          () -> "deleted the profile of " + userId);
    }
  }

  /** {@code profile total-size}. */
  @Command(name = "total-size",
      description = "Print the bytes used by all users' profile attributes of the app.")
  static final class TotalSize extends ClientCommand {

    @Override
    int run(ImClient client, Output out) {
      long bytes = client.profiles().totalSizeBytes();
      return print(out, () -> Views.object().put("totalSizeBytes", bytes), () -> bytes + " bytes");
    }
  }
}
