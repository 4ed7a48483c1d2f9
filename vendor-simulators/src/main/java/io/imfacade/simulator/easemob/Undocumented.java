package io.imfacade.simulator.easemob;

import java.util.List;

/**
 * The behaviours of the Easemob family that neither the vendors' documentation nor their official
 * SDKs pin down, each as an enum whose constants are the plausible answers. The first constant of
 * each is what the simulator answers by default; choose another with {@link
 * EasemobSimulator.Builder#answer} (for the simulator's life) or {@link EasemobSimulator#answer}
 * (until the next reset), so that a client can be run against every answer the vendor might give
 * rather than against the one a reading of the docs guessed.
 *
 * <p>No constant contradicts a source: where a source says something, the simulator follows it in
 * every mode (the documented 404 of an unknown user, the documented error of a remark for a
 * non-friend, and so on). Error texts of the refusing constants are the simulator's own, since the
 * documentation gives none; a client must not rely on them. The evidence, behaviour by behaviour,
 * is the module's {@code FIDELITY.md}.
 */
public final class Undocumented {

  private Undocumented() {}

  /** Every behaviour below, for a harness that runs a suite once per answer. */
  public static List<Class<? extends Enum<?>>> behaviours() {
    return List.of(AddExistingContact.class, RemoveAbsentContact.class, UnblockAbsentUser.class,
        BlockBlockedUser.class, BlockUnknownUser.class, BlockListFull.class, ContactPageCursor.class,
        BlockPageLastCursor.class, RemarkLength.class, EmptyRemark.class, EmptyProperties.class,
        UnknownBatchTarget.class, UnknownUserAttributesWrite.class, UnknownUserAttributesRead.class,
        UserAttributeFieldLimits.class, BatchOutcomeKeys.class, FailedEntryFields.class,
        NotInGroupNames.class, NonMemberInBatchRead.class, RegisterExistingUser.class,
        RegisterWithoutPassword.class, DeleteUnknownUser.class, CreateGroupMembers.class, AddUnknownMember.class,
        AddExistingMember.class, RemoveNonMember.class, RemoveOwnerInBatch.class);
  }

  /** {@code POST users/{o}/contacts/users/{f}} when the two are contacts already. */
  public enum AddExistingContact {
    /** 200 with the friend's entity; nothing changes. */
    SUCCEEDS,
    /** 400 {@code illegal_argument}, nothing changes. */
    ILLEGAL_ARGUMENT_400,
    /** 403 {@code forbidden_op}, as the group endpoints answer "already in group". */
    FORBIDDEN_OP_403
  }

  /** {@code DELETE users/{o}/contacts/users/{f}} when both exist but are not contacts. */
  public enum RemoveAbsentContact {
    /** 200 with the friend's entity. */
    SUCCEEDS,
    /** 404 {@code service_resource_not_found} "Service resource not found". */
    NOT_FOUND_404,
    /** 400 {@code illegal_argument}. */
    ILLEGAL_ARGUMENT_400
  }

  /** {@code DELETE users/{o}/blocks/users/{u}} when both exist but {@code u} is not blocked. */
  public enum UnblockAbsentUser {
    /** 200 with the user's entity. */
    SUCCEEDS,
    /** 404 {@code service_resource_not_found} "Service resource not found". */
    NOT_FOUND_404,
    /** 400 {@code illegal_argument}. */
    ILLEGAL_ARGUMENT_400
  }

  /** {@code POST users/{o}/blocks/users} naming users who are blocked already. */
  public enum BlockBlockedUser {
    /** 200; {@code data} lists them with the users added. */
    LISTED,
    /** 200; {@code data} lists only the users this request added ("添加至黑名单的用户 ID"). */
    LEFT_OUT_OF_DATA,
    /** 400 {@code illegal_argument}; nobody of the request is added. */
    ILLEGAL_ARGUMENT_400,
    /** 403 {@code forbidden_op}; nobody of the request is added. */
    FORBIDDEN_OP_403
  }

  /**
   * {@code POST users/{o}/blocks/users} naming a user who does not exist. The 404 is documented;
   * whether the request is all or nothing is not.
   */
  public enum BlockUnknownUser {
    /** 404 {@code service_resource_not_found}; nobody of the request is added. */
    REFUSED_404,
    /** The users before the first unknown one are added, then 404 (a server working in order). */
    APPLIED_UNTIL_UNKNOWN_404,
    /** 200; the known users are added and {@code data} lists only them. */
    SKIPPED_200
  }

  /** {@code POST users/{o}/blocks/users} that would grow the block list past its cap (500). */
  public enum BlockListFull {
    /** 403 {@code exceed_limit}, like a full contact list. */
    EXCEED_LIMIT_403,
    /** 403 {@code forbidden_op}. */
    FORBIDDEN_OP_403,
    /** 400 {@code illegal_argument}. */
    ILLEGAL_ARGUMENT_400
  }

