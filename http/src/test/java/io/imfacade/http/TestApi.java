package io.imfacade.http;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** A vendor-like REST API for the transport tests. */
interface TestApi {

  @GET("items/{id}")
  Call<Item> get(@Header("Authorization") String authorization, @Path("id") String id);

  @POST("items")
  Call<Item> create(@Header("Authorization") String authorization, @Body Map<String, Object> item);

  @GET("status")
  Call<Map<String, Object>> status(@Header("Authorization") String authorization);

  @GET("search")
  Call<Map<String, Object>> search(@Header("Authorization") String authorization, @Query("q") String query);

  @GET("tenants/{tenant}/ping")
  Call<Map<String, Object>> ping(@Header("Authorization") String authorization, @Path("tenant") String tenant);

  /** A DTO with a timestamp beyond int, as vendors send them. */
  final class Item {
    public String id;
    public Long timestamp;
  }
}
