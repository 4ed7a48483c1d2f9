package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.easemob.family.EasemobFamilyLimits;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.http.Endpoint;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.ArrayList;
import java.util.Collection;
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
  /**
   * The two reads as prepared endpoints (the same requests as {@link EasemobApi#getUserMetadata}
   * and {@link EasemobApi#getUsersMetadata}): they are the hot calls, and Retrofit's per-call
   * request building costs more than the rest of a single read ({@link io.imfacade.http.Endpoint}).
   */
  private final Endpoint<ProfileAnswers.One> userAttributes;
  private final Endpoint<ProfileAnswers.Many> usersAttributes;
  private final int batchSize;
  /** Whether other keys are read as custom attributes (a provider may not offer them). */
  private final boolean customAttributes;

  FamilyProfiles(RemoteCore<EasemobApi> core, int batchSize, boolean customAttributes) {
    this.core = core;
    this.userAttributes = core.endpoint("metadata/user/", ProfileAnswers.One.class, EasemobApi.ACCEPT_JSON);
    this.usersAttributes = core.endpoint("metadata/user/get", ProfileAnswers.Many.class, EasemobApi.ACCEPT_JSON);
    this.batchSize = batchSize;
    this.customAttributes = customAttributes;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    Operation op = Ops.PROFILES_GET;
    ProfileAnswers.One answer;
    try {
      answer = core.call(op, tag -> userAttributes.get(tag, userId));
    } catch (NotFoundException e) {
      if (APP_OR_ROUTE_MISSING.contains(e.vendorCode().orElse(""))) {
        throw e;
      }
      return Optional.empty(); // the 2021 page's 404 of an unknown user
    }
    if (answer == null || answer.dataShape != null) {
      throw malformedData(op, answer == null ? "absent" : answer.dataShape);
    }
    UserProfile profile = answer.attributes.profile(userId, customAttributes ? null : Set.of());
    return profile.isEmpty() ? Optional.empty() : Optional.of(profile);
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
    Operation op = Ops.PROFILES_GET_ALL;
    List<String> properties;
    Set<String> keep;
    if (customAttributeKeys.isEmpty()) {
      properties = NEUTRAL_KEYS;
      keep = Set.of();
    } else {
      properties = new ArrayList<>(NEUTRAL_KEYS);
      properties.addAll(customAttributeKeys);
      keep = customAttributes ? Set.copyOf(customAttributeKeys) : Set.of();
    }
    return core.readInOrder(List.copyOf(userIds), batchSize, chunk -> {
      ProfileAnswers.Many answer = core.call(op,
          tag -> usersAttributes.postJson(tag, new Wire.TargetsRequest(chunk, properties)));
      if (answer == null || answer.dataShape != null) {
        throw malformedData(op, answer == null ? "absent" : answer.dataShape);
      }
      String userShape = answer.firstUserShape();
      if (userShape != null) {
        throw core.malformed(op, "the attributes of a user in 'data' are " + userShape
            + ", not the documented object");
      }
      if (answer.customAttributes) {
        // A server that answers more than it was asked must not make the result depend on it.
        ProfileAnswers.keepCustom(answer.profiles, keep);
      }
      return answer.profiles;
    });
  }

  /** What {@link Answers#object} says of a {@code data} that is not an object. */
  private ProviderUnavailableException malformedData(Operation op, String shape) {
    return core.malformed(op, "'data' is " + shape + ", not the documented object");
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

}
