package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.contact.Contact;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.UserProfile;
import java.util.Collection;
import java.util.Map;

/**
 * How the neutral model looks on the command line: JSON trees with stable field names (absent
 * fields omitted) and compact human-readable lines of {@code key=value} pairs.
 */
final class Views {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Separates the entries of one human-readable line. */
  static final String GAP = "  ";

  private Views() {}

  /** A new empty JSON object. */
  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty JSON array. */
  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A JSON array of strings. */
  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** A JSON object of string attributes. */
  static ObjectNode attributes(Map<String, String> attributes) {
    ObjectNode node = object();
    attributes.forEach(node::put);
    return node;
  }

  /**
   * A profile as JSON: {@code userId}, then each set field under its {@link
   * ProfileField#fieldName()} ({@code nickname}, {@code avatarUrl}, ...), the gender as {@code
   * MALE} or {@code FEMALE}, and {@code customAttributes} when there are any.
   */
  static ObjectNode profile(UserProfile profile) {
    ObjectNode node = object().put("userId", profile.userId());
    for (ProfileField field : ProfileField.values()) {
      if (field == ProfileField.GENDER) {
        if (profile.gender() != Gender.UNKNOWN) {
          node.put(field.fieldName(), profile.gender().name());
        }
      } else if (profile.get(field) != null) {
        node.put(field.fieldName(), profile.get(field));
      }
    }
    if (!profile.customAttributes().isEmpty()) {
      node.set("customAttributes", attributes(profile.customAttributes()));
    }
    return node;
  }

  /** A profile on one line: {@code alice  nickname=Alice  gender=FEMALE  custom.level=3}. */
  static String profileLine(UserProfile profile) {
    StringBuilder sb = new StringBuilder(profile.userId());
    for (ProfileField field : ProfileField.values()) {
      if (field == ProfileField.GENDER) {
        if (profile.gender() != Gender.UNKNOWN) {
          pair(sb, field.fieldName(), profile.gender().name());
        }
      } else if (profile.get(field) != null) {
        pair(sb, field.fieldName(), profile.get(field));
      }
    }
    profile.customAttributes().forEach((k, v) -> pair(sb, "custom." + k, v));
    if (profile.isEmpty()) {
      sb.append(GAP).append("(nothing set)");
    }
    return sb.toString();
  }

  /** A contact as JSON: {@code userId} and, when set, {@code remark}. */
  static ObjectNode contact(Contact contact) {
    ObjectNode node = object().put("userId", contact.userId());
    if (contact.remark() != null) {
      node.put("remark", contact.remark());
    }
    return node;
  }

  /** A contact on one line: {@code bob  remark=Bobby}. */
  static String contactLine(Contact contact) {
    StringBuilder sb = new StringBuilder(contact.userId());
    if (contact.remark() != null) {
      pair(sb, "remark", contact.remark());
    }
    return sb.toString();
  }

  /**
   * An account as JSON: {@code userId}, {@code createdAt} when known and, with {@code
   * withCredential}, the {@code credential} the registration produced.
   */
  static ObjectNode account(Account account, boolean withCredential) {
    ObjectNode node = object().put("userId", account.userId());
    if (account.createdAt() != null) {
      node.put("createdAt", account.createdAt().toString());
    }
    if (withCredential && account.credential() != null) {
      node.set("credential", credential(account.credential()));
      node.put("note", UserCommand.SHOWN_ONCE);
    }
    return node;
  }

  /** An account on one line: {@code alice  createdAt=2025-01-31T08:00:00Z}. */
  static String accountLine(Account account) {
    StringBuilder sb = new StringBuilder(account.userId());
    if (account.createdAt() != null) {
      pair(sb, "createdAt", account.createdAt().toString());
    }
    return sb.toString();
  }

  /** A credential as JSON, its secret included: only for the commands that exist to print it. */
  static ObjectNode credential(Credential credential) {
    ObjectNode node = object().put("kind", credential.kind().name()).put("secret", credential.secret());
    if (credential.expiresAt() != null) {
      node.put("expiresAt", credential.expiresAt().toString());
    }
    return node;
  }

  /** A credential on one line, its secret included: {@code token=...  expiresAt=...}. */
  static String credentialLine(Credential credential) {
    StringBuilder sb = new StringBuilder(credential.kind() == Credential.Kind.TOKEN ? "token=" : "password=")
        .append(quote(credential.secret()));
    if (credential.expiresAt() != null) {
      pair(sb, "expiresAt", credential.expiresAt().toString());
    }
    return sb.toString();
  }

  /**
   * A group as JSON: {@code groupId}, {@code name}, {@code owner}, {@code description} when set,
   * {@code memberCount}, and {@code maxMembers} when the vendor says.
   */
  static ObjectNode group(Group group) {
    ObjectNode node = object().put("groupId", group.groupId()).put("name", group.name()).put("owner", group.owner());
    if (group.description() != null) {
      node.put("description", group.description());
    }
    node.put("memberCount", group.memberCount());
    if (group.maxMembers() > 0) {
      node.put("maxMembers", group.maxMembers());
    }
    return node;
  }

  /** A group on one line: {@code 4821937465  name="Hiking club"  owner=alice  members=2  maxMembers=200}. */
  static String groupLine(Group group) {
    StringBuilder sb = new StringBuilder(group.groupId());
    pair(sb, "name", group.name());
    pair(sb, "owner", group.owner());
    pair(sb, "members", Integer.toString(group.memberCount()));
    if (group.maxMembers() > 0) {
      pair(sb, "maxMembers", Integer.toString(group.maxMembers()));
    }
    if (group.description() != null) {
      pair(sb, "description", group.description());
    }
    return sb.toString();
  }

  /** What adding or removing one member did, in words: {@code added}, {@code already a member}, ... */
  static String change(MemberChange change) {
    return switch (change) {
      case ADDED -> "added";
      case ALREADY_MEMBER -> "already a member";
      case REMOVED -> "removed";
      case NOT_A_MEMBER -> "not a member";
    };
  }

  /** A user and attributes on one line: {@code alice  role=admin  nick="Big A"}. */
  static String attributesLine(String userId, Map<String, String> attributes) {
    StringBuilder sb = new StringBuilder(userId);
    attributes.forEach((k, v) -> pair(sb, k, v));
    return sb.toString();
  }

  private static void pair(StringBuilder sb, String key, String value) {
    sb.append(GAP).append(key).append('=').append(quote(value));
  }

  /**
   * The value as is when it reads unambiguously, otherwise in double quotes with {@code "}, {@code
   * \} and control characters escaped: empty values, spaces, quotes, line breaks.
   */
  static String quote(String value) {
    boolean plain = !value.isEmpty();
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '"' && c != '\\';
    }
    if (plain) {
      return value;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }
}
