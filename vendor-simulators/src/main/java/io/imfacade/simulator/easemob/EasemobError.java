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
