package io.imfacade.inmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.profile.Gender;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot file of {@code inmemory.file}: every user, profile, group, contact and block list as
 * JSON, tagged {@code "format": "imfacade-inmemory/2"}:
 *
 * <pre>{@code
 * {
 *   "format" : "imfacade-inmemory/2",
 *   "users" : { "alice" : { "createdAt" : "2025-01-31T08:00:00Z" }, "bob" : { } },
 *   "profiles" : { "alice" : { "nickname" : "Alice", "gender" : 2 } },
 *   "groups" : { "4821937465" : { "name" : "Team", "owner" : "alice", "maxMembers" : 50,
 *                                 "members" : { "alice" : { }, "bob" : { "role" : "admin" } } } },
 *   "contacts" : { "alice" : [ { "userId" : "bob", "remark" : "Bobby" } ], "bob" : [ { "userId" : "alice" } ] },
 *   "blocked" : { "bob" : [ "carol" ] }
 * }
 * }</pre>
 *
 * <p>No secret is ever written: the fake keeps no password and no token ({@link StoredAccount}).
 * A group's members are in the order they joined, which is the order they are listed in.
 *
 * <p>Reading is strict: unknown fields, a field given twice, wrong types (a number where a string
 * belongs is refused, never turned into a string) and trailing data are refused, and the content
 * is checked against the client's {@link SnapshotRules}, so that a file this version or this
 * client does not fully accept is reported with the place of its first mistake, never
 * half-loaded and then overwritten. Writing goes to a temporary file in the same directory that is
 * then renamed over the target, so the file on disk is always either the old or the new snapshot,
 * even for a reader that does not take the lock ({@link SnapshotFile}).
 */
final class Snapshot {

  static final String FORMAT = "imfacade-inmemory/2";
  /** The format before accounts and groups were services (issue 11): users were a list, groups had no name. */
  static final String FORMAT_1 = "imfacade-inmemory/1";

  /**
   * Strict: no coercion between strings, numbers and booleans (a number where a string belongs is a
   * mistake in the file, not a string), no field given twice. Trailing data is refused by {@link
   * #parse}, which can say where it is.
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
      .build();

  /**
   * The file's top level. Maps are sorted by id (a group's members by join order), so that two
   * saves of the same data are equal.
   */
  record Data(
      @Nullable String format,
      @Nullable Map<String, UserData> users,
      @Nullable Map<String, ProfileData> profiles,
      @Nullable Map<String, GroupData> groups,
      @Nullable Map<String, List<ContactData>> contacts,
      @Nullable Map<String, List<String>> blocked) {}

  /** A profile: absent fields are null; gender is the vendor digit, null when unknown. */
  record ProfileData(
      @Nullable String nickname,
      @Nullable String avatarUrl,
      @Nullable Integer gender,
      @Nullable String sign,
      @Nullable String birth,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String ext,
      @Nullable Map<String, String> customAttributes) {}

  /**
   * A user's account: when it was created (ISO-8601, such as {@code 2025-01-31T08:00:00Z}), absent
   * when unknown. No password and no token: the fake keeps none ({@link StoredAccount}).
   */
  record UserData(@Nullable String createdAt) {}

  /**
   * A group: its name, owner, description, the most members its creator asked for (absent: the
   * vendor's largest), and each member (the owner included) with their attributes, in the order
   * they joined.
   */
  record GroupData(
      @Nullable String name,
      @Nullable String owner,
      @Nullable String description,
      @Nullable Integer maxMembers,
      @Nullable Map<String, Map<String, String>> members) {}

  /** One contact list entry; the list's order is the order of addition. */
  record ContactData(@Nullable String userId, @Nullable String remark) {}

  private Snapshot() {}

