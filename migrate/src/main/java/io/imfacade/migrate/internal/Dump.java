package io.imfacade.migrate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.jackson.ImfacadeModule;
import io.imfacade.migrate.internal.Records.GroupData;
import io.imfacade.migrate.internal.Records.MemberData;
import io.imfacade.migrate.internal.Records.UserData;
import io.imfacade.profile.UserProfile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The dump format: one JSON object per line (UTF-8), each with a {@code type}. Version 1:
 *
 * <pre>
 * {"type":"header","format":"imfacade-dump","version":1,"source":"easemob","created":"2026-12-01T10:00:00Z",
 *  "capabilities":["PROFILE_CUSTOM_ATTRIBUTES","CONTACT_REMARK","BLOCK_LIST","GROUP_MEMBER_ATTRIBUTES"]}
 * {"type":"user","userId":"alice","profile":{"userId":"alice","nickname":"Alice","customAttributes":{"level":"3"}},
 *  "contacts":[{"userId":"bob","remark":"Bobby"}],"blocked":["carol"]}
 * {"type":"group","groupId":"1234","name":"Team","owner":"alice","description":"...","maxMembers":200}
 * {"type":"member","groupId":"1234","userId":"alice","attributes":{"nick":"A"}}
 * {"type":"end","users":1,"groups":1,"members":1}
 * </pre>
 *
 * <p>The profile and contacts are in {@link ImfacadeModule}'s shapes. {@code blocked} is absent
 * when the source has no block list, {@code attributes} when it has no member attributes (the
 * header lists the source's capabilities that the dump depends on). Users come first, then each
 * group followed by its members. The {@code end} line tells a complete dump from one whose export
 * stopped midway. Unknown fields are ignored, so that a later version may add some; a later
 * version number is refused. Internal.
 */
public final class Dump {

  /** The {@code format} of the header. */
  public static final String FORMAT = "imfacade-dump";
  /** The version this code writes and the newest it reads. */
  public static final int VERSION = 1;

  /** The capabilities whose absence at the source changes what the dump holds. */
  static final Set<Capability> DATA_CAPABILITIES = EnumSet.of(Capability.PROFILE_CUSTOM_ATTRIBUTES,
      Capability.CONTACT_REMARK, Capability.BLOCK_LIST, Capability.GROUP_MEMBER_ATTRIBUTES);

  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new ImfacadeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Dump() {}

  /** One line of a dump. */
  sealed interface Line permits Header, UserLine, GroupLine, MemberLine, End {}

  /** The first line. */
  record Header(String source, String created, Set<Capability> capabilities) implements Line {}

  /** A user. */
  record UserLine(UserData user) implements Line {}

  /** A group. */
  record GroupLine(GroupData group) implements Line {}

  /** A member of the group before it. */
  record MemberLine(String groupId, MemberData member) implements Line {}

  /** The last line. */
  record End(long users, long groups, long members) implements Line {}

  // ---- writing ----

  static byte[] header(String source, Instant created, Set<Capability> capabilities) {
    ObjectNode n = MAPPER.createObjectNode().put("type", "header").put("format", FORMAT).put("version", VERSION)
        .put("source", source).put("created", created.toString());
    ArrayNode caps = n.putArray("capabilities");
    for (Capability c : DATA_CAPABILITIES) {
      if (capabilities.contains(c)) {
        caps.add(c.name());
      }
    }
    return bytes(n);
  }

  static byte[] user(UserData u) {
    ObjectNode n = MAPPER.createObjectNode().put("type", "user").put("userId", u.userId());
    n.set("profile", MAPPER.valueToTree(u.profile()));
    ArrayNode contacts = n.putArray("contacts");
    for (Contact c : u.contacts() == null ? List.<Contact>of() : u.contacts()) {
      contacts.add(MAPPER.<JsonNode>valueToTree(c));
    }
    if (u.blocked() != null) {
      ArrayNode blocked = n.putArray("blocked");
      u.blocked().forEach(blocked::add);
    }
    return bytes(n);
  }

  static byte[] group(GroupData g) {
    ObjectNode n = MAPPER.createObjectNode().put("type", "group").put("groupId", g.groupId()).put("name", g.name())
        .put("owner", g.owner());
    if (g.description() != null) {
      n.put("description", g.description());
    }
    n.put("maxMembers", g.maxMembers());
    return bytes(n);
  }

  static byte[] member(String groupId, MemberData m) {
    ObjectNode n = MAPPER.createObjectNode().put("type", "member").put("groupId", groupId).put("userId", m.userId());
    if (m.attributes() != null) {
      ObjectNode attrs = n.putObject("attributes");
      m.attributes().forEach(attrs::put);
    }
    return bytes(n);
  }

  static byte[] end(long users, long groups, long members) {
    return bytes(MAPPER.createObjectNode().put("type", "end").put("users", users).put("groups", groups)
        .put("members", members));
  }

  private static byte[] bytes(ObjectNode n) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(n);
      byte[] line = new byte[json.length + 1];
      System.arraycopy(json, 0, line, 0, json.length);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always serialises
    }
  }

  // ---- reading ----

  /**
   * Parses one line.
   *
   * @throws InvalidRequestException naming the file and line for anything malformed
   */
  static Line parse(String text, Path file, long lineNumber) {
    JsonNode n;
    try {
      n = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw bad(file, lineNumber, "not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw bad(file, lineNumber, "not a JSON object");
    }
    String type = text(n, "type", file, lineNumber);
    try {
      return switch (type) {
        case "header" -> header(n, file, lineNumber);
        case "user" -> new UserLine(userOf(n, file, lineNumber));
        case "group" -> new GroupLine(new GroupData(text(n, "groupId", file, lineNumber), text(n, "name", file, lineNumber),
            lower(text(n, "owner", file, lineNumber)), optionalText(n, "description"), n.path("maxMembers").asInt(0)));
        case "member" -> new MemberLine(text(n, "groupId", file, lineNumber),
            new MemberData(lower(text(n, "userId", file, lineNumber)), stringMap(n.get("attributes"), file, lineNumber)));
        case "end" -> new End(n.path("users").asLong(-1), n.path("groups").asLong(-1), n.path("members").asLong(-1));
        default -> throw bad(file, lineNumber, "unknown record type '" + type + "'");
      };
    } catch (InvalidRequestException e) {
      if (e.field().orElse("").equals("dump")) {
        throw e;
      }
      throw bad(file, lineNumber, e.plainMessage());
    }
  }

  private static Header header(JsonNode n, Path file, long lineNumber) {
    String format = text(n, "format", file, lineNumber);
    if (!format.equals(FORMAT)) {
      throw bad(file, lineNumber, "format '" + format + "' is not " + FORMAT);
    }
    int version = n.path("version").asInt(-1);
    if (version < 1 || version > VERSION) {
      throw bad(file, lineNumber, "format version " + n.path("version") + " is not one this imfacade reads (1 to "
          + VERSION + "): use a newer imfacade");
    }
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    for (JsonNode c : n.path("capabilities")) {
      try {
        caps.add(Capability.valueOf(c.asText()));
      } catch (IllegalArgumentException e) {
        // A capability of a later imfacade: nothing of version 1 depends on it.
      }
    }
    return new Header(text(n, "source", file, lineNumber), n.path("created").asText(""), caps);
  }

  private static UserData userOf(JsonNode n, Path file, long lineNumber) {
    String userId = lower(text(n, "userId", file, lineNumber));
    UserProfile profile;
    JsonNode p = n.get("profile");
    try {
      profile = p == null || p.isNull() ? UserProfile.builder(userId).build() : MAPPER.treeToValue(p, UserProfile.class);
    } catch (JsonProcessingException e) {
      throw bad(file, lineNumber, "bad profile: " + e.getOriginalMessage());
    }
    if (!profile.userId().toLowerCase(Locale.ROOT).equals(userId)) {
      throw bad(file, lineNumber, "the profile of user " + userId + " names user " + profile.userId());
    }
    List<Contact> contacts = new ArrayList<>();
    for (JsonNode c : n.path("contacts")) {
      try {
        Contact contact = MAPPER.treeToValue(c, Contact.class);
        contacts.add(Contact.of(lower(contact.userId()), contact.remark()));
      } catch (JsonProcessingException e) {
        throw bad(file, lineNumber, "bad contact: " + e.getOriginalMessage());
      }
    }
    List<String> blocked = null;
    JsonNode b = n.get("blocked");
    if (b != null && !b.isNull()) {
      if (!b.isArray()) {
        throw bad(file, lineNumber, "'blocked' is not an array");
      }
      blocked = new ArrayList<>();
      for (JsonNode id : b) {
        if (!id.isTextual() || id.asText().isBlank()) {
          throw bad(file, lineNumber, "'blocked' holds something else than user ids");
        }
        blocked.add(lower(id.asText()));
      }
    }
    return new UserData(userId, profile, contacts, blocked);
  }

  private static @Nullable Map<String, String> stringMap(@Nullable JsonNode n, Path file, long lineNumber) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw bad(file, lineNumber, "'attributes' is not an object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw bad(file, lineNumber, "attribute '" + e.getKey() + "' is not a string");
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  private static String text(JsonNode n, String field, Path file, long lineNumber) {
    JsonNode v = n.get(field);
    if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
      throw bad(file, lineNumber, "'" + field + "' is missing or blank");
    }
    return v.asText();
  }

  private static @Nullable String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  static InvalidRequestException bad(Path file, long lineNumber, String message) {
    return new InvalidRequestException("dump", file + ":" + lineNumber + ": " + message);
  }

  /** The UTF-8 text of a line without its newline. */
  static String text(byte[] line) {
    int n = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
    return new String(line, 0, n, StandardCharsets.UTF_8);
  }
}
