package io.imfacade.easemob.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * A WireMock extension that answers from a test's script (a function of the request), so that a
 * test can compute answers from request bodies. Without a script the stub's own answer goes out.
 */
final class Scripted implements ResponseDefinitionTransformerV2 {

  static final ObjectMapper JSON = new ObjectMapper();

  private volatile Function<Request, ResponseDefinition> script;

  void script(Function<Request, ResponseDefinition> script) {
    this.script = script;
  }

  void clear() {
    script = null;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Function<Request, ResponseDefinition> s = script;
    return s == null ? serveEvent.getResponseDefinition() : s.apply(serveEvent.getRequest());
  }

  @Override
  public String getName() {
    return "scripted";
  }

  static ResponseDefinition json(int status, Object body) {
    try {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(body instanceof String ? (String) body : JSON.writeValueAsString(body))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseDefinition html(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "text/html")
        .withBody(body)
        .build();
  }

  static JsonNode body(Request request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
