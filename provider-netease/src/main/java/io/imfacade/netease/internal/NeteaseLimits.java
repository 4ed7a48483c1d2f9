package io.imfacade.netease.internal;

import io.imfacade.profile.ProfileField;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.VendorLimits;

/**
 * NetEase's documented input limits, each in the unit the vendor counts. Sources: the doc pages
 * named below (under https://doc.yunxin.163.com/messaging/server-apis/), the official Java server
 * SDK, and the project's NetEase vendor facts (netease-facts, section numbers §n, which quote and
 * cite them). The SDKs check nothing (§10): every limit is the server's.
 *
 * <p><b>Units.</b> Where a page states 字节 (bytes) the limit is in UTF-8 bytes (the form's charset,
 * §9). Where it states 字符 (characters) it defines no counting rule, and a server could count
 * UTF-16 code units (Java's {@code String.length()}) or code points (a {@code utf8mb4} column). The
 * limit is declared in UTF-16 code units, the strictest of the two: a string never has more code
 * points than UTF-16 units, so a value within {@code n} units is within {@code n} code points too
 * and nothing the facade lets through is refused for length under either reading. The two counts
 * agree for text without emoji; 33 emoji are 66 units, over a 64 limit, and the message says "UTF-16
 * code units". (Declaring the code-point bound as well would accept exactly the same strings; it
 * is left out because a bound that can never be the one in effect cannot be tested on its own.)
 *
 * <p>Bytes are <em>not</em> declared for the 字符 fields: the current user-card page (seed 003)
 * states {@code icon} in 字节 and the other fields in 字符 in one table, so it tells the two apart.
 * Older transcriptions of the same table said 字节 for every field (code-id 23432031115) or 字符
 * for every field including {@code icon} (code-id 15267515830, 2017); the current page is the one
 * followed. Were the server to count bytes after all, an over-long value would be refused by it
 * with code 414, an {@link io.imfacade.error.InvalidRequestException} — never stored cut.
 */
public final class NeteaseLimits {

  /** A 字符 limit: {@code max} UTF-16 code units, which bounds the code points too. */
  private static LengthLimit characters(int max) {
    return LengthLimit.of(max, LengthUnit.UTF16_UNITS);
  }

  /** The table of the {@code netease} provider. */
  public static final VendorLimits LIMITS = VendorLimits.builder("netease")
      // accid: at most 32 of letters, digits and half-width _ @ . - (§4; DOC zI0NzYyMDQ, commsease
      // DQ3Nzk1MTY). ASCII only, so characters, code points and bytes are the same count.
      .userId(IdRule.ascii(32, "A-Za-z0-9_@.-"))
      // tid: a number the SDK reads as a Long (§6: team/create answer, queryDetail `tid` long): at most 19 digits.
      .groupId(IdRule.ascii(19, "0-9"))
      // updateUinfo (§3, DOC zI0NzYyMDQ = seed 003): "最大长度64字符" etc.
      .profileField(ProfileField.NICKNAME, characters(64))
      // icon: "最大长度1024字节" on the CN page; the EN page and the create pages give 1024 without a
      // unit. 1024 bytes is the stricter reading: a string of at most 1024 UTF-8 bytes has at most
      // 1024 UTF-16 units and code points.
      .profileField(ProfileField.AVATAR_URL, LengthLimit.of(1024, LengthUnit.BYTES))
      .profileField(ProfileField.SIGN, characters(256))
      .profileField(ProfileField.EMAIL, characters(64))
      .profileField(ProfileField.BIRTH, characters(16))
      .profileField(ProfileField.PHONE, characters(32))
      .profileField(ProfileField.EXT, characters(1024))
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
      // friend/update alias: "限制长度128" without a unit (old v1 doc, §1), "128 位字符" (v2 doc, the
      // same friend data): characters.
      .remark(128, LengthUnit.UTF16_UNITS)
      // "每个账号的好友数上限为 3000" (§1, DOC DQ0MTY1NzI); a newer client doc says 10,000 since client
      // v8.9.0: the server doc's 3000 is used (the lower, so never laxer than the server).
      .contactsMax(3000)
      // "每个账号的黑名单和免打扰用户上限都为 3000" (§2, DOC jEzNDQ4ODc).
      .blockListMax(3000)
      // user/create: one account per request; there is no batch registration in v1 or v2 (§5: the
      // SDKs have single create only). registerAll sends one create per user.
      .accountBatch(1)
      // token (the neutral password): "最大长度128字符" (§5; OLD-DOC lhlyu api_user_create.go, DOC
      // commsease DQ3Nzk1MTY; user/update.action the same): characters.
      .password(characters(128))
      // team/create: tname "最大长度64字符", intro "最大长度512字符" (§6; DOC jc2NDgzMTg, OLD-DOC lhlyu
      // api_team_create.go): characters.
      .group(characters(64), characters(512))
      // team/add: "一次最多拉200个成员"; team/kick: members at most 200 per call; team/create: "members与
      // owner总和上限为200"; teamMemberLimit "2至应用定义的最大群人数(默认:200)" (§6, OLD-DOC lhlyu
      // api_team_add.go, api_team_kick.go, api_team_create.go). 200 is the documented size; an app
      // configured for more is not described by any source.
      .groupMembers(200, 200)
      // Not a vendor limit: v1 has no server paging, lists are read whole and paged on the client
      // (ClientPaging). 100 bounds what one page hands back.
      .pageSizeMax(100)
      .build();

  private NeteaseLimits() {}
}
