package io.imfacade.spi;

import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documented input limits of one vendor, each in the unit the vendor counts. A provider
 * declares its table in its {@link ProviderMetadata}; the neutral guard of {@link
 * io.imfacade.ImFacade#open} checks every request against it before the provider sees it, and the
 * in-memory provider enforces the same table to fail a test where production would fail.
 *
 * <p>Built with {@link #builder}; unset limits are unbounded ({@link Integer#MAX_VALUE}, {@link
 * LengthLimit#NONE}). {@link #strictest} combines tables field by field, so that what passes the
 * result passes every one of them.
 *
 * @param name the table's name, such as the provider id, for messages
 * @param userId what a user id must be
 * @param groupId what a group id must be
 * @param profileFields the limit of each string profile field that has one
 * @param profileTotalBytes the largest size in UTF-8 bytes of one user's profile as a JSON object
 *     (see {@link #profileJsonBytes})
 * @param profileKeys the keys under which the vendor stores the neutral profile fields, when it
 *     stores a profile as key/value attributes (Easemob's {@code avatarurl}, {@code mail}, ...)
 * @param reservedProfileKeys keys a custom profile attribute may not use: the profile keys and any other
 * @param profileBatchGet most user ids in one batch read of profiles
 * @param memberKey the limit of a member attribute key
 * @param memberValue the limit of a member attribute value
 * @param memberTotalBytes the largest size of one member's attributes as a JSON object, in bytes
 * @param memberSetBatch most members in one batch write of member attributes
 * @param memberGetBatch most members in one batch read of member attributes
 * @param remark the limit of a contact remark
 * @param contactsMax most contacts per user
 * @param blockListMax most users on one block list
 * @param pageSizeMax largest page size of a contact, block or member list
 * @param accountBatch most users in one batch registration
 * @param password the limit of a user's password (NetEase: the login token)
 * @param groupName the limit of a group's name
 * @param groupDescription the limit of a group's description
 * @param groupMembersBatch most users in one request adding or removing group members
 * @param groupSizeMax most members of one group (the vendor's largest plan)
 */
public record VendorLimits(
    String name,
    IdRule userId,
    IdRule groupId,
    Map<ProfileField, LengthLimit> profileFields,
    int profileTotalBytes,
    Map<ProfileField, String> profileKeys,
    Set<String> reservedProfileKeys,
    int profileBatchGet,
    LengthLimit memberKey,
    LengthLimit memberValue,
    int memberTotalBytes,
    int memberSetBatch,
    int memberGetBatch,
    LengthLimit remark,
    int contactsMax,
    int blockListMax,
    int pageSizeMax,
    int accountBatch,
    LengthLimit password,
    LengthLimit groupName,
    LengthLimit groupDescription,
    int groupMembersBatch,
    int groupSizeMax) {

  /** No limits beyond ids that are safe in a URL. */
  public static final VendorLimits NONE = builder("none").build();

  /** Copies the collections; the profile keys are always reserved. */
  public VendorLimits {
    Objects.requireNonNull(name, "name");
    profileFields = profileFields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(profileFields));
    profileKeys = profileKeys.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(profileKeys));
    TreeSet<String> reserved = new TreeSet<>(reservedProfileKeys);
    reserved.addAll(profileKeys.values());
    reservedProfileKeys = Collections.unmodifiableSet(reserved);
  }

  /** A builder for a table named {@code name}; every limit starts unbounded. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The table that accepts exactly what every one of {@code tables} accepts: for each limit the
   * smallest bound, for lengths the smallest bound of each unit, for ids the characters all allow.
   * The profile keys (used to measure the total profile size) are those of the table with the
   * smallest total; the reserved custom keys are all tables' keys together.
   *
   * @throws IllegalArgumentException if {@code tables} is empty
   */
  public static VendorLimits strictest(String name, Collection<VendorLimits> tables) {
    VendorLimits result = null;
    for (VendorLimits t : tables) {
      result = result == null ? t.renamed(name) : result.and(t);
    }
    if (result == null) {
      throw new IllegalArgumentException("strictest of no limits tables");
    }
    return result;
  }

  private VendorLimits and(VendorLimits t) {
    EnumMap<ProfileField, LengthLimit> fields = new EnumMap<>(ProfileField.class);
    for (ProfileField f : ProfileField.values()) {
      LengthLimit combined = profileField(f).and(t.profileField(f));
      if (!combined.isUnbounded()) {
        fields.put(f, combined);
      }
    }
    VendorLimits smallerTotal = t.profileTotalBytes < profileTotalBytes ? t : this;
    Set<String> reserved = new TreeSet<>(reservedProfileKeys);
    reserved.addAll(t.reservedProfileKeys);
    return new VendorLimits(name, userId.and(t.userId), groupId.and(t.groupId), fields,
        smallerTotal.profileTotalBytes, smallerTotal.profileKeys, reserved,
        Math.min(profileBatchGet, t.profileBatchGet), memberKey.and(t.memberKey), memberValue.and(t.memberValue),
        Math.min(memberTotalBytes, t.memberTotalBytes), Math.min(memberSetBatch, t.memberSetBatch),
        Math.min(memberGetBatch, t.memberGetBatch), remark.and(t.remark), Math.min(contactsMax, t.contactsMax),
        Math.min(blockListMax, t.blockListMax), Math.min(pageSizeMax, t.pageSizeMax),
        Math.min(accountBatch, t.accountBatch), password.and(t.password), groupName.and(t.groupName),
        groupDescription.and(t.groupDescription), Math.min(groupMembersBatch, t.groupMembersBatch),
        Math.min(groupSizeMax, t.groupSizeMax));
  }

  private VendorLimits renamed(String newName) {
    return new VendorLimits(newName, userId, groupId, profileFields, profileTotalBytes, profileKeys,
        reservedProfileKeys, profileBatchGet, memberKey, memberValue, memberTotalBytes, memberSetBatch,
        memberGetBatch, remark, contactsMax, blockListMax, pageSizeMax, accountBatch, password, groupName,
        groupDescription, groupMembersBatch, groupSizeMax);
  }

  /** The limit of one string profile field; {@link LengthLimit#NONE} when it has none. */
  public LengthLimit profileField(ProfileField field) {
    return profileFields.getOrDefault(field, LengthLimit.NONE);
  }

  /**
   * The size of {@code profile} as the vendor measures it: a compact JSON object of strings, the
   * neutral fields under {@link #profileKeys()} (or their neutral names where it has none), gender
   * as its digit when known, then the custom attributes.
   */
  public int profileJsonBytes(UserProfile profile) {
    Map<String, String> wire = new LinkedHashMap<>();
    for (ProfileField f : ProfileField.values()) {
      String v = f == ProfileField.GENDER
          ? (profile.gender() == Gender.UNKNOWN ? null : Integer.toString(profile.gender().wireValue()))
          : profile.get(f);
      if (v != null) {
        wire.put(profileKeys.getOrDefault(f, f.fieldName()), v);
      }
    }
    wire.putAll(profile.customAttributes());
    return Sizes.jsonObjectBytes(wire);
  }

  /** Whether {@code other} holds the same limits, whatever its name. */
  public boolean sameLimits(VendorLimits other) {
    return renamed(other.name).equals(other);
  }

  @Override
  public String toString() {
    return "VendorLimits{" + name + '}';
  }

  /** Builds {@link VendorLimits}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private IdRule userId = IdRule.anyPrintable(1024);
    private IdRule groupId = IdRule.anyPrintable(1024);
    private final EnumMap<ProfileField, LengthLimit> profileFields = new EnumMap<>(ProfileField.class);
    private int profileTotalBytes = Integer.MAX_VALUE;
    private final EnumMap<ProfileField, String> profileKeys = new EnumMap<>(ProfileField.class);
    private final TreeSet<String> reservedProfileKeys = new TreeSet<>();
    private int profileBatchGet = Integer.MAX_VALUE;
    private LengthLimit memberKey = LengthLimit.NONE;
    private LengthLimit memberValue = LengthLimit.NONE;
    private int memberTotalBytes = Integer.MAX_VALUE;
    private int memberSetBatch = Integer.MAX_VALUE;
    private int memberGetBatch = Integer.MAX_VALUE;
    private LengthLimit remark = LengthLimit.NONE;
    private int contactsMax = Integer.MAX_VALUE;
    private int blockListMax = Integer.MAX_VALUE;
    private int pageSizeMax = Integer.MAX_VALUE;
    private int accountBatch = Integer.MAX_VALUE;
    private LengthLimit password = LengthLimit.NONE;
    private LengthLimit groupName = LengthLimit.NONE;
    private LengthLimit groupDescription = LengthLimit.NONE;
    private int groupMembersBatch = Integer.MAX_VALUE;
    private int groupSizeMax = Integer.MAX_VALUE;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** What a user id must be. */
    public Builder userId(IdRule rule) {
      this.userId = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** What a group id must be. */
    public Builder groupId(IdRule rule) {
      this.groupId = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** The limit of one string profile field. */
    public Builder profileField(ProfileField field, int max, LengthUnit unit) {
      return profileField(field, LengthLimit.of(max, unit));
    }

    /** The limit of one string profile field. */
    public Builder profileField(ProfileField field, LengthLimit limit) {
      if (field == ProfileField.GENDER) {
        throw new IllegalArgumentException("gender has no length limit");
      }
      profileFields.put(field, Objects.requireNonNull(limit, "limit"));
      return this;
    }

    /** The largest size of one user's profile as a JSON object, in UTF-8 bytes. */
    public Builder profileTotalBytes(int bytes) {
      this.profileTotalBytes = positive(bytes);
      return this;
    }

    /** The vendor's key for a neutral field (see {@link VendorLimits#profileKeys()}). */
    public Builder profileKey(ProfileField field, String key) {
      profileKeys.put(field, Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Keys a custom profile attribute may not use, beyond the profile keys. */
    public Builder reservedProfileKeys(Collection<String> keys) {
      reservedProfileKeys.addAll(keys);
      return this;
    }

    /** Most ids in one batch read of profiles. */
    public Builder profileBatchGet(int size) {
      this.profileBatchGet = positive(size);
      return this;
    }

    /** The limits of a member attribute key and value. */
    public Builder memberAttribute(LengthLimit key, LengthLimit value) {
      this.memberKey = Objects.requireNonNull(key, "key");
      this.memberValue = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The largest size of one member's attributes as a JSON object, in UTF-8 bytes. */
    public Builder memberTotalBytes(int bytes) {
      this.memberTotalBytes = positive(bytes);
      return this;
    }

    /** Most members in one batch write and one batch read of member attributes. */
    public Builder memberBatches(int setBatch, int getBatch) {
      this.memberSetBatch = positive(setBatch);
      this.memberGetBatch = positive(getBatch);
      return this;
    }

    /** The limit of a contact remark. */
    public Builder remark(int max, LengthUnit unit) {
      this.remark = LengthLimit.of(max, unit);
      return this;
    }

    /** Most contacts per user. */
    public Builder contactsMax(int max) {
      this.contactsMax = positive(max);
      return this;
    }

    /** Most users on one block list. */
    public Builder blockListMax(int max) {
      this.blockListMax = positive(max);
      return this;
    }

    /** Largest page size. */
    public Builder pageSizeMax(int max) {
      this.pageSizeMax = positive(max);
      return this;
    }

    /** Most users in one batch registration. */
    public Builder accountBatch(int size) {
      this.accountBatch = positive(size);
      return this;
    }

    /** The limit of a password (NetEase: the login token). */
    public Builder password(LengthLimit limit) {
      this.password = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** The limits of a group's name and description. */
    public Builder group(LengthLimit name, LengthLimit description) {
      this.groupName = Objects.requireNonNull(name, "name");
      this.groupDescription = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Most users in one request adding or removing members, and most members of a group. */
    public Builder groupMembers(int batch, int sizeMax) {
      this.groupMembersBatch = positive(batch);
      this.groupSizeMax = positive(sizeMax);
      return this;
    }

    private static int positive(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("a limit must be at least 1, was " + value);
      }
      return value;
    }

    /** The immutable table. */
    public VendorLimits build() {
      return new VendorLimits(name, userId, groupId, profileFields, profileTotalBytes, profileKeys,
          reservedProfileKeys, profileBatchGet, memberKey, memberValue, memberTotalBytes, memberSetBatch,
          memberGetBatch, remark, contactsMax, blockListMax, pageSizeMax, accountBatch, password, groupName,
          groupDescription, groupMembersBatch, groupSizeMax);
    }
  }
}
