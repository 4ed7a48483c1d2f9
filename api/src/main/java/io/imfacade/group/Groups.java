package io.imfacade.group;

import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.contact.Pages;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Groups and their members (Easemob/Shengwang chat groups, NetEase advanced teams). Group ids are
 * issued by the vendor at creation. The owner is a member. Implementations are thread-safe.
 */
public interface Groups {

  /**
   * Creates a group.
   *
   * @return the group, with the id the vendor issued
   * @throws io.imfacade.error.NotFoundException if the owner or a member does not exist
   */
  Group create(NewGroup group);

  /** The group, or empty when there is none. */
  Optional<Group> get(String groupId);

  /**
   * Adds members (chunked to the vendor's batch size); each user's outcome is reported ({@link
   * MemberChange#ADDED} or {@link MemberChange#ALREADY_MEMBER}, or failed with the reason, such as a
   * {@link io.imfacade.error.NotFoundException} for an unknown user or a {@link
   * io.imfacade.error.QuotaExceededException} for a full group).
   *
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   */
  BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds);

  /**
   * Removes members (chunked); each user's outcome is reported ({@link MemberChange#REMOVED} or
   * {@link MemberChange#NOT_A_MEMBER}). The owner cannot be removed: delete the group instead.
   *
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   */
  BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds);

  /** One page of the group's members, the owner included, in a stable order. */
  Page<String> members(String groupId, PageRequest page);

  /** Every member of the group, fetched page by page as the stream is consumed. */
  default Stream<String> allMembers(String groupId) {
    return Pages.stream(page -> members(groupId, page), io.imfacade.contact.ContactGraph.DEFAULT_STREAM_PAGE_SIZE);
  }

  /**
   * Deletes the group and its members' attributes.
   *
   * @throws io.imfacade.error.NotFoundException if the group does not exist
   */
  void delete(String groupId);
}
