package io.imfacade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.contact.Pages;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imfacade contacts}: the contact graph service. */
@Command(name = "contacts", description = "Read and change contact lists, remarks and block lists.",
    subcommands = {
    ContactsCommand.Add.class,
    ContactsCommand.Remove.class,
    ContactsCommand.Remark.class,
    ContactsCommand.ListContacts.class,
    ContactsCommand.Block.class,
    ContactsCommand.Unblock.class,
    ContactsCommand.Blocked.class
})
final class ContactsCommand extends CommandGroup {

  /** {@code contacts add} and {@code remove}: the same operands, and a result saying whether they are contacts now. */
  abstract static class Relation extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<owner>", description = "One user.")
    String owner;

    @Parameters(index = "1", paramLabel = "<friend>", description = "The other user.")
    String friend;

    /** Changes the relation; returns whether the two are contacts afterwards. */
    abstract boolean change(ContactGraph contacts);

    @Override
    int run(ImClient client, Output out) {
      boolean contacts = change(client.contacts());
      return print(out, () -> Views.object().put("owner", owner).put("friend", friend).put("contacts", contacts),
          () -> owner + " and " + friend + (contacts ? " are contacts" : " are not contacts"));
    }
  }

  /** {@code contacts add <owner> <friend>}. */
  @Command(name = "add", description = {
      "Make two users contacts of each other.",
      "Adding an existing contact changes nothing."})
  static final class Add extends Relation {

    @Override
    boolean change(ContactGraph contacts) {
      contacts.addContact(owner, friend);
      return true;
    }
  }

  /** {@code contacts remove <owner> <friend>}. */
  @Command(name = "remove", description = {
      "End the contact relation of two users, both ways.",
      "Succeeds when the two were not contacts."})
  static final class Remove extends Relation {

    @Override
    boolean change(ContactGraph contacts) {
      contacts.removeContact(owner, friend);
      return false;
    }
  }

  /** {@code contacts remark <owner> <friend> [<remark>]}. */
  @Command(name = "remark", description = {
      "Set the owner's remark for a contact; without <remark>, clear it.",
      "Exit code 1 when the two are not contacts."})
  static final class Remark extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<owner>", description = "The user whose remark it is.")
    String owner;

    @Parameters(index = "1", paramLabel = "<friend>", description = "The contact the remark is about.")
    String friend;

    @Parameters(index = "2", arity = "0..1", paramLabel = "<remark>",
        description = "The remark; omitted or empty clears it.")
    String remark;

    @Override
    int run(ImClient client, Output out) {
      String value = remark == null || remark.isEmpty() ? null : remark;
      client.contacts().setRemark(owner, friend, value);
      return print(out, () -> {
        ObjectNode result = Views.object().put("owner", owner).put("friend", friend);
        return value == null ? result : result.put("remark", value);
      }, () -> value == null ? "cleared " + owner + "'s remark for " + friend
          : owner + "'s remark for " + friend + ": " + Views.quote(value));
    }
  }

  /** {@code contacts list <owner>}. */
  @Command(name = "list", description = {
      "List a user's contacts with their remarks, a page at a time (or all with --all).",
      "When there is a next page, its cursor is printed: pass it to --cursor."})
  static final class ListContacts extends Listing {

    @Parameters(paramLabel = "<owner>", description = "The user whose contacts to list.")
    String owner;

    @Override
    int run(ImClient client, Output out) {
      Page<Contact> page = paging.fetch(client, p -> client.contacts().contacts(owner, p));
      return Paging.print(out, page, Views.object().put("owner", owner), "contacts", Views::contact,
          Views::contactLine, "(no contacts)");
    }
  }

  /** {@code contacts block <owner> <user>...}. */
  @Command(name = "block", description = {
      "Add users to the owner's block list.",
      "Users already blocked stay as they are."})
  static final class Block extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<owner>", description = "The user who blocks.")
    String owner;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<user>", description = "The users to block.")
    List<String> users;

    @Override
    int run(ImClient client, Output out) {
      client.contacts().block(owner, users);
      return print(out, () -> Views.object().put("owner", owner).set("blocked", Views.strings(users)),
          () -> owner + " blocked " + String.join(", ", users));
    }
  }

  /** {@code contacts unblock <owner> <user>}. */
  @Command(name = "unblock", description = {
      "Remove a user from the owner's block list.",
      "Succeeds when the user was not blocked."})
  static final class Unblock extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<owner>", description = "The user who blocked.")
    String owner;

    @Parameters(index = "1", paramLabel = "<user>", description = "The user to unblock.")
    String user;

    @Override
    int run(ImClient client, Output out) {
      client.contacts().unblock(owner, user);
      return print(out, () -> Views.object().put("owner", owner).put("unblocked", user),
          () -> owner + " unblocked " + user);
    }
  }

  /** {@code contacts blocked <owner>}. */
  @Command(name = "blocked", description = {
      "List the users a user has blocked, a page at a time (or all with --all).",
      "When there is a next page, its cursor is printed: pass it to --cursor."})
  static final class Blocked extends Listing {

    @Parameters(paramLabel = "<owner>", description = "The user whose block list to list.")
    String owner;

    @Override
    int run(ImClient client, Output out) {
      Page<String> page = paging.fetch(client, p -> client.contacts().blocked(owner, p));
      return Paging.print(out, page, Views.object().put("owner", owner), "blocked", TextNode::valueOf,
          Function.identity(), "(nobody blocked)");
    }
  }

  /** A list command: the paging options, checked before any client is opened. */
  abstract static class Listing extends ClientCommand {

    @Mixin
    Paging paging;

    @Override
    void check() {
      paging.check(this);
    }
  }

  /** The paging options of the list commands. */
  static final class Paging {

    @Option(names = "--page-size", paramLabel = "N",
        description = "Items per page; default " + ContactGraph.DEFAULT_STREAM_PAGE_SIZE
            + ", or the provider's largest page if it is smaller.")
    Integer pageSize;

    @Option(names = "--cursor", paramLabel = "CURSOR",
        description = "Start after this cursor, printed by the previous page.")
    String cursor;

    @Option(names = "--all", description = "Follow the cursors and list everything, without a next cursor.")
    boolean all;

    void check(BaseCommand command) {
      if (pageSize != null && pageSize < 1) {
        throw command.usage("--page-size must be at least 1, was " + pageSize);
      }
      if (cursor != null && cursor.isEmpty()) {
        throw command.usage("--cursor must not be empty");
      }
      if (all && cursor != null) {
        throw command.usage("--all lists from the start: it cannot be combined with --cursor");
      }
    }

    /**
     * The requested page, or with {@code --all} every item as one page without a next cursor. The
     * default size is read from the client's declared limits, so that it is valid on any provider.
     */
    <T> Page<T> fetch(ImClient client, Function<PageRequest, Page<T>> read) {
      int size = pageSize != null ? pageSize
          : Math.min(ContactGraph.DEFAULT_STREAM_PAGE_SIZE, client.metadata().limits().pageSizeMax());
      if (all) {
        return Page.of(Pages.stream(read, size).collect(Collectors.toList()), null);
      }
      return read.apply(cursor == null ? PageRequest.first(size) : PageRequest.after(cursor, size));
    }

    /**
     * Prints a page: in JSON as the {@code field} array of {@code result}, with the next cursor; as
     * text a line per item ({@code none} for no item, unless null), then the next cursor.
     */
    static <T> int print(Output out, Page<T> page, ObjectNode result, String field,
        Function<T, JsonNode> json, Function<T, String> line, String none) {
      if (out.json()) {
        ArrayNode items = result.putArray(field);
        page.items().forEach(item -> items.add(json.apply(item)));
        page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
        out.json(result);
      } else {
        if (none != null && page.items().isEmpty()) {
          out.line(none);
        }
        page.items().forEach(item -> out.line(line.apply(item)));
        page.nextCursor().ifPresent(c -> out.line("next cursor: " + c));
      }
      return ExitCodes.OK;
    }
  }
}
