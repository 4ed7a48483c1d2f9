package io.imfacade.easemob.family.internal;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Contacts, remarks and block lists over the family's user-relationship endpoints (seed 002).
 *
 * <p>The vendors document the answers to unknown users (404) and to a remark for a non-friend (400
 * "updateRemark they are not friends, ...", which the error mapper turns into a {@link
 * NotFoundException}), but not the answers to repeating a relation that is there, or removing one
 * that is not. Where such an answer may be a refusal, the list is read back and decides
 * (FIDELITY.md, "contacts"):
 *
 * <ul>
 *   <li><b>Adding</b> a contact that is there already succeeds. A refusal (a 4xx other than 401,
 *       404, 429) is followed by one read of the owner's contacts: if the friend is among them the
 *       effect is in place, whether the two were contacts before or a retried request already
 *       landed, and the call succeeds; otherwise the refusal stands (a full list, 403 {@code
 *       exceed_limit}, is a {@link QuotaExceededException}).
 *   <li><b>Removing</b> a contact or <b>unblocking</b> a user that is not there succeeds. A 404
 *       (unknown owner, unknown user, or perhaps "not a relation") or a refusal is followed by one
 *       read of the owner's list: an unknown owner fails that read with 404, a relation still in
 *       the list keeps the failure, and otherwise there was nothing to remove.
 *   <li><b>Blocking</b> sends at most {@value #BLOCK_CHUNK} users per request (Agora's English doc,
 *       facts §3), in order. The caller's contract: every user that exists ends up blocked; when
 *       some do not exist the call then throws a {@link NotFoundException} naming them (and saying
 *       how many others were blocked), the same on every provider. The vendor documents 404 for an
 *       unknown user but not whether the rest of that request is applied, so a 404 is narrowed
 *       down by sending halves of the request again (blocking is a set addition, harmless to
 *       repeat) until each unknown user is alone in a refused request; a 200 whose {@code data}
 *       leaves requested users out is checked against the block list. A refusal is checked against
 *       the block list too: users already on it count as blocked (a repeat, or a retry whose first
 *       attempt landed), the others are sent once more, and a list that cannot take them is a
 *       {@link QuotaExceededException}.
 * </ul>
 *
 * <p><b>Paging:</b> a contact page asks for remarks ({@code needReturnRemark=true}); the next
 * cursor is read from the top-level {@code cursor} or from {@code data.cursor} (the doc shows
 * neither, facts §4), and an absent, null or blank cursor ends the list. A page without its
 * documented list ({@code data.contacts}, or {@code data} of the block list) is malformed, not
 * empty. Contacts come newest first, as the vendor documents.
 */
final class FamilyContacts implements ContactGraph {

  /** Largest number of users in one block request. */
  static final int BLOCK_CHUNK = 50;

  /** The most ids the unpaged contact list answers ({@code GET users/{o}/contacts/users}, facts §4). */
  static final int ALL_CONTACTS_MAX = 3000;

  private final RemoteCore<EasemobApi> core;
  private final int contactsMax;
  private final int blockListMax;
  private final int pageSize;

  FamilyContacts(RemoteCore<EasemobApi> core, int contactsMax, int blockListMax, int pageSizeMax) {
    this.core = core;
    this.contactsMax = contactsMax;
    this.blockListMax = blockListMax;
    this.pageSize = Math.min(pageSizeMax, BLOCK_CHUNK);
  }

  /**
   * Whether the vendor refused the request itself (a 4xx that is neither authentication, nor "not
   * found", nor a timeout, nor a rate limit): the answers a repeated or redundant write may get.
   */
  static boolean refused(ImException e) {
    int status = e.httpStatus().orElse(0);
    return status >= 400 && status < 500 && status != 401 && status != 404 && status != 408 && status != 429
        && !(e instanceof RateLimitedException);
  }

