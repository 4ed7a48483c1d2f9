package io.imfacade.netease.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.http.HttpClients;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON answers of the NetEase v1 API (seed 003, netease-facts §1-§6). Every answer carries
 * {@code code} (200 on success) and, on failure, {@code desc}, both with HTTP 200. Unknown fields
 * are ignored; a field of the wrong JSON type fails the read (the transport reports an unreadable
 * body); a documented field that is missing is for the service to refuse as malformed.
 */
final class Wire {

  private static final ObjectMapper JSON = HttpClients.json();
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private Wire() {}

  /**
   * A JSON array of strings, as NetEase wants arrays in form fields: {@code ["t1","t2"]}. Written
   * here rather than by Jackson, which costs more than the rest of building a single read's
   * request; the text is Jackson's to the character (escapes included), as a test checks.
   */
  static String jsonArray(List<String> values) {
    StringBuilder out = new StringBuilder(2 + values.size() * 24).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendJsonString(out, values.get(i));
    }
    return out.append(']').toString();
  }

  /** {@code s} as a JSON string, escaped as Jackson escapes it by default. */
  private static void appendJsonString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20) {
        out.append(c);
      } else {
        switch (c) {
          case '\b' -> out.append("\\b");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\f' -> out.append("\\f");
          case '\r' -> out.append("\\r");
          default -> out.append("\\u00").append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
        }
      }
    }
    out.append('"');
  }

  static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  /** The common part of every answer. */
  interface Envelope {
    @Nullable Integer code();

    @Nullable String desc();
  }

  /** An answer without payload: {@code {"code":200}}. */
  record Status(@Nullable Integer code, @Nullable String desc) implements Envelope {}

  /** {@code user/getUinfos.action}: {@code {"code":200,"uinfos":[...]}}. */
  record Uinfos(@Nullable Integer code, @Nullable String desc, @Nullable List<@Nullable Uinfo> uinfos)
      implements Envelope {}

  /**
   * One user card. Fields never set are absent (seed 003); {@code gender} is read as text (a digit);
   * the mute fields are not read (the neutral profile has none).
   */
  record Uinfo(@Nullable String accid, @Nullable String name, @Nullable String icon, @Nullable String sign,
      @Nullable String email, @Nullable String birth, @Nullable String mobile, @Nullable String ex,
      @Nullable String gender) {}

  /**
   * {@code user/userOnlineStatus.action}: {@code {"code":200,"data":{"invalidAccids":[...],
   * "status":{accid:[{clientType,loginTime}]}}}} (jsdk AccountV1Service.queryOnlineStatus). Only
   * {@code invalidAccids} is read; the SDK reads its absence as an empty list.
   */
  record OnlineStatus(@Nullable Integer code, @Nullable String desc, @Nullable OnlineData data) implements Envelope {}

  /** The {@code data} of {@link OnlineStatus}. */
  record OnlineData(@Nullable List<@Nullable String> invalidAccids) {}

  /** {@code friend/get.action}: {@code {"code":200,"size":n,"friends":[...]}}. */
  record Friends(@Nullable Integer code, @Nullable String desc, @Nullable List<@Nullable Friend> friends)
      implements Envelope {}

  /** One friend: {@code faccid} and {@code alias} (absent when unset) are read. */
  record Friend(@Nullable String faccid, @Nullable String alias) {}

  /** {@code user/listBlackAndMuteList.action}: {@code {"code":200,"blacklist":["a"],"mutelist":["b"]}}. */
  record Relations(@Nullable Integer code, @Nullable String desc, @Nullable List<@Nullable String> blacklist)
      implements Envelope {}

  /** {@code team/queryDetail.action}: {@code {"code":200,"tinfo":{...}}}. */
  record TeamDetail(@Nullable Integer code, @Nullable String desc, @Nullable TeamInfo tinfo) implements Envelope {}

  /**
   * A team: its name, intro, size limit, and its owner, admins and other members, each a member
   * object (§6: owner is an object here).
   */
  record TeamInfo(@Nullable String tname, @Nullable String intro, @Nullable Integer maxusers,
      @Nullable TeamMember owner, @Nullable List<@Nullable TeamMember> admins,
      @Nullable List<@Nullable TeamMember> members) {}

  /** A team member: {@code accid, nick, mute, custom, createtime, updatetime}; {@code custom} absent when unset. */
  record TeamMember(@Nullable String accid, @Nullable String custom) {}

  /**
   * {@code user/create.action} and {@code user/refreshToken.action}: {@code {"code":200,"info":{"token":"…","accid":"…","name":"…"}}}
   * (jsdk CreateAccountResponseV1, RefreshTokenResponseV1; observed answers, netease-facts §5).
   */
  record AccountAnswer(@Nullable Integer code, @Nullable String desc, @Nullable AccountInfo info) implements Envelope {}

  /** The {@code info} of {@link AccountAnswer}. Its token is a secret: {@link #toString()} masks it. */
  record AccountInfo(@Nullable String accid, @Nullable String token) {
    @Override
    public String toString() {
      return "AccountInfo{accid=" + accid + ", token=" + (token == null ? "null" : "****") + '}';
    }
  }

  /** {@code team/create.action}: {@code {"code":200,"tid":"…","faccid":{"accid":[…],"msg":"…"}}}; the SDK reads {@code tid} as a Long. */
  record TeamCreated(@Nullable Integer code, @Nullable String desc, @Nullable String tid, @Nullable Failed faccid)
      implements Envelope {}

  /** {@code team/add.action}, {@code team/kick.action}: {@code {"code":200}} plus an optional {@code faccid}. */
  record TeamChange(@Nullable Integer code, @Nullable String desc, @Nullable Failed faccid) implements Envelope {}

  /**
   * The {@code faccid} of a team answer: the accounts the change did not apply to and why. The
   * official SDK reads {@code accid} with {@code parseArray(getString("accid"))}, which takes a JSON
   * array or a string holding one; both are accepted here.
   */
  record Failed(@Nullable JsonNode accid, @Nullable String msg) {

    /**
     * The accids, lower-cased.
     *
     * @throws IllegalArgumentException if {@code accid} is neither an array of strings nor a string holding one
     */
    List<String> accids() {
      JsonNode node = accid;
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (node.isTextual()) {
        try {
          node = JSON.readTree(node.asText());
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("faccid.accid is a string but not a JSON array");
        }
      }
      if (node == null || !node.isArray()) {
        throw new IllegalArgumentException("faccid.accid is not an array");
      }
      List<String> ids = new java.util.ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isTextual() || item.asText().isBlank()) {
          throw new IllegalArgumentException("an item of faccid.accid is not an accid");
        }
        ids.add(item.asText().toLowerCase(java.util.Locale.ROOT));
      }
      return ids;
    }
  }
}
