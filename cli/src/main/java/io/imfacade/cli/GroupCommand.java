package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.contact.Page;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imfacade group}: groups and their members, and (under {@code attributes}) the members' attributes. */
@Command(name = "group", description = "Create and delete groups, add and remove members, list them; "
    + "'group attributes' reads and writes members' attributes.", subcommands = {
    GroupCommand.Create.class,
    GroupCommand.Get.class,
    GroupCommand.Add.class,
    GroupCommand.Remove.class,
    GroupCommand.Members.class,
    GroupCommand.Delete.class,
    MemberAttributesCommand.class
})
final class GroupCommand extends CommandGroup {

  /** {@code group create <name> --owner <u> [--member <u>]... [--description D] [--max-members N]}. */
  @Command(name = "create", description = {
      "Create a group owned by --owner, who is also a member; the vendor issues its id, which is printed.",
      "Exit code 1 when the owner or a member does not exist."})
  static final class Create extends ClientCommand {

    @Parameters(paramLabel = "<name>", description = "The group's name.")
    String name;

    @Option(names = "--owner", paramLabel = "USER", required = true, description = "The owner, also a member.")
    String owner;

    @Option(names = "--member", paramLabel = "USER", description = "Another member. Repeatable.")
    List<String> members = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "A description.")
    String description;

    @Option(names = "--max-members", paramLabel = "N",
        description = "The most members, the owner included; default: the vendor's default size.")
    int maxMembers;

    @Override
    void check() {
      if (maxMembers < 0) {
        throw usage("--max-members must not be negative, was " + maxMembers);
      }
    }

    @Override
    int run(ImClient client, Output out) {
      Group group = client.groups().create(new NewGroup(owner, name, description, members, maxMembers));
      return print(out, () -> Views.group(group), () -> "created group " + Views.groupLine(group));
    }
  }

  /** {@code group get <group>}. */
  @Command(name = "get", description = "Print a group: name, owner, size. Exit code 1 when there is none.")
  static final class Get extends ClientCommand {

    @Parameters(paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Override
    int run(ImClient client, Output out) {
      Group group = client.groups().get(groupId)
          .orElseThrow(() -> new NotFoundException("group '" + groupId + "' does not exist"));
      return print(out, () -> Views.group(group), () -> Views.groupLine(group));
    }
  }

  /** {@code group add <group> <user>...}. */
  @Command(name = "add", description = {
      "Add members and print each user's outcome: added, already a member, or FAILED with the reason.",
      "The exit code is 0 when no user failed, otherwise that of the first that did",
      "(1: no such user, 2: the group is full); 1 when the group does not exist."})
  static final class Add extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<user>", description = "The users to add.")
    List<String> userIds;

    @Override
    int run(ImClient client, Output out) {
      return report(groupId, userIds, client.groups().addMembers(groupId, userIds), out);
    }
  }

  /** {@code group remove <group> <user>...}. */
  @Command(name = "remove", description = {
      "Remove members, with their attributes, and print each user's outcome: removed, not a member, or FAILED.",
      "The owner cannot be removed (exit code 2): delete the group instead. Exit code 1 when the group does not exist."})
  static final class Remove extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<user>", description = "The users to remove.")
    List<String> userIds;

    @Override
    int run(ImClient client, Output out) {
      return report(groupId, userIds, client.groups().removeMembers(groupId, userIds), out);
    }
  }

  /** {@code group members <group>}. */
  @Command(name = "members", description = {
      "List a group's members, the owner included, a page at a time (or all with --all).",
      "When there is a next page, its cursor is printed: pass it to --cursor."})
  static final class Members extends ContactsCommand.Listing {

    @Parameters(paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Override
    int run(ImClient client, Output out) {
      Page<String> page = paging.fetch(client, p -> client.groups().members(groupId, p));
      return ContactsCommand.Paging.print(out, page, Views.object().put("groupId", groupId), "members",
          TextNode::valueOf, Function.identity(), null);
    }
  }

  /** {@code group delete <group>}. */
  @Command(name = "delete", description = {
      "Delete a group and its members' attributes.",
      "Exit code 1 when the group does not exist."})
  static final class Delete extends ClientCommand {

    @Parameters(paramLabel = "<group>", description = "The group id.")
    String groupId;

    @Override
    int run(ImClient client, Output out) {
      client.groups().delete(groupId);
      return print(out, () -> Views.object().put("groupId", groupId).put("deleted", true),
          () -> "deleted group " + groupId);
    }
  }

  /** Prints each user's outcome in command-line order; returns the exit code of the first failure, or 0. */
  private static int report(String groupId, List<String> userIds, BatchOutcome<MemberChange> outcome, Output out) {
    return PerUser.outcomes(out, Views.object().put("groupId", groupId), new LinkedHashSet<>(userIds),
        outcome.succeeded(), outcome.failed(),
        (userId, change) -> Views.object().put("userId", userId).put("change", change.name()),
        (userId, change) -> out.line(userId + Views.GAP + Views.change(change)));
  }
}