  /**
   * Where a page of {@code GET user/{o}/contacts} carries the next cursor. The last page has no
   * {@code cursor} field in either mode (Agora's contact doc: "if there is no longer a cursor field
   * in the response body, all contacts are retrieved").
   */
  public enum ContactPageCursor {
    /** A top-level {@code cursor}, as the block list's. */
    TOP_LEVEL,
    /** {@code data.cursor}, next to {@code data.contacts}. */
    IN_DATA
  }

  /** How the last page of {@code GET users/{o}/blocks/users?pageSize=} says it is the last. */
  public enum BlockPageLastCursor {
    /** No {@code cursor} field. */
    ABSENT,
    /** {@code "cursor": null}. */
    NULL,
    /** {@code "cursor": ""}. */
    EMPTY_STRING
  }

  /** How the server counts the "100 个字符" of a remark (400 {@code illegal_argument} over it). */
  public enum RemarkLength {
    /** Java's {@code String.length()}. */
    UTF16_UNITS,
    /** Unicode code points. */
    CODE_POINTS,
    /** UTF-8 bytes. */
    BYTES
  }

  /** What {@code {"remark": ""}} leaves behind. */
  public enum EmptyRemark {
    /** An empty remark, read back as {@code ""}. */
    STORED_EMPTY,
    /** No remark, read back as {@code null}. */
    CLEARS
  }

  /**
   * {@code POST metadata/user/get} with {@code "properties": []} or without {@code properties}.
   * The docs make the list required and a filter; "empty means all" is documented only for group
   * members.
   */
  public enum EmptyProperties {
    /** The filter taken literally: every user maps to {@code {}}. */
    NO_KEYS,
    /** Every key, as the group-member endpoint documents. */
    ALL_KEYS,
    /** 400 {@code illegal_argument}, as both official SDKs refuse the request. */
    REFUSED_400
  }

  /** An unknown user among the {@code targets} of {@code POST metadata/user/get}. */
  public enum UnknownBatchTarget {
    /** {@code "ghost": {}}. */
    EMPTY_OBJECT,
    /** Left out of {@code data}. */
    LEFT_OUT
  }

  /** {@code PUT metadata/user/{u}} for a user who does not exist. */
  public enum UnknownUserAttributesWrite {
    /** 404 {@code service_resource_not_found}; nothing is stored. */
    NOT_FOUND_404,
    /**
     * 200; the attributes are stored under the name, as the GET and DELETE of an unknown user
     * suggest (they answer {@code {}} and {@code true}, never 404).
     */
    STORED_200
  }

  /** {@code GET metadata/user/{u}} for a user who does not exist. */
  public enum UnknownUserAttributesRead {
    /** 200 {@code {"data":{}}}, as the current pages document. */
    EMPTY_200,
    /** 404 with body {@code {"timestamp","data":{},"duration"}}, as Agora's 2021 page shows. */
    NOT_FOUND_404
  }

  /**
   * Whether and how the server enforces the per-field lengths of the reserved user attributes
   * ({@code nickname} 64, {@code avatarurl} 256, {@code phone} 32, {@code mail} 64, {@code sign}
   * 256, {@code birth} 64 "个字符"). Over one: 403 {@code FORBIDDEN} "size of metadata for this
   * single user exceeds the current mysql column size, {N}Bytes" (the documented text).
   */
  public enum UserAttributeFieldLimits {
    /** Not enforced: only the 2 KB per user is. */
    NOT_ENFORCED,
    /** Counted in UTF-16 code units. */
    UTF16_UNITS,
    /** Counted in code points (a MySQL {@code VARCHAR(n)} of utf8mb4). */
    CODE_POINTS,
    /** Counted in UTF-8 bytes, as the error text suggests. */
    BYTES
  }

  /** The keys of the two outcome lists of {@code PUT metadata/chatgroup/{g}/users/batch}. */
  public enum BatchOutcomeKeys {
    /** {@code updateMetadataFailed:} and {@code updateMetadataSucceeded:}, as seed 001's example prints them. */
    WITH_COLON,
    /** {@code updateMetadataFailed} and {@code updateMetadataSucceeded}, as its field table names them. */
    WITHOUT_COLON
  }

  /** The fields of an entry of {@code updateMetadataFailed} ("the user ID and the error message"). */
  public enum FailedEntryFields {
    /** {@code {"username","metadata","errorMessage"}}. */
    USERNAME_AND_ERROR_MESSAGE,
    /** {@code {"username","error"}}. */
    USERNAME_AND_ERROR,
    /** {@code {"user","reason"}}, as the batch group-member removal reports a failed user. */
    USER_AND_REASON,
    /** {@code {"username"}} and no message. */
    USERNAME_ONLY
  }

