package io.imfacade.easemob;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.http.Batches;
import io.imfacade.http.Operation;
import io.imfacade.spi.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Contacts, remarks and block lists over the family's user-relationship endpoints (seed 002).
 *
 * <p><b>Removing</b> a contact or unblocking a user must succeed when there is nothing to remove.
 * The vendor answers 404 both when the relation does not exist and when the owner does not, so a
 * 404 is followed by one read of the owner's lists ({@code GET users/{owner}/contacts/users}, or
 * the first block-list page): if the owner is unknown that read fails with 404 too and the call
 * throws {@link NotFoundException}; otherwise the relation simply was not there and the call
 * succeeds. An unknown friend or blocked user is "not a relation" and succeeds, as on the
 * in-memory provider.
 *
 * <p><b>Blocking</b> sends at most {@value #BLOCK_CHUNK} users per request, one request after the
 * other so that the block list keeps the caller's order: the vendor refuses bodies over 5 KB
 * (HTTP 413) and 50 ids of the longest allowed length stay under it. Blocking is a set addition,
 * so repeating a partly applied call is harmless.
 *
 * <p><b>Paging:</b> a contact page asks for remarks ({@code needReturnRemark=true}); the next
 * cursor is read from the top-level {@code cursor} or from {@code data.cursor} (the doc shows
 * neither), and an absent or blank cursor ends the list.
 */
final class FamilyContacts implements ContactGraph {

  /** Largest number of users in one block request. */
  static final int BLOCK_CHUNK = 50;

  private final Family family;

  FamilyContacts(Family family) {
    this.family = family;
  }

  @Override
  public void addContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_ADD;
    family.checkOpen();
    String o = family.checks.user(op, "owner", owner);
    String f = family.checks.user(op, "friend", friend);
    if (o.equals(f)) {
      throw family.checks.invalid(op, "friend", "owner and friend must be different users, were both " + o);
    }
    family.call(op, auth -> family.api.addContact(auth, o, f));
  }

  @Override
  public void removeContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_REMOVE;
    family.checkOpen();
    String o = family.checks.user(op, "owner", owner);
    String f = family.checks.user(op, "friend", friend);
    try {
      family.call(op, auth -> family.api.removeContact(auth, o, f));
    } catch (NotFoundException e) {
      // Not contacts, or no such owner: only the second is an error (see the class comment).
      family.call(op, auth -> family.api.allContactIds(auth, o));
    }
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    Operation op = Ops.CONTACTS_SET_REMARK;
    family.checkOpen();
    family.require(Capability.CONTACT_REMARK);
    String o = family.checks.user(op, "owner", owner);
    String f = family.checks.user(op, "friend", friend);
    family.checks.check(op, () -> Validation.remark(remark, family.limits));
    Wire.RemarkRequest body = new Wire.RemarkRequest(remark == null ? "" : remark);
    family.call(op, auth -> family.api.setRemark(auth, o, f, body));
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    Operation op = Ops.CONTACTS_LIST;
    family.checkOpen();
    String o = family.checks.user(op, "owner", owner);
    family.checks.check(op, () -> Validation.page(page, family.limits));
    String cursor = page.cursor().orElse(null);
    Wire.ContactPageResponse answer = family.call(op,
        auth -> family.api.contactPage(auth, o, page.size(), cursor, true));
    List<Contact> items = new ArrayList<>();
    String next = null;
    if (answer != null) {
      if (answer.data != null && answer.data.contacts != null) {
        for (Wire.ContactEntry entry : answer.data.contacts) {
          if (entry != null && entry.username != null && !entry.username.isBlank()) {
            items.add(Contact.of(entry.username.toLowerCase(Locale.ROOT), entry.remark));
          }
        }
      }
      next = Wire.cursor(answer.cursor, answer.data == null ? null : answer.data.cursor);
    }
    return Page.of(items, next);
  }

  @Override
  public void block(String owner, Collection<String> users) {
    Operation op = Ops.CONTACTS_BLOCK;
    family.checkOpen();
    family.require(Capability.BLOCK_LIST);
    String o = family.checks.user(op, "owner", owner);
    if (users == null || users.isEmpty()) {
      throw family.checks.invalid(op, "users", "users must name at least one user to block");
    }
    List<String> ids = family.checks.users(op, "users", users);
    if (ids.contains(o)) {
      throw family.checks.invalid(op, "users", "a user cannot block themselves: " + o);
    }
    int max = family.limits.blockListMax();
    if (ids.size() > max) {
      throw new QuotaExceededException(ids.size() + " users can never fit a block list of at most " + max
          + " users (" + family.limits.name() + ")", family.checks.details(op));
    }
    Batches.inChunks(family.context, ids, BLOCK_CHUNK, 1,
        chunk -> family.call(op, auth -> family.api.block(auth, o, new Wire.UsernamesRequest(chunk))));
  }

  @Override
  public void unblock(String owner, String user) {
    Operation op = Ops.CONTACTS_UNBLOCK;
    family.checkOpen();
    family.require(Capability.BLOCK_LIST);
    String o = family.checks.user(op, "owner", owner);
    String u = family.checks.user(op, "user", user);
    try {
      family.call(op, auth -> family.api.unblock(auth, o, u));
    } catch (NotFoundException e) {
      // Not blocked, or no such owner: only the second is an error (see the class comment).
      family.call(op, auth -> family.api.blockPage(auth, o, 1, null));
    }
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    Operation op = Ops.CONTACTS_BLOCKED;
    family.checkOpen();
    family.require(Capability.BLOCK_LIST);
    String o = family.checks.user(op, "owner", owner);
    family.checks.check(op, () -> Validation.page(page, family.limits));
    String cursor = page.cursor().orElse(null);
    Wire.IdListResponse answer = family.call(op, auth -> family.api.blockPage(auth, o, page.size(), cursor));
    if (answer == null) {
      return Page.of(List.of(), null);
    }
    return Page.of(Wire.lowerCaseIds(answer.data), Wire.cursor(answer.cursor));
  }
}
