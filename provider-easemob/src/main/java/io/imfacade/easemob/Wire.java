package io.imfacade.easemob;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON bodies of the Easemob-family REST API, as the seeds document them. Response types ignore
 * unknown fields and hold every timestamp as {@code Long}; attribute maps are read as {@link
 * JsonNode} so that a number or an empty array where an object was expected does not fail a read.
 */
final class Wire {

  private Wire() {}

  /** The envelope of the metadata endpoints: {@code {"timestamp", "data", "duration"}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class DataResponse<T> {
    @JsonProperty("timestamp") Long timestamp;
    @JsonProperty("duration") Long duration;
    @JsonProperty("data") T data;
  }

  /** {@code data} of the batch member write: the two outcome lists. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class BatchSetData {
    // The documented example prints the keys with a trailing colon ("updateMetadataSucceeded:");
    // both spellings are accepted so that a fixed server and the example parse the same way.
    @JsonProperty("updateMetadataSucceeded")
    @JsonAlias("updateMetadataSucceeded:")
    List<JsonNode> succeeded;

    @JsonProperty("updateMetadataFailed")
    @JsonAlias("updateMetadataFailed:")
    List<JsonNode> failed;
  }

  /** One element of the batch member write request: {@code {"username", "metadata"}}. */
  static final class MemberMetadata {
    @JsonProperty("username") final String username;
    @JsonProperty("metadata") final Map<String, String> metadata;

    MemberMetadata(String username, Map<String, String> metadata) {
      this.username = username;
      this.metadata = metadata;
    }
  }

  /** The single member write request; note the camel case {@code metaData}. */
  static final class MetaDataRequest {
    @JsonProperty("metaData") final Map<String, String> metaData;

    MetaDataRequest(Map<String, String> metaData) {
      this.metaData = metaData;
    }
  }

  /** The batch read request of user and member attributes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class TargetsRequest {
    @JsonProperty("targets") final List<String> targets;
    @JsonProperty("properties") final List<String> properties;

    TargetsRequest(List<String> targets, List<String> properties) {
      this.targets = targets;
      this.properties = properties;
    }
  }

  /** The block request. */
  static final class UsernamesRequest {
    @JsonProperty("usernames") final List<String> usernames;

    UsernamesRequest(List<String> usernames) {
      this.usernames = usernames;
    }
  }

  /** The remark request. */
  static final class RemarkRequest {
    @JsonProperty("remark") final String remark;

    RemarkRequest(String remark) {
      this.remark = remark;
    }
  }

  /** The app token request (client credentials). {@link #toString()} hides the secret. */
  static final class TokenRequest {
    @JsonProperty("grant_type") final String grantType = "client_credentials";
    @JsonProperty("client_id") final String clientId;
    @JsonProperty("client_secret") final String clientSecret;

    TokenRequest(String clientId, String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    @Override
    public String toString() {
      return "TokenRequest{client_id=" + clientId + ", client_secret=****}";
    }
  }

  /** The app token answer. {@link #toString()} hides the token. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class TokenResponse {
    @JsonProperty("access_token") String accessToken;
    /** Lifetime in seconds; 0 means the token does not expire. */
    @JsonProperty("expires_in") Long expiresIn;
    /** Expiry as epoch milliseconds, in the answers that carry it instead of a lifetime. */
    @JsonProperty("expire_timestamp") Long expireTimestamp;
    @JsonProperty("application") String application;

    @Override
    public String toString() {
      return "TokenResponse{access_token=****, expires_in=" + expiresIn + '}';
    }
  }

  /**
   * The answer of the calls on one user entity (add or remove a contact, unblock): the entities
   * are not needed, only the success.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class EntitiesResponse {
    @JsonProperty("action") String action;
    @JsonProperty("entities") List<JsonNode> entities;
    @JsonProperty("timestamp") Long timestamp;
    @JsonProperty("duration") Long duration;
  }

  /** The remark answer: {@code {"action":"put","status":"ok",...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class StatusResponse {
    @JsonProperty("action") String action;
    @JsonProperty("status") String status;
    @JsonProperty("timestamp") Long timestamp;
  }

  /** A list of user ids in {@code data} (block list, full contact list), with an optional cursor. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class IdListResponse {
    @JsonProperty("data") List<String> data;
    @JsonProperty("cursor") String cursor;
    @JsonProperty("count") Integer count;
    @JsonProperty("timestamp") Long timestamp;
  }

  /** One page of contacts: {@code data.contacts[]}, the next cursor at the top or in {@code data}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class ContactPageResponse {
    @JsonProperty("data") ContactPageData data;
    @JsonProperty("cursor") String cursor;
    @JsonProperty("count") Integer count;
    @JsonProperty("timestamp") Long timestamp;
  }

  /** {@code data} of a contact page. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class ContactPageData {
    @JsonProperty("contacts") List<ContactEntry> contacts;
    @JsonProperty("cursor") String cursor;
  }

  /** One contact of a page. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class ContactEntry {
    @JsonProperty("username") String username;
    @JsonProperty("remark") String remark;
  }

  /**
   * The key/values of an attribute object. Scalars become their text, nested JSON its compact
   * text; JSON nulls and anything that is not an object give nothing.
   */
  static Map<String, String> attributes(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Collections.emptyMap();
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String text = text(e.getValue());
      if (text != null) {
        result.put(e.getKey(), text);
      }
    }
    return result;
  }

  /**
   * An object keyed by user id, each value an attribute object, with the user ids in lower case
   * (every vendor of the family treats them case-insensitively).
   */
  static Map<String, Map<String, String>> attributesByUser(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Collections.emptyMap();
    }
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      result.put(e.getKey().toLowerCase(Locale.ROOT), attributes(e.getValue()));
    }
    return result;
  }

  /** The text of a scalar, the compact JSON of an object or array, null for a JSON null. */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** The non-blank strings of a list, in lower case. */
  static List<String> lowerCaseIds(List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (id != null && !id.isBlank()) {
        result.add(id.toLowerCase(Locale.ROOT));
      }
    }
    return result;
  }

  /** A cursor, or null when absent or blank: the last page. */
  static String cursor(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    return null;
  }
}
