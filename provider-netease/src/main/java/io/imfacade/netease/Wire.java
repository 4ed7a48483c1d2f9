package io.imfacade.netease;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.http.HttpClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON answers of the NetEase v1 API (seed 003, reference §3). Every answer is an {@link
 * Envelope}: {@code {"code":200, ...}} on success, {@code {"code":<n>,"desc":"..."}} on failure,
 * both with HTTP 200. Unknown fields are ignored, so that fields NetEase adds (or the ones the
 * docs leave uncertain, such as a friend's {@code ex}) never fail a read.
 */
final class Wire {

  private static final ObjectMapper JSON = HttpClients.json();

  private Wire() {}

  /** A JSON array of strings, as NetEase wants arrays in form fields: {@code ["t1","t2"]}. */
  static String jsonArray(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }

  /** The common part of every answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static class Envelope {
    @JsonProperty("code") Integer code;
    @JsonProperty("desc") String desc;
  }

  /** {@code user/getUinfos.action}: {@code {"code":200,"uinfos":[...]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class UinfosResponse extends Envelope {
    @JsonProperty("uinfos") List<Uinfo> uinfos;
  }

  /**
   * One user card. Fields the user never set are absent from the answer (seed 003); the mute
   * fields that {@code muteStatus=true} adds are not read (the neutral profile has none).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class Uinfo {
    @JsonProperty("accid") String accid;
    @JsonProperty("name") String name;
    @JsonProperty("icon") String icon;
    @JsonProperty("sign") String sign;
    @JsonProperty("email") String email;
    @JsonProperty("birth") String birth;
    @JsonProperty("mobile") String mobile;
    @JsonProperty("ex") String ex;
    @JsonProperty("gender") Integer gender;
  }

  /** {@code friend/get.action}: {@code {"code":200,"size":n,"friends":[...]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class FriendsResponse extends Envelope {
    @JsonProperty("friends") List<Friend> friends;
  }

  /**
   * One friend: the documented {@code faccid, alias, createtime, bidirection}; anything else
   * ({@code ex}, {@code serverex}, {@code updatetime}, ...) is ignored.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class Friend {
    @JsonProperty("faccid") String faccid;
    @JsonProperty("alias") String alias;
  }

  /** {@code user/listBlackAndMuteList.action}: {@code {"code":200,"blacklist":[...],"mutelist":[...]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class RelationsResponse extends Envelope {
    /** Accids; read as nodes so that an item given as an object ({@code {"accid":...}}) is still understood. */
    @JsonProperty("blacklist") List<JsonNode> blacklist;
  }

  /** {@code team/queryDetail.action}: {@code {"code":200,"tinfo":{...}}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class TeamDetailResponse extends Envelope {
    @JsonProperty("tinfo") TeamInfo tinfo;
  }

  /** A team: its owner, admins and other members, each with their {@code custom} string. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class TeamInfo {
    /** The owner as a member object (the official SDK's model); a bare accid is accepted too. */
    @JsonProperty("owner") JsonNode owner;
    @JsonProperty("admins") List<TeamMember> admins;
    @JsonProperty("members") List<TeamMember> members;
  }

  /** A team member: {@code accid, nick, custom, mute, createtime, updatetime}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class TeamMember {
    @JsonProperty("accid") String accid;
    @JsonProperty("custom") String custom;
  }

  /** The accid of a list item given as a string or as an object with {@code accid}; null otherwise. */
  static String accidOf(JsonNode item) {
    if (item == null) {
      return null;
    }
    if (item.isTextual()) {
      return blankToNull(item.asText());
    }
    if (item.isObject() && item.get("accid") != null && item.get("accid").isTextual()) {
      return blankToNull(item.get("accid").asText());
    }
    return null;
  }

  /** Lower-cased, non-blank accids of a list, in order, nulls and blanks dropped. */
  static List<String> accids(List<JsonNode> items) {
    List<String> out = new ArrayList<>();
    if (items != null) {
      for (JsonNode item : items) {
        String accid = accidOf(item);
        if (accid != null) {
          out.add(accid.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
