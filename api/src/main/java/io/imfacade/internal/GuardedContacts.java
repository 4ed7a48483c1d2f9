package io.imfacade.internal;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.contact.Pages;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The guard of {@link ContactGraph}. */
final class GuardedContacts implements ContactGraph {

  private final GuardedClient guard;
  private final Inputs inputs;
  private final ContactGraph raw;

  GuardedContacts(GuardedClient guard, ContactGraph raw) {
    this.guard = guard;
    this.inputs = guard.inputs();
    this.raw = raw;
  }

  @Override
  public void addContact(String owner, String friend) {
    String op = "contacts.addContact";
    guard.run(op, () -> {
      String o = inputs.user(op, "owner", owner);
      String f = inputs.user(op, "friend", friend);
      inputs.different(op, "friend", o, f);
      raw.addContact(o, f);
    });
  }

  @Override
  public void removeContact(String owner, String friend) {
    String op = "contacts.removeContact";
    guard.run(op, () -> {
      String o = inputs.user(op, "owner", owner);
      String f = inputs.user(op, "friend", friend);
      inputs.different(op, "friend", o, f);
      raw.removeContact(o, f);
    });
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    String op = "contacts.setRemark";
    guard.run(op, () -> {
      guard.require(Capability.CONTACT_REMARK);
      String o = inputs.user(op, "owner", owner);
      String f = inputs.user(op, "friend", friend);
      inputs.different(op, "friend", o, f);
      inputs.remark(op, remark);
      raw.setRemark(o, f, remark == null ? "" : remark);
    });
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    String op = "contacts.contacts";
    return guard.call(op, () -> raw.contacts(inputs.user(op, "owner", owner), inputs.page(op, page)));
  }

  @Override
  public Stream<Contact> allContacts(String owner) {
    String op = "contacts.contacts";
    String o = guard.check(op, () -> inputs.user(op, "owner", owner));
    int size = streamPageSize();
    return Pages.stream(page -> contacts(o, page), size, maxPages(inputs.limits().contactsMax(), size),
        inputs.details(op));
  }

  @Override
  public void block(String owner, Collection<String> users) {
    String op = "contacts.block";
    guard.run(op, () -> {
      guard.require(Capability.BLOCK_LIST);
      String o = inputs.user(op, "owner", owner);
      if (users == null || users.isEmpty()) {
        throw inputs.invalid(op, "users", "users must name at least one user to block");
      }
      List<String> ids = inputs.users(op, "users", users);
      if (ids.contains(o)) {
        throw inputs.invalid(op, "users", "a user cannot block themselves: " + o);
      }
      int max = inputs.limits().blockListMax();
      if (ids.size() > max) {
        throw inputs.quota(op, ids.size() + " users can never fit a block list of at most " + max + " users ("
            + inputs.limits().name() + ")");
      }
      raw.block(o, ids);
    });
  }

  @Override
  public void unblock(String owner, String user) {
    String op = "contacts.unblock";
    guard.run(op, () -> {
      guard.require(Capability.BLOCK_LIST);
      String o = inputs.user(op, "owner", owner);
      String u = inputs.user(op, "user", user);
      inputs.different(op, "user", o, u);
      raw.unblock(o, u);
    });
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    String op = "contacts.blocked";
    return guard.call(op, () -> {
      guard.require(Capability.BLOCK_LIST);
      return raw.blocked(inputs.user(op, "owner", owner), inputs.page(op, page));
    });
  }

  @Override
  public Stream<String> allBlocked(String owner) {
    String op = "contacts.blocked";
    String o = guard.check(op, () -> {
      guard.require(Capability.BLOCK_LIST);
      return inputs.user(op, "owner", owner);
    });
    int size = streamPageSize();
    return Pages.stream(page -> blocked(o, page), size, maxPages(inputs.limits().blockListMax(), size),
        inputs.details(op));
  }

  private int streamPageSize() {
    return Math.min(DEFAULT_STREAM_PAGE_SIZE, inputs.limits().pageSizeMax());
  }

  /**
   * The most pages a list of at most {@code maxItems} can take, with room to spare: a server that
   * keeps answering cursors past it is broken, and following it forever would hang the caller.
   */
  static int maxPages(int maxItems, int pageSize) {
    long pages = (long) maxItems / pageSize + 1;
    return (int) Math.min(Pages.DEFAULT_MAX_PAGES, 2 * pages + 10);
  }
}
