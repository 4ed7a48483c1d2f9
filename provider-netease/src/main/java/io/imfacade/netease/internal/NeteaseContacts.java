package io.imfacade.netease.internal;

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
import java.util.Locale;

/**
 * Contacts, remarks and block lists over NetEase's friend hosting ({@code friend/*.action}) and
 * special relations ({@code user/setSpecialRelation.action}, {@code
 * user/listBlackAndMuteList.action}).
 *
 * <p><b>Adding</b> uses {@code friend/add.action} with {@code type=1}: the two become friends at
 * once, without a request to accept. <b>Remarks</b> are the friend's {@code alias} ({@code
 * friend/update.action}); a "not found" answer (code 404) is a {@link NotFoundException}.
 *
 * <p><b>Removing</b> a contact or unblocking a user succeeds when there is nothing to remove, as
 * the neutral contract asks. NetEase answers "not found" (code 404) when either account does not
 * exist, so a 404 is followed by one read of the owner's list: if the owner is unknown that read
 * fails with 404 too and the call throws {@link NotFoundException}; otherwise the other user
 * simply was not there and the call succeeds.
 *
 * <p><b>Lists.</b> {@code friend/get.action} (with {@code updatetime=0}: every friend) and {@code
 * listBlackAndMuteList.action} return the whole list; v1 has no server paging. Each page request
 * reads the whole list and pages it on the client ({@link ClientPaging}). An answer without the
 * documented array, or with an item that names no user, is malformed, never an empty list.
 *
 * <p><b>Blocking</b> has no batch endpoint: {@link #block} sends one {@code setSpecialRelation}
 * request per user, in the order given, and stops at the first failure, which it throws. The users
 * before it are blocked by then; repeating the call is harmless.
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

  private final RemoteCore<NeteaseApi> core;

  NeteaseContacts(RemoteCore<NeteaseApi> core) {
    this.core = core;
  }

  @Override
  public void addContact(String owner, String friend) {
    core.call(Ops.CONTACTS_ADD, tag -> core.api().addFriend(tag, owner, friend, ADD_DIRECTLY));
  }

  @Override
  public void removeContact(String owner, String friend) {
    try {
      core.call(Ops.CONTACTS_REMOVE, tag -> core.api().deleteFriend(tag, owner, friend));
    } catch (NotFoundException e) {
      // Unknown friend (nothing to remove) or unknown owner (an error): the owner's list tells.
      friends(Ops.CONTACTS_REMOVE, owner);
    }
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    core.call(Ops.CONTACTS_SET_REMARK, tag -> core.api().updateFriend(tag, owner, friend, remark));
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    String after = ClientPaging.after(page, core.details(Ops.CONTACTS_LIST).build());
    return ClientPaging.page(friends(Ops.CONTACTS_LIST, owner), Contact::userId, after, page.size());
  }

  /** Every friend of {@code owner}, from one {@code friend/get} with {@code updatetime=0}. */
  private List<Contact> friends(Operation op, String owner) {
    Wire.Friends answer = core.call(op, tag -> core.api().getFriends(tag, owner, 0));
    if (answer.friends() == null) {
      throw core.malformed(op, "friend/get answered code 200 without a 'friends' array");
    }
    List<Contact> all = new ArrayList<>(answer.friends().size());
    for (Wire.Friend friend : answer.friends()) {
      if (friend == null || Wire.isBlank(friend.faccid())) {
        throw core.malformed(op, "a 'friends' item of friend/get has no faccid");
      }
      all.add(Contact.of(friend.faccid().toLowerCase(Locale.ROOT), friend.alias()));
    }
    return all;
  }

  /** Blocks the users one request at a time, in the order given; stops at the first failure. */
  @Override
  public void block(String owner, Collection<String> users) {
    for (String user : users) {
      core.call(Ops.CONTACTS_BLOCK, tag -> core.api().setSpecialRelation(tag, owner, user, BLOCK_LIST, ADD));
    }
  }

  @Override
  public void unblock(String owner, String user) {
    try {
      core.call(Ops.CONTACTS_UNBLOCK, tag -> core.api().setSpecialRelation(tag, owner, user, BLOCK_LIST, REMOVE));
    } catch (NotFoundException e) {
      // Unknown user (nothing to remove) or unknown owner (an error): the owner's list tells.
      blockList(Ops.CONTACTS_UNBLOCK, owner);
    }
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    String after = ClientPaging.after(page, core.details(Ops.CONTACTS_BLOCKED).build());
    return ClientPaging.page(blockList(Ops.CONTACTS_BLOCKED, owner), id -> id, after, page.size());
  }

  /** The accids of {@code owner}'s block list, lower-cased. */
  private List<String> blockList(Operation op, String owner) {
    Wire.Relations answer = core.call(op, tag -> core.api().listBlackAndMuteList(tag, owner));
    if (answer.blacklist() == null) {
      throw core.malformed(op, "listBlackAndMuteList answered code 200 without a 'blacklist' array");
    }
    List<String> ids = new ArrayList<>(answer.blacklist().size());
    for (String accid : answer.blacklist()) {
      if (Wire.isBlank(accid)) {
        throw core.malformed(op, "a 'blacklist' item of listBlackAndMuteList is not an accid");
      }
      ids.add(accid.toLowerCase(Locale.ROOT));
    }
    return ids;
  }
}