  /** Copies the store. Call under {@link Store#exclusive}, so that the copy is consistent. */
  static Data export(Store store) {
    Map<String, ProfileData> profiles = new TreeMap<>();
    store.profiles.forEach((id, p) -> profiles.put(id, new ProfileData(
        p.nickname(), p.avatarUrl(), p.gender() == Gender.UNKNOWN ? null : p.gender().wireValue(),
        p.sign(), p.birth(), p.email(), p.phone(), p.ext(),
        p.customAttributes().isEmpty() ? null : p.customAttributes())));

    Map<String, GroupData> groups = new TreeMap<>();
    store.groups.forEach((id, g) -> {
      Map<String, Map<String, String>> members = new LinkedHashMap<>();
      for (String member : g.memberIds()) {
        Map<String, String> attributes = g.members.get(member);
        if (attributes != null) {
          members.put(member, attributes);
        }
      }
      groups.put(id, new GroupData(g.name, g.owner, g.description, g.maxMembers > 0 ? g.maxMembers : null, members));
    });

    Map<String, List<ContactData>> contacts = new TreeMap<>();
    Map<String, List<String>> blocked = new TreeMap<>();
    store.allRelations().forEach((id, r) -> {
      synchronized (r) {
        if (!r.contacts.isEmpty()) {
          List<ContactData> list = new ArrayList<>();
          r.contacts.entries().forEach(e -> list.add(new ContactData(e.userId(), e.remark())));
          contacts.put(id, list);
        }
        if (!r.blocked.isEmpty()) {
          List<String> list = new ArrayList<>();
          r.blocked.entries().forEach(e -> list.add(e.userId()));
          blocked.put(id, list);
        }
      }
    });
    Map<String, UserData> users = new TreeMap<>();
    store.users.forEach((id, a) -> users.put(id, new UserData(a.createdAt() == null ? null : a.createdAt().toString())));
    return new Data(FORMAT, users, profiles, groups, contacts, blocked);
  }

