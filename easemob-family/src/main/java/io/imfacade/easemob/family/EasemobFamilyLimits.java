package io.imfacade.easemob.family;

import io.imfacade.profile.ProfileField;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.VendorLimits;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The documented facts of the Easemob REST family that providers declare in their metadata: the
 * input limits of Easemob and Shengwang, each in the unit the vendor counts, the attribute keys of
 * the neutral profile fields, and the request rate. Sources are the sections of the project's
 * Easemob facts ({@code notes/easemob-facts.md}, "facts §N"), which cite the vendor pages.
 *
 * <p>Where a vendor states a length in "个字符" (characters) without saying how it counts, the
 * server may count UTF-16 code units (it is Java: its error bodies name Java exception classes,
 * facts §10), code points (a utf8mb4 {@code VARCHAR(n)}), or UTF-8 bytes (the only error that
 * enforces the user-attribute lengths reads "... exceeds the current mysql column size,
 * {}Bytes", facts §5). A value the client lets through must be accepted under every reading, so
 * such a limit is {@link #characters declared} as N UTF-8 bytes: for every string, code points ≤
 * UTF-16 units ≤ UTF-8 bytes, so a value of at most N bytes is at most N in each unit, and N bytes
 * is the least strict bound with that property (N ASCII characters are N in all three). The price:
 * 22 CJK characters (66 bytes) are refused in a 64-"character" nickname that a server counting
 * UTF-16 units would take. Messages name bytes ("66 bytes, over the limit of 64 bytes"). A bound
 * in UTF-16 units as well would be implied by the byte bound and add nothing. Where the vendor
 * says bytes ("字节"), the limit is in bytes anyway.
 *
 * <p>"KB" is read as 1024 bytes. Whether the 2 KB of a user's attributes (4 KB of a member's) is
 * 2048 or 2000 bytes is not documented (FIDELITY.md, user attributes): under the smaller reading
 * the vendor refuses a profile of 2001 to 2048 bytes with its documented 403, which is the same
 * {@link io.imfacade.error.QuotaExceededException} the declared total gives, only later.
 */
public final class EasemobFamilyLimits {

  /**
   * The attribute keys under which the vendors' client SDKs store the neutral profile fields (user
   * attributes, seed 000). They are reserved for custom attributes, and the profile's total size is
   * measured with them.
   */
  public static final Map<ProfileField, String> PROFILE_KEYS;

  static {
    EnumMap<ProfileField, String> keys = new EnumMap<>(ProfileField.class);
    keys.put(ProfileField.NICKNAME, "nickname");
    keys.put(ProfileField.AVATAR_URL, "avatarurl");
    keys.put(ProfileField.GENDER, "gender");
    keys.put(ProfileField.SIGN, "sign");
    keys.put(ProfileField.BIRTH, "birth");
    keys.put(ProfileField.EMAIL, "mail");
    keys.put(ProfileField.PHONE, "phone");
    keys.put(ProfileField.EXT, "ext");
    PROFILE_KEYS = Collections.unmodifiableMap(keys);
  }

  /** The documented default rate: 100 calls per second per App Key / App ID (facts §9). */
  public static final double REQUESTS_PER_SECOND = 100;

  /**
   * Easemob (环信). The friend cap is the largest plan's: the facade cannot know the app's plan, and
   * the vendor refuses past the real cap anyway (403 {@code exceed_limit}).
   */
  public static final VendorLimits EASEMOB = family("easemob")
      // Friends per user: free 100, pro 3000, flagship 3000 (facts §4, product_package_feature.md).
      .contactsMax(3000)
      .build();

  /** Shengwang (声网, Agora Chat China): the Easemob platform, with its own friend cap. */
  public static final VendorLimits SHENGWANG = family("shengwang")
      // Friends per user: free 100, enterprise 10000 in the detailed table (facts §4, sw billing_strategy.md).
      .contactsMax(10_000)
      .build();

  private EasemobFamilyLimits() {}

  /**
   * "{@code n} 个字符" with no counting rule: {@code n} UTF-8 bytes, within {@code n} under every
   * plausible reading (see the class comment).
   */
  public static LengthLimit characters(int n) {
    return LengthLimit.of(n, LengthUnit.BYTES);
  }

  /** What both vendors document identically (facts §13: the Shengwang pages are the Easemob pages). */
  private static VendorLimits.Builder family(String name) {
    IdRule ids = IdRule.ascii(64, "A-Za-z0-9_.-");
    VendorLimits.Builder b = VendorLimits.builder(name)
        .userId(ids) // ≤ 64 bytes; a-z 0-9 _ - . (older docs: A-Z too), case-insensitive (facts §7)
        .groupId(ids) // issued by the vendor (digits); the same safe set as before, nothing documented
        // "N 个字符", counting not documented; the enforcing 403 speaks of Bytes: every reading
        // (see the class comment; facts §5, seed 000).
        .profileField(ProfileField.NICKNAME, characters(64))
        .profileField(ProfileField.AVATAR_URL, characters(256))
        .profileField(ProfileField.PHONE, characters(32))
        .profileField(ProfileField.EMAIL, characters(64))
        .profileField(ProfileField.SIGN, characters(256))
        .profileField(ProfileField.BIRTH, characters(64))
        // ext has no limit of its own; the 2 KB per user bounds it (facts §5).
        .profileField(ProfileField.EXT, 2048, LengthUnit.BYTES)
        // 2 KB per user, over -> 403 "... exceeds the user defined limit, {}Bytes" (facts §5). Measured
        // as the JSON of keys and values: whether keys count is not documented; counting them is stricter.
        .profileTotalBytes(2048)
        .profileBatchGet(100) // targets per batch read; over -> 400 "exceed allowed batch size 100" (facts §2)
        // Key ≤ 16 bytes, value ≤ 512 bytes, explicitly bytes ("字节"); 4 KB per member (facts §6).
        .memberAttribute(LengthLimit.of(16, LengthUnit.BYTES), LengthLimit.of(512, LengthUnit.BYTES))
        .memberTotalBytes(4096)
        .memberBatches(20, 10) // batch set ≤ 20 members, batch get ≤ 10 targets (facts §6)
        // "好友备注的长度不能超过 100 个字符", counting not documented (facts §1): every reading.
        .remark(100, LengthUnit.BYTES)
        .blockListMax(500) // per owner (facts §3)
        .pageSizeMax(50) // block list pageSize [1,50] (facts §3), contact page limit [1,50] (facts §4)
        // ≤ 60 users per registration; over -> 400 "Request body array size[...] ... upper range value[...]" (facts §11).
        .accountBatch(60)
        // "长度不可超过 64 个字符" (facts §11), counting not documented: 64 bytes, within 64 in every unit.
        .password(characters(64))
        // groupname ≤ 128, description ≤ 512 "字符" (facts §12, group_create.md): every reading, as above.
        .group(characters(128), characters(512))
        // ≤ 60 users per add (POST .../users) and per removal ("kickMembers number more than maxSize : 60");
        // members per group: the largest plan's, flagship 3000 (Easemob) / enterprise default 3000 (Shengwang)
        // (facts §12). The vendor refuses past the real cap: 403 exceed_limit -> QuotaExceeded.
        .groupMembers(60, 3000);
    PROFILE_KEYS.forEach(b::profileKey);
    return b;
  }
}
