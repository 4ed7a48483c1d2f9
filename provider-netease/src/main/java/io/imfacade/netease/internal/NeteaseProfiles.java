package io.imfacade.netease.internal;

import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.http.Endpoint;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * User profiles over NetEase user cards (用户名片, seed 003): {@code user/getUinfos.action} and
 * {@code user/updateUinfo.action}. Neutral field to card field: nickname {@code name}, avatarUrl
 * {@code icon}, phone {@code mobile}, email, ext {@code ex}, sign, birth, gender (0 unknown, 1
 * male, 2 female). The limits are {@link NeteaseLimits}.
 *
 * <p>An update sends only the fields it changes; clearing a field sends it as {@code ""} ({@code
 * gender} as {@code 0}). A card field the server leaves out, or answers empty, is absent from the
 * neutral profile; a card with nothing set reads as no profile. {@link #getAll} asks for at most
 * 200 accids per request and returns the profiles in input order.
 *
 * <p>NetEase cannot delete a card: {@link #delete} clears every field instead (all sent empty,
 * gender 0), which reads back as no profile. The account itself stays. Custom attributes and the
 * total size are not offered (the guard refuses them with the metadata's reason).
 *
 * <p><b>Unknown users.</b> What {@code getUinfos} and {@code updateUinfo} answer for an accid that
 * was never registered is not documented (netease-facts §3: left out, an item, or the whole call
 * refused; 414, 404 or 200 for an update). So an undocumented refusal ({@link
 * Accounts#isUndocumentedRefusal}) is settled by asking whether the account exists ({@link
 * Accounts#unknown}): an update of an unknown user is a {@link NotFoundException}, a delete of one
 * succeeds (there is nothing to remove), a batch read asks again without the unknown accids (they
 * have no profile). A refusal that names the email format ({@code "<value> not email"}) is an
 * {@link io.imfacade.error.InvalidRequestException} naming the field {@code email} ({@link
 * NeteaseErrorMapper}). An item of an unknown user ({@code "valid":false}, nothing set) reads as
 * no profile like any empty card.
 */
final class NeteaseProfiles implements UserProfileService {

  /** The card parameter of each neutral field. */
  static final Map<ProfileField, String> CARD_FIELDS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
      ProfileField.NICKNAME, "name",
      ProfileField.AVATAR_URL, "icon",
      ProfileField.GENDER, "gender",
      ProfileField.SIGN, "sign",
      ProfileField.BIRTH, "birth",
      ProfileField.EMAIL, "email",
      ProfileField.PHONE, "mobile",
      ProfileField.EXT, "ex")));

  /** The documented desc of a getUinfos call with too many accids (seed 003): it means what it says. */
  static final String TOO_MANY_ACCIDS = "limit max accids size";

  private final RemoteCore<NeteaseApi> core;
  /**
   * {@code getUinfos} as a prepared endpoint (the same request as {@link NeteaseApi#getUinfos}): it
   * is the hot call, and Retrofit's per-call request building costs more than the rest of a single
   * read ({@link io.imfacade.http.Endpoint}).
   */
  private final Endpoint<Cards> cards;
  private final Accounts accounts;
  private final int batch;

  NeteaseProfiles(RemoteCore<NeteaseApi> core, VendorLimits limits) {
    this.core = core;
    this.cards = core.endpoint("user/getUinfos.action", Cards.class, NeteaseApi.FORM, NeteaseApi.ACCEPT_JSON);
    this.accounts = new Accounts(core);
    this.batch = limits.profileBatchGet();
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    return Optional.ofNullable(read(Ops.PROFILES_GET, List.of(userId)).get(userId));
  }

  @Override
  public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
    // No custom attributes on a user card: the guard refuses named keys with the metadata's reason.
    return core.readInOrder(List.copyOf(userIds), batch, chunk -> read(Ops.PROFILES_GET_ALL, chunk));
  }

  /**
   * The non-empty profiles among {@code ids}, by lower-case id: one {@code getUinfos} request, and
   * a second one without the unknown accids if the first is refused because of them.
   */
  private Map<String, UserProfile> read(Operation op, List<String> ids) {
    try {
      return readOnce(op, ids);
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e) || e.vendorMessage().filter(d -> d.startsWith(TOO_MANY_ACCIDS)).isPresent()) {
        throw e; // a transport failure, or the documented refusal of too many accids
      }
      Set<String> unknown = accounts.unknown(op, ids);
      if (unknown.isEmpty()) {
        throw e;
      }
      List<String> known = new ArrayList<>(ids);
      known.removeAll(unknown);
      return known.isEmpty() ? Map.of() : readOnce(op, known);
    }
  }

  /**
   * One {@code getUinfos} request: the non-empty profiles it answered, by lower-case id. A card of
   * a user that was not asked for may be among them; it never reaches a result, which takes only
   * the ids asked for ({@link RemoteCore#readInOrder}, {@link #get}).
   */
  private Map<String, UserProfile> readOnce(Operation op, List<String> ids) {
    String accids = Wire.jsonArray(ids);
    Cards answer = core.call(op, tag -> cards.postForm(tag, "accids", accids));
    if (!answer.hasUinfos()) {
      throw core.malformed(op, "getUinfos answered code 200 without a 'uinfos' array");
    }
    if (answer.missingAccid()) {
      throw core.malformed(op, "a 'uinfos' item of getUinfos has no accid");
    }
    return answer.profiles();
  }

  @Override
  public void update(String userId, ProfileUpdate update) {
    Map<String, String> form = new LinkedHashMap<>();
    update.values().forEach((field, value) -> form.put(CARD_FIELDS.get(field), value));
    update.gender().ifPresent(g -> form.put(CARD_FIELDS.get(ProfileField.GENDER), Integer.toString(g.wireValue())));
    Operation op = Ops.PROFILES_UPDATE;
    try {
      core.call(op, tag -> core.api().updateUinfo(tag, userId, form));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e) || e instanceof NotFoundException) {
        throw e; // says what it means, such as 404 "object does not exist" for the account
      }
      if (!accounts.unknown(op, List.of(userId)).isEmpty()) {
        throw Accounts.notFound(e, "user " + userId + " does not exist");
      }
      throw e;
    }
  }

  /** Clears every card field. An unknown user has nothing to remove: success, whatever the refusal. */
  @Override
  public void delete(String userId) {
    Map<String, String> form = new LinkedHashMap<>();
    CARD_FIELDS.forEach((field, param) -> form.put(param, field == ProfileField.GENDER ? "0" : ""));
    Operation op = Ops.PROFILES_DELETE;
    try {
      core.call(op, tag -> core.api().updateUinfo(tag, userId, form));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      if (!accounts.unknown(op, List.of(userId)).isEmpty()) {
        return; // no such account: nothing to remove
      }
      throw e;
    }
  }

  /** Never called: the metadata declares the capability missing. */
  @Override
  public long totalSizeBytes() {
    throw new UnsupportedOperationException("netease reports no total size");
  }

}
