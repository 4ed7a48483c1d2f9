package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.contact.Page;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.spi.LengthLimit;
import io.imfacade.tck.LimitValues.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Groups}: a created group has an id the vendor issued and its owner and
 * members, who are listed (the owner included) page by page and streamed; adding and removing
 * members reports each user, across the vendor's batch size, with the documented outcomes and
 * failures; member attributes follow membership; a deleted group is gone; the declared limits of
 * a group's name and description hold.
 */
public abstract class GroupsContract extends ContractSupport {

  private static final String NAME = "TCK group";
  private static final String DESCRIPTION = "made by the imfacade TCK";

  private Groups groups() {
    return client().groups();
  }

  private Group create(String owner, List<String> members) {
    return groups().create(new NewGroup(owner, NAME, DESCRIPTION, members, 0));
  }

  @Test
  void aCreatedGroupHasAnIssuedIdItsOwnerAndItsMembers() {
    Group created = create(alice(), List.of(bob().toUpperCase(Locale.ROOT), carol()));

    assertThat(created.groupId()).as("the issued id").isNotBlank();
    assertThat(limits().groupId().violation(created.groupId())).as("the issued id against the declared rule").isNull();
    assertThat(created.owner()).isEqualTo(alice());
    assertThat(created.name()).isEqualTo(NAME);
    assertThat(created.memberCount()).as("members with the owner").isEqualTo(3);

    Group read = groups().get(created.groupId()).orElseThrow(() -> new AssertionError("get() of a created group is empty"));
    assertThat(read.groupId()).isEqualTo(created.groupId());
    assertThat(read.owner()).isEqualTo(alice());
    assertThat(read.name()).isEqualTo(NAME);
    assertThat(read.description()).isEqualTo(DESCRIPTION);
    assertThat(read.memberCount()).isEqualTo(3);
    assertThat(groups().allMembers(created.groupId())).as("the owner is a member")
        .containsExactlyInAnyOrder(alice(), bob(), carol());
  }

  @Test
  void twoCreatedGroupsHaveTwoIds() {
    String first = create(alice(), List.of(bob())).groupId();
    String second = create(alice(), List.of(bob())).groupId();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void anUnknownOwnerOrMemberIsNotFound() {
    assertThatThrownBy(() -> create(unknownUser(), List.of(bob()))).as("unknown owner")
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> create(alice(), List.of(bob(), unknownUser()))).as("unknown member")
        .isInstanceOf(NotFoundException.class);
  }

  /** The guard's part, the same everywhere: more members than the group may hold is over the quota. */
  @Test
  void moreMembersThanTheGroupMayHoldIsOverQuota() {
    assertThatThrownBy(() -> groups().create(new NewGroup(alice(), NAME, null, List.of(bob(), carol()), 2)))
        .isInstanceOf(QuotaExceededException.class);
  }

