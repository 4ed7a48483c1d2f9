package io.imfacade.simulator.easemob;

/**
 * A vendor error answer, thrown anywhere below the dispatcher and rendered as Easemob's error body
 * {@code {"error","exception","timestamp","duration","error_description"}}.
 */
final class EasemobError extends RuntimeException {

  // Error types as the reference and the seeds spell them.
  static final String UNAUTHORIZED = "unauthorized";
  static final String INVALID_GRANT = "invalid_grant";
  static final String REACH_LIMIT = "reach_limit";
  static final String NOT_FOUND = "service_resource_not_found";
  static final String ILLEGAL_ARGUMENT = "illegal_argument";
  static final String JSON_PARSE = "json_parse";
  static final String FORBIDDEN = "FORBIDDEN";
  static final String BAD_REQUEST = "BAD_REQUEST";
  static final String METADATA_ERROR = "metadata_error";
  static final String METADATA_EXCEPTION = "MetadataException";
  static final String EXCEED_LIMIT = "exceed_limit";
  static final String WEB_APPLICATION = "web_application";
  static final String FORBIDDEN_OP = "forbidden_op";
  static final String RESOURCE_NOT_FOUND = "resource_not_found";
  static final String INVALID_PARAMETER = "invalid_parameter";
  static final String DUPLICATE = "duplicate_unique_property_exists";
  static final String ENTITY_NOT_FOUND = "entity_not_found";
  static final String MANAGEMENT = "management";

  /**
   * The documented answer to a remark for a non-friend, trailing period included (easemob-doc
   * user_relationship_remark_set.md and shengwang-chat-doc user_relationship.md error tables).
   */
  static final String NOT_FRIENDS = "updateRemark they are not friends, please add as a friend first.";

  private final int status;
  private final String error;
  private final String exception;

  EasemobError(int status, String error, String exception, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
    this.exception = exception;
  }

  static EasemobError illegalArgument(String description) {
    return new EasemobError(400, ILLEGAL_ARGUMENT, "java.lang.IllegalArgumentException", description);
  }

  /** The documented answer for an unknown user on the user and relationship endpoints, literally. */
  static EasemobError userNotFound() {
    return new EasemobError(
        404, NOT_FOUND, "org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException",
        "Service resource not found");
  }

  static EasemobError forbiddenOp(String description) {
    return new EasemobError(403, FORBIDDEN_OP, "EasemobForbiddenOpException", description);
  }

  static EasemobError metadata(int status, String description) {
    return new EasemobError(status, METADATA_ERROR, "com.easemob.metadata.exception.MetadataException", description);
  }

  static EasemobError groupNotFound() {
    return metadata(404, "group not exists");
  }

  static EasemobError notInGroup() {
    return new EasemobError(404, METADATA_EXCEPTION, "com.easemob.metadata.exception.MetadataException", "user not in group");
  }

  /** The documented answer of the group endpoints for a missing group (get, add, remove, delete). */
  static EasemobError groupIdNotFound(String groupId) {
    return new EasemobError(404, RESOURCE_NOT_FOUND, "com.easemob.group.exception.GroupNotFoundException",
        "grpID " + groupId + " does not exist!");
  }

  /** The documented answer of the member list for a missing group. */
  static EasemobError memberListGroupNotFound(String groupId) {
    return new EasemobError(404, NOT_FOUND, "org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException",
        "do not find this group:" + groupId);
  }

  /** The documented answer of the group endpoints for an unknown user. */
  static EasemobError usernameNotFound(String user) {
    return new EasemobError(404, RESOURCE_NOT_FOUND, "com.easemob.group.exception.ResourceNotFoundException",
        "username " + user + " doesn't exist!");
  }

  static EasemobError invalidParameter(String description) {
    return new EasemobError(400, INVALID_PARAMETER, "com.easemob.group.exception.InvalidParameterException", description);
  }

  static EasemobError exceedLimit(String description) {
    return new EasemobError(403, EXCEED_LIMIT, "com.easemob.exception.ExceedLimitException", description);
  }

  /** The documented answer to registering a user who exists. */
  static EasemobError duplicateUser(String user) {
    return new EasemobError(400, DUPLICATE, "org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException",
        "Application null Entity user requires that property named username be unique, value of " + user + " exists");
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  String exception() {
    return exception;
  }

  String description() {
    return getMessage();
  }
}
