package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** {@code contacts add <owner> <friend>}. */
  @Command(name = "add", description = {
      "Make two users contacts of each other.",
      "Adding an existing contact changes nothing."})
  static final class Add extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<owner>", description = "One user.")
    String owner;

    @Parameters(index = "1", paramLabel = "<friend>", description = "The other user.")
    String friend;

    @Override
    int run(ImClient client, Output out) {
      client.contacts().addContact(owner, friend);
      if (out.json()) {
        out.json(Views.object().put("owner", owner).put("friend", friend).put("contacts", true));
      } else {
        out.line(owner + " and " + friend + " are contacts");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code contacts remove <owner> <friend>}. */
  @Command(name = "remove", description = {
      "End the contact relation of two users, both ways.",
      "Succeeds when the two were not contacts."})
  static final class Remove extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<owner>", description = "One user.")
    String owner;

    @Parameters(index = "1", paramLabel = "<friend>", description = "The other user.")
    String friend;

    @Override
    int run(ImClient client, Output out) {
      client.contacts().removeContact(owner, friend);
      if (out.json()) {
        out.json(Views.object().put("owner", owner).put("friend", friend).put("contacts", false));
      } else {
        out.line(owner + " and " + friend + " are not contacts");
      }
      return ExitCodes.OK;
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
      if (out.json()) {
        ObjectNode result = Views.object().put("owner", owner).put("friend", friend);
        if (value != null) {
          result.put("remark", value);
        }
        out.json(result);
      } else if (value == null) {
        out.line("cleared " + owner + "'s remark for " + friend);
      } else {
        out.line(owner + "'s remark for " + friend + ": " + Views.quote(value));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code contacts list <owner>}. */
  @Command(name = "list", description = {
      "List a user's contacts with their remarks, a page at a time (or all with --all).",
      "When there is a next page, its cursor is printed: pass it to --cursor."})
  static final class ListContacts extends ClientCommand {

    @Parameters(paramLabel = "<owner>", description = "The user whose contacts to list.")
    String owner;

    @Mixin
    Paging paging;

    @Override
    void check() {
      paging.check(this);
    }

    @Override
    int run(ImClient client, Output out) {
      ContactGraph contacts = client.contacts();
      Page<Contact> page = paging.fetch(client, p -> contacts.contacts(owner, p));
      if (out.json()) {
        ArrayNode items = Views.array();
        page.items().forEach(c -> items.add(Views.contact(c)));
        ObjectNode result = Views.object().put("owner", owner);
        result.set("contacts", items);
        page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
        out.json(result);
      } else {
        if (page.items().isEmpty()) {
          out.line("(no contacts)");
        }
        page.items().forEach(c -> out.line(Views.contactLine(c)));
        page.nextCursor().ifPresent(c -> out.line("next cursor: " + c));
      }
      return ExitCodes.OK;
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
      if (out.json()) {
        ObjectNode result = Views.object().put("owner", owner);
        result.set("blocked", Views.strings(users));
        out.json(result);
      } else {
        out.line(owner + " blocked " + String.join(", ", users));
      }
      return ExitCodes.OK;
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
      if (out.json()) {
        out.json(Views.object().put("owner", owner).put("unblocked", user));
      } else {
        out.line(owner + " unblocked " + user);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code contacts blocked <owner>}. */
  @Command(name = "blocked", description = {
      "List the users a user has blocked, a page at a time (or all with --all).",
      "When there is a next page, its cursor is printed: pass it to --cursor."})
  static final class Blocked extends ClientCommand {

    @Parameters(paramLabel = "<owner>", description = "The user whose block list to list.")
    String owner;

    @Mixin
    Paging paging;

    @Override
    void check() {
      paging.check(this);
    }

    @Override
    int run(ImClient client, Output out) {
      ContactGraph contacts = client.contacts();
      Page<String> page = paging.fetch(client, p -> contacts.blocked(owner, p));
      if (out.json()) {
        ObjectNode result = Views.object().put("owner", owner);
        result.set("blocked", Views.strings(page.items()));
        page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
        out.json(result);
      } else {
        if (page.items().isEmpty()) {
          out.line("(nobody blocked)");
        }
        page.items().forEach(out::line);
        page.nextCursor().ifPresent(c -> out.line("next cursor: " + c));
      }
      return ExitCodes.OK;
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
  }
}
