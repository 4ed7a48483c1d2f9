package io.imfacade.migrate.internal;

import io.imfacade.Capability;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.Sizes;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the target takes, value by value: the checks of the neutral guard ({@code
 * io.imfacade.internal.Inputs} and the guarded services) against the target's {@link
 * ProviderMetadata}, made before anything is sent, so that one value over a limit is reported on
 * its own and the rest of its record is still written. A dry run reports exactly these. The guard
 * remains the authority at write time; {@code RulesParityTest} checks that both agree. Immutable.
 */
final class Rules {

  /** One value the target cannot take, and why. */
  record Refusal(String what, @Nullable String item, String reason, String exception) {}

  /**
   * What of a profile is written.
   *
   * @param update the update to send, or null when nothing is left to write
   * @param values how many values it writes
   * @param planned the profile the target should hold afterwards (for {@code verify})
   * @param refusals what is left out, and why
   */
  record ProfilePlan(@Nullable ProfileUpdate update, int values, UserProfile planned, List<Refusal> refusals) {}

  /** What of a member's attributes is written: the attributes, and what is left out. */
  record AttributesPlan(Map<String, String> attributes, List<Refusal> refusals) {}

  static final String INVALID = "InvalidRequestException";
  static final String QUOTA = "QuotaExceededException";
  static final String UNSUPPORTED = "UnsupportedCapabilityException";

  /** The order fields are given up in when a profile is over the target's total: free data first. */
  private static final List<ProfileField> DROP_ORDER = List.of(ProfileField.EXT, ProfileField.PHONE,
      ProfileField.EMAIL, ProfileField.BIRTH, ProfileField.SIGN, ProfileField.AVATAR_URL, ProfileField.NICKNAME);

  private final ProviderMetadata metadata;
  private final VendorLimits limits;

  Rules(ProviderMetadata metadata) {
    this.metadata = metadata;
    this.limits = metadata.limits();
  }

  VendorLimits limits() {
    return limits;
  }

  boolean offers(Capability capability) {
    return metadata.capabilities().contains(capability);
  }

  /** The refusal of anything that needs {@code capability}, as the guard words it. */
  Refusal unsupported(Capability capability, String what, @Nullable String item) {
    return new Refusal(what, item, capability + " is not supported: " + metadata.unsupported().get(capability)
        + " (" + metadata.id() + ")", UNSUPPORTED);
  }

  /** Why the target would refuse {@code userId}, or null. */
  @Nullable String userIdProblem(String userId) {
    String problem = limits.userId().violation(userId);
    return problem == null ? null : "userId '" + userId + "' " + problem + " (" + limits.name() + ")";
  }

  /** What of {@code profile} the target takes. */
  ProfilePlan profile(UserProfile profile) {
    List<Refusal> refusals = new ArrayList<>();
    UserProfile.Builder planned = UserProfile.builder(profile.userId());
    for (ProfileField f : ProfileField.values()) {
      if (f == ProfileField.GENDER) {
        planned.gender(profile.gender());
        continue;
      }
      String value = profile.get(f);
      if (value == null) {
        continue;
      }
      String problem = textProblem(f.fieldName(), value);
      if (problem == null) {
        problem = lengthProblem(f.fieldName(), value, limits.profileField(f));
      }
      if (problem != null) {
        refusals.add(new Refusal("profile." + f.fieldName(), null, problem, INVALID));
      } else {
        planned.set(f, value);
      }
    }
    Map<String, String> custom = new LinkedHashMap<>();
    profile.customAttributes().forEach((key, value) -> {
      Refusal refusal = customProblem(key, value);
      if (refusal != null) {
        refusals.add(refusal);
      } else {
        custom.put(key, value);
      }
    });
    custom.forEach(planned::customAttribute);
    UserProfile plan = planned.build();
    int total = limits.profileTotalBytes();
    if (total != Integer.MAX_VALUE && limits.profileJsonBytes(plan) > total) {
      plan = fitTotal(plan, total, refusals);
    }
    return new ProfilePlan(update(plan), count(plan), plan, refusals);
  }

  /**
   * Gives up values until the profile fits the target's total size: custom attributes from the last,
   * then the free {@code ext}, then the other fields. Each one given up is reported.
   */
  private UserProfile fitTotal(UserProfile plan, int total, List<Refusal> refusals) {
    List<String> keys = new ArrayList<>(plan.customAttributes().keySet());
    UserProfile current = plan;
    for (int i = keys.size() - 1; i >= 0 && limits.profileJsonBytes(current) > total; i--) {
      int size = limits.profileJsonBytes(current);
      current = current.toBuilder().customAttribute(keys.get(i), "").build();
      refusals.add(new Refusal("profile.customAttribute", keys.get(i), overTotal(plan.userId(), size, total), QUOTA));
    }
    for (ProfileField f : DROP_ORDER) {
      if (limits.profileJsonBytes(current) <= total) {
        break;
      }
      if (current.get(f) != null) {
        int size = limits.profileJsonBytes(current);
        current = current.toBuilder().set(f, "").build();
        refusals.add(new Refusal("profile." + f.fieldName(), null, overTotal(plan.userId(), size, total), QUOTA));
      }
    }
    return current;
  }

