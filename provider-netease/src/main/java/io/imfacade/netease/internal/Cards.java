package io.imfacade.netease.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.imfacade.profile.Gender;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code user/getUinfos.action} (seed 003: {@code {"code":200,"uinfos":[...]}}), read
 * by Jackson's streaming parser straight into neutral profiles, without a {@link Wire.Uinfo} per
 * card. It reads what the {@link Wire.Uinfos} record reads, the same way: a card field of another
 * JSON type is converted or refused by Jackson's own string deserializer, a {@code uinfos} or an
 * item of an undocumented shape goes through the record types, an unknown field is skipped.
 *
 * <p>The profiles are keyed by lower-case accid; of one user answered twice the first non-empty
 * card counts, and a card with nothing set is left out. A card without accid is not an exception
 * here (the parser knows no operation to name): {@link #missingAccid()} reports it, and the service
 * refuses the answer as malformed.
 */
@JsonDeserialize(using = Cards.Reader.class)
final class Cards implements Wire.Envelope {

  private @Nullable Integer code;
  private @Nullable String desc;
  private boolean uinfos;
  private boolean missingAccid;
  /** In answer order: usually the order asked in, which spares the batch helper its ordering copy. */
  private final Map<String, UserProfile> profiles = new LinkedHashMap<>();

  @Override
  public @Nullable Integer code() {
    return code;
  }

  @Override
  public @Nullable String desc() {
    return desc;
  }

  /** Whether the answer had a {@code uinfos} array (JSON null or absent is none). */
  boolean hasUinfos() {
    return uinfos;
  }

  /** Whether an item of {@code uinfos} was null or had no accid. */
  boolean missingAccid() {
    return missingAccid;
  }

  /** The non-empty cards by lower-case accid; owned by the caller. */
  Map<String, UserProfile> profiles() {
    return profiles;
  }

  private void add(@Nullable String accid, @Nullable String name, @Nullable String icon, @Nullable String sign,
      @Nullable String email, @Nullable String birth, @Nullable String mobile, @Nullable String ex,
      @Nullable String gender) {
    if (Wire.isBlank(accid)) {
      missingAccid = true;
      return;
    }
    UserProfile profile = new UserProfile(accid.toLowerCase(Locale.ROOT), name, icon, Gender.fromWireText(gender), sign,
        birth, email, mobile, ex, Map.of());
    if (!profile.isEmpty()) {
      profiles.putIfAbsent(profile.userId(), profile);
    }
  }

  /** Reads {@link Cards}. */
  static final class Reader extends JsonDeserializer<Cards> {

    @Override
    public Cards deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Cards cards = new Cards();
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_OBJECT) {
        t = p.nextToken();
      }
      if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
        return (Cards) ctxt.handleUnexpectedToken(Cards.class, p); // not an object: unreadable
      }
      for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "code" -> cards.code = value == JsonToken.VALUE_NUMBER_INT ? Integer.valueOf(p.getIntValue())
              : ctxt.readValue(p, Integer.class);
          case "desc" -> cards.desc = text(p, ctxt, value);
          case "uinfos" -> readUinfos(p, ctxt, value, cards);
          default -> p.skipChildren();
        }
      }
      return cards;
    }

    private static void readUinfos(JsonParser p, DeserializationContext ctxt, JsonToken value, Cards cards)
        throws IOException {
      // The last "uinfos" counts, as in the record.
      cards.profiles.clear();
      cards.missingAccid = false;
      cards.uinfos = false;
      if (value == JsonToken.VALUE_NULL) {
        return;
      }
      if (value != JsonToken.START_ARRAY) {
        // Not documented: whatever Jackson makes of it for the record (mostly a refusal).
        JavaType type = ctxt.getTypeFactory().constructCollectionType(List.class, Wire.Uinfo.class);
        List<Wire.Uinfo> list = ctxt.readValue(p, type);
        if (list != null) {
          cards.uinfos = true;
          list.forEach(u -> add(cards, u));
        }
        return;
      }
      cards.uinfos = true;
      for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
        if (item == JsonToken.START_OBJECT) {
          readCard(p, ctxt, cards);
        } else if (item == JsonToken.VALUE_NULL) {
          cards.missingAccid = true;
        } else {
          add(cards, ctxt.readValue(p, Wire.Uinfo.class)); // not a card: as the record reads it
        }
      }
    }

    private static void add(Cards cards, Wire.@Nullable Uinfo u) {
      if (u == null) {
        cards.missingAccid = true;
        return;
      }
      cards.add(u.accid(), u.name(), u.icon(), u.sign(), u.email(), u.birth(), u.mobile(), u.ex(), u.gender());
    }

    /** One card, the parser at its START_OBJECT; leaves it at the END_OBJECT. */
    private static void readCard(JsonParser p, DeserializationContext ctxt, Cards cards) throws IOException {
      String accid = null;
      String name = null;
      String icon = null;
      String sign = null;
      String email = null;
      String birth = null;
      String mobile = null;
      String ex = null;
      String gender = null;
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "accid" -> accid = text(p, ctxt, value);
          case "name" -> name = text(p, ctxt, value);
          case "icon" -> icon = text(p, ctxt, value);
          case "sign" -> sign = text(p, ctxt, value);
          case "email" -> email = text(p, ctxt, value);
          case "birth" -> birth = text(p, ctxt, value);
          case "mobile" -> mobile = text(p, ctxt, value);
          case "ex" -> ex = text(p, ctxt, value);
          case "gender" -> gender = text(p, ctxt, value);
          default -> p.skipChildren(); // valid, mute, ...: not read
        }
      }
      cards.add(accid, name, icon, sign, email, birth, mobile, ex, gender);
    }

    /** A string field as the record reads it: a string as is, null as null, anything else as Jackson converts it. */
    private static @Nullable String text(JsonParser p, DeserializationContext ctxt, JsonToken value)
        throws IOException {
      if (value == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      if (value == JsonToken.VALUE_NUMBER_INT) {
        // The documented gender is a number. Under the usual coercion setting (TryConvert) Jackson's
        // string deserializer returns its text, after boxing it for a check: skip the boxing.
        CoercionAction act = ctxt.findCoercionAction(LogicalType.Textual, String.class, CoercionInputShape.Integer);
        if (act == CoercionAction.TryConvert) {
          return p.getValueAsString();
        }
      }
      return StringDeserializer.instance.deserialize(p, ctxt);
    }
  }
}
