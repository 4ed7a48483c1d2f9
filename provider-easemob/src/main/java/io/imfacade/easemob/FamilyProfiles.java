package io.imfacade.easemob;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.Capability;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.Validation;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User profiles over the family's user attributes ({@code metadata/user}, seed 000). The eight
 * neutral fields use the keys the vendors' client SDKs read ({@code nickname, avatarurl, phone,
 * mail, gender, sign, birth, ext}); any other key is a custom attribute.
 *
 * <p>An update is one form-encoded {@code PUT} of the changed keys only: the vendor merges them
 * into what the user has. Clearing a field sends it with an empty value ({@code gender} with the
 * documented {@code 0}, "unknown"); the vendor keeps the empty string and a read turns it back into
 * "absent", so a profile whose values are all empty reads as no profile.
 */
final class FamilyProfiles implements UserProfileService {

  private static final Map<String, ProfileField> FIELD_BY_KEY;

  static {
    Map<String, ProfileField> m = new HashMap<>();
    Validation.EASEMOB_PROFILE_KEYS.forEach((field, key) -> m.put(key, field));
    FIELD_BY_KEY = Collections.unmodifiableMap(m);
  }

  /**
   * The keys asked for in a batch read: none, which asks for every key. The doc lists {@code
   * properties} as the filter of the answer; the family's metadata service reads an empty list as
   * "all keys" (stated for member attributes in seed 001), and only "all keys" brings back the
   * custom attributes, whose names the caller does not give.
   */
  private static final List<String> ALL_KEYS = List.of();

  private final Family family;

  FamilyProfiles(Family family) {
    this.family = family;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    Operation op = Ops.PROFILES_GET;
    family.checkOpen();
    String id = family.checks.user(op, "userId", userId);
    Wire.DataResponse<JsonNode> answer = family.call(op, auth -> family.api.getUserMetadata(auth, id));
    UserProfile profile = toProfile(id, Wire.attributes(answer == null ? null : answer.data));
    return profile.isEmpty() ? Optional.empty() : Optional.of(profile);
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds) {
    Operation op = Ops.PROFILES_GET_ALL;
    family.checkOpen();
    List<String> ids = family.checks.users(op, "userIds", userIds);
    if (ids.isEmpty()) {
      return Collections.emptyMap();
    }
    List<Map<String, Map<String, String>>> chunks = Batches.inChunks(family.context, ids,
        family.limits.profileBatchGet(), Family.PARALLELISM, chunk -> readChunk(op, chunk));
    Map<String, Map<String, String>> byUser = new HashMap<>();
    chunks.forEach(byUser::putAll);
    Map<String, UserProfile> result = new LinkedHashMap<>();
    for (String id : ids) {
      Map<String, String> attributes = byUser.get(id);
      if (attributes != null) {
        UserProfile profile = toProfile(id, attributes);
        if (!profile.isEmpty()) {
          result.put(id, profile);
        }
      }
    }
    return Collections.unmodifiableMap(result);
  }

  private Map<String, Map<String, String>> readChunk(Operation op, List<String> chunk) {
    Wire.DataResponse<JsonNode> answer = family.call(op,
        auth -> family.api.getUsersMetadata(auth, new Wire.TargetsRequest(chunk, ALL_KEYS)));
    return Wire.attributesByUser(answer == null ? null : answer.data);
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    Operation op = Ops.PROFILES_UPDATE;
    family.checkOpen();
    String id = family.checks.user(op, "userId", userId);
    family.checks.check(op, () -> Validation.profileUpdate(update, family.limits));
    if (!update.customAttributes().isEmpty()) {
      family.require(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    }
    // The user's current attributes are not known here; a patch whose own values exceed the total
    // can never fit, so it is refused before sending. Growth past the total through values already
    // stored is refused by the vendor (403 "size of metadata ... exceeds"), mapped to the same
    // QuotaExceededException.
    family.checks.check(op, () -> Validation.profileTotal(update.applyTo(UserProfile.builder(id).build()), family.limits));
    Map<String, String> form = new LinkedHashMap<>();
    update.values().forEach((field, value) -> form.put(Validation.EASEMOB_PROFILE_KEYS.get(field), value));
    form.putAll(update.customAttributes());
    family.call(op, auth -> family.api.setUserMetadata(auth, id, form));
  }

  @Override
  public void delete(String userId) {
    Operation op = Ops.PROFILES_DELETE;
    family.checkOpen();
    String id = family.checks.user(op, "userId", userId);
    Wire.DataResponse<Boolean> answer = family.call(op, auth -> family.api.deleteUserMetadata(auth, id));
    if (answer != null && Boolean.FALSE.equals(answer.data)) {
      throw family.unexpected(op, "the vendor answered that the attributes of " + id + " were not deleted");
    }
  }

  @Override
  public long totalSizeBytes() {
    Operation op = Ops.PROFILES_TOTAL_SIZE;
    family.checkOpen();
    family.require(Capability.PROFILE_TOTAL_SIZE);
    Wire.DataResponse<Long> answer = family.call(op, auth -> family.api.userMetadataCapacity(auth));
    if (answer == null || answer.data == null) {
      throw family.unexpected(op, "the vendor's capacity answer has no data");
    }
    return answer.data;
  }

  /** The neutral profile of a user's attribute map; empty values read as absent. */
  UserProfile toProfile(String userId, Map<String, String> attributes) {
    UserProfile.Builder b = UserProfile.builder(userId);
    boolean custom = family.capabilities.contains(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    EnumMap<ProfileField, String> fields = new EnumMap<>(ProfileField.class);
    attributes.forEach((key, value) -> {
      ProfileField field = FIELD_BY_KEY.get(key);
      if (field != null) {
        fields.put(field, value);
      } else if (custom) {
        b.customAttribute(key, value);
      }
    });
    fields.forEach((field, value) -> {
      if (field == ProfileField.GENDER) {
        b.gender(gender(value));
      } else {
        b.set(field, value);
      }
    });
    return b.build();
  }

  /** The vendor stores what it was sent; anything but 1 or 2 reads as unknown rather than failing a read. */
  private static Gender gender(String value) {
    switch (value.trim()) {
      case "1":
        return Gender.MALE;
      case "2":
        return Gender.FEMALE;
      default:
        return Gender.UNKNOWN;
    }
  }
}
