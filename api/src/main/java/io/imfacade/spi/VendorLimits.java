package io.imfacade.spi;

import io.imfacade.profile.ProfileField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The documented input limits of a vendor, in the vendor's unit (characters or bytes). Remote
 * providers check requests against them before sending; the in-memory provider enforces the same
 * table so that a test fails where production would. Immutable.
 *
 * <p>Presets: {@link #EASEMOB}, {@link #SHENGWANG}, {@link #NETEASE}, {@link #PORTABLE} (for each
 * limit, the strictest of the three) and {@link #NONE}. Sources: shared/reference/vendor-apis.md.
 */
public final class VendorLimits {

  /** How a length is counted. */
  public enum Unit {
    /** UTF-16 code units, as {@link String#length()} counts (a Java server's count). */
    CHARACTERS("characters"),
    /** UTF-8 bytes. */
    BYTES("bytes");

    private final String label;

    Unit(String label) {
      this.label = label;
    }

    /** The length of {@code s} in this unit. */
    public int measure(String s) {
      return this == CHARACTERS ? s.length() : Sizes.utf8Length(s);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The largest length of one field, and the unit it is counted in. */
  public static final class FieldLimit {
    private final int max;
    private final Unit unit;

    private FieldLimit(int max, Unit unit) {
      this.max = max;
      this.unit = Objects.requireNonNull(unit);
    }

    /** A limit of {@code max} units. */
    public static FieldLimit of(int max, Unit unit) {
      return new FieldLimit(max, unit);
    }

    /** The largest allowed length. */
    public int max() {
      return max;
    }

    /** The unit the length is counted in. */
    public Unit unit() {
      return unit;
    }

    @Override
    public String toString() {
      return max + " " + unit;
    }
  }

  private static final Pattern EASEMOB_ID = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern NETEASE_ID = Pattern.compile("[A-Za-z0-9_.@-]+");
  private static final Pattern ANY_SAFE_ID = Pattern.compile("[^\\s/\\\\?#%]+");

  /** Easemob (环信) as documented. Friend cap: the free plan's 1000 (seed 002). */
  public static final VendorLimits EASEMOB = builder("easemob")
      .userId(64, EASEMOB_ID, "letters, digits, '_', '-' and '.'")
      .groupId(64, EASEMOB_ID)
      .profileField(ProfileField.NICKNAME, 64, Unit.CHARACTERS)
      .profileField(ProfileField.AVATAR_URL, 256, Unit.CHARACTERS)
      .profileField(ProfileField.PHONE, 32, Unit.CHARACTERS)
      .profileField(ProfileField.EMAIL, 64, Unit.CHARACTERS)
      .profileField(ProfileField.SIGN, 256, Unit.CHARACTERS)
      .profileField(ProfileField.BIRTH, 64, Unit.CHARACTERS)
      .profileField(ProfileField.EXT, 2048, Unit.BYTES)
      .profileTotalBytes(2048)
      .profileCustomAttributes(true)
      .profileBatchGet(100)
      .memberAttributes(16, 512, 4096)
      .memberBatches(20, 10)
      .remarkMaxCharacters(100)
      .contactsMax(1000)
      .blockListMax(500)
      .pageSizeMax(50)
      .build();

  /** Shengwang (Agora Chat China): the Easemob platform, same limits. */
  public static final VendorLimits SHENGWANG = EASEMOB.toBuilder("shengwang").build();

  /** NetEase Yunxin (网易云信) v1 server API. Member attributes share one 1024-byte string. */
  public static final VendorLimits NETEASE = builder("netease")
      .userId(32, NETEASE_ID, "letters, digits, '_', '-', '.' and '@'")
      .groupId(32, Pattern.compile("[0-9]+"))
      .profileField(ProfileField.NICKNAME, 64, Unit.CHARACTERS)
      .profileField(ProfileField.AVATAR_URL, 1024, Unit.BYTES)
      .profileField(ProfileField.PHONE, 32, Unit.CHARACTERS)
      .profileField(ProfileField.EMAIL, 64, Unit.CHARACTERS)
      .profileField(ProfileField.SIGN, 256, Unit.CHARACTERS)
      .profileField(ProfileField.BIRTH, 16, Unit.CHARACTERS)
      .profileField(ProfileField.EXT, 1024, Unit.CHARACTERS)
      .profileTotalBytes(0)
      .profileCustomAttributes(false)
      .profileBatchGet(200)
      .memberAttributes(16, 512, 1024)
      .memberBatches(1, 1000)
      .remarkMaxCharacters(128)
      .contactsMax(3000)
      .blockListMax(3000)
      .pageSizeMax(100)
      .build();

  /** For each limit the strictest of Easemob, Shengwang and NetEase: code that passes runs on all. */
  public static final VendorLimits PORTABLE = builder("portable")
      .userId(32, EASEMOB_ID, "letters, digits, '_', '-' and '.'")
      .groupId(32, EASEMOB_ID)
      .profileField(ProfileField.NICKNAME, 64, Unit.CHARACTERS)
      .profileField(ProfileField.AVATAR_URL, 256, Unit.CHARACTERS)
      .profileField(ProfileField.PHONE, 32, Unit.CHARACTERS)
      .profileField(ProfileField.EMAIL, 64, Unit.CHARACTERS)
      .profileField(ProfileField.SIGN, 256, Unit.CHARACTERS)
      .profileField(ProfileField.BIRTH, 16, Unit.CHARACTERS)
      .profileField(ProfileField.EXT, 1024, Unit.CHARACTERS)
      .profileTotalBytes(2048)
      .profileCustomAttributes(false)
      .profileBatchGet(100)
      .memberAttributes(16, 512, 4096)
      .memberBatches(20, 10)
      .remarkMaxCharacters(100)
      .contactsMax(1000)
      .blockListMax(500)
      .pageSizeMax(50)
      .build();

  /** No limits beyond safe, non-blank ids. */
  public static final VendorLimits NONE = builder("none")
      .userId(1024, ANY_SAFE_ID, "any character but whitespace, '/', '\\', '?', '#' and '%'")
      .groupId(1024, ANY_SAFE_ID)
      .profileTotalBytes(0)
      .profileCustomAttributes(true)
      .profileBatchGet(Integer.MAX_VALUE)
      .memberAttributes(Integer.MAX_VALUE, Integer.MAX_VALUE, 0)
      .memberBatches(Integer.MAX_VALUE, Integer.MAX_VALUE)
      .remarkMaxCharacters(Integer.MAX_VALUE)
      .contactsMax(Integer.MAX_VALUE)
      .blockListMax(Integer.MAX_VALUE)
      .pageSizeMax(Integer.MAX_VALUE)
      .build();

  private final String name;
  private final int userIdMaxLength;
  private final Pattern userIdPattern;
  private final String userIdCharacters;
  private final int groupIdMaxLength;
  private final Pattern groupIdPattern;
  private final Map<ProfileField, FieldLimit> profileFields;
  private final int profileTotalBytes;
  private final boolean profileCustomAttributes;
  private final int profileBatchGet;
  private final int memberKeyMaxBytes;
  private final int memberValueMaxBytes;
  private final int memberTotalBytes;
  private final int memberSetBatch;
  private final int memberGetBatch;
  private final int remarkMaxCharacters;
  private final int contactsMax;
  private final int blockListMax;
  private final int pageSizeMax;

  private VendorLimits(Builder b) {
    this.name = b.name;
    this.userIdMaxLength = b.userIdMaxLength;
    this.userIdPattern = b.userIdPattern;
    this.userIdCharacters = b.userIdCharacters;
    this.groupIdMaxLength = b.groupIdMaxLength;
    this.groupIdPattern = b.groupIdPattern;
    this.profileFields = Collections.unmodifiableMap(new EnumMap<>(b.profileFields));
    this.profileTotalBytes = b.profileTotalBytes;
    this.profileCustomAttributes = b.profileCustomAttributes;
    this.profileBatchGet = b.profileBatchGet;
    this.memberKeyMaxBytes = b.memberKeyMaxBytes;
    this.memberValueMaxBytes = b.memberValueMaxBytes;
    this.memberTotalBytes = b.memberTotalBytes;
    this.memberSetBatch = b.memberSetBatch;
    this.memberGetBatch = b.memberGetBatch;
    this.remarkMaxCharacters = b.remarkMaxCharacters;
    this.contactsMax = b.contactsMax;
    this.blockListMax = b.blockListMax;
    this.pageSizeMax = b.pageSizeMax;
  }

  /** A builder for a custom table; unset numeric limits are unlimited. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this table's limits under a new name. */
  public Builder toBuilder(String newName) {
    Builder b = new Builder(newName);
    b.userIdMaxLength = userIdMaxLength;
    b.userIdPattern = userIdPattern;
    b.userIdCharacters = userIdCharacters;
    b.groupIdMaxLength = groupIdMaxLength;
    b.groupIdPattern = groupIdPattern;
    b.profileFields.putAll(profileFields);
    b.profileTotalBytes = profileTotalBytes;
    b.profileCustomAttributes = profileCustomAttributes;
    b.profileBatchGet = profileBatchGet;
    b.memberKeyMaxBytes = memberKeyMaxBytes;
    b.memberValueMaxBytes = memberValueMaxBytes;
    b.memberTotalBytes = memberTotalBytes;
    b.memberSetBatch = memberSetBatch;
    b.memberGetBatch = memberGetBatch;
    b.remarkMaxCharacters = remarkMaxCharacters;
    b.contactsMax = contactsMax;
    b.blockListMax = blockListMax;
    b.pageSizeMax = pageSizeMax;
    return b;
  }

  /** The preset's name: {@code easemob}, {@code portable}, ... */
  public String name() {
    return name;
  }

  /** Longest user id, in characters. */
  public int userIdMaxLength() {
    return userIdMaxLength;
  }

  /** What a whole user id must match. */
  public Pattern userIdPattern() {
    return userIdPattern;
  }

  /** The allowed user id characters, in words, for error messages. */
  public String userIdCharacters() {
    return userIdCharacters;
  }

  /** Longest group id, in characters. */
  public int groupIdMaxLength() {
    return groupIdMaxLength;
  }

  /** What a whole group id must match. */
  public Pattern groupIdPattern() {
    return groupIdPattern;
  }

  /** The limit of a string profile field; empty map entry means unlimited. */
  public Map<ProfileField, FieldLimit> profileFields() {
    return profileFields;
  }

  /** Largest size of all of one user's attributes as a JSON object in bytes; 0 = no limit. */
  public int profileTotalBytes() {
    return profileTotalBytes;
  }

  /** Whether profiles may hold custom attributes. */
  public boolean profileCustomAttributes() {
    return profileCustomAttributes;
  }

  /** Most user ids in one batch read. */
  public int profileBatchGet() {
    return profileBatchGet;
  }

  /** Longest member attribute key in UTF-8 bytes. */
  public int memberKeyMaxBytes() {
    return memberKeyMaxBytes;
  }

  /** Longest member attribute value in UTF-8 bytes. */
  public int memberValueMaxBytes() {
    return memberValueMaxBytes;
  }

  /** Largest size of one member's attributes as a JSON object in bytes; 0 = no limit. */
  public int memberTotalBytes() {
    return memberTotalBytes;
  }

  /** Most members in one batch write. */
  public int memberSetBatch() {
    return memberSetBatch;
  }

  /** Most members in one batch read. */
  public int memberGetBatch() {
    return memberGetBatch;
  }

  /** Longest contact remark in characters. */
  public int remarkMaxCharacters() {
    return remarkMaxCharacters;
  }

  /** Most contacts per user. */
  public int contactsMax() {
    return contactsMax;
  }

  /** Most users on one block list. */
  public int blockListMax() {
    return blockListMax;
  }

  /** Largest page size. */
  public int pageSizeMax() {
    return pageSizeMax;
  }

  @Override
  public String toString() {
    return "VendorLimits{" + name + '}';
  }

  /** Builds {@link VendorLimits}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private int userIdMaxLength = 1024;
    private Pattern userIdPattern = ANY_SAFE_ID;
    private String userIdCharacters = "any character but whitespace, '/', '\\', '?', '#' and '%'";
    private int groupIdMaxLength = 1024;
    private Pattern groupIdPattern = ANY_SAFE_ID;
    private final EnumMap<ProfileField, FieldLimit> profileFields = new EnumMap<>(ProfileField.class);
    private int profileTotalBytes;
    private boolean profileCustomAttributes = true;
    private int profileBatchGet = Integer.MAX_VALUE;
    private int memberKeyMaxBytes = Integer.MAX_VALUE;
    private int memberValueMaxBytes = Integer.MAX_VALUE;
    private int memberTotalBytes;
    private int memberSetBatch = Integer.MAX_VALUE;
    private int memberGetBatch = Integer.MAX_VALUE;
    private int remarkMaxCharacters = Integer.MAX_VALUE;
    private int contactsMax = Integer.MAX_VALUE;
    private int blockListMax = Integer.MAX_VALUE;
    private int pageSizeMax = Integer.MAX_VALUE;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** User id length and allowed characters (the pattern must match the whole id). */
    public Builder userId(int maxLength, Pattern pattern, String charactersInWords) {
      this.userIdMaxLength = maxLength;
      this.userIdPattern = pattern;
      this.userIdCharacters = charactersInWords;
      return this;
    }

    /** Group id length and allowed characters. */
    public Builder groupId(int maxLength, Pattern pattern) {
      this.groupIdMaxLength = maxLength;
      this.groupIdPattern = pattern;
      return this;
    }

    /** The limit of one string profile field. */
    public Builder profileField(ProfileField field, int max, Unit unit) {
      if (field == ProfileField.GENDER) {
        throw new IllegalArgumentException("gender has no length limit");
      }
      profileFields.put(field, FieldLimit.of(max, unit));
      return this;
    }

    /** Total profile size in bytes; 0 = none. */
    public Builder profileTotalBytes(int bytes) {
      this.profileTotalBytes = bytes;
      return this;
    }

    /** Whether custom profile attributes exist. */
    public Builder profileCustomAttributes(boolean supported) {
      this.profileCustomAttributes = supported;
      return this;
    }

    /** Batch read size of profiles. */
    public Builder profileBatchGet(int size) {
      this.profileBatchGet = size;
      return this;
    }

    /** Member attribute key, value and total sizes in bytes (total 0 = none). */
    public Builder memberAttributes(int keyMaxBytes, int valueMaxBytes, int totalBytes) {
      this.memberKeyMaxBytes = keyMaxBytes;
      this.memberValueMaxBytes = valueMaxBytes;
      this.memberTotalBytes = totalBytes;
      return this;
    }

    /** Member attribute batch sizes for writes and reads. */
    public Builder memberBatches(int setBatch, int getBatch) {
      this.memberSetBatch = setBatch;
      this.memberGetBatch = getBatch;
      return this;
    }

    /** Longest remark in characters. */
    public Builder remarkMaxCharacters(int max) {
      this.remarkMaxCharacters = max;
      return this;
    }

    /** Most contacts per user. */
    public Builder contactsMax(int max) {
      this.contactsMax = max;
      return this;
    }

    /** Most users on a block list. */
    public Builder blockListMax(int max) {
      this.blockListMax = max;
      return this;
    }

    /** Largest page size. */
    public Builder pageSizeMax(int max) {
      this.pageSizeMax = max;
      return this;
    }

    /** The immutable table. */
    public VendorLimits build() {
      return new VendorLimits(this);
    }
  }
}
