package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.error.ErrorDetails;
import java.io.IOException;

/**
 * {@link ErrorDetails} as {@code {"provider":"easemob","tenant":"acme","operation":"profiles.update",
 * "httpStatus":400,"vendorCode":"...","vendorMessage":"...","requestId":"...","retryable":false}},
 * absent fields left out and {@code retryable} always written.
 */
public final class ErrorDetailsJson {

  private ErrorDetailsJson() {}

  /** Writes details. */
  public static final class Serializer extends StdSerializer<ErrorDetails> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(ErrorDetails.class);
    }

    @Override
    public void serialize(ErrorDetails v, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(v);
      Json.writeIfPresent(g, "provider", v.provider().orElse(null));
      Json.writeIfPresent(g, "tenant", v.tenant().orElse(null));
      Json.writeIfPresent(g, "operation", v.operation().orElse(null));
      if (v.httpStatus().isPresent()) {
        g.writeNumberField("httpStatus", v.httpStatus().getAsInt());
      }
      Json.writeIfPresent(g, "vendorCode", v.vendorCode().orElse(null));
      Json.writeIfPresent(g, "vendorMessage", v.vendorMessage().orElse(null));
      Json.writeIfPresent(g, "requestId", v.requestId().orElse(null));
      g.writeBooleanField("retryable", v.retryable());
      g.writeEndObject();
    }
  }

  /** Reads details. */
  public static final class Deserializer extends StdDeserializer<ErrorDetails> {
    private static final long serialVersionUID = 1L;

    /** The deserializer. */
    public Deserializer() {
      super(ErrorDetails.class);
    }

    @Override
    public ErrorDetails deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String provider = null;
      String tenant = null;
      String operation = null;
      int httpStatus = 0;
      String vendorCode = null;
      String vendorMessage = null;
      String requestId = null;
      boolean retryable = false;
      for (JsonToken t = Json.enterObject(p, ctxt, ErrorDetails.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "provider":
            provider = Json.string(p, ctxt, ErrorDetails.class, name);
            break;
          case "tenant":
            tenant = Json.string(p, ctxt, ErrorDetails.class, name);
            break;
          case "operation":
            operation = Json.string(p, ctxt, ErrorDetails.class, name);
            break;
          case "httpStatus":
            httpStatus = p.currentToken() == JsonToken.VALUE_NULL ? 0 : _parseIntPrimitive(p, ctxt);
            break;
          case "vendorCode":
            vendorCode = Json.string(p, ctxt, ErrorDetails.class, name);
            break;
          case "vendorMessage":
            vendorMessage = Json.string(p, ctxt, ErrorDetails.class, name);
            break;
          case "requestId":
            requestId = Json.string(p, ctxt, ErrorDetails.class, name);
            break;
          case "retryable":
            retryable = p.currentToken() != JsonToken.VALUE_NULL && _parseBooleanPrimitive(p, ctxt);
            break;
          default:
            ctxt.handleUnknownProperty(p, this, ErrorDetails.class, name);
        }
      }
      boolean nothing = provider == null && tenant == null && operation == null && httpStatus <= 0
          && vendorCode == null && vendorMessage == null && requestId == null && !retryable;
      if (nothing) {
        // The builder would take the tenant of a call in progress on this thread: nothing stays nothing.
        return ErrorDetails.none();
      }
      return ErrorDetails.builder().provider(provider).tenant(tenant).operation(operation).httpStatus(httpStatus)
          .vendorCode(vendorCode).vendorMessage(vendorMessage).requestId(requestId).retryable(retryable).build();
    }
  }
}
