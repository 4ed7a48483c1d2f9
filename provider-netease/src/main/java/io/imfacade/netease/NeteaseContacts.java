package io.imfacade.netease;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.http.Operation;
import io.imfacade.spi.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Contacts, remarks and block lists over NetEase's friend hosting ({@code friend/*.action}) and
 * special relations ({@code user/setSpecialRelation.action}, {@code
 * user/listBlackAndMuteList.action}).
 *
 * <p><b>Adding</b> uses {@code friend/add.action} with {@code type=1}: the two become friends at
 * once, without a request to accept. <b>Remarks</b> are the friend's {@code alias} ({@code
 * friend/update.action}, at most 128 characters). The docs say both must already be friends; a
 * "not found" answer (code 404) for users who are not becomes a {@link NotFoundException}.
 *
 * <p><b>Removing</b> a contact or unblocking a user succeeds when there is nothing to remove, as
 * the neutral contract asks. NetEase answers "not found" (code 404) when either account does not
 * exist, so a 404 is followed by one read of the owner's list: if the owner is unknown that read
 * fails with 404 too and the call throws {@link NotFoundException}; otherwise the other user
 * simply was not there and the call succeeds.
 *
 * <p><b>Lists.</b> {@code friend/get.action} (with {@code updatetime=0}: every friend) and {@code
 * listBlackAndMuteList.action} return the whole list; there is no server paging. Each page request
 * reads the whole list and pages it on the client, sorted by user id, with a cursor that stays
 * correct while the list changes (see {@link ClientPaging}). A page holds at most 100 entries
 * ({@link io.imfacade.spi.VendorLimits#NETEASE}).
 *
 * <p><b>Blocking</b> has no batch endpoint: {@link #block} sends one {@code setSpecialRelation}
 * request per user, in the order given, and stops at the first failure, which it throws. The users
 * before it are blocked by then; repeating the call is harmless (blocking a blocked user changes
 * nothing).
 */
final class NeteaseContacts implements ContactGraph {

  /** {@code friend/add.action} type: add directly. */
  static final int ADD_DIRECTLY = 1;
  /** {@code setSpecialRelation} relation type of the block list (2 is the mute list). */
  static final int BLOCK_LIST = 1;
  /** {@code setSpecialRelation} value that adds to the list. */
  static final int ADD = 1;
  /** {@code setSpecialRelation} value that removes from the list. */
  static final int REMOVE = 0;

  private final NeteaseApp app;

  NeteaseContacts(NeteaseApp app) {
    this.app = app;
  }

  @Override
  public void addContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_ADD;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    String f = app.checks.user(op, "friend", friend);
    if (o.equals(f)) {
      throw app.checks.invalid(op, "friend", "owner and friend must be different users, were both " + o);
    }
    app.call(op, () -> app.api.addFriend(o, f, ADD_DIRECTLY));
  }

  @Override
  public void removeContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_REMOVE;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    String f = app.checks.user(op, "friend", friend);
    try {
      app.call(op, () -> app.api.deleteFriend(o, f));
    } catch (NotFoundException e) {
      // Unknown friend (nothing to remove) or unknown owner (an error): the owner's list tells.
      app.call(op, () -> app.api.getFriends(o, 0));
    }
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    Operation op = Ops.CONTACTS_SET_REMARK;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    String f = app.checks.user(op, "friend", friend);
    app.checks.check(op, () -> Validation.remark(remark, app.limits));
    String alias = remark == null ? "" : remark;
    app.call(op, () -> app.api.updateFriend(o, f, alias));
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    Operation op = Ops.CONTACTS_LIST;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    String after = after(op, page);
    Wire.FriendsResponse answer = app.call(op, () -> app.api.getFriends(o, 0));
    List<Contact> all = new ArrayList<>();
    if (answer.friends != null) {
      for (Wire.Friend friend : answer.friends) {
        if (friend != null && Wire.blankToNull(friend.faccid) != null) {
          all.add(Contact.of(friend.faccid.toLowerCase(Locale.ROOT), friend.alias));
        }
      }
    }
    return ClientPaging.page(all, Contact::userId, after, page.size());
  }

  /**
   * Blocks the users one request at a time, in the order given (duplicates, ignoring case, once),
   * after checking every id and the block list's size first. Stops at the first failure and throws
   * it: the users before it are blocked by then.
   */
  @Override
  public void block(String owner, Collection<String> users) {
    Operation op = Ops.CONTACTS_BLOCK;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    if (users == null || users.isEmpty()) {
      throw app.checks.invalid(op, "users", "users must name at least one user to block");
    }
    List<String> ids = app.checks.users(op, "users", users);
    if (ids.contains(o)) {
      throw app.checks.invalid(op, "users", "a user cannot block themselves: " + o);
    }
    int max = app.limits.blockListMax();
    if (ids.size() > max) {
      throw new QuotaExceededException(ids.size() + " users can never fit a block list of at most " + max
          + " users (" + app.limits.name() + ")", app.checks.details(op));
    }
    for (String id : ids) {
      app.call(op, () -> app.api.setSpecialRelation(o, id, BLOCK_LIST, ADD));
    }
  }

  @Override
  public void unblock(String owner, String user) {
    Operation op = Ops.CONTACTS_UNBLOCK;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    String u = app.checks.user(op, "user", user);
    try {
      app.call(op, () -> app.api.setSpecialRelation(o, u, BLOCK_LIST, REMOVE));
    } catch (NotFoundException e) {
      // Unknown user (nothing to remove) or unknown owner (an error): the owner's list tells.
      app.call(op, () -> app.api.listBlackAndMuteList(o));
    }
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    Operation op = Ops.CONTACTS_BLOCKED;
    app.checkOpen();
    String o = app.checks.user(op, "owner", owner);
    String after = after(op, page);
    Wire.RelationsResponse answer = app.call(op, () -> app.api.listBlackAndMuteList(o));
    return ClientPaging.page(Wire.accids(answer.blacklist), id -> id, after, page.size());
  }

  /** Checks the page request (size, cursor) before anything is sent; the id to resume after. */
  private String after(Operation op, PageRequest page) {
    app.checks.check(op, () -> Validation.page(page, app.limits));
    try {
      return ClientPaging.after(page);
    } catch (ImException e) {
      throw app.checks.attach(op, e);
    }
  }
}