  /**
   * Eight members (fewer if the vendor's groups are smaller) read with pages of three: every
   * member once, the owner included, in the same order each time; the stream gives the same.
   */
  @Test
  void membersArePagedIncludingTheOwnerAndStreamed() {
    int total = Math.min(8, limits().groupSizeMax());
    List<String> others = createUsers("gm", total - 1);
    String group = create(alice(), others).groupId();
    int size = Math.min(3, limits().pageSizeMax());
    List<String> expected = new ArrayList<>(others);
    expected.add(alice());

    List<Page<String>> pages = Paging.pages(page -> groups().members(group, page), size);
    List<String> listed = Paging.items(pages);

    assertThat(listed).as("every member once, the owner included").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(pages.size()).as("pages of %d for %d members", size, total).isGreaterThan(1);
    assertThat(Paging.items(Paging.pages(page -> groups().members(group, page), size))).as("a second read")
        .isEqualTo(listed);
    assertThat(groups().allMembers(group).collect(Collectors.toList())).as("allMembers")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * More users than one batch of the vendor holds: a member already, new users, and unknown users
   * (at the start of the second batch and at the end, enough to cross the batch size while the
   * group keeps room for the new ones). Each is reported under the caller's spelling: {@link
   * MemberChange#ALREADY_MEMBER}, {@link MemberChange#ADDED}, failed with a {@link NotFoundException}.
   */
  @Test
  void addMembersAcrossTheBatchSizeReportsEachUser() {
    int batch = requireBounded("groupMembersBatch", limits().groupMembersBatch());
    int cap = (int) Math.min(limits().groupSizeMax(), batch + 10L);
    int newCount = Math.min(batch + 1, cap - 2);
    int unknownCount = Math.max(1, batch + 1 - newCount);
    List<String> fresh = createUsers("add", newCount);
    String group = groups().create(new NewGroup(alice(), NAME, null, List.of(bob()), cap)).groupId();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < unknownCount; i++) {
      unknown.add(unknownUser());
    }
    String shouted = fresh.get(0).toUpperCase(Locale.ROOT);
    List<String> request = new ArrayList<>();
    request.add(bob());
    request.add(shouted);
    request.addAll(fresh.subList(1, fresh.size()));
    request.add(Math.min(batch, request.size()), unknown.get(0));
    request.addAll(unknown.subList(1, unknown.size()));
    assertThat(request).as("the request").hasSizeGreaterThan(batch);

    BatchOutcome<MemberChange> outcome = groups().addMembers(group, request);

    assertThat(outcome.failed().keySet()).as("failed").containsExactlyInAnyOrderElementsOf(unknown);
    outcome.failed().forEach((user, reason) ->
        assertThat(reason).as("reason for %s", user).isInstanceOf(NotFoundException.class));
    assertThat(outcome.succeeded()).as("succeeded").hasSize(1 + newCount)
        .containsEntry(bob(), MemberChange.ALREADY_MEMBER)
        .containsEntry(shouted, MemberChange.ADDED);
    fresh.subList(1, fresh.size()).forEach(u ->
        assertThat(outcome.succeeded().get(u)).as("outcome of %s", u).isEqualTo(MemberChange.ADDED));
    List<String> members = groups().allMembers(group).collect(Collectors.toList());
    assertThat(members).hasSize(2 + newCount);
    assertThat(new HashSet<>(members)).containsAll(fresh).contains(alice(), bob()).doesNotContainAnyElementsOf(unknown);
    assertThat(groups().get(group).orElseThrow().memberCount()).isEqualTo(2 + newCount);
  }

  /** A full group turns a new member away with a {@link QuotaExceededException}; a member stays one. */
  @Test
  void aFullGroupRefusesANewMember() {
    String group = groups().create(new NewGroup(alice(), NAME, null, List.of(bob(), carol()), 3)).groupId();
    String dave = createUsers("dave", 1).get(0);

    BatchOutcome<MemberChange> outcome = groups().addMembers(group, List.of(bob(), dave));

    assertThat(outcome.succeeded()).isEqualTo(Map.of(bob(), MemberChange.ALREADY_MEMBER));
    assertThat(outcome.failed().get(dave)).as("outcome of a new member of a full group")
        .isInstanceOf(QuotaExceededException.class);
    assertThat(groups().allMembers(group)).containsExactlyInAnyOrder(alice(), bob(), carol());
  }

  @Test
  void removeMembersReportsEachUserAndRefusesTheOwner() {
    String dave = createUsers("dave", 1).get(0);
    String group = create(alice(), List.of(bob(), carol())).groupId();

    BatchOutcome<MemberChange> outcome = groups().removeMembers(group,
        List.of(bob().toUpperCase(Locale.ROOT), dave, alice()));

    assertThat(outcome.succeeded()).isEqualTo(Map.of(bob().toUpperCase(Locale.ROOT), MemberChange.REMOVED,
        dave, MemberChange.NOT_A_MEMBER));
    assertThat(outcome.failed().keySet()).containsExactly(alice());
    assertThat(outcome.failed().get(alice())).as("removing the owner").isInstanceOf(InvalidRequestException.class);
    assertThat(groups().allMembers(group)).containsExactlyInAnyOrder(alice(), carol());
    assertThat(groups().get(group).orElseThrow().memberCount()).isEqualTo(2);
  }