  /** How 400 "Some users are not in the group: ..." lists several users. */
  public enum NotInGroupNames {
    /** {@code user1,user2}. */
    COMMA_SEPARATED,
    /** {@code [user1, user2]}. */
    BRACKETED,
    /** Only the first: {@code user1}. */
    FIRST_ONLY
  }

  /** A non-member among the {@code targets} of {@code POST metadata/chatgroup/{g}/get}. */
  public enum NonMemberInBatchRead {
    /** Left out of {@code data}. */
    LEFT_OUT,
    /** {@code "user": {}}, like a member without the keys. */
    EMPTY_OBJECT,
    /** 400 {@code metadata_error} "Some users are not in the group: ...", as the batch write. */
    NOT_IN_GROUP_400,
    /** 404 {@code MetadataException} "user not in group", as the single read. */
    USER_NOT_IN_GROUP_404
  }

  // ---- accounts (facts §11) ----

  /**
   * {@code POST users} with an array naming a user who exists already. The sources disagree: the
   * current pages fail that user alone, the 2023 error page refuses the whole batch.
   */
  public enum RegisterExistingUser {
    /**
     * 200: the others are registered, the existing user is listed in {@code data} as {@code
     * {"username","registerUserFailReason":"the X already exists"}} (current Easemob and Shengwang
     * pages).
     */
    FAILS_ALONE_200,
    /**
     * 400 {@code duplicate_unique_property_exists} "Application null Entity user requires that
     * property named username be unique, value of X exists"; nobody of the request is registered
     * (2023 error page).
     */
    WHOLE_BATCH_400
  }

  /**
   * {@code POST users} without a {@code password} under {@code /app-id/{appId}}: Shengwang's body
   * table lists only {@code username}, its error table still has "password or pin must provided".
   * (Under {@code /{org}/{app}} the password is documented as required: always refused.)
   */
  public enum RegisterWithoutPassword {
    /** Registered without a password, as the Shengwang body table and example show. */
    ACCEPTED,
    /** 400 {@code illegal_argument} "password or pin must provided", nobody registered. */
    REFUSED_400
  }

  /** {@code DELETE users/{u}} of a user who does not exist: the page lists two answers. */
  public enum DeleteUnknownUser {
    /** 404 {@code service_resource_not_found} "Service resource not found". */
    NOT_FOUND_404,
    /** 400 {@code management} "User with id null does not exist in app {org}#{app}". */
    MANAGEMENT_400
  }

  // ---- groups (facts §12) ----

  /** How many {@code members} {@code POST chatgroups} takes. */
  public enum CreateGroupMembers {
    /** Up to {@code maxusers} with the owner (the current pages). */
    UP_TO_MAXUSERS,
    /**
     * At most 100 (the 2023 page: "1–100"); more is 400 {@code invalid_parameter}. (The 2023 page's
     * minimum of one member is not simulated: a group of its owner alone is created.)
     */
    AT_MOST_100
  }

  /** {@code POST chatgroups/{g}/users} naming a user who does not exist. */
  public enum AddUnknownMember {
    /** 404 {@code resource_not_found} "username X doesn't exist!"; nobody added (the current pages). */
    REFUSED_404,
    /** 400 {@code illegal_argument} "group member X doesn't exist"; nobody added (the 2023 error page). */
    REFUSED_400,
    /** 200; the others are added and {@code newmembers} lists only them. */
    SKIPPED_200
  }

  /**
   * {@code POST chatgroups/{g}/users} naming members and non-members. (All members already: 403
   * {@code forbidden_op} "can not join this group, reason:user: X already in group: G", documented,
   * in every mode.)
   */
  public enum AddExistingMember {
    /** 200; the others are added, {@code newmembers} lists only them (implied by the docs). */
    LEFT_OUT_200,
    /** 200; the others are added, {@code newmembers} lists the members too. */
    LISTED_200,
    /** 403 {@code forbidden_op} "can not join this group, ..."; nobody added. */
    REFUSED_403
  }

  /**
   * {@code DELETE chatgroups/{g}/users/{a,b}} naming existing users who are not members, next to
   * members. (An unknown user is documented: {@code result:false}, "user X doesn't exist."; no
   * member at all: 403 "users [...] are not members of this group!".)
   */
  public enum RemoveNonMember {
    /** {@code {"result":false,"reason":"user X is not a member of this group."}}. */
    RESULT_FALSE,
    /** Left out of {@code data}. */
    LEFT_OUT
  }

  /** {@code DELETE chatgroups/{g}/users/{a,b}} naming the owner among members. */
  public enum RemoveOwnerInBatch {
    /** 403 {@code forbidden_op} "forbidden operation on group owner!"; nobody removed. */
    REFUSED_403,
    /** The others are removed; the owner's entry is {@code result:false} with that reason. */
    RESULT_FALSE
  }
}
