package io.imfacade.netease.internal;

import io.imfacade.http.CallTag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Tag;

/**
 * The NetEase v1 endpoints, relative to {@code {baseUrl}/nimserver/}. Every one is a form-encoded
 * {@code POST} with the content type of seed 003 ({@code
 * application/x-www-form-urlencoded;charset=utf-8}); arrays travel as JSON strings in a form field.
 * The signature headers are added by {@link Signer}; the first parameter of every method is the
 * call's tag (the neutral operation), which travels as the OkHttp request tag.
 */
interface NeteaseApi {

  String FORM = "Content-Type: application/x-www-form-urlencoded;charset=utf-8";
  String ACCEPT_JSON = "Accept: application/json";

  /**
   * Registers an account (netease-facts §5). {@code token}: the login token, at most 128
   * characters; null leaves it out and the server generates one. The answer's {@code info} holds
   * {@code accid}, {@code token} and {@code name}.
   */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/create.action")
  Call<Wire.AccountAnswer> createUser(@Tag CallTag tag, @Field("accid") String accid,
      @Field("token") @Nullable String token);

  /** Sets an account's login token; the old one stops working (netease-facts §5). */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/update.action")
  Call<Wire.Status> updateToken(@Tag CallTag tag, @Field("accid") String accid, @Field("token") String token);

  /** A new random login token for the account; the old one stops working. The answer's {@code info} holds it. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/refreshToken.action")
  Call<Wire.AccountAnswer> refreshToken(@Tag CallTag tag, @Field("accid") String accid);

  /**
   * Creates an advanced team (netease-facts §6): {@code members} a JSON array without the owner,
   * {@code msg} the (required) invitation text, {@code magree} 0 (members join without accepting),
   * {@code joinmode} (required), {@code intro} and {@code teamMemberLimit} optional (null leaves
   * them out). The answer holds the issued {@code tid}, and {@code faccid} for members that could
   * not join.
   */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("team/create.action")
  Call<Wire.TeamCreated> createTeam(@Tag CallTag tag, @Field("tname") String tname, @Field("owner") String owner,
      @Field("members") String members, @Field("msg") String msg, @Field("magree") int magree,
      @Field("joinmode") int joinmode, @Field("intro") @Nullable String intro,
      @Field("teamMemberLimit") @Nullable Integer teamMemberLimit);

  /** Pulls at most 200 accounts into a team, acting as its {@code owner}; {@code magree} 0: they join at once. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("team/add.action")
  Call<Wire.TeamChange> addTeamMembers(@Tag CallTag tag, @Field("tid") String tid, @Field("owner") String owner,
      @Field("members") String members, @Field("magree") int magree, @Field("msg") String msg);

  /** Removes at most 200 members ({@code members}, a JSON array) from a team, acting as its {@code owner}. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("team/kick.action")
  Call<Wire.TeamChange> kickTeamMembers(@Tag CallTag tag, @Field("tid") String tid, @Field("owner") String owner,
      @Field("members") String members);

  /** Dismisses a team; {@code owner} must be its owner. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("team/remove.action")
  Call<Wire.Status> removeTeam(@Tag CallTag tag, @Field("tid") String tid, @Field("owner") String owner);

  /**
   * {@code accids}: a JSON array of at most 200 accids (seed 003). Sent by {@link NeteaseProfiles}
   * through a prepared endpoint (the same request, read by {@link Cards}); kept here as the map of the API.
   */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/getUinfos.action")
  Call<Wire.Uinfos> getUinfos(@Tag CallTag tag, @Field("accids") String accids);

  /**
   * {@code accids}: a JSON array; the answer's {@code data.invalidAccids} lists the ones that are
   * not registered accounts (netease-facts §3: the official SDK's test asserts this for a
   * never-created accid). Used as the existence probe.
   */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/userOnlineStatus.action")
  Call<Wire.OnlineStatus> userOnlineStatus(@Tag CallTag tag, @Field("accids") String accids);

  /** {@code fields}: only the card fields that change ({@code ""} clears one). */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/updateUinfo.action")
  Call<Wire.Status> updateUinfo(@Tag CallTag tag, @Field("accid") String accid, @FieldMap Map<String, String> fields);

  /** {@code type} 1 adds directly, without a request to accept. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("friend/add.action")
  Call<Wire.Status> addFriend(@Tag CallTag tag, @Field("accid") String accid, @Field("faccid") String faccid,
      @Field("type") int type);

  /**
   * {@code isDeleteAlias}: also delete the caller's alias for the friend. The default, false,
   * keeps it, and a later add brings it back (netease-facts §1).
   */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("friend/delete.action")
  Call<Wire.Status> deleteFriend(@Tag CallTag tag, @Field("accid") String accid, @Field("faccid") String faccid,
      @Field("isDeleteAlias") boolean isDeleteAlias);

  /** {@code alias}: the remark; {@code ""} removes it. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("friend/update.action")
  Call<Wire.Status> updateFriend(@Tag CallTag tag, @Field("accid") String accid, @Field("faccid") String faccid,
      @Field("alias") String alias);

  /** {@code updatetime}: friends changed since then (ms); 0 lists them all. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("friend/get.action")
  Call<Wire.Friends> getFriends(@Tag CallTag tag, @Field("accid") String accid, @Field("updatetime") long updatetime);

  /** {@code relationType} 1 is the block list (2 the mute list); {@code value} 1 adds, 0 removes. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/setSpecialRelation.action")
  Call<Wire.Status> setSpecialRelation(@Tag CallTag tag, @Field("accid") String accid,
      @Field("targetAcc") String targetAcc, @Field("relationType") int relationType, @Field("value") int value);

  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("user/listBlackAndMuteList.action")
  Call<Wire.Relations> listBlackAndMuteList(@Tag CallTag tag, @Field("accid") String accid);

  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("team/queryDetail.action")
  Call<Wire.TeamDetail> queryTeamDetail(@Tag CallTag tag, @Field("tid") String tid);

  /** Sets one member's {@code custom} string (at most 1024 bytes), acting as the team's {@code owner}. */
  @FormUrlEncoded
  @Headers({FORM, ACCEPT_JSON})
  @POST("team/updateTeamNick.action")
  Call<Wire.Status> updateTeamMemberCustom(@Tag CallTag tag, @Field("tid") String tid, @Field("owner") String owner,
      @Field("accid") String accid, @Field("custom") String custom);
}
