package io.imfacade.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A tiny plain-JDK HTTP client for driving the simulators. */
public final class Http {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer. */
  public static final class Resp {
    public final int status;
    public final String body;
    public final HttpResponse<String> raw;

    Resp(HttpResponse<String> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = raw.body();
    }

    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** A request being built. */
  public static final class Req {
    private final HttpRequest.Builder builder;
    private String method;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    Req(String method, String url) {
      this.method = method;
      this.builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    }

    public Req header(String name, String value) {
      builder.header(name, value);
      return this;
    }

    public Req bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Req timeout(Duration timeout) {
      builder.timeout(timeout);
      return this;
    }

    public Req json(String json) {
      builder.header("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
      return this;
    }

    public Req json(Object value) {
      try {
        return json(MAPPER.writeValueAsString(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A form-encoded body; NetEase's content type by default. */
    public Req form(Map<String, String> fields) {
      return form(fields, "application/x-www-form-urlencoded;charset=utf-8");
    }

    public Req form(Map<String, String> fields, String contentType) {
      builder.header("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofString(formEncode(fields), StandardCharsets.UTF_8);
      return this;
    }

    public Req rawBody(String contentType, String text) {
      if (contentType != null) {
        builder.header("Content-Type", contentType);
      }
      body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
      return this;
    }

    public Resp send() throws IOException, InterruptedException {
      return new Resp(CLIENT.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString()));
    }
  }

  private Http() {}

  public static Req get(String url) {
    return new Req("GET", url);
  }

  public static Req post(String url) {
    return new Req("POST", url);
  }

  public static Req put(String url) {
    return new Req("PUT", url);
  }

  public static Req delete(String url) {
    return new Req("DELETE", url);
  }

  public static String formEncode(Map<String, String> fields) {
    StringJoiner joiner = new StringJoiner("&");
    fields.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  /** An insertion-ordered map from alternating keys and values. */
  public static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
