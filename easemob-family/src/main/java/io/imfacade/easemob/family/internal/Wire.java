package io.imfacade.easemob.family.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of the Easemob-family REST API, as the seeds document them. Answers ignore
 * unknown fields (the shared mapper is configured so). The {@code data} of the metadata endpoints is
 * read as a {@link JsonNode}, so that its shape is checked against the documented one ({@link
 * Answers}) instead of being coerced or taken as "nothing".
 */
final class Wire {

  private Wire() {}

  /** The envelope of the metadata endpoints: {@code {"timestamp", "data", "duration"}}. */
  record DataResponse(@JsonProperty("data") @Nullable JsonNode data) {}

  /** One element of the batch member write request: {@code {"username", "metadata"}}. */
  record MemberMetadata(@JsonProperty("username") String username,
      @JsonProperty("metadata") Map<String, String> metadata) {}

  /** The single member write request; note the camel case {@code metaData}. */
  record MetaDataRequest(@JsonProperty("metaData") Map<String, String> metaData) {}

  /** The batch read request of user and member attributes. */
  record TargetsRequest(@JsonProperty("targets") List<String> targets,
      @JsonProperty("properties") List<String> properties) {}

  /** The block request. */
  record UsernamesRequest(@JsonProperty("usernames") List<String> usernames) {}

  /** The remark request. */
  record RemarkRequest(@JsonProperty("remark") String remark) {}

  /** The app token request (client credentials). {@link #toString()} hides the secret. */
  record TokenRequest(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret) {

    @JsonProperty("grant_type")
    String grantType() {
      return "client_credentials";
    }

    @Override
    public String toString() {
      return "TokenRequest{client_id=" + clientId + ", client_secret=****}";
    }
  }

  /**
   * The app token answer. {@link #toString()} hides the token.
   *
   * @param expiresIn lifetime in seconds; 0 means the token does not expire
   * @param expireTimestamp expiry as epoch milliseconds, in the answers that carry it instead
   */
  record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
      @JsonProperty("expires_in") @Nullable Long expiresIn,
      @JsonProperty("expire_timestamp") @Nullable Long expireTimestamp) {

    @Override
    public String toString() {
      return "TokenResponse{access_token=****, expires_in=" + expiresIn + '}';
    }
  }

  /**
   * The answer of the calls on one user entity (add or remove a contact, block, unblock) and of
   * the remark: only the success matters, nothing of the body is read.
   */
  record Ignored() {}

  /** A list of user ids in {@code data} (block list, full contact list), with an optional cursor. */
  record IdListResponse(@JsonProperty("data") @Nullable List<String> data, @JsonProperty("cursor") @Nullable String cursor) {}

  /** One page of contacts: {@code data.contacts[]}, the next cursor at the top or in {@code data}. */
  record ContactPageResponse(@JsonProperty("data") @Nullable ContactPageData data,
      @JsonProperty("cursor") @Nullable String cursor) {}

  /** {@code data} of a contact page. */
  record ContactPageData(@JsonProperty("contacts") @Nullable List<ContactEntry> contacts,
      @JsonProperty("cursor") @Nullable String cursor) {}

  /** One contact of a page; {@code remark} is null when none is set. */
  record ContactEntry(@JsonProperty("username") @Nullable String username, @JsonProperty("remark") @Nullable String remark) {}

  // ---- user accounts (facts §11) ----

  /**
   * One user of a registration: {@code {"username","password"}}, the password left out where the
   * vendor takes none (Shengwang's documented body names only {@code username}). {@link
   * #toString()} hides the password.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NewUser(@JsonProperty("username") String username, @JsonProperty("password") @Nullable String password) {

    @Override
    public String toString() {
      return "NewUser{username=" + username + (password == null ? "" : ", password=****") + '}';
    }
  }

  /**
   * The answer of the user endpoints: {@code entities} (the users registered, read or deleted) and,
   * in a batch registration, {@code data} listing the users that failed alone ({@code
   * {"username","registerUserFailReason"}}, facts §11). {@code data} is read as a tree: it is {@code
   * []} when nothing failed.
   */
  record UserResponse(@JsonProperty("entities") @Nullable List<UserEntity> entities,
      @JsonProperty("data") @Nullable JsonNode data) {}

  /** A user entity: {@code {"uuid","type","created","modified","username","activated"}}. */
  record UserEntity(@JsonProperty("username") @Nullable String username, @JsonProperty("created") @Nullable Long created,
      @JsonProperty("activated") @Nullable Boolean activated) {}

  /** The password reset body. {@link #toString()} hides it. */
  record PasswordRequest(@JsonProperty("newpassword") String newPassword) {

    @Override
    public String toString() {
      return "PasswordRequest{newpassword=****}";
    }
  }

  /**
   * The user token request by user id ({@code grant_type=inherit}, with the app token), never
   * creating the user ({@code autoCreateUser=false}); {@code ttl} in seconds (facts §11).
   */
  record UserTokenRequest(@JsonProperty("username") String username, @JsonProperty("ttl") long ttl) {

    @JsonProperty("grant_type")
    String grantType() {
      return "inherit";
    }

    @JsonProperty("autoCreateUser")
    boolean autoCreateUser() {
      return false;
    }
  }

  // ---- groups (facts §12) ----

  /**
   * The group creation body: a private group ({@code public} is required, facts §12); {@code
   * maxusers} and {@code members} left out for the vendor's default and for no other member.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NewGroupRequest(@JsonProperty("groupname") String groupName, @JsonProperty("description") String description,
      @JsonProperty("maxusers") @Nullable Integer maxUsers, @JsonProperty("owner") String owner,
      @JsonProperty("members") @Nullable List<String> members) {

    @JsonProperty("public")
    boolean isPublic() {
      return false;
    }
  }

  /**
   * The key/values of an attribute object. Scalars become their text, nested JSON its compact
   * text; JSON nulls are left out. The caller has checked that {@code node} is an object.
   */
  static Map<String, String> attributes(JsonNode node) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String text = text(e.getValue());
      if (text != null) {
        result.put(e.getKey(), text);
      }
    }
    return result;
  }

  /** The text of a scalar, the compact JSON of an object or array, null for a JSON null. */
  static @Nullable String text(@Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** The non-blank ids of a list, in lower case: every vendor of the family lower-cases user ids. */
  static List<String> lowerCaseIds(List<String> ids) {
    List<String> result = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (id != null && !id.isBlank()) {
        result.add(lowerCase(id));
      }
    }
    return result;
  }

  static String lowerCase(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /** The first non-blank cursor, or null: an absent or blank cursor marks the last page. */
  static @Nullable String cursor(@Nullable String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    return null;
  }
}
