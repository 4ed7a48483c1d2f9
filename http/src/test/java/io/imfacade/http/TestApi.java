package io.imfacade.http;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Tag;

/**
 * A vendor-like REST API for the transport tests. As in the providers, no method takes an
 * Authorization header: the chain adds it, and every method takes the call's {@link CallTag}.
 */
interface TestApi {

  @GET("items/{id}")
  Call<Item> get(@Tag CallTag tag, @Path("id") String id);

  @POST("items")
  Call<Item> create(@Tag CallTag tag, @Body Map<String, Object> item);

  @GET("status")
  Call<Map<String, Object>> status(@Tag CallTag tag);

  @GET("search")
  Call<Map<String, Object>> search(@Tag CallTag tag, @Query("q") String query);

  @GET("tenants/{tenant}/ping")
  Call<Map<String, Object>> ping(@Tag CallTag tag, @Path("tenant") String tenant);

  /** A NetEase-like form post: the content type with its charset from a header, one field. */
  @FormUrlEncoded
  @Headers({"Content-Type: application/x-www-form-urlencoded;charset=utf-8", "Accept: application/json"})
  @POST("form")
  Call<Item> form(@Tag CallTag tag, @Field("accids") String accids);

  /** An Easemob-like token endpoint: client credentials in, {@code access_token} and {@code expires_in} out. */
  @POST("token")
  Call<TokenAnswer> token(@Tag CallTag tag, @Body Map<String, Object> credentials);

  /** A DTO with a timestamp beyond int, as vendors send them. */
  final class Item {
    public String id;
    public Long timestamp;
  }

  /** The token endpoint's answer. */
  final class TokenAnswer {
    public String access_token;
    public long expires_in;
  }
}
