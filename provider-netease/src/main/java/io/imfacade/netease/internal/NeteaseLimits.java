package io.imfacade.netease.internal;

import io.imfacade.profile.ProfileField;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.VendorLimits;

/**
 * NetEase's documented input limits, each in the unit the vendor counts. Sources: the doc pages
 * named below (under https://doc.yunxin.163.com/messaging/server-apis/), the official Java server
 * SDK, and the project's NetEase vendor facts (netease-facts, section numbers §n, which quote and
 * cite them). Where a page says "字符" (characters)
 * without defining how they are counted, the limit is in UTF-16 code units: of the readings a
 * server could apply (UTF-16 units, code points), it refuses more, so nothing the facade lets
 * through can be refused for length by the vendor.
 */
public final class NeteaseLimits {

  /** The table of the {@code netease} provider. */
  public static final VendorLimits LIMITS = VendorLimits.builder("netease")
      // accid: at most 32 of letters, digits and half-width _ @ . - (§4; DOC zI0NzYyMDQ, commsease DQ3Nzk1MTY).
      .userId(IdRule.ascii(32, "A-Za-z0-9_@.-"))
      // tid: a number the SDK reads as a Long (§6: team/create answer, queryDetail `tid` long): at most 19 digits.
      .groupId(IdRule.ascii(19, "0-9"))
      // updateUinfo (§3, DOC zI0NzYyMDQ = seed 003): icon is stated in 字节 (bytes), the others in 字符.
      .profileField(ProfileField.NICKNAME, 64, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.AVATAR_URL, 1024, LengthUnit.BYTES)
      .profileField(ProfileField.SIGN, 256, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.EMAIL, 64, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.BIRTH, 16, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.PHONE, 32, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.EXT, 1024, LengthUnit.UTF16_UNITS)
      // No profileKey(...) and no profileTotalBytes: the card fields (name, icon, sign, email, birth,
      // mobile, gender, ex) are fixed form parameters of updateUinfo, not keys of a key/value store
      // shared with custom attributes, and NetEase has neither custom attributes nor a total size.
      // Declaring them would reserve custom keys of a capability NetEase lacks and would change the
      // profile keys of a strictest() table for nothing. The mapping lives in NeteaseProfiles.
      // getUinfos: at most 200 accids per call; 414 "limit max accids size: 200" beyond (§3, §8).
      .profileBatchGet(200)
      // team/updateTeamNick: a member's custom is at most 1024 字节 = bytes (§6). No separate key or
      // value limit is documented: the attributes share that one string, checked as a whole.
      .memberTotalBytes(1024)
      // One updateTeamNick per member; one queryDetail reads the whole team, however many are asked.
      .memberBatches(1, Integer.MAX_VALUE)
      // friend/update alias: "限制长度128" (old doc), "128 位字符" (v2 doc), no unit defined (§1).
      .remark(128, LengthUnit.UTF16_UNITS)
      // "每个账号的好友数上限为 3000" (§1, DOC DQ0MTY1NzI); a newer client doc says 10,000: the server cap is used.
      .contactsMax(3000)
      // "每个账号的黑名单和免打扰用户上限都为 3000" (§2, DOC jEzNDQ4ODc).
      .blockListMax(3000)
      // Not a vendor limit: v1 has no server paging, lists are read whole and paged on the client
      // (ClientPaging). 100 bounds what one page hands back.
      .pageSizeMax(100)
      .build();

  private NeteaseLimits() {}
}