  /**
   * Reads and checks a snapshot file; a missing file is an empty snapshot. Nothing is loaded
   * here: the caller replaces a store's contents with the result, so a bad file changes nothing.
   *
   * @throws ConfigurationException naming the file, and the place of the first mistake in it, if
   *     it cannot be read or is not a valid snapshot for {@code rules}
   */
  static Store.Contents read(Path file, SnapshotRules rules) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Store.Contents.empty();
    } catch (IOException e) {
      throw invalid(file, "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (bytes.length == 0) {
      throw invalid(file, "it is empty", null);
    }
    try {
      Data data = parse(bytes);
      rules.check(data);
      return contents(data, !rules.registered());
    } catch (InvalidSnapshot e) {
      throw invalid(file, e.getMessage(), null);
    }
  }

  private static Data parse(byte[] bytes) throws InvalidSnapshot {
    // Our own parser, left open on failure, so that the message can say what was found.
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      try {
        Data data = MAPPER.readValue(parser, Data.class);
        if (data == null) {
          throw new InvalidSnapshot("it holds JSON null");
        }
        if (parser.nextToken() != null) {
          JsonLocation where = parser.currentTokenLocation();
          throw new InvalidSnapshot("more JSON follows the snapshot, at line " + where.getLineNr()
              + ", column " + where.getColumnNr());
        }
        return data;
      } catch (JsonMappingException e) {
        String format = formatOf(bytes);
        if (format != null && !format.equals(FORMAT)) {
          // Another format's shape does not map onto this one: the format is the mistake to report.
          return new Data(format, null, null, null, null, null);
        }
        throw new InvalidSnapshot(describe(e, parser.currentToken()));
      } catch (JsonProcessingException e) {
        throw new InvalidSnapshot(describe(e));
      }
    } catch (IOException e) {
      throw new InvalidSnapshot(e.toString());
    }
  }

  /** The {@code format} of a file that is a JSON object, or null. */
  private static @Nullable String formatOf(byte[] bytes) {
    try {
      JsonNode format = MAPPER.readTree(bytes).get("format");
      return format != null && format.isTextual() ? format.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A mistake in the JSON's types, at its place in the file: the message a user needs, not Jackson's. */
  private static String describe(JsonMappingException e, @Nullable JsonToken current) {
    JsonPath at = JsonPath.ROOT;
    for (JsonMappingException.Reference ref : e.getPath()) {
      at = ref.getFieldName() != null ? at.key(ref.getFieldName()) : at.index(ref.getIndex());
    }
    if (e instanceof UnrecognizedPropertyException) {
      return at + ": is not a field of this format";
    }
    if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
      String found = e instanceof InvalidFormatException ? found(((InvalidFormatException) e).getValue()) : found(current);
      return at + ": must be " + expected(((MismatchedInputException) e).getTargetType())
          + (found == null ? "" : ", not " + found);
    }
    return at + ": " + e.getOriginalMessage();
  }

  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class) {
      return "an integer";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /** The kind of a value Jackson read but could not use. */
  private static @Nullable String found(@Nullable Object value) {
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof String ? "a string" : null;
  }

  private static @Nullable String found(@Nullable JsonToken token) {
    if (token == null) {
      return null;
    }
    switch (token) {
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case START_OBJECT:
      case FIELD_NAME:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_NULL:
        return "null";
      default:
        return null;
    }
  }

  /** A mistake in the JSON itself (syntax, a field given twice): at its line and column. */
  private static String describe(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    return where == null || where.getLineNr() < 1
        ? e.getOriginalMessage()
        : e.getOriginalMessage() + " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static ConfigurationException invalid(Path file, String reason, @Nullable Throwable cause) {
    return new ConfigurationException(InMemoryProvider.FILE + " '" + file
        + "' is not a valid imfacade snapshot: " + reason + "; it was left untouched",
        ErrorDetails.builder().provider(InMemoryProvider.ID).build(), cause);
  }

  /**
   * What a checked snapshot holds, for {@link Store#replace}. With {@code autoUsers}, every user the
   * snapshot names is recorded as existing, as a write in auto mode would have recorded them.
   */
  static Store.Contents contents(Data data, boolean autoUsers) {
    Map<String, StoredAccount> users = new HashMap<>();
    orEmpty(data.users()).forEach((id, u) ->
        users.put(id, u.createdAt() == null ? StoredAccount.UNDATED : new StoredAccount(Instant.parse(u.createdAt()))));
    Map<String, UserProfile> profiles = new HashMap<>();
    orEmpty(data.profiles()).forEach((id, p) -> {
      UserProfile profile = profile(id, p);
      if (!profile.isEmpty()) {
        profiles.put(id, profile);
      }
    });
    Map<String, StoredGroup> groups = new HashMap<>();
    orEmpty(data.groups()).forEach((id, g) -> {
      StoredGroup group = new StoredGroup(g.owner(), g.name(), g.description(), g.maxMembers() == null ? 0 : g.maxMembers());
      orEmpty(g.members()).forEach((member, attributes) -> {
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (!group.join(member, copy)) {
          group.members.put(member, copy);  // the owner, who joined first, with attributes
        }
      });
      groups.put(id, group);
    });
    Map<String, List<OrderedList.Item>> contacts = new HashMap<>();
    orEmpty(data.contacts()).forEach((owner, list) -> {
      List<OrderedList.Item> items = new ArrayList<>();
      list.forEach(c -> items.add(new OrderedList.Item(c.userId(),
          c.remark() == null || c.remark().isEmpty() ? null : c.remark())));
      contacts.put(owner, items);
    });
    Map<String, List<OrderedList.Item>> blocked = new HashMap<>();
    orEmpty(data.blocked()).forEach((owner, list) -> {
      List<OrderedList.Item> items = new ArrayList<>();
      list.forEach(id -> items.add(new OrderedList.Item(id, null)));
      blocked.put(owner, items);
    });
    if (autoUsers) {
      Set<String> named = new HashSet<>(profiles.keySet());
      groups.values().forEach(g -> named.addAll(g.members.keySet()));
      contacts.forEach((owner, items) -> {
        named.add(owner);
        items.forEach(i -> named.add(i.userId()));
      });
      blocked.forEach((owner, items) -> {
        named.add(owner);
        items.forEach(i -> named.add(i.userId()));
      });
      named.forEach(id -> users.putIfAbsent(id, StoredAccount.UNDATED));
    }
    return new Store.Contents(users, profiles, groups, contacts, blocked);
  }

  private static UserProfile profile(String id, ProfileData p) {
    UserProfile.Builder b = UserProfile.builder(id)
        .nickname(p.nickname())
        .avatarUrl(p.avatarUrl())
        .sign(p.sign())
        .birth(p.birth())
        .email(p.email())
        .phone(p.phone())
        .ext(p.ext());
    if (p.gender() != null) {
      b.gender(Gender.fromWire(p.gender()));
    }
    orEmpty(p.customAttributes()).forEach(b::customAttribute);
    return b.build();
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(@Nullable Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  /**
   * Gives the new file the old one's POSIX permissions: a rename would otherwise replace a shared
   * snapshot's mode with the temporary file's owner-only one. A new snapshot keeps owner-only.
   */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    try {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    } catch (NoSuchFileException | UnsupportedOperationException e) {
      // no previous file, or not a POSIX file system
    }
  }

  /** The file content of a snapshot. */
  static byte[] bytes(Data data) throws IOException {
    return MAPPER.writeValueAsBytes(data);
  }

  /**
   * Writes a snapshot's {@link #bytes} atomically: a temporary file next to the target, renamed over it. Creates
   * missing parent directories; leaves no temporary file behind, even on failure.
   */
  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, bytes);
      keepPermissions(target, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // the original failure, if any, matters more
      }
    }
  }
}
