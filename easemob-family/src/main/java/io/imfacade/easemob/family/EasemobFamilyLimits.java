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
 * limit is in UTF-16 code units: the servers are Java (their error bodies name Java exception
 * classes, facts §10), and UTF-16 units refuse more than code points would.
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

  /** What both vendors document identically (facts §13: the Shengwang pages are the Easemob pages). */
  private static VendorLimits.Builder family(String name) {
    IdRule ids = IdRule.ascii(64, "A-Za-z0-9_.-");
    VendorLimits.Builder b = VendorLimits.builder(name)
        .userId(ids) // ≤ 64 bytes; a-z 0-9 _ - . (older docs: A-Z too), case-insensitive (facts §7)
        .groupId(ids) // issued by the vendor (digits); the same safe set as before, nothing documented
        // "N 个字符", counting not documented: UTF-16 units (see the class comment; facts §5).
        .profileField(ProfileField.NICKNAME, 64, LengthUnit.UTF16_UNITS)
        .profileField(ProfileField.AVATAR_URL, 256, LengthUnit.UTF16_UNITS)
        .profileField(ProfileField.PHONE, 32, LengthUnit.UTF16_UNITS)
        .profileField(ProfileField.EMAIL, 64, LengthUnit.UTF16_UNITS)
        .profileField(ProfileField.SIGN, 256, LengthUnit.UTF16_UNITS)
        .profileField(ProfileField.BIRTH, 64, LengthUnit.UTF16_UNITS)
        // ext has no limit of its own; the 2 KB per user bounds it (facts §5).
        .profileField(ProfileField.EXT, 2048, LengthUnit.BYTES)
        // 2 KB per user, over -> 403 "... exceeds the user defined limit, {}Bytes" (facts §5).
        .profileTotalBytes(2048)
        .profileBatchGet(100) // targets per batch read; over -> 400 "exceed allowed batch size 100" (facts §2)
        // Key ≤ 16 bytes, value ≤ 512 bytes, explicitly bytes ("字节"); 4 KB per member (facts §6).
        .memberAttribute(LengthLimit.of(16, LengthUnit.BYTES), LengthLimit.of(512, LengthUnit.BYTES))
        .memberTotalBytes(4096)
        .memberBatches(20, 10) // batch set ≤ 20 members, batch get ≤ 10 targets (facts §6)
        .remark(100, LengthUnit.UTF16_UNITS) // "100 个字符", counting not documented (facts §1)
        .blockListMax(500) // per owner (facts §3)
        .pageSizeMax(50); // block list pageSize [1,50] (facts §3), contact page limit [1,50] (facts §4)
    PROFILE_KEYS.forEach(b::profileKey);
    return b;
  }
}
