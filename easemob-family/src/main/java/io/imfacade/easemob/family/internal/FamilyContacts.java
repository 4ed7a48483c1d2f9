package io.imfacade.easemob.family.internal;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.NotFoundException;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
 * other so that the block list keeps the caller's order: the per-request maximum is 50 (Agora's
 * English doc, facts §3). Blocking is a set addition, so repeating a partly applied call is harmless.
 *
 * <p><b>Paging:</b> a contact page asks for remarks ({@code needReturnRemark=true}); the next
 * cursor is read from the top-level {@code cursor} or from {@code data.cursor} (the doc shows
 * neither, facts §4), and an absent or blank cursor ends the list. A page without its documented
 * list ({@code data.contacts}, or {@code data} of the block list) is malformed, not empty.
 */
final class FamilyContacts implements ContactGraph {

  /** Largest number of users in one block request. */
  static final int BLOCK_CHUNK = 50;

  private final RemoteCore<EasemobApi> core;

  FamilyContacts(RemoteCore<EasemobApi> core) {
    this.core = core;
  }

  @Override
  public void addContact(String owner, String friend) {
    core.call(Ops.CONTACTS_ADD, tag -> core.api().addContact(tag, owner, friend));
  }

  @Override
  public void removeContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_REMOVE;
    try {
      core.call(op, tag -> core.api().removeContact(tag, owner, friend));
    } catch (NotFoundException e) {
      // Not contacts, or no such owner: only the second is an error (see the class comment).
      core.call(op, tag -> core.api().allContactIds(tag, owner));
    }
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    core.call(Ops.CONTACTS_SET_REMARK, tag -> core.api().setRemark(tag, owner, friend, new Wire.RemarkRequest(remark)));
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    Operation op = Ops.CONTACTS_LIST;
    String cursor = page.cursor().orElse(null);
    Wire.ContactPageResponse answer = core.call(op, tag -> core.api().contactPage(tag, owner, page.size(), cursor, true));
    if (answer == null || answer.data() == null || answer.data().contacts() == null) {
      throw core.malformed(op, "the contact page has no 'data.contacts' list");
    }
    List<Contact> items = new ArrayList<>();
    for (Wire.ContactEntry entry : answer.data().contacts()) {
      if (entry == null || entry.username() == null || entry.username().isBlank()) {
        throw core.malformed(op, "a contact of the page has no 'username'");
      }
      items.add(Contact.of(Wire.lowerCase(entry.username()), entry.remark()));
    }
    return Page.of(items, Wire.cursor(answer.cursor(), answer.data().cursor()));
  }

  @Override
  public void block(String owner, Collection<String> users) {
    List<String> ids = List.copyOf(users);
    for (int from = 0; from < ids.size(); from += BLOCK_CHUNK) {
      Wire.UsernamesRequest body = new Wire.UsernamesRequest(ids.subList(from, Math.min(ids.size(), from + BLOCK_CHUNK)));
      core.call(Ops.CONTACTS_BLOCK, tag -> core.api().block(tag, owner, body));
    }
  }

  @Override
  public void unblock(String owner, String user) {
    Operation op = Ops.CONTACTS_UNBLOCK;
    try {
      core.call(op, tag -> core.api().unblock(tag, owner, user));
    } catch (NotFoundException e) {
      // Not blocked, or no such owner: only the second is an error (see the class comment).
      core.call(op, tag -> core.api().blockPage(tag, owner, 1, null));
    }
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    Operation op = Ops.CONTACTS_BLOCKED;
    String cursor = page.cursor().orElse(null);
    Wire.IdListResponse answer = core.call(op, tag -> core.api().blockPage(tag, owner, page.size(), cursor));
    if (answer == null || answer.data() == null) {
      throw core.malformed(op, "the block-list page has no 'data' list");
    }
    return Page.of(Wire.lowerCaseIds(answer.data()), Wire.cursor(answer.cursor()));
  }
}