  @Override
  public void addContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_ADD;
    try {
      core.call(op, tag -> core.api().addContact(tag, owner, friend));
    } catch (ImException e) {
      if (!refused(e) || !hasContact(op, owner, friend)) {
        throw e;
      }
      // Contacts already: before the call, or through a retried request that landed.
    }
  }

  @Override
  public void removeContact(String owner, String friend) {
    Operation op = Ops.CONTACTS_REMOVE;
    try {
      core.call(op, tag -> core.api().removeContact(tag, owner, friend));
    } catch (ImException e) {
      if (!(e instanceof NotFoundException) && !refused(e)) {
        throw e;
      }
      // An unknown owner fails this read with 404; a friend still listed keeps the failure.
      if (hasContact(op, owner, friend)) {
        throw e;
      }
    }
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    // Not friends: 400 "updateRemark they are not friends, ..." -> NotFoundException (error mapper).
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

  /**
   * Whether {@code friend} is among {@code owner}'s contacts, read back. The unpaged list gives the
   * newest 3000; a longer list (Shengwang's plans allow 10000) is paged through for an older one.
   */
  private boolean hasContact(Operation op, String owner, String friend) {
    Wire.IdListResponse all = core.call(op, tag -> core.api().allContactIds(tag, owner));
    if (all == null || all.data() == null) {
      throw core.malformed(op, "the contact list has no 'data' list");
    }
    List<String> ids = Wire.lowerCaseIds(all.data());
    if (ids.contains(friend)) {
      return true;
    }
    if (all.data().size() < ALL_CONTACTS_MAX) {
      return false;
    }
    Set<String> cursors = new HashSet<>();
    PageRequest request = PageRequest.first(pageSize);
    for (int pages = 0; pages <= contactsMax / pageSize + 1; pages++) {
      Page<Contact> page = contacts(owner, request);
      if (page.items().stream().anyMatch(c -> c.userId().equals(friend))) {
        return true;
      }
      String next = page.nextCursor().orElse(null);
      if (next == null || page.items().isEmpty() || !cursors.add(next)) {
        return false;
      }
      request = PageRequest.after(next, pageSize);
    }
    return false;
  }

  @Override
  public void block(String owner, Collection<String> users) {
    List<String> ids = List.copyOf(users);
    Blocking blocking = new Blocking(owner);
    for (int from = 0; from < ids.size(); from += BLOCK_CHUNK) {
      blocking.send(ids.subList(from, Math.min(ids.size(), from + BLOCK_CHUNK)));
    }
    if (!blocking.unknown.isEmpty()) {
      int blocked = ids.size() - blocking.unknown.size();
      ErrorDetails details = blocking.firstNotFound != null ? blocking.firstNotFound.details()
          : core.details(Ops.CONTACTS_BLOCK).build();
      throw new NotFoundException("these users do not exist: " + String.join(", ", blocking.unknown) + "; the other "
          + blocked + (blocked == 1 ? " user is" : " users are") + " blocked by " + owner, details, blocking.firstNotFound);
    }
  }

  /** One call of {@link #block}: what it found out so far. */
  private final class Blocking {
    final Operation op = Ops.CONTACTS_BLOCK;
    final String owner;
    /** The users found not to exist, in the caller's order. */
    final Set<String> unknown = new LinkedHashSet<>();
    @Nullable NotFoundException firstNotFound;

    Blocking(String owner) {
      this.owner = owner;
    }

    void send(List<String> chunk) {
      Wire.IdListResponse answer;
      try {
        answer = core.call(op, tag -> core.api().block(tag, owner, new Wire.UsernamesRequest(chunk)));
      } catch (NotFoundException e) {
        notFound(chunk, e);
        return;
      } catch (ImException e) {
        if (!refused(e)) {
          throw e;
        }
        refusedChunk(chunk, e);
        return;
      }
      if (answer == null || answer.data() == null) {
        throw core.malformed(op, "the block answer has no 'data' list");
      }
      List<String> missing = new ArrayList<>(chunk);
      missing.removeAll(Wire.lowerCaseIds(answer.data()));
      if (!missing.isEmpty()) {
        // Left out of 'data': blocked before (if the server lists only what it added), or skipped
        // as unknown. The list tells them apart.
        Set<String> blocked = blockList();
        missing.stream().filter(u -> !blocked.contains(u)).forEach(unknown::add);
      }
    }

    /** A 404: the owner or some user of the chunk is unknown. */
    private void notFound(List<String> chunk, NotFoundException e) {
      if (firstNotFound == null) {
        firstNotFound = e;
        // An unknown owner: this read fails with the vendor's 404 too, and nothing was blocked.
        core.call(op, tag -> core.api().blockPage(tag, owner, 1, null));
      }
      if (chunk.size() == 1) {
        unknown.add(chunk.get(0));
        return;
      }
      // Whether the rest of the request was applied is not documented: halves go again until each
      // unknown user is alone in a refused request.
      int half = chunk.size() / 2;
      send(chunk.subList(0, half));
      send(chunk.subList(half, chunk.size()));
    }

    /** A refusal: users blocked already, a full list, or a reason the block list cannot explain. */
    private void refusedChunk(List<String> chunk, ImException e) {
      Set<String> blocked = blockList();
      List<String> pending = new ArrayList<>(chunk);
      pending.removeAll(blocked);
      if (pending.isEmpty()) {
        return; // all on the list: blocked before, or by a retried request that landed
      }
      if (blocked.size() + pending.size() > blockListMax) {
        throw new QuotaExceededException("the block list of " + owner + " holds " + blocked.size() + " users and cannot take "
            + pending.size() + " more within its limit of " + blockListMax + "; the users before them in this call are blocked",
            e.details(), e);
      }
      if (pending.size() < chunk.size()) {
        send(pending); // refused for the users on the list already: the others once more
        return;
      }
      throw e;
    }

    /**
     * Every user on the owner's block list: the unpaged read answers the newest 500, the list's
     * documented cap; a cursor, should one come, is followed.
     */
    private Set<String> blockList() {
      Wire.IdListResponse page = core.call(op, tag -> core.api().blockList(tag, owner));
      Set<String> blocked = new HashSet<>();
      Set<String> cursors = new HashSet<>();
      for (int pages = 0; ; pages++) {
        if (page == null || page.data() == null) {
          throw core.malformed(op, "the block list has no 'data' list");
        }
        blocked.addAll(Wire.lowerCaseIds(page.data()));
        String cursor = Wire.cursor(page.cursor());
        if (cursor == null || page.data().isEmpty() || !cursors.add(cursor) || pages > blockListMax / pageSize + 1) {
          return blocked;
        }
        page = core.call(op, tag -> core.api().blockPage(tag, owner, pageSize, cursor));
      }
    }
  }

  @Override
  public void unblock(String owner, String user) {
    Operation op = Ops.CONTACTS_UNBLOCK;
    try {
      core.call(op, tag -> core.api().unblock(tag, owner, user));
    } catch (ImException e) {
      if (!(e instanceof NotFoundException) && !refused(e)) {
        throw e;
      }
      // An unknown owner fails this read with 404; a user still on the list keeps the failure.
      Wire.IdListResponse list = core.call(op, tag -> core.api().blockList(tag, owner));
      if (list == null || list.data() == null) {
        throw core.malformed(op, "the block list has no 'data' list");
      }
      if (Wire.lowerCaseIds(list.data()).contains(user)) {
        throw e;
      }
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
