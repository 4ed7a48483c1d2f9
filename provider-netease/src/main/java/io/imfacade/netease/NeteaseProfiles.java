package io.imfacade.netease;

import io.imfacade.Capability;
import io.imfacade.error.NotFoundException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * User profiles over NetEase user cards (用户名片, seed 003): {@code user/getUinfos.action} and
 * {@code user/updateUinfo.action}.
 *
 * <table>
 *   <caption>neutral field to card field</caption>
 *   <tr><td>nickname</td><td>{@code name} (64 characters)</td></tr>
 *   <tr><td>avatarUrl</td><td>{@code icon} (1024 bytes)</td></tr>
 *   <tr><td>phone</td><td>{@code mobile} (32 characters)</td></tr>
 *   <tr><td>email</td><td>{@code email} (64 characters)</td></tr>
 *   <tr><td>ext</td><td>{@code ex} (1024 characters)</td></tr>
 *   <tr><td>sign</td><td>{@code sign} (256 characters)</td></tr>
 *   <tr><td>birth</td><td>{@code birth} (16 characters)</td></tr>
 *   <tr><td>gender</td><td>{@code gender}: 0 unknown, 1 male, 2 female</td></tr>
 * </table>
 *
 * <p>The limits ({@link io.imfacade.spi.VendorLimits#NETEASE}) are checked before anything is
 * sent. An update sends only the fields it changes; clearing a field sends it as {@code ""}
 * ({@code gender} as {@code 0}). A card field the server leaves out, or answers empty, is absent
 * from the neutral profile; a card with nothing set reads as no profile.
 *
 * <p>{@link #getAll} asks for at most 200 accids per request (the documented maximum), up to
 * 4 requests at a time, and returns the profiles in input order.
 *
 * <p>NetEase has no way to delete a card: {@link #delete} clears every field instead (all of them
 * sent empty, gender 0), which reads back as no profile. The account itself stays.
 */
final class NeteaseProfiles implements UserProfileService {

  /** The card parameter of each neutral field. */
  static final Map<ProfileField, String> CARD_FIELDS;

  static {
    EnumMap<ProfileField, String> m = new EnumMap<>(ProfileField.class);
    m.put(ProfileField.NICKNAME, "name");
    m.put(ProfileField.AVATAR_URL, "icon");
    m.put(ProfileField.GENDER, "gender");
    m.put(ProfileField.SIGN, "sign");
    m.put(ProfileField.BIRTH, "birth");
    m.put(ProfileField.EMAIL, "email");
    m.put(ProfileField.PHONE, "mobile");
    m.put(ProfileField.EXT, "ex");
    CARD_FIELDS = Collections.unmodifiableMap(m);
  }

  private final NeteaseApp app;

  NeteaseProfiles(NeteaseApp app) {
    this.app = app;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    Operation op = Ops.PROFILES_GET;
    app.checkOpen();
    String id = app.checks.user(op, "userId", userId);
    return Optional.ofNullable(readChunk(op, List.of(id)).get(id));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds) {
    Operation op = Ops.PROFILES_GET_ALL;
    app.checkOpen();
    List<String> ids = app.checks.users(op, "userIds", userIds);
    if (ids.isEmpty()) {
      return Collections.emptyMap();
    }
    List<Map<String, UserProfile>> chunks = Batches.inChunks(app.context, ids, app.limits.profileBatchGet(),
        NeteaseApp.PARALLELISM, chunk -> readChunk(op, chunk));
    Map<String, UserProfile> byUser = new HashMap<>();
    chunks.forEach(byUser::putAll);
    Map<String, UserProfile> result = new LinkedHashMap<>();
    for (String id : ids) {
      UserProfile profile = byUser.get(id);
      if (profile != null) {
        result.put(id, profile);
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /** One {@code getUinfos} request: the non-empty profiles among {@code ids}, by lower-case id. */
  private Map<String, UserProfile> readChunk(Operation op, List<String> ids) {
    String accids = Wire.jsonArray(ids);
    Wire.UinfosResponse answer = app.call(op, () -> app.api.getUinfos(accids));
    Set<String> asked = new HashSet<>(ids);
    Map<String, UserProfile> out = new HashMap<>();
    if (answer.uinfos != null) {
      for (Wire.Uinfo uinfo : answer.uinfos) {
        if (uinfo == null || Wire.blankToNull(uinfo.accid) == null) {
          continue;
        }
        UserProfile profile = toProfile(uinfo);
        // Only ids that were asked for: a server answering more must not add users to the result.
        if (!profile.isEmpty() && asked.contains(profile.userId())) {
          out.putIfAbsent(profile.userId(), profile);
        }
      }
    }
    return out;
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    Operation op = Ops.PROFILES_UPDATE;
    app.checkOpen();
    String id = app.checks.user(op, "userId", userId);
    app.checks.check(op, () -> Validation.profileUpdate(update, app.limits));
    if (!update.customAttributes().isEmpty()) {
      throw app.unsupported(Capability.PROFILE_CUSTOM_ATTRIBUTES,
          "a NetEase user card has a fixed set of fields; put free data into ext");
    }
    Map<String, String> form = new LinkedHashMap<>();
    update.values().forEach((field, value) -> form.put(CARD_FIELDS.get(field), value));
    app.call(op, () -> app.api.updateUinfo(id, form));
  }

  /**
   * Clears every card field: NetEase cannot delete a card. An unknown user has nothing to remove,
   * so the vendor's "not found" (code 404) is success here.
   */
  @Override
  public void delete(String userId) {
    Operation op = Ops.PROFILES_DELETE;
    app.checkOpen();
    String id = app.checks.user(op, "userId", userId);
    Map<String, String> form = new LinkedHashMap<>();
    CARD_FIELDS.forEach((field, param) -> form.put(param, field == ProfileField.GENDER ? "0" : ""));
    try {
      app.call(op, () -> app.api.updateUinfo(id, form));
    } catch (NotFoundException e) {
      // No such account: nothing to remove.
    }
  }

  @Override
  public long totalSizeBytes() {
    app.checkOpen();
    throw app.unsupported(Capability.PROFILE_TOTAL_SIZE, "NetEase has no API that reports the storage used by user cards");
  }

  /** The neutral profile of a card; empty values and unknown genders read as absent. */
  static UserProfile toProfile(Wire.Uinfo uinfo) {
    return UserProfile.builder(uinfo.accid.toLowerCase(Locale.ROOT))
        .nickname(uinfo.name)
        .avatarUrl(uinfo.icon)
        .sign(uinfo.sign)
        .birth(uinfo.birth)
        .email(uinfo.email)
        .phone(uinfo.mobile)
        .ext(uinfo.ex)
        .gender(gender(uinfo.gender))
        .build();
  }

  /** 1 and 2 are male and female; anything else (0, absent, a value NetEase should refuse) is unknown. */
  private static Gender gender(Integer value) {
    if (value == null) {
      return Gender.UNKNOWN;
    }
    switch (value) {
      case 1:
        return Gender.MALE;
      case 2:
        return Gender.FEMALE;
      default:
        return Gender.UNKNOWN;
    }
  }
}
