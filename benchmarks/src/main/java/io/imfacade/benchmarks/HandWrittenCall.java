package io.imfacade.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The request of a {@link Scenario} written by hand with OkHttp and Jackson, as a careful developer
 * would following the vendor's documentation: the documented body and headers (the bearer token;
 * NetEase's {@code AppKey}, {@code Nonce}, {@code CurTime} and SHA-1 {@code CheckSum}, computed per
 * request), the URL of a single Easemob read built per call (it names the user), the answer parsed
 * into a {@code Map} and checked (HTTP status; NetEase's {@code code}). Nothing of imfacade is
 * used, so that a JVM running only this loads none of it. Thread-safe.
 */
final class HandWrittenCall implements AutoCloseable {

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** The keys the facade asks for: the eight neutral fields (the vendor answers only the keys named). */
  private static final List<String> PROPERTIES = List.of("nickname", "avatarurl", "gender", "sign", "birth", "mail",
      "phone", "ext");

  private final Scenario scenario;
  private final List<String> ids;
  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpUrl url;
  /** The Easemob single read's URL without the user: {@code .../metadata/user/}. */
  private final HttpUrl userUrl;
  private final String authorization = "Bearer " + Scenario.TOKEN;

  HandWrittenCall(Scenario scenario, String baseUrl) {
    this.scenario = scenario;
    this.ids = List.copyOf(scenario.ids());
    this.url = HttpUrl.get(baseUrl + scenario.path());
    this.userUrl = HttpUrl.get(baseUrl + "/" + Scenario.ORG + "/" + Scenario.APP + "/metadata/user/");
  }

  /** The call: the vendor's answer as a map. */
  Map<String, Object> call() {
    Request request = scenario.vendor() == Scenario.Vendor.EASEMOB ? easemobRequest() : neteaseRequest();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      Map<String, Object> answer = json.readValue(body.byteStream(), MAP);
      if (scenario.vendor() == Scenario.Vendor.NETEASE && !Integer.valueOf(200).equals(answer.get("code"))) {
        throw new IllegalStateException("NetEase answered code " + answer.get("code")); // HTTP 200 carries failures too
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Request easemobRequest() {
    Request.Builder request = new Request.Builder()
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (!scenario.batch()) {
      return request.url(userUrl.newBuilder().addPathSegment(Scenario.SINGLE_USER).build()).get().build();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("targets", ids);
    body.put("properties", PROPERTIES);
    try {
      return request.url(url).post(RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Request neteaseRequest() {
    // The ids as the documented JSON array in a form field, per call: a call's ids are its own.
    String accids;
    try {
      accids = json.writeValueAsString(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String nonce = UUID.randomUUID().toString();
    String curTime = Long.toString(System.currentTimeMillis() / 1000);
    return new Request.Builder()
        .url(url)
        .header("AppKey", Scenario.APP_KEY)
        .header("Nonce", nonce)
        .header("CurTime", curTime)
        .header("CheckSum", sha1Hex(Scenario.APP_SECRET + nonce + curTime))
        .header("Accept", "application/json")
        .post(new FormBody.Builder().add("accids", accids).build())
        .build();
  }

  private static String sha1Hex(String text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  /** How many users an answer of this scenario holds. */
  int users(Map<String, Object> answer) {
    Object payload = scenario.vendor() == Scenario.Vendor.EASEMOB ? answer.get("data") : answer.get("uinfos");
    if (scenario.vendor() == Scenario.Vendor.EASEMOB && !scenario.batch()) {
      return payload instanceof Map && !((Map<?, ?>) payload).isEmpty() ? 1 : 0;
    }
    return payload instanceof Map ? ((Map<?, ?>) payload).size() : ((List<?>) payload).size();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
