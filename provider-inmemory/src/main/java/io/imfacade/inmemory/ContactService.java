package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Two-way contacts with one-way remarks, and one-way block lists independent of contacts. Lists
 * are paged in the order entries were added, oldest first.
 */
final class ContactService implements ContactGraph {

  private final Store store;
  private final Checks checks;
  private final LimitsMode mode;

  ContactService(Store store, Checks checks, LimitsMode mode) {
    this.store = store;
    this.checks = checks;
    this.mode = mode;
  }

  @Override
  public void addContact(String owner, String friend) {
    Op op = Op.CONTACTS_ADD;
    store.checkOpen();
    String o = checks.user(op, "owner", owner);
    String f = checks.user(op, "friend", friend);
    if (o.equals(f)) {
      throw op.invalid("friend", "owner and friend must be different users, were both " + o);
    }
    store.write(() -> {
      store.requireUserForWrite(op, o);
      store.requireUserForWrite(op, f);
      Relations ro = store.relations(o);
      Relations rf = store.relations(f);
      return Relations.locked(o, ro, f, rf, () -> {
        boolean addToOwner = !ro.contacts.contains(f);
        boolean addToFriend = !rf.contacts.contains(o);
        if (addToOwner) {
          requireRoom(op, o, ro);
        }
        if (addToFriend) {
          requireRoom(op, f, rf);
        }
        if (addToOwner) {
          ro.contacts.add(f, null);
        }
        if (addToFriend) {
          rf.contacts.add(o, null);
        }
        return null;
      });
    });
  }

  private void requireRoom(Op op, String userId, Relations relations) {
    int max = checks.limits().contactsMax();
    if (relations.contacts.size() >= max) {
      throw op.quotaExceeded("the contact list of " + userId + " is full: " + max
          + " contacts is the " + checks.limits().name() + " limit");
    }
  }

  @Override
  public void removeContact(String owner, String friend) {
    Op op = Op.CONTACTS_REMOVE;
    store.checkOpen();
    String o = checks.user(op, "owner", owner);
    String f = checks.user(op, "friend", friend);
    store.write(() -> {
      store.requireUser(op, o);
      // Both sides under both monitors, even when one side looks empty: a concurrent add could be
      // filling it right now.
      Relations ro = store.relations(o);
      Relations rf = store.relations(f);
      return Relations.locked(o, ro, f, rf, () -> {
        ro.contacts.remove(f);
        rf.contacts.remove(o);
        return null;
      });
    });
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    Op op = Op.CONTACTS_SET_REMARK;
    store.checkOpen();
    mode.require(Capability.CONTACT_REMARK);
    String o = checks.user(op, "owner", owner);
    String f = checks.user(op, "friend", friend);
    checks.remark(op, remark);
    String value = remark == null || remark.isEmpty() ? null : remark;
    store.write(() -> {
      Relations ro = store.relationsIfPresent(o);
      boolean set;
      if (ro == null) {
        set = false;
      } else {
        synchronized (ro) {
          set = ro.contacts.setRemark(f, value);
        }
      }
      if (!set) {
        throw op.notFound(f + " is not a contact of " + o);
      }
    });
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    store.checkOpen();
    return page(Op.CONTACTS_LIST, Cursors.CONTACTS, owner, page, r -> r.contacts,
        e -> Contact.of(e.userId(), e.remark()));
  }

  @Override
  public void block(String owner, Collection<String> users) {
    Op op = Op.CONTACTS_BLOCK;
    store.checkOpen();
    mode.require(Capability.BLOCK_LIST);
    String o = checks.user(op, "owner", owner);
    if (users == null || users.isEmpty()) {
      throw op.invalid("users", "users must name at least one user to block");
    }
    Set<String> ids = checks.users(op, "users", users);
    if (ids.contains(o)) {
      throw op.invalid("users", "a user cannot block themselves: " + o);
    }
    store.write(() -> {
      store.requireUserForWrite(op, o);
      for (String id : ids) {
        store.requireUserForWrite(op, id);
      }
      Relations ro = store.relations(o);
      synchronized (ro) {
        int adding = 0;
        for (String id : ids) {
          if (!ro.blocked.contains(id)) {
            adding++;
          }
        }
        int max = checks.limits().blockListMax();
        if (ro.blocked.size() + adding > max) {
          throw op.quotaExceeded("the block list of " + o + " would hold " + (ro.blocked.size() + adding)
              + " users, over the " + checks.limits().name() + " limit of " + max);
        }
        for (String id : ids) {
          ro.blocked.add(id, null);
        }
      }
    });
  }

  @Override
  public void unblock(String owner, String user) {
    Op op = Op.CONTACTS_UNBLOCK;
    store.checkOpen();
    mode.require(Capability.BLOCK_LIST);
    String o = checks.user(op, "owner", owner);
    String u = checks.user(op, "user", user);
    store.write(() -> {
      store.requireUser(op, o);
      Relations ro = store.relationsIfPresent(o);
      if (ro != null) {
        synchronized (ro) {
          ro.blocked.remove(u);
        }
      }
    });
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    store.checkOpen();
    mode.require(Capability.BLOCK_LIST);
    return page(Op.CONTACTS_BLOCKED, Cursors.BLOCKED, owner, page, r -> r.blocked, OrderedList.Entry::userId);
  }

  private <T> Page<T> page(Op op, char kind, String owner, PageRequest page,
      Function<Relations, OrderedList> list, Function<OrderedList.Entry, T> item) {
    checks.page(op, page);
    String o = checks.user(op, "owner", owner);
    long after = Cursors.decode(op, kind, page);
    store.requireUser(op, o);
    Relations relations = store.relationsIfPresent(o);
    if (relations == null) {
      return Page.of(List.of(), null);
    }
    OrderedList.Slice slice;
    synchronized (relations) {
      slice = list.apply(relations).after(after, page.size());
    }
    List<T> items = new ArrayList<>(slice.entries().size());
    for (OrderedList.Entry e : slice.entries()) {
      items.add(item.apply(e));
    }
    String next = slice.more() ? Cursors.encode(kind, slice.entries().get(slice.entries().size() - 1).seq()) : null;
    return Page.of(items, next);
  }
}
