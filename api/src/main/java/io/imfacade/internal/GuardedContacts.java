package io.imfacade.internal;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The guard of {@link ContactGraph}. */
final class GuardedContacts extends GuardedService<ContactGraph> implements ContactGraph {

  GuardedContacts(GuardedClient guard, ContactGraph raw) {
    super(guard, raw);
  }

  @Override
  public void addContact(String owner, String friend) {
    pair("contacts.addContact", null, owner, "friend", friend, raw::addContact);
  }

  @Override
  public void removeContact(String owner, String friend) {
    pair("contacts.removeContact", null, owner, "friend", friend, raw::removeContact);
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    String op = "contacts.setRemark";
    pair(op, Capability.CONTACT_REMARK, owner, "friend", friend, (o, f) -> {
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
    return GuardPages.stream(page -> contacts(o, page), inputs.limits(), inputs.limits().contactsMax(),
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
    pair("contacts.unblock", Capability.BLOCK_LIST, owner, "user", user, raw::unblock);
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
    return GuardPages.stream(page -> blocked(o, page), inputs.limits(), inputs.limits().blockListMax(),
        inputs.details(op));
  }

  /**
   * Runs a call on an owner and another user: first the capability it needs (if any), then both ids,
   * which must differ.
   */
  private void pair(String op, @Nullable Capability needs, String owner, String field, String other,
      BiConsumer<String, String> call) {
    guard.run(op, () -> {
      if (needs != null) {
        guard.require(needs);
      }
      String o = inputs.user(op, "owner", owner);
      String x = inputs.user(op, field, other);
      inputs.different(op, field, o, x);
      call.accept(o, x);
    });
  }
}
