package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.easemob.family.EasemobFamilyLimits;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * User profiles over the family's user attributes ({@code metadata/user}, seed 000). The eight
 * neutral fields use the keys the vendors' client SDKs read ({@link EasemobFamilyLimits#PROFILE_KEYS});
 * any other key is a custom attribute.
 *
 * <p>An update is one form-encoded {@code PUT} of the changed keys only: the vendor merges them
 * into what the user has. Clearing a field sends it with an empty value ({@code gender} with the
 * documented {@code 0}, "unknown"); the vendor keeps the empty string and a read turns it back into
 * "absent", so a profile whose values are all empty reads as no profile.
 *
 * <p>Unknown users: the vendor documents {@code {}} for the read of an unknown user and {@code true}
 * for its delete, never a 404, and says nothing of a write; a store keyed by name may well accept
 * it. So an update first reads the user's account ({@code GET users/{u}}, 404 when unknown) and
 * fails with {@link io.imfacade.error.NotFoundException} before writing anything. A read answered
 * 404 (Agora's 2021 page shows that for an unknown user, with {@code data: {}}) is an unknown user
 * too, unless the 404 says that the app or the route does not exist.
 */
final class FamilyProfiles implements UserProfileService {

  private static final Map<String, ProfileField> FIELD_BY_KEY = new HashMap<>();

  static {
    EasemobFamilyLimits.PROFILE_KEYS.forEach((field, key) -> FIELD_BY_KEY.put(key, field));
  }

  /**
   * The keys of the neutral fields, asked for in every batch read. The docs make {@code properties}
   * required and a filter ("only the listed properties are returned"), and both official SDKs
   * refuse an empty list; "empty means all keys" is documented only for group members. So a batch
   * read names every key it wants, and custom attributes are read only when the caller names them
   * (FIDELITY.md: user attributes, batch read).
   */
  private static final List<String> NEUTRAL_KEYS = List.copyOf(EasemobFamilyLimits.PROFILE_KEYS.values());

  /** 404 codes that mean "wrong app or path", not "unknown user" (error.md; a route the server lacks). */
  static final Set<String> APP_OR_ROUTE_MISSING = Set.of("organization_application_not_found", "web_application");

  private final RemoteCore<EasemobApi> core;
  private final int batchSize;
  /** Whether other keys are read as custom attributes (a provider may not offer them). */
  private final boolean customAttributes;

  FamilyProfiles(RemoteCore<EasemobApi> core, int batchSize, boolean customAttributes) {
    this.core = core;
    this.batchSize = batchSize;
    this.customAttributes = customAttributes;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    Operation op = Ops.PROFILES_GET;
    Wire.DataResponse answer;
    try {
      answer = core.call(op, tag -> core.api().getUserMetadata(tag, userId));
    } catch (NotFoundException e) {
      if (APP_OR_ROUTE_MISSING.contains(e.vendorCode().orElse(""))) {
        throw e;
      }
      return Optional.empty(); // the 2021 page's 404 of an unknown user
    }
    JsonNode data = Answers.object(core, op, answer);
    UserProfile profile = toProfile(userId, Wire.attributes(data));
    return profile.isEmpty() ? Optional.empty() : Optional.of(profile);
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
    Operation op = Ops.PROFILES_GET_ALL;
    List<String> properties = new ArrayList<>(NEUTRAL_KEYS);
    properties.addAll(customAttributeKeys);
    Set<String> wanted = Set.copyOf(customAttributeKeys);
    return core.readInOrder(List.copyOf(userIds), batchSize, chunk -> {
      JsonNode data = Answers.object(core, op,
          core.call(op, tag -> core.api().getUsersMetadata(tag, new Wire.TargetsRequest(chunk, properties))));
      Map<String, UserProfile> profiles = new HashMap<>();
      Answers.attributesByUser(core, op, data).forEach((id, attributes) -> {
        // A server that answers more than it was asked must not make the result depend on it.
        attributes.keySet().removeIf(key -> !FIELD_BY_KEY.containsKey(key) && !wanted.contains(key));
        UserProfile profile = toProfile(id, attributes);
        if (!profile.isEmpty()) {
          profiles.put(id, profile);
        }
      });
      return profiles;
    });
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    Operation op = Ops.PROFILES_UPDATE;
    Map<String, String> form = new LinkedHashMap<>();
    update.values().forEach((field, value) -> form.put(EasemobFamilyLimits.PROFILE_KEYS.get(field), value));
    update.gender().ifPresent(g -> form.put(EasemobFamilyLimits.PROFILE_KEYS.get(ProfileField.GENDER),
        Integer.toString(g.wireValue())));
    form.putAll(update.customAttributes());
    // 404 for an unknown user, before anything is written (see the class comment).
    core.call(op, tag -> core.api().getUser(tag, userId));
    // The answer's data holds the pairs written (seed 000); only its shape is checked.
    Answers.object(core, op, core.call(op, tag -> core.api().setUserMetadata(tag, userId, form)));
  }

  @Override
  public void delete(String userId) {
    Operation op = Ops.PROFILES_DELETE;
    JsonNode data = Answers.data(core.call(op, tag -> core.api().deleteUserMetadata(tag, userId)));
    if (data == null || !data.isBoolean()) {
      throw core.malformed(op, "'data' is " + Answers.describe(data) + ", not the documented boolean");
    }
    if (!data.booleanValue()) {
      // Seed 000: data=false means "not deleted"; an unknown user or one without attributes is true.
      throw new ProviderUnavailableException("the vendor answered that the attributes of " + userId
          + " were not deleted", core.details(op).retryable(true).build());
    }
  }

  @Override
  public long totalSizeBytes() {
    Operation op = Ops.PROFILES_TOTAL_SIZE;
    JsonNode data = Answers.data(core.call(op, tag -> core.api().userMetadataCapacity(tag)));
    if (data == null || !data.isIntegralNumber() || !data.canConvertToLong() || data.longValue() < 0) {
      throw core.malformed(op, "'data' is " + Answers.describe(data) + ", not the documented byte count");
    }
    return data.longValue();
  }

  /** The neutral profile of a user's attribute map; empty values read as absent. */
  private UserProfile toProfile(String userId, Map<String, String> attributes) {
    UserProfile.Builder b = UserProfile.builder(userId);
    attributes.forEach((key, value) -> {
      ProfileField field = FIELD_BY_KEY.get(key);
      if (field != null) {
        b.set(field, value); // gender: 1 male, 2 female, anything else unknown
      } else if (customAttributes) {
        b.customAttribute(key, value);
      }
    });
    return b.build();
  }
}
