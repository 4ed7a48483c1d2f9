package io.imfacade.netease.internal;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Contacts, remarks and block lists over NetEase's friend hosting ({@code friend/*.action}) and
 * special relations ({@code user/setSpecialRelation.action}, {@code
 * user/listBlackAndMuteList.action}).
 *
 * <p><b>Undocumented answers.</b> NetEase documents neither the code nor the {@code desc} these
 * endpoints answer for an unknown account, two accounts that are not friends, a user who is not
 * blocked, a full list, or a write already in place (netease-facts §1, §2; 404, 414, 403, 417 and
 * 200 are all plausible, 414 being the catch-all). So an undocumented refusal (403, 404, 414, 417,
 * 431: {@link Accounts#isUndocumentedRefusal}) is never taken at its word: the state is read back
 * and decides.
 *
 * <ul>
 *   <li><b>Adding</b> uses {@code friend/add.action} with {@code type=1} (friends at once, no
 *       request to accept). Refused: if the owner's friend list holds the friend, the add is in
 *       place (a repeat, or the replay of an add whose answer was lost) and succeeds; else an
 *       unknown owner or friend ({@link Accounts#unknown}) is a {@link
 *       io.imfacade.error.NotFoundException}, a full list of either a {@link
 *       io.imfacade.error.QuotaExceededException}, anything else the refusal itself (a 417 that
 *       really is a conflict stays a {@link io.imfacade.error.ConflictException}).
 *   <li><b>Removing</b> first clears the friend's own alias for the owner, then sends {@code
 *       friend/delete.action} with {@code isDeleteAlias=true}: NetEase keeps aliases by default
 *       (netease-facts §1), and a contact removed and added again must come back without the old
 *       remarks on either side. Refused: if the owner's list no longer holds the friend, there was
 *       nothing to remove and the call succeeds; an unknown owner is a {@link
 *       io.imfacade.error.NotFoundException}.
 *   <li><b>Remarks</b> are the friend's {@code alias} ({@code friend/update.action}). Refused: a
 *       friend missing from the owner's list (or an owner without a list) is a {@link
 *       io.imfacade.error.NotFoundException}.
 *   <li><b>Blocking</b> has no batch endpoint. The owner's list is read first, so that unknown
 *       accounts ({@link io.imfacade.error.NotFoundException}) and a list that would go over its
 *       3000 ({@link io.imfacade.error.QuotaExceededException}) are refused before anyone is
 *       blocked, and users already on it are skipped. Then one {@code setSpecialRelation} per
 *       user, in the order given, stopping at the first failure (a change by someone else in
 *       between, a transport failure), which it throws; the users before it are blocked then, and
 *       repeating the call is harmless. A refusal of one of these writes is read back like an add.
 *   <li><b>Unblocking</b> a user who is not on the list succeeds, whatever the server answers.
 * </ul>
 *
 * <p><b>Lists.</b> {@code friend/get.action} (with {@code updatetime=0}: every friend) and {@code
 * listBlackAndMuteList.action} return the whole list, in an order NetEase does not document; v1 has
 * no server paging. Each page request reads the whole list and pages it on the client, sorted by
 * id ({@link ClientPaging}), so the order is stable whatever the server's. An answer without the
 * documented array, or with an item that names no user, is malformed, never an empty list. A list
 * read refused for an unknown owner is a {@link io.imfacade.error.NotFoundException}.
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
  private final Accounts accounts;
  private final int contactsMax;
  private final int blockListMax;

  NeteaseContacts(RemoteCore<NeteaseApi> core, VendorLimits limits) {
    this.core = core;
    this.accounts = new Accounts(core);
    this.contactsMax = limits.contactsMax();
    this.blockListMax = limits.blockListMax();
  }

  @Override
  public void addContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_ADD;
    try {
      core.call(op, tag -> core.api().addFriend(tag, owner, friend, ADD_DIRECTLY));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      Optional<List<Contact>> ownersFriends = friendsIfKnown(op, owner);
      if (ownersFriends.isPresent() && holds(ownersFriends.get(), friend)) {
        return; // in place: a repeated add, or the replay of one whose answer was lost
      }
      requireExisting(op, e, List.of(owner, friend));
      if (ownersFriends.isPresent() && ownersFriends.get().size() >= contactsMax) {
        throw Accounts.quotaExceeded(e, "the contact list of " + owner + " is full (" + contactsMax + ")");
      }
      Optional<List<Contact>> friendsFriends = friendsIfKnown(op, friend);
      if (friendsFriends.isPresent() && friendsFriends.get().size() >= contactsMax) {
        throw Accounts.quotaExceeded(e, "the contact list of " + friend + " is full (" + contactsMax + ")");
      }
      throw e;
    }
  }

  @Override
  public void removeContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_REMOVE;
    // The friend's alias for the owner: isDeleteAlias is documented for the caller's alias only.
    try {
      core.call(op, tag -> core.api().updateFriend(tag, friend, owner, ""));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      // Not friends (or an unknown account): no alias to clear; the delete below decides.
    }
    try {
      core.call(op, tag -> core.api().deleteFriend(tag, owner, friend, true));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      if (holds(friendsOrNotFound(op, owner), friend)) {
        throw e; // still friends: a real refusal
      }
      // Not friends: nothing to remove.
    }
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    Operation op = Ops.CONTACTS_SET_REMARK;
    try {
      core.call(op, tag -> core.api().updateFriend(tag, owner, friend, remark));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      Optional<List<Contact>> ownersFriends = friendsIfKnown(op, owner);
      if (ownersFriends.isEmpty() || !holds(ownersFriends.get(), friend)) {
        throw Accounts.notFound(e, friend + " is not a contact of " + owner);
      }
      throw e;
    }
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    String after = ClientPaging.after(page, core.details(Ops.CONTACTS_LIST).build());
    return ClientPaging.page(friendsOrNotFound(Ops.CONTACTS_LIST, owner), Contact::userId, after, page.size());
  }

  /**
   * Reads the owner's block list first: an unknown owner or user is refused, and a list that would
   * go over {@code blockListMax} too, before anything is blocked (as one neutral call should be).
   * Then one {@code setSpecialRelation} per user not on the list yet, in the order given, stopping
   * at the first failure, which it throws (the users before it are blocked; repeating the call is
   * harmless).
   */
  @Override
  public void block(String owner, Collection<String> users) {
    Operation op = Ops.CONTACTS_BLOCK;
    List<String> listed = blockListOrNotFound(op, owner);
    Set<String> toBlock = new LinkedHashSet<>(users);
    toBlock.removeAll(listed);
    if (toBlock.isEmpty()) {
      return;
    }
    // The neutral contract (as on Easemob, whose server may apply a request up to an unknown user):
    // every user that exists is blocked, then the unknown ones are named.
    Set<String> unknown = new TreeSet<>(accounts.unknown(op, toBlock));
    toBlock.removeAll(unknown);
    if (listed.size() + toBlock.size() > blockListMax) {
      throw new QuotaExceededException("the block list of " + owner + " would hold " + (listed.size() + toBlock.size())
          + " users, over NetEase's limit of " + blockListMax + "; nobody was blocked", core.details(op).build());
    }
    for (String user : toBlock) {
      try {
        core.call(op, tag -> core.api().setSpecialRelation(tag, owner, user, BLOCK_LIST, ADD));
      } catch (ImException e) {
        if (!Accounts.isUndocumentedRefusal(e)) {
          throw e;
        }
        // Something changed since the list was read, or a lost answer's replay was refused.
        Optional<List<String>> blocked = blockListIfKnown(op, owner);
        if (blocked.isPresent() && blocked.get().contains(user)) {
          continue; // in place: already blocked, or the replay of a block whose answer was lost
        }
        requireExisting(op, e, List.of(owner, user));
        if (blocked.isPresent() && blocked.get().size() >= blockListMax) {
          throw Accounts.quotaExceeded(e, "the block list of " + owner + " is full (" + blockListMax + ")");
        }
        throw e;
      }
    }
    if (!unknown.isEmpty()) {
      int blocked = users.size() - unknown.size();
      throw core.notFound(op, "these users do not exist: " + String.join(", ", unknown) + "; the other " + blocked
          + (blocked == 1 ? " user is" : " users are") + " blocked by " + owner);
    }
  }

  @Override
  public void unblock(String owner, String user) {
    Operation op = Ops.CONTACTS_UNBLOCK;
    try {
      core.call(op, tag -> core.api().setSpecialRelation(tag, owner, user, BLOCK_LIST, REMOVE));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      if (blockListOrNotFound(op, owner).contains(user)) {
        throw e; // still blocked: a real refusal
      }
      // Not blocked: nothing to remove.
    }
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    String after = ClientPaging.after(page, core.details(Ops.CONTACTS_BLOCKED).build());
    return ClientPaging.page(blockListOrNotFound(Ops.CONTACTS_BLOCKED, owner), id -> id, after, page.size());
  }

  // ---- reading back ----

  private static boolean holds(List<Contact> contacts, String user) {
    return contacts.stream().anyMatch(c -> c.userId().equals(user));
  }

  /** Throws a {@link io.imfacade.error.NotFoundException} naming the unknown ones among {@code users}. */
  private void requireExisting(Operation op, ImException refusal, List<String> users) {
    Set<String> unknown = new TreeSet<>(accounts.unknown(op, users));
    if (!unknown.isEmpty()) {
      throw Accounts.notFound(refusal, (unknown.size() == 1 ? "user " : "users ") + String.join(", ", unknown)
          + (unknown.size() == 1 ? " does" : " do") + " not exist");
    }
  }

  /** The owner's friends, or empty when the read is refused (an unknown owner, in every plausible answer). */
  private Optional<List<Contact>> friendsIfKnown(Operation op, String owner) {
    try {
      return Optional.of(friends(Operation.idempotent(op.name()), owner));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** The owner's friends; a refused read of an unknown owner is a {@link io.imfacade.error.NotFoundException}. */
  private List<Contact> friendsOrNotFound(Operation op, String owner) {
    try {
      return friends(Operation.idempotent(op.name()), owner);
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      requireExisting(op, e, List.of(owner));
      throw e;
    }
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

  private Optional<List<String>> blockListIfKnown(Operation op, String owner) {
    try {
      return Optional.of(blockList(Operation.idempotent(op.name()), owner));
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private List<String> blockListOrNotFound(Operation op, String owner) {
    try {
      return blockList(Operation.idempotent(op.name()), owner);
    } catch (ImException e) {
      if (!Accounts.isUndocumentedRefusal(e)) {
        throw e;
      }
      requireExisting(op, e, List.of(owner));
      throw e;
    }
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
