package io.imfacade.contact;

import java.util.Collection;
import java.util.stream.Stream;

/**
 * Users' contact (friend) lists, remarks and block lists. Implementations are thread-safe.
 *
 * <p>Contacts are two-way: adding B to A's list also adds A to B's, and removing removes both.
 * Block lists are independent of contacts: blocking a friend keeps the friendship. User ids are
 * case-insensitive (see {@link io.imfacade.profile.UserProfileService}) and come back in lower
 * case. A relation of a user with themselves (contact, remark, block) is refused with an {@link
 * io.imfacade.error.InvalidRequestException}.
 *
 * <p>The streaming methods follow the cursors lazily and stop safely on a server that repeats a
 * cursor or keeps answering empty pages (see {@link Pages}).
 */
public interface ContactGraph {

  /** The page size the streaming methods use: the largest every built-in vendor accepts. */
  int DEFAULT_STREAM_PAGE_SIZE = 50;

  /**
   * Makes {@code owner} and {@code friend} contacts of each other. Adding an existing contact
   * succeeds and changes nothing.
   *
   * @throws io.imfacade.error.InvalidRequestException if an id is malformed or both are the same
   * @throws io.imfacade.error.NotFoundException if either user does not exist
   * @throws io.imfacade.error.QuotaExceededException if a contact list is full
   */
  void addContact(String owner, String friend);

  /** Ends the contact relation both ways. Succeeds when the two were not contacts. */
  void removeContact(String owner, String friend);

  /**
   * Sets {@code owner}'s remark for {@code friend}; {@code null} or {@code ""} removes it. Needs
   * {@link io.imfacade.Capability#CONTACT_REMARK}.
   *
   * @throws io.imfacade.error.NotFoundException if the two are not contacts
   */
  void setRemark(String owner, String friend, String remark);

  /**
   * One page of {@code owner}'s contacts, in a stable order: following {@link Page#nextCursor()}
   * to the end visits every contact once.
   */
  Page<Contact> contacts(String owner, PageRequest page);

  /** Every contact of {@code owner}, fetched page by page as the stream is consumed. */
  default Stream<Contact> allContacts(String owner) {
    return Pages.stream(page -> contacts(owner, page), DEFAULT_STREAM_PAGE_SIZE);
  }

  /**
   * Adds users to {@code owner}'s block list; already blocked users are left as they are. Needs
   * {@link io.imfacade.Capability#BLOCK_LIST}. {@code users} must name at least one user, and not
   * the owner.
   *
   * @throws io.imfacade.error.NotFoundException if {@code owner} does not exist (nobody is blocked),
   *     or some of {@code users} do not exist: every user that exists is blocked, and the message
   *     names the others
   * @throws io.imfacade.error.QuotaExceededException if the block list would exceed the vendor's
   *     size; a provider that has to send several requests may have blocked some users already
   */
  void block(String owner, Collection<String> users);

  /** Removes one user from {@code owner}'s block list. Succeeds when the user was not blocked. */
  void unblock(String owner, String user);

  /** One page of {@code owner}'s block list, in a stable order. */
  Page<String> blocked(String owner, PageRequest page);

  /** Every user {@code owner} has blocked, fetched page by page as the stream is consumed. */
  default Stream<String> allBlocked(String owner) {
    return Pages.stream(page -> blocked(owner, page), DEFAULT_STREAM_PAGE_SIZE);
  }
}
