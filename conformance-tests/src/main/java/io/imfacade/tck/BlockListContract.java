package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of block lists in {@link ContactGraph} ({@link Capability#BLOCK_LIST}): blocking and
 * unblocking are idempotent and one-sided, block lists are independent of contacts, paging visits
 * every blocked user once in a stable order. The block list's size limit is checked by {@link
 * LimitsContract}.
 */
public abstract class BlockListContract extends ContractSupport {

  /** Skips every test of this contract, with the reason, unless the client declares {@link Capability#BLOCK_LIST}. */
  @BeforeEach
  protected final void requireBlockList() {
    requireCapability(Capability.BLOCK_LIST);
  }

  private ContactGraph contacts() {
    return client().contacts();
  }

  private List<String> blocked(String owner) {
    return contacts().allBlocked(owner).collect(Collectors.toList());
  }

  @Test
  void newUserBlocksNobody() {
    Page<String> page = contacts().blocked(alice(), PageRequest.first(50));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isEmpty();
    assertThat(contacts().allBlocked(alice())).isEmpty();
  }

  @Test
  void blockedUsersAreListed() {
    contacts().block(alice(), List.of(bob(), carol()));

    assertThat(blocked(alice())).containsExactlyInAnyOrder(bob(), carol());
    Page<String> page = contacts().blocked(alice(), PageRequest.first(50));
    assertThat(page.items()).containsExactlyInAnyOrder(bob(), carol());
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void blockingUnknownUsersBlocksTheOthersAndNamesTheUnknown() {
    String ghost = unknownUser();

    assertThatThrownBy(() -> contacts().block(alice(), List.of(bob(), ghost, carol())), "block with an unknown user")
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains(ghost));
    assertThat(blocked(alice())).containsExactlyInAnyOrder(bob(), carol());
  }

  @Test
  void blockingForAnUnknownOwnerIsNotFoundAndBlocksNobody() {
    String ghost = unknownUser();

    assertThatThrownBy(() -> contacts().block(ghost, List.of(bob())), "block by an unknown owner")
        .isInstanceOf(NotFoundException.class);
    assertThat(blocked(bob())).isEmpty();
  }

  @Test
  void blockingTwiceChangesNothing() {
    contacts().block(alice(), List.of(bob()));
    contacts().block(alice(), List.of(bob(), carol()));
    contacts().block(alice(), List.of(carol(), carol()));

    assertThat(blocked(alice())).containsExactlyInAnyOrder(bob(), carol());
  }

  @Test
  void unblockRemovesOnlyThatUser() {
    contacts().block(alice(), List.of(bob(), carol()));

    contacts().unblock(alice(), bob());

    assertThat(blocked(alice())).containsExactly(carol());
  }

  @Test
  void unblockingAUserNotBlockedSucceeds() {
    contacts().unblock(alice(), bob());
    contacts().block(alice(), List.of(bob()));
    contacts().unblock(alice(), bob());
    contacts().unblock(alice(), bob());

    assertThat(blocked(alice())).isEmpty();
  }

  @Test
  void blockingIsOneSided() {
    contacts().block(alice(), List.of(bob()));

    assertThat(blocked(bob())).isEmpty();
  }

  @Test
  void blockedFriendStaysAContact() {
    contacts().addContact(alice(), bob());

    contacts().block(alice(), List.of(bob()));

    assertThat(contacts().allContacts(alice()).map(Contact::userId)).containsExactly(bob());
    assertThat(contacts().allContacts(bob()).map(Contact::userId)).containsExactly(alice());
    contacts().unblock(alice(), bob());
    assertThat(contacts().allContacts(alice()).map(Contact::userId)).as("after unblock").containsExactly(bob());
  }

  @Test
  void blockingDoesNotMakeAContactAndContactsDoNotChangeTheBlockList() {
    contacts().block(alice(), List.of(bob()));
    assertThat(contacts().allContacts(alice())).isEmpty();

    contacts().addContact(alice(), bob());
    contacts().removeContact(alice(), bob());

    assertThat(blocked(alice())).containsExactly(bob());
  }

  @Test
  void blockIdsAreCaseInsensitiveAndReadInLowerCase() {
    contacts().block(alice().toUpperCase(Locale.ROOT), List.of(bob().toUpperCase(Locale.ROOT)));

    assertThat(blocked(alice())).containsExactly(bob());
    contacts().unblock(alice(), bob().toUpperCase(Locale.ROOT));
    assertThat(blocked(alice())).isEmpty();
  }

  /** 120 blocked users read 50 at a time: three pages, the last one short and without a cursor. */
  @Test
  void pagingVisitsEveryBlockedUserOnceAndEndsWithoutCursor() {
    List<String> users = createUsers("k", 120);
    contacts().block(alice(), users);

    List<Page<String>> pages = Paging.pages(p -> contacts().blocked(alice(), p), 50);

    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).items()).hasSize(50);
    assertThat(pages.get(1).items()).hasSize(50);
    assertThat(pages.get(2).items()).hasSize(20);
    assertThat(pages.get(2).nextCursor()).as("cursor of the last page").isEmpty();
    assertThat(Paging.items(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(users);
  }

  @Test
  void pagingOrderIsStableAndAllBlockedStreamsThePagedUnion() {
    List<String> users = createUsers("k", 120);
    contacts().block(alice(), users.subList(0, 60));
    contacts().block(alice(), users.subList(60, 120));

    List<String> first = Paging.items(Paging.pages(p -> contacts().blocked(alice(), p), 50));
    List<String> second = Paging.items(Paging.pages(p -> contacts().blocked(alice(), p), 50));

    assertThat(second).as("a second traversal").isEqualTo(first);
    assertThat(blocked(alice())).as("allBlocked").isEqualTo(first);
    assertThat(first).containsExactlyInAnyOrderElementsOf(users);
  }

  /** The same behaviour on every provider: blocking nobody is a mistake, not a no-op. */
  @Test
  void blockingNobodyIsRefused() {
    assertInvalid(() -> contacts().block(alice(), List.of()), "users");
    assertThatThrownBy(() -> contacts().block(alice(), null)).isInstanceOf(InvalidRequestException.class);

    assertThat(blocked(alice())).isEmpty();
  }

  @Test
  void malformedIdIsRefusedBeforeAnyoneIsBlocked() {
    assertThatThrownBy(() -> contacts().block(alice(), Arrays.asList(bob(),
            "a/b"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> contacts().block(alice(), Arrays.asList(bob(), null)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> contacts().block("a#b", List.of(bob()))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> contacts().unblock(alice(), "a?b")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> contacts().blocked("", PageRequest.first(10))).isInstanceOf(InvalidRequestException.class);

    assertThat(blocked(alice())).isEmpty();
  }
}
