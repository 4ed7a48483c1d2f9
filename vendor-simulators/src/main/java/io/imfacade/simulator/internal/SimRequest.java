package io.imfacade.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as a simulator sees it: method, the decoded path segments below the simulator's
 * prefix, the decoded query, headers and body. Internal.
 */
public final class SimRequest {

  /** Thrown when the body or query cannot be decoded; the message says why. */
  public static final class MalformedException extends Exception {
    MalformedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Request request;
  private final String method;
  private final List<String> segments;
  private final Map<String, String> query;
  private final long startNanos = System.nanoTime();

  private SimRequest(Request request, List<String> segments, Map<String, String> query) {
    this.request = request;
    this.method = request.getMethod().getName().toUpperCase(Locale.ROOT);
    this.segments = Collections.unmodifiableList(segments);
    this.query = Collections.unmodifiableMap(query);
  }

  /**
   * Decodes {@code request}, whose path starts with {@code prefix} (for example {@code /org/app}).
   * A segment that is not valid percent-encoding is kept as it came.
   */
  public static SimRequest of(Request request, String prefix) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String rawPath = q < 0 ? url : url.substring(0, q);
    String rawQuery = q < 0 ? "" : url.substring(q + 1);
    String rest = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
    List<String> segments = new ArrayList<>();
    if (!rest.isEmpty() && !rest.equals("/")) {
      String[] parts = (rest.startsWith("/") ? rest.substring(1) : rest).split("/", -1);
      for (String part : parts) {
        segments.add(decodePathSegment(part));
      }
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decodeQueryPart(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeQueryPart(pair.substring(eq + 1));
      query.putIfAbsent(key, value);
    }
    return new SimRequest(request, segments, query);
  }

  /** The upper-case HTTP method. */
  public String method() {
    return method;
  }

  /** The decoded path segments below the prefix; an empty segment stays as {@code ""}. */
  public List<String> segments() {
    return segments;
  }

  /** The first value of a query parameter, decoded, or null. */
  public String query(String name) {
    return query.get(name);
  }

  /** A header's value, or null. */
  public String header(String name) {
    return request.getHeader(name);
  }

  /** The raw body bytes (never null). */
  public byte[] body() {
    byte[] body = request.getBody();
    return body == null ? new byte[0] : body;
  }

  /** Whether the Content-Type's media type is {@code mediaType}, ignoring case and parameters. */
  public boolean hasMediaType(String mediaType) {
    String contentType = header("Content-Type");
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    return type.equalsIgnoreCase(mediaType);
  }

  /**
   * The body as {@code application/x-www-form-urlencoded} pairs in order, UTF-8; a repeated key
   * keeps its last value.
   */
  public Map<String, String> form() throws MalformedException {
    String text = new String(body(), StandardCharsets.ISO_8859_1);
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.put(key, value);
      } catch (IllegalArgumentException e) {
        throw new MalformedException("malformed form body: " + e.getMessage(), e);
      }
    }
    return form;
  }

  /** The body parsed as JSON (UTF-8). */
  public JsonNode json() throws MalformedException {
    String text = new String(body(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new MalformedException("request body is empty", null);
    }
    try {
      return Json.read(text);
    } catch (JsonProcessingException e) {
      throw new MalformedException("malformed JSON body: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedException("unreadable JSON body", e);
    }
  }

  /** The request URL as the client sent it, with scheme and host. */
  public String absoluteUrl() {
    return request.getAbsoluteUrl();
  }

  /** Scheme, host and port of the request, such as {@code http://localhost:8080}. */
  public String origin() {
    String url = request.getAbsoluteUrl();
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return slash < 0 ? url : url.substring(0, slash);
  }

  /** Milliseconds since this request was decoded, for the vendors' {@code duration} field. */
  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000L;
  }

  private static String decodePathSegment(String raw) {
    try {
      // '+' is a literal in a path; URLDecoder would turn it into a space.
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  private static String decodeQueryPart(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  @Override
  public String toString() {
    return method + " " + segments;
  }
}
