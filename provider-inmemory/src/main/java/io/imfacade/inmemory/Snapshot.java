package io.imfacade.inmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot file of {@code inmemory.file}: every user, profile, group, contact and block list as
 * JSON, tagged {@code "format": "imfacade-inmemory/1"}.
 *
 * <p>Reading is strict (unknown fields, wrong types and trailing data are refused), so that a file
 * this version does not fully understand is reported, never half-loaded and then overwritten.
 * Writing goes to a temporary file in the same directory that is then renamed over the target, so
 * the file on disk is always either the old or the new snapshot.
 */
final class Snapshot {

  static final String FORMAT = "imfacade-inmemory/1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
      .build();

  /** The file's top level. Maps are sorted by id so that two saves of the same data are equal. */
  record Data(
      @Nullable String format,
      @Nullable List<String> users,
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

  /** A group: the owner, and each member (the owner included) with their attributes. */
  record GroupData(@Nullable String owner, @Nullable Map<String, Map<String, String>> members) {}

  /** One contact list entry; the list's order is the order of addition. */
  record ContactData(@Nullable String userId, @Nullable String remark) {}

  /** A snapshot whose content is wrong even though it is well-formed JSON. */
  private static final class InvalidSnapshot extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSnapshot(String message) {
      super(message, null, false, false);
    }
  }

  private Snapshot() {}

  /** Copies the store. Call under {@link Store#exclusive}, so that the copy is consistent. */
  static Data export(Store store) {
    Map<String, ProfileData> profiles = new TreeMap<>();
    store.profiles.forEach((id, p) -> profiles.put(id, new ProfileData(
        p.nickname(), p.avatarUrl(), p.gender() == Gender.UNKNOWN ? null : p.gender().wireValue(),
        p.sign(), p.birth(), p.email(), p.phone(), p.ext(),
        p.customAttributes().isEmpty() ? null : p.customAttributes())));

    Map<String, GroupData> groups = new TreeMap<>();
    store.groups.forEach((id, g) -> groups.put(id, new GroupData(g.owner, new TreeMap<>(g.members))));

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
    return new Data(FORMAT, new ArrayList<>(new TreeSet<>(store.users)), profiles, groups, contacts, blocked);
  }

  /**
   * Reads a snapshot file into an empty store. A missing file leaves the store empty.
   *
   * @throws ConfigurationException naming the file if it cannot be read or is not a snapshot
   */
  static void load(Path file, Store store) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw invalid(file, "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (bytes.length == 0) {
      throw invalid(file, "it is empty", null);
    }
    try {
      Data data = MAPPER.readValue(bytes, Data.class);
      if (data == null) {
        throw new InvalidSnapshot("it holds JSON null");
      }
      restore(data, store);
    } catch (JsonProcessingException e) {
      throw invalid(file, describe(e), null);
    } catch (IOException e) {
      throw invalid(file, e.toString(), null);
    } catch (InvalidSnapshot e) {
      throw invalid(file, e.getMessage(), null);
    }
  }

  private static String describe(JsonProcessingException e) {
    String what = e instanceof UnrecognizedPropertyException
        ? "unknown field '" + ((UnrecognizedPropertyException) e).getPropertyName() + "'"
        : e.getOriginalMessage();
    JsonLocation where = e.getLocation();
    return where == null || where.getLineNr() < 1
        ? what
        : what + " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static ConfigurationException invalid(Path file, String reason, @Nullable Throwable cause) {
    return new ConfigurationException(InMemoryProvider.FILE + " '" + file
        + "' is not a valid imfacade snapshot: " + reason + "; it was left untouched",
        ErrorDetails.builder().provider(InMemoryProvider.ID).build(), cause);
  }

  private static void restore(Data data, Store store) throws InvalidSnapshot {
    if (data.format() == null) {
      throw new InvalidSnapshot("it has no \"format\" field");
    }
    if (!FORMAT.equals(data.format())) {
      throw new InvalidSnapshot("its format is '" + data.format() + "', this version reads '" + FORMAT + "'");
    }
    for (String id : orEmpty(data.users())) {
      store.users.add(id(id, "users"));
    }
    for (Map.Entry<String, ProfileData> e : orEmpty(data.profiles()).entrySet()) {
      String id = id(e.getKey(), "profiles");
      UserProfile profile = profile(id, e.getValue());
      if (!profile.isEmpty()) {
        store.profiles.put(id, profile);
      }
    }
    for (Map.Entry<String, GroupData> e : orEmpty(data.groups()).entrySet()) {
      String where = "group " + e.getKey();
      GroupData g = require(e.getValue(), where);
      Group group = new Group(id(g.owner(), where + " owner"));
      for (Map.Entry<String, Map<String, String>> m : orEmpty(g.members()).entrySet()) {
        group.members.put(id(m.getKey(), where + " members"), attributes(m.getValue(), where + " member " + m.getKey()));
      }
      store.groups.put(e.getKey(), group);
    }
    for (Map.Entry<String, List<ContactData>> e : orEmpty(data.contacts()).entrySet()) {
      String owner = id(e.getKey(), "contacts");
      Relations r = store.relations(owner);
      for (ContactData c : require(e.getValue(), "contacts of " + owner)) {
        String remark = require(c, "contacts of " + owner).remark();
        r.contacts.add(id(c.userId(), "contacts of " + owner), remark == null || remark.isEmpty() ? null : remark);
      }
    }
    for (Map.Entry<String, List<String>> e : orEmpty(data.blocked()).entrySet()) {
      String owner = id(e.getKey(), "blocked");
      Relations r = store.relations(owner);
      for (String id : require(e.getValue(), "block list of " + owner)) {
        r.blocked.add(id(id, "block list of " + owner), null);
      }
    }
  }

  private static UserProfile profile(String id, @Nullable ProfileData p) throws InvalidSnapshot {
    require(p, "profile of " + id);
    UserProfile.Builder b = UserProfile.builder(id)
        .nickname(p.nickname())
        .avatarUrl(p.avatarUrl())
        .sign(p.sign())
        .birth(p.birth())
        .email(p.email())
        .phone(p.phone())
        .ext(p.ext());
    if (p.gender() != null) {
      try {
        b.gender(Gender.fromWire(p.gender()));
      } catch (ImException e) {
        throw new InvalidSnapshot("the gender of " + id + " is " + p.gender() + ", not 0, 1 or 2");
      }
    }
    attributes(p.customAttributes(), "custom attributes of " + id).forEach(b::customAttribute);
    return b.build();
  }

  private static Map<String, String> attributes(@Nullable Map<String, String> map, String where) throws InvalidSnapshot {
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : orEmpty(map).entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
        throw new InvalidSnapshot("the " + where + " hold an empty key or a null value");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /** A user id as stored: not blank, lower case (a hand-edited file may not be). */
  private static String id(@Nullable String id, String where) throws InvalidSnapshot {
    if (id == null || id.isBlank()) {
      throw new InvalidSnapshot("the " + where + " hold a null or blank user id");
    }
    return id.toLowerCase(Locale.ROOT);
  }

  private static <T> T require(@Nullable T value, String where) throws InvalidSnapshot {
    if (value == null) {
      throw new InvalidSnapshot(where + " is null");
    }
    return value;
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

  /**
   * Writes a snapshot atomically: a temporary file next to the target, renamed over it. Creates
   * missing parent directories; leaves no temporary file behind, even on failure.
   */
  static void write(Path file, Data data) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    byte[] bytes = MAPPER.writeValueAsBytes(data);
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
