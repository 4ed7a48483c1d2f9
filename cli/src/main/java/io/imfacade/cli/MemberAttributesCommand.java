package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.ImClient;
import io.imfacade.group.BatchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imfacade group attributes}: the group member attribute service. */
@Command(name = "attributes", aliases = "attrs",
    description = "Read and write custom attributes of group members, such as a member's role or nickname in the group.",
    subcommands = {
        MemberAttributesCommand.GetMember.class,
        MemberAttributesCommand.GetMembers.class,
        MemberAttributesCommand.SetMember.class,
        MemberAttributesCommand.SetMembers.class
    })
final class MemberAttributesCommand extends CommandGroup {

  /** {@code group attributes get <group> <user>}. */
  @Command(name = "get", description = {
      "Print all attributes of one member.",
      "Exit code 1 when the group or the membership does not exist."})
  static final class GetMember extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Parameters(index = "1", paramLabel = "<user>", description = "The member's user id.")
    String userId;

    @Override
    int run(ImClient client, Output out) {
      Map<String, String> attributes = client.groupMemberAttributes().get(groupId, userId);
      return print(out, () -> Views.object().put("groupId", groupId).put("userId", userId)
          .set("attributes", Views.attributes(attributes)), () -> memberLine(userId, attributes));
    }
  }

  /** {@code group attributes get-many <group> <user>... [--key k]...}. */
  @Command(name = "get-many", description = {
      "Print the attributes of several members, one per line.",
      "Users who are not members are reported as such ('notMembers' in JSON); the exit code is still 0."})
  static final class GetMembers extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<user>", description = "The members' user ids.")
    List<String> userIds;

    @Option(names = "--key", paramLabel = "KEY",
        description = "Read only this attribute. Repeatable; default: all.")
    List<String> keys = new ArrayList<>();

    @Override
    int run(ImClient client, Output out) {
      return PerUser.found(out, Views.object().put("groupId", groupId), userIds,
          client.groupMemberAttributes().get(groupId, userIds, keys), "members", "notMembers", "(not a member)",
          (userId, attributes) -> Views.object().put("userId", userId).set("attributes", Views.attributes(attributes)),
          MemberAttributesCommand::memberLine);
    }
  }

  /** {@code group attributes set <group> <user> key=value...}. */
  @Command(name = "set", description = {
      "Set attributes of one member, merged into what the member has; KEY= removes a key.",
      "Prints what was written and what was removed."})
  static final class SetMember extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Parameters(index = "1", paramLabel = "<user>", description = "The member's user id.")
    String userId;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY=VALUE",
        converter = Arguments.KeyValue.Converter.class, description = "The attributes; KEY= removes KEY.")
    List<Arguments.KeyValue> attributes;

    @Override
    int run(ImClient client, Output out) {
      Map<String, String> request = toMap(attributes);
      Map<String, String> written = client.groupMemberAttributes().set(groupId, userId, request);
      List<String> removed = removedKeys(request);
      return print(out, () -> {
        ObjectNode result = Views.object().put("groupId", groupId).put("userId", userId);
        result.set("written", Views.attributes(written));
        return result.set("removed", Views.strings(removed));
      }, () -> Views.attributesLine(userId, written)
          + (removed.isEmpty() ? "" : Views.GAP + "(removed: " + String.join(", ", removed) + ")"));
    }
  }

  /** {@code group attributes set-many <group> --member user:key=value...}. */
  @Command(name = "set-many", description = {
      "Set attributes of several members in one batch and print each member's outcome.",
      "The exit code is 0 when every member succeeded, otherwise that of the first member that failed."})
  static final class SetMembers extends ClientCommand {

    @Parameters(paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Option(names = "--member", paramLabel = "USER:KEY=VALUE", required = true,
        converter = Arguments.MemberAttribute.Converter.class,
        description = "One attribute of one member; KEY= removes KEY. Repeatable.")
    List<Arguments.MemberAttribute> memberAttributes;

    @Override
    int run(ImClient client, Output out) {
      Map<String, Map<String, String>> request = new LinkedHashMap<>();
      for (Arguments.MemberAttribute m : memberAttributes) {
        request.computeIfAbsent(m.userId(), u -> new LinkedHashMap<>()).put(m.attribute().key(), m.attribute().value());
      }
      BatchResult result = client.groupMemberAttributes().setAll(groupId, request);
      return PerUser.outcomes(out, Views.object().put("groupId", groupId), request.keySet(),
          result.succeeded(), result.failed(),
          (userId, written) -> Views.object().put("userId", userId).set("written", Views.attributes(written)),
          (userId, written) -> out.line(Views.attributesLine(userId + Views.GAP + "ok", written)));
    }
  }

  private static String memberLine(String userId, Map<String, String> attributes) {
    return attributes.isEmpty()
        ? userId + Views.GAP + "(no attributes)"
        : Views.attributesLine(userId, attributes);
  }

  /** The attributes in command-line order; for a key given twice the last value wins. */
  private static Map<String, String> toMap(List<Arguments.KeyValue> attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    attributes.forEach(a -> map.put(a.key(), a.value()));
    return map;
  }

  private static List<String> removedKeys(Map<String, String> request) {
    List<String> removed = new ArrayList<>();
    request.forEach((k, v) -> {
      if (v.isEmpty()) {
        removed.add(k);
      }
    });
    return removed;
  }
}