  /** Member attributes belong to members of a created group, and leave with a removed member. */
  @Test
  void memberAttributesFollowMembership() {
    requireCapability(Capability.GROUP_MEMBER_ATTRIBUTES);
    String group = create(alice(), List.of(bob())).groupId();
    groups().addMembers(group, List.of(carol()));

    client().groupMemberAttributes().set(group, bob(), Map.of("role", "admin"));
    client().groupMemberAttributes().set(group, carol(), Map.of("role", "guest"));
    assertThat(client().groupMemberAttributes().get(group, bob())).isEqualTo(Map.of("role", "admin"));
    assertThat(client().groupMemberAttributes().get(group, carol())).isEqualTo(Map.of("role", "guest"));

    groups().removeMembers(group, List.of(bob()));

    assertThatThrownBy(() -> client().groupMemberAttributes().get(group, bob())).as("a removed member")
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client().groupMemberAttributes().set(group, bob(), Map.of("role", "x")))
        .isInstanceOf(NotFoundException.class);
    assertThat(client().groupMemberAttributes().get(group, carol())).isEqualTo(Map.of("role", "guest"));
  }

  @Test
  void aDeletedGroupIsGone() {
    String group = create(alice(), List.of(bob())).groupId();

    groups().delete(group);

    assertThat(groups().get(group)).isEmpty();
    assertThatThrownBy(() -> groups().addMembers(group, List.of(carol()))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> groups().removeMembers(group, List.of(bob()))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> groups().delete(group)).as("deleting it again").isInstanceOf(NotFoundException.class);
    if (client().capabilities().contains(Capability.GROUP_MEMBER_ATTRIBUTES)) {
      assertThatThrownBy(() -> client().groupMemberAttributes().get(group, bob())).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void anUnknownGroupIsAbsentAndNotFound() {
    assertThat(groups().get(unknownGroup())).isEmpty();
    assertThatThrownBy(() -> groups().delete(unknownGroup())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> groups().addMembers(unknownGroup(), List.of(bob()))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void nameAtItsLimitRoundTripsAndOneUnitMoreIsRefused() {
    LengthLimit limit = requireBounded("groupName", limits().groupName());

    for (Sample s : LimitValues.samples(limit)) {
      Group created = groups().create(NewGroup.of(alice(), s.atLimit(), List.of(bob())));
      assertThat(groups().get(created.groupId()).orElseThrow().name()).as("name at its limit of %s", s)
          .isEqualTo(s.atLimit());

      assertInvalid(() -> groups().create(NewGroup.of(alice(), s.overLimit(), List.of(bob()))), "name");
    }
  }

  @Test
  void descriptionAtItsLimitRoundTripsAndOneUnitMoreIsRefused() {
    LengthLimit limit = requireBounded("groupDescription", limits().groupDescription());

    for (Sample s : LimitValues.samples(limit)) {
      Group created = groups().create(new NewGroup(alice(), NAME, s.atLimit(), List.of(bob()), 0));
      assertThat(groups().get(created.groupId()).orElseThrow().description()).as("description at its limit of %s", s)
          .isEqualTo(s.atLimit());

      assertInvalid(() -> groups().create(new NewGroup(alice(), NAME, s.overLimit(), List.of(bob()), 0)),
          "description");
    }
  }

  @Test
  void malformedInputIsRefused() {
    String group = create(alice(), List.of(bob())).groupId();

    assertInvalid(() -> groups().create(NewGroup.of(alice(), " ", List.of(bob()))), "name");
    assertInvalid(() -> groups().create(NewGroup.of("a/b", NAME, List.of(bob()))), "owner");
    assertInvalid(() -> groups().addMembers(group, List.of()), "userIds");
    assertInvalid(() -> groups().removeMembers(group, List.of()), "userIds");
    assertInvalid(() -> groups().get("a/b"), "groupId");
    assertThat(groups().allMembers(group)).containsExactlyInAnyOrder(alice(), bob());
  }
}
