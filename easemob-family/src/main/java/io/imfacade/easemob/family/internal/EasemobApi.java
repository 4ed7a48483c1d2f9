package io.imfacade.easemob.family.internal;

import io.imfacade.http.CallTag;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Tag;

/**
 * The Easemob-family REST endpoints, relative to the app's base URL ({@code .../{org}/{app}/} on
 * Easemob, {@code .../app-id/{appId}/} on Shengwang). Paths and headers follow seeds 000 (user
 * attributes), 001 (group member attributes) and 002 (contacts and block list). Ids go through
 * {@code @Path} unencoded, so Retrofit percent-encodes them as one path segment each. The bearer
 * token is added by the OkHttp chain; every method takes the call's {@link CallTag} first.
 */
interface EasemobApi {

  String ACCEPT_JSON = "Accept: application/json";

  // --- user attributes (seed 000) ---

  @Headers(ACCEPT_JSON)
  @FormUrlEncoded
  @PUT("metadata/user/{username}")
  Call<Wire.DataResponse> setUserMetadata(@Tag CallTag tag, @Path("username") String username,
      @FieldMap Map<String, String> attributes);

  // The two reads below are sent by FamilyProfiles through prepared Endpoints (the same requests,
  // without Retrofit's per-call request building); they stay here as the map of the API.

  @Headers(ACCEPT_JSON)
  @GET("metadata/user/{username}")
  Call<Wire.DataResponse> getUserMetadata(@Tag CallTag tag, @Path("username") String username);

  @Headers(ACCEPT_JSON)
  @POST("metadata/user/get")
  Call<Wire.DataResponse> getUsersMetadata(@Tag CallTag tag, @Body Wire.TargetsRequest request);

  @Headers(ACCEPT_JSON)
  @DELETE("metadata/user/{username}")
  Call<Wire.DataResponse> deleteUserMetadata(@Tag CallTag tag, @Path("username") String username);

  @Headers(ACCEPT_JSON)
  @GET("metadata/user/capacity")
  Call<Wire.DataResponse> userMetadataCapacity(@Tag CallTag tag);

  // --- group member attributes (seed 001) ---

  @Headers(ACCEPT_JSON)
  @PUT("metadata/chatgroup/{groupId}/user/{username}")
  Call<Wire.DataResponse> setMemberMetadata(@Tag CallTag tag, @Path("groupId") String groupId,
      @Path("username") String username, @Body Wire.MetaDataRequest request);

  @Headers(ACCEPT_JSON)
  @PUT("metadata/chatgroup/{groupId}/users/batch")
  Call<Wire.DataResponse> setMembersMetadata(@Tag CallTag tag, @Path("groupId") String groupId,
      @Body List<Wire.MemberMetadata> request);

  @Headers(ACCEPT_JSON)
  @GET("metadata/chatgroup/{groupId}/user/{username}")
  Call<Wire.DataResponse> getMemberMetadata(@Tag CallTag tag, @Path("groupId") String groupId,
      @Path("username") String username);

  @Headers(ACCEPT_JSON)
  @POST("metadata/chatgroup/{groupId}/get")
  Call<Wire.DataResponse> getMembersMetadata(@Tag CallTag tag, @Path("groupId") String groupId,
      @Body Wire.TargetsRequest request);

  // --- contacts and block list (seed 002) ---

  /** No body; the seed still sends {@code Content-Type: application/json}. */
  @Headers({ACCEPT_JSON, "Content-Type: application/json"})
  @POST("users/{owner}/contacts/users/{friend}")
  Call<Wire.Ignored> addContact(@Tag CallTag tag, @Path("owner") String owner, @Path("friend") String friend);

  @Headers(ACCEPT_JSON)
  @DELETE("users/{owner}/contacts/users/{friend}")
  Call<Wire.Ignored> removeContact(@Tag CallTag tag, @Path("owner") String owner, @Path("friend") String friend);

  /** Note the singular {@code user/}. */
  @Headers(ACCEPT_JSON)
  @PUT("user/{owner}/contacts/users/{friend}")
  Call<Wire.Ignored> setRemark(@Tag CallTag tag, @Path("owner") String owner, @Path("friend") String friend,
      @Body Wire.RemarkRequest request);

  /** Note the singular {@code user/}. */
  @Headers(ACCEPT_JSON)
  @GET("user/{owner}/contacts")
  Call<Wire.ContactPageResponse> contactPage(@Tag CallTag tag, @Path("owner") String owner,
      @Query("limit") int limit, @Query("cursor") String cursor, @Query("needReturnRemark") boolean needReturnRemark);

  /**
   * Every contact id at once, newest first, at most 3000 (facts §4): to tell an unknown owner
   * apart, and to read back whether two users are contacts.
   */
  @Headers(ACCEPT_JSON)
  @GET("users/{owner}/contacts/users")
  Call<Wire.IdListResponse> allContactIds(@Tag CallTag tag, @Path("owner") String owner);

