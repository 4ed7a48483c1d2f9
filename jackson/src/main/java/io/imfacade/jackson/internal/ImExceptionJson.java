package io.imfacade.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.imfacade.Capability;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ImException} as {@code {"type":"NotFoundException","message":"...","details":{...}}},
 * plus {@code field} (an {@link InvalidRequestException}'s), {@code retryAfter} (a {@link
 * RateLimitedException}'s, ISO-8601 such as {@code "PT10S"}) and {@code capability} (an {@link
 * UnsupportedCapabilityException}'s) when they apply.
 *
 * <p>{@code type} is the simple name of the neutral class: a subclass of one (a provider's own) is
 * written as that neutral class, so readers need to know the neutral ones only. {@code message} is
 * {@link ImException#plainMessage()}: the provider, tenant, status and vendor code are in {@code
 * details}. The cause and the stack trace are not written: they are for logs, not for clients.
 *
 * <p>Reading builds the class {@code type} names, which must be the requested class or a subclass
 * of it; a missing or unknown {@code type} (from a newer imfacade) reads as the requested class.
 */
public final class ImExceptionJson {

  /** The neutral exception classes, the root last, so that the most specific one is found first. */
  public static final List<Class<? extends ImException>> NEUTRAL = List.of(
      AuthenticationException.class, ConfigurationException.class, ConflictException.class,
      FeatureNotEnabledException.class, InvalidRequestException.class, NotFoundException.class,
      ProviderUnavailableException.class, QuotaExceededException.class, RateLimitedException.class,
      UnsupportedCapabilityException.class, ImException.class);

  private static final Map<String, Class<? extends ImException>> BY_NAME = new LinkedHashMap<>();
  private static final Map<Class<? extends ImException>, BiFunction<String, ErrorDetails, ImException>> PLAIN =
      Map.of(
          ImException.class, ImException::new,
          AuthenticationException.class, AuthenticationException::new,
          ConfigurationException.class, ConfigurationException::new,
          ConflictException.class, ConflictException::new,
          FeatureNotEnabledException.class, FeatureNotEnabledException::new,
          NotFoundException.class, NotFoundException::new,
          ProviderUnavailableException.class, ProviderUnavailableException::new,
          QuotaExceededException.class, QuotaExceededException::new);

  static {
    for (Class<? extends ImException> c : NEUTRAL) {
      BY_NAME.put(c.getSimpleName(), c);
    }
  }

  private ImExceptionJson() {}

  /** The neutral class {@code e} is written as: its own, or the nearest neutral superclass. */
  static Class<? extends ImException> neutralType(ImException e) {
    for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
      if (BY_NAME.get(c.getSimpleName()) == c) {
        return c.asSubclass(ImException.class);
      }
    }
    return ImException.class;
  }

  /** Writes an exception of any {@link ImException} class. */
  public static final class Serializer extends StdSerializer<ImException> {
    private static final long serialVersionUID = 1L;

    /** The serializer. */
    public Serializer() {
      super(ImException.class);
    }

    @Override
    public void serialize(ImException e, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject(e);
      g.writeStringField("type", neutralType(e).getSimpleName());
      Json.writeIfPresent(g, "message", e.plainMessage());
      if (e instanceof InvalidRequestException) {
        Json.writeIfPresent(g, "field", ((InvalidRequestException) e).field().orElse(null));
      }
      if (e instanceof RateLimitedException) {
        Duration wait = ((RateLimitedException) e).retryAfter().orElse(null);
        Json.writeIfPresent(g, "retryAfter", wait == null ? null : wait.toString());
      }
      if (e instanceof UnsupportedCapabilityException) {
        g.writeStringField("capability", ((UnsupportedCapabilityException) e).capability().name());
      }
      provider.defaultSerializeField("details", e.details(), g);
      g.writeEndObject();
    }
  }

  /** Reads an exception as {@code target} or one of its subclasses. */
  public static final class Deserializer extends StdDeserializer<ImException> {
    private static final long serialVersionUID = 1L;

    private final Class<? extends ImException> target;

    /** A deserializer of {@code target}, one of the {@link #NEUTRAL} classes. */
    public Deserializer(Class<? extends ImException> target) {
      super(target);
      this.target = target;
    }

    @Override
    public ImException deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String type = null;
      String message = null;
      String field = null;
      String retryAfter = null;
      String capability = null;
      ErrorDetails details = ErrorDetails.none();
      for (JsonToken t = Json.enterObject(p, ctxt, target); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "type":
            type = Json.string(p, ctxt, target, name);
            break;
          case "message":
            message = Json.string(p, ctxt, target, name);
            break;
          case "field":
            field = Json.string(p, ctxt, target, name);
            break;
          case "retryAfter":
            retryAfter = Json.string(p, ctxt, target, name);
            break;
          case "capability":
            capability = Json.string(p, ctxt, target, name);
            break;
          case "details":
            if (p.currentToken() != JsonToken.VALUE_NULL) {
              details = ctxt.readValue(p, ErrorDetails.class);
            }
            break;
          default:
            ctxt.handleUnknownProperty(p, this, target, name);
        }
      }
      Class<? extends ImException> kind = type == null ? null : BY_NAME.get(type);
      if (kind == null) {
        kind = target;
      } else if (!target.isAssignableFrom(kind)) {
        ctxt.reportInputMismatch(this, "a %s is not a %s", type, target.getSimpleName());
      }
      return build(ctxt, kind, message, details, field, retryAfter(ctxt, retryAfter), capability);
    }

    private ImException build(DeserializationContext ctxt, Class<? extends ImException> kind,
        @Nullable String message, ErrorDetails details, @Nullable String field, @Nullable Duration retryAfter,
        @Nullable String capability) throws IOException {
      if (kind == InvalidRequestException.class) {
        return new InvalidRequestException(message, field, details, null);
      }
      if (kind == RateLimitedException.class) {
        return new RateLimitedException(message, details, retryAfter, null);
      }
      if (kind == UnsupportedCapabilityException.class) {
        return unsupported(ctxt, message, details, capability);
      }
      return PLAIN.get(kind).apply(message, details);
    }

    /**
     * Its constructor takes provider, capability and reason only, so the other details (the
     * tenant) cannot come back.
     */
    private UnsupportedCapabilityException unsupported(DeserializationContext ctxt, @Nullable String message,
        ErrorDetails details, @Nullable String capabilityName) throws IOException {
      Capability capability = null;
      if (capabilityName != null) {
        try {
          capability = Capability.valueOf(capabilityName);
        } catch (IllegalArgumentException e) {
          throw ctxt.weirdStringException(capabilityName, Capability.class, "not a Capability");
        }
      } else {
        for (Capability c : Capability.values()) {
          if (details.operation().filter(c.operation()::equals).isPresent()) {
            capability = c;
          }
        }
      }
      if (capability == null) {
        ctxt.reportInputMismatch(this, "an UnsupportedCapabilityException needs a 'capability'");
        return null; // not reached
      }
      String prefix = capability + " is not supported: ";
      String reason = message == null ? "not supported" : message.startsWith(prefix) ? message.substring(prefix.length())
          : message;
      return new UnsupportedCapabilityException(details.provider().orElse("unknown"), capability, reason);
    }

    private static @Nullable Duration retryAfter(DeserializationContext ctxt, @Nullable String text)
        throws IOException {
      if (text == null) {
        return null;
      }
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(text, Duration.class, "not an ISO-8601 duration such as PT10S");
      }
    }
  }
}
