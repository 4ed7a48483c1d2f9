package io.imfacade.simulator.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A normal (non-fault) HTTP answer of a simulator, before WireMock renders it. Immutable. Internal. */
public final class Answer {

  /** The content type of every JSON answer. */
  public static final String JSON_UTF8 = "application/json;charset=UTF-8";

  private final int status;
  private final String contentType;
  private final String body;
  private final Map<String, String> headers;

  private Answer(int status, String contentType, String body, Map<String, String> headers) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = Collections.unmodifiableMap(headers);
  }

  /** {@code body} written as JSON with {@code status}. */
  public static Answer json(int status, Object body) {
    return new Answer(status, JSON_UTF8, Json.write(body), new LinkedHashMap<>());
  }

  /** Raw text with its content type. */
  public static Answer text(int status, String contentType, String body) {
    return new Answer(status, contentType, body, new LinkedHashMap<>());
  }

  /** This answer with one more header. */
  public Answer withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Answer(status, contentType, body, copy);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The Content-Type header. */
  public String contentType() {
    return contentType;
  }

  /** The body text. */
  public String body() {
    return body;
  }

  /** Extra headers, in order. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "Answer{" + status + ", " + body + '}';
  }
}