  /** The answer's {@code data} lists the ids added (seed 002). */
  @Headers(ACCEPT_JSON)
  @POST("users/{owner}/blocks/users")
  Call<Wire.IdListResponse> block(@Tag CallTag tag, @Path("owner") String owner, @Body Wire.UsernamesRequest request);

  @Headers(ACCEPT_JSON)
  @GET("users/{owner}/blocks/users")
  Call<Wire.IdListResponse> blockPage(@Tag CallTag tag, @Path("owner") String owner,
      @Query("pageSize") int pageSize, @Query("cursor") String cursor);

  /**
   * The whole block list: without {@code pageSize} and {@code cursor} the newest 500 (seed 002),
   * which is the list's documented cap.
   */
  @Headers(ACCEPT_JSON)
  @GET("users/{owner}/blocks/users")
  Call<Wire.IdListResponse> blockList(@Tag CallTag tag, @Path("owner") String owner);

  @Headers(ACCEPT_JSON)
  @DELETE("users/{owner}/blocks/users/{user}")
  Call<Wire.Ignored> unblock(@Tag CallTag tag, @Path("owner") String owner, @Path("user") String user);

  // --- user accounts (facts §11) ---

  /**
   * Registers users: an array of {@code {"username","password"}} (≤ 60), also for one user, as the
   * current single-registration example sends it.
   */
  @Headers(ACCEPT_JSON)
  @POST("users")
  Call<Wire.UserResponse> register(@Tag CallTag tag, @Body List<Wire.NewUser> users);

  /** One user's account: 404 {@code service_resource_not_found} when the user does not exist. */
  @Headers(ACCEPT_JSON)
  @GET("users/{username}")
  Call<Wire.UserResponse> getUser(@Tag CallTag tag, @Path("username") String username);

  /** Deletes a user; an unknown one is 404 or 400 {@code management} (the page lists both). */
  @Headers(ACCEPT_JSON)
  @DELETE("users/{username}")
  Call<Wire.UserResponse> deleteUser(@Tag CallTag tag, @Path("username") String username);

  /** Resets a password ({@code {"newpassword"}}); unknown user: 404 {@code entity_not_found}. */
  @Headers(ACCEPT_JSON)
  @PUT("users/{username}/password")
  Call<Wire.Ignored> setPassword(@Tag CallTag tag, @Path("username") String username,
      @Body Wire.PasswordRequest request);

  /** A user token by user id ({@code grant_type=inherit}), authorised by the app token. */
  @Headers(ACCEPT_JSON)
  @POST("token")
  Call<Wire.TokenResponse> userToken(@Tag CallTag tag, @Body Wire.UserTokenRequest request);

  // --- groups (facts §12) ---

  /** Creates a group; {@code data.groupid} is the id the vendor issued. */
  @Headers(ACCEPT_JSON)
  @POST("chatgroups")
  Call<Wire.DataResponse> createGroup(@Tag CallTag tag, @Body Wire.NewGroupRequest request);

  /** One group's details ({@code data} is an array of one), its members in {@code affiliations}. */
  @Headers(ACCEPT_JSON)
  @GET("chatgroups/{groupId}")
  Call<Wire.DataResponse> getGroup(@Tag CallTag tag, @Path("groupId") String groupId);

  /** Adds up to 60 members; {@code data.newmembers} lists those added. */
  @Headers(ACCEPT_JSON)
  @POST("chatgroups/{groupId}/users")
  Call<Wire.DataResponse> addMembers(@Tag CallTag tag, @Path("groupId") String groupId,
      @Body Wire.UsernamesRequest request);

  /**
   * Removes up to 60 members named in one path segment, comma-separated ({@code a,b,c}); {@code
   * data} is an array of per-user results, or an object for one user.
   */
  @Headers(ACCEPT_JSON)
  @DELETE("chatgroups/{groupId}/users/{members}")
  Call<Wire.DataResponse> removeMembers(@Tag CallTag tag, @Path("groupId") String groupId,
      @Path("members") String commaSeparated);

  /** One page of members, the owner included: {@code data} = {@code [{"owner":u}, {"member":v}, ...]}. */
  @Headers(ACCEPT_JSON)
  @GET("chatgroups/{groupId}/users")
  Call<Wire.DataResponse> memberPage(@Tag CallTag tag, @Path("groupId") String groupId,
      @Query("pagenum") int pageNumber, @Query("pagesize") int pageSize);

  /** Deletes a group: {@code data.success}. */
  @Headers(ACCEPT_JSON)
  @DELETE("chatgroups/{groupId}")
  Call<Wire.DataResponse> deleteGroup(@Tag CallTag tag, @Path("groupId") String groupId);

  /** The app token endpoint, called without authentication (see {@link ClientCredentialsTokenSource}). */
  interface Token {
    @Headers(ACCEPT_JSON)
    @POST("token")
    Call<Wire.TokenResponse> token(@Tag CallTag tag, @Body Wire.TokenRequest request);
  }
}
