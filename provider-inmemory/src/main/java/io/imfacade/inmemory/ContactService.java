package io.imfacade.inmemory;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Two-way contacts with one-way remarks, and one-way block lists independent of contacts. Lists
 * are paged in the order entries were added, oldest first. The guard has checked ids, remarks,
 * page sizes and self-relations; what is left is the state: whether users exist, whether a list
 * has room after the change, and whether a cursor belongs to the list.
 */
final class ContactService implements ContactGraph {

  private final Store store;
  private final VendorLimits limits;

  ContactService(Store store, VendorLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public void addContact(String owner, String friend) {
    Op op = Op.CONTACTS_ADD;
    store.write(() -> {
      store.requireUserForWrite(op, owner);
      store.requireUserForWrite(op, friend);
      Relations ro = store.relations(owner);
      Relations rf = store.relations(friend);
      return Relations.locked(owner, ro, friend, rf, () -> {
        boolean addToOwner = !ro.contacts.contains(friend);
        boolean addToFriend = !rf.contacts.contains(owner);
        if (addToOwner) {
          requireRoom(op, owner, ro);
        }
        if (addToFriend) {
          requireRoom(op, friend, rf);
        }
        if (addToOwner) {
          ro.contacts.add(friend, null);
        }
        if (addToFriend) {
          rf.contacts.add(owner, null);
        }
        return null;
      });
    });
  }

  private void requireRoom(Op op, String userId, Relations relations) {
    int max = limits.contactsMax();
    if (relations.contacts.size() >= max) {
      throw op.quotaExceeded("the contact list of " + userId + " is full: " + max
          + " contacts is the " + limits.name() + " limit");
    }
  }

  @Override
  public void removeContact(String owner, String friend) {
    Op op = Op.CONTACTS_REMOVE;
    store.write(() -> {
      store.requireUser(op, owner);
      // Both sides under both monitors, even when one side looks empty: a concurrent add could be
      // filling it right now.
      Relations ro = store.relations(owner);
      Relations rf = store.relations(friend);
      return Relations.locked(owner, ro, friend, rf, () -> {
        ro.contacts.remove(friend);
        rf.contacts.remove(owner);
        return null;
      });
    });
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    Op op = Op.CONTACTS_SET_REMARK;
    String value = remark.isEmpty() ? null : remark;
    store.write(() -> {
      Relations ro = store.relationsIfPresent(owner);
      boolean set;
      if (ro == null) {
        set = false;
      } else {
        synchronized (ro) {
          set = ro.contacts.setRemark(friend, value);
        }
      }
      if (!set) {
        throw op.notFound(friend + " is not a contact of " + owner);
      }
    });
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    return page(Op.CONTACTS_LIST, Cursors.CONTACTS, owner, page, r -> r.contacts,
        e -> Contact.of(e.userId(), e.remark()));
  }

  @Override
  public void block(String owner, Collection<String> users) {
    Op op = Op.CONTACTS_BLOCK;
    // As on Easemob: every user that exists is blocked, then the unknown ones are named. The
    // write returns first, so what it did is kept (and saved) although the call throws.
    List<String> unknown = store.write(() -> {
      store.requireUserForWrite(op, owner);
      List<String> existing = new ArrayList<>(users.size());
      List<String> missing = new ArrayList<>();
      for (String id : users) {
        if (store.exists(id)) {
          store.requireUserForWrite(op, id);
          existing.add(id);
        } else {
          missing.add(id);
        }
      }
      Relations ro = store.relations(owner);
      synchronized (ro) {
        int adding = 0;
        for (String id : existing) {
          if (!ro.blocked.contains(id)) {
            adding++;
          }
        }
        int max = limits.blockListMax();
        if (ro.blocked.size() + adding > max) {
          throw op.quotaExceeded("the block list of " + owner + " would hold " + (ro.blocked.size() + adding)
              + " users, over the " + limits.name() + " limit of " + max + "; nobody was blocked");
        }
        for (String id : existing) {
          ro.blocked.add(id, null);
        }
      }
      return missing;
    });
    if (!unknown.isEmpty()) {
      int blocked = users.size() - unknown.size();
      throw op.notFound("these users do not exist: " + String.join(", ", unknown) + "; the other " + blocked
          + (blocked == 1 ? " user is" : " users are") + " blocked by " + owner);
    }
  }

  @Override
  public void unblock(String owner, String user) {
    Op op = Op.CONTACTS_UNBLOCK;
    store.write(() -> {
      store.requireUser(op, owner);
      Relations ro = store.relationsIfPresent(owner);
      if (ro != null) {
        synchronized (ro) {
          ro.blocked.remove(user);
        }
      }
    });
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    return page(Op.CONTACTS_BLOCKED, Cursors.BLOCKED, owner, page, r -> r.blocked, OrderedList.Entry::userId);
  }

  private <T> Page<T> page(Op op, char kind, String owner, PageRequest page,
      Function<Relations, OrderedList> list, Function<OrderedList.Entry, T> item) {
    long after = Cursors.decode(op, kind, page);
    OrderedList.Slice slice = store.read(() -> {
      store.requireUser(op, owner);
      Relations relations = store.relationsIfPresent(owner);
      if (relations == null) {
        return new OrderedList.Slice(List.of(), false);
      }
      synchronized (relations) {
        return list.apply(relations).after(after, page.size());
      }
    });
    List<T> items = new ArrayList<>(slice.entries().size());
    for (OrderedList.Entry e : slice.entries()) {
      items.add(item.apply(e));
    }
    String next = slice.more() ? Cursors.encode(kind, slice.entries().get(slice.entries().size() - 1).seq()) : null;
    return Page.of(items, next);
  }
}