  private String overTotal(String userId, int size, int total) {
    return "the attributes of user " + userId + " would take " + size + " bytes, over the " + limits.name()
        + " limit of " + total + " bytes";
  }

  private @Nullable Refusal customProblem(String key, String value) {
    if (!offers(Capability.PROFILE_CUSTOM_ATTRIBUTES)) {
      return unsupported(Capability.PROFILE_CUSTOM_ATTRIBUTES, "profile.customAttribute", key);
    }
    if (key.isBlank()) {
      return new Refusal("profile.customAttribute", key, "custom attribute key must not be blank", INVALID);
    }
    if (limits.reservedProfileKeys().contains(key)) {
      return new Refusal("profile.customAttribute", key, "custom attribute key '" + key + "' is reserved for a neutral"
          + " field (" + limits.name() + " stores the neutral fields under " + limits.reservedProfileKeys() + ")", INVALID);
    }
    String problem = textProblem("customAttribute", key);
    if (problem == null) {
      problem = textProblem("customAttribute " + key, value);
    }
    return problem == null ? null : new Refusal("profile.customAttribute", key, problem, INVALID);
  }

  private static @Nullable ProfileUpdate update(UserProfile plan) {
    ProfileUpdate.Builder b = ProfileUpdate.builder();
    for (ProfileField f : ProfileField.values()) {
      if (f != ProfileField.GENDER && plan.get(f) != null) {
        b.set(f, plan.get(f));
      }
    }
    if (plan.gender() != Gender.UNKNOWN) {
      b.gender(plan.gender());
    }
    plan.customAttributes().forEach(b::customAttribute);
    ProfileUpdate update = b.build();
    return update.isEmpty() ? null : update;
  }

  /** The values of a profile: its string fields, a known gender, its custom attributes. */
  static int count(UserProfile p) {
    int n = p.customAttributes().size() + (p.gender() == Gender.UNKNOWN ? 0 : 1);
    for (ProfileField f : ProfileField.values()) {
      if (f != ProfileField.GENDER && p.get(f) != null) {
        n++;
      }
    }
    return n;
  }

  /** Why the target refuses a remark, or null. */
  @Nullable Refusal remark(String friend, String remark) {
    if (!offers(Capability.CONTACT_REMARK)) {
      return unsupported(Capability.CONTACT_REMARK, "remark", friend);
    }
    String problem = textProblem("remark", remark);
    if (problem == null) {
      problem = lengthProblem("remark", remark, limits.remark());
    }
    return problem == null ? null : new Refusal("remark", friend, problem, INVALID);
  }

  /** Why the target refuses a group's name, or null. */
  @Nullable String groupNameProblem(String name) {
    if (name.isBlank()) {
      return "a group's name must not be null or blank";
    }
    String problem = textProblem("name", name);
    return problem != null ? problem : lengthProblem("name", name, limits.groupName());
  }

  /** Why the target refuses a group's description, or null. */
  @Nullable String groupDescriptionProblem(String description) {
    String problem = textProblem("description", description);
    return problem != null ? problem : lengthProblem("description", description, limits.groupDescription());
  }

  /**
   * What of a member's attributes the target takes: keys and values within their limits, then as
   * many as fit the member's total, in order.
   */
  AttributesPlan memberAttributes(String member, Map<String, String> attributes) {
    List<Refusal> refusals = new ArrayList<>();
    Map<String, String> kept = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      if (value.isEmpty()) {
        return; // nothing stored under it
      }
      String problem = key.isBlank() ? "attribute key must not be null or blank" : textProblem("attribute key", key);
      if (problem == null) {
        problem = lengthProblem("attribute key '" + key + "'", key, limits.memberKey());
      }
      if (problem == null) {
        problem = textProblem("value of attribute '" + key + "'", value);
      }
      if (problem == null) {
        problem = lengthProblem("value of attribute '" + key + "'", value, limits.memberValue());
      }
      if (problem != null) {
        refusals.add(new Refusal("member.attribute", member, problem, INVALID));
      } else {
        kept.put(key, value);
      }
    });
    List<String> keys = new ArrayList<>(kept.keySet());
    for (int i = keys.size() - 1; i >= 0 && Sizes.jsonObjectBytes(kept) > limits.memberTotalBytes(); i--) {
      int size = Sizes.jsonObjectBytes(kept);
      kept.remove(keys.get(i));
      refusals.add(new Refusal("member.attribute", member, "attribute '" + keys.get(i) + "' left out: the attributes of"
          + " member " + member + " would take " + size + " bytes, over the " + limits.name() + " limit of "
          + limits.memberTotalBytes() + " bytes", QUOTA));
    }
    return new AttributesPlan(kept, refusals);
  }

  private @Nullable String lengthProblem(String field, String value, LengthLimit limit) {
    String problem = limit.violation(value);
    return problem == null ? null : field + " is " + problem + " (" + limits.name() + ")";
  }

  /** The guard's refusal of text no vendor can store: a NUL or a lone UTF-16 surrogate. */
  static @Nullable String textProblem(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return field + " contains a NUL character (U+0000)";
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          return field + " contains a lone UTF-16 surrogate at index " + i + " (U+"
              + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "), which no vendor can store";
        }
        i++;
      }
    }
    return null;
  }
}
